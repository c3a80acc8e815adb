// One-time or ongoing: what a grant's access is follows from its scopes (portability scopes say it
// in their name; Login Kit, Display and Content Posting keep a renewable login, so they are
// ongoing). Only when the person noted no scopes may they say it themselves; until they do, the
// catalog's default (ongoing) keeps the app on the review list rather than silently off it.
import type { Access } from '../../shared/sharing';
import { SCOPE_CATALOG } from './app-scopes';

export interface GrantAccess {
  access: Access;
  /** true when the scopes decide it; false when the person chose it or the default applies */
  derived: boolean;
  /** whether a person may set it (only when no known scope decides it) */
  editable: boolean;
  /** the known scopes that make it ongoing, in the order given */
  ongoingScopes: string[];
}

export function grantAccess(scopes: readonly string[], chosen?: Access | null, catalog = SCOPE_CATALOG): GrantAccess {
  const rule = catalog.access;
  const known = scopes.map((id) => catalog.scope(id)).filter((sc) => sc !== undefined);
  if (known.length === 0) {
    return { access: chosen ?? rule.defaultWhenUnknown, derived: false, editable: rule.editableWhenNoScopes, ongoingScopes: [] };
  }
  const ongoingScopes = [...new Set(known.filter((sc) => sc.access === 'ongoing').map((sc) => sc.id))];
  const anyOngoing = ongoingScopes.length > 0;
  const allOngoing = ongoingScopes.length === new Set(known.map((sc) => sc.id)).size;
  const access: Access = (rule.ongoingIfAnyScope ? anyOngoing : allOngoing) ? 'ongoing' : 'one-time';
  return { access, derived: true, editable: false, ongoingScopes };
}
