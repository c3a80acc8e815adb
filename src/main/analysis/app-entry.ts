// Checks one entry of the register of apps a person has given access (the export lists none, so
// people note them by hand). Returns every problem, as BAD_APP_ENTRY codes with { field, reason }
// and the reason's parameters, so a form can mark each field at once; checkAppEntry() throws the
// first as a FootprintError for doors that stop at one.
import { FootprintError, type ApiError, type ErrorParams } from '../../shared/errors';
import { CLAIMS, type Access } from '../../shared/sharing';
import { grantAccess } from './app-access';
import { dayNumber } from './app-days';
import { SCOPE_CATALOG } from './app-scopes';

export const APP_NAME_MAX = 100;

export interface AppEntryInput {
  /** the stored entry's id when editing; absent for a new one */
  id?: string | number | null;
  name: string;
  scopes: readonly string[];
  claims?: readonly string[];
  /** YYYY-MM-DD */
  grantedOn: string;
  lastReviewedOn?: string | null;
  revokedOn?: string | null;
  reviewIntervalDays?: number | null;
  /** one-time or ongoing, said by the person: only when no scope decides it */
  access?: Access | null;
}

export interface ExistingApp {
  id: string | number;
  name: string;
  revokedOn?: string | null;
}

/** The same app name however it was typed: case, accents composed or not, spaces around. */
export function sameAppName(a: string, b: string): boolean {
  const norm = (x: string) => x.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a) === norm(b);
}

export function appEntryIssues(
  entry: AppEntryInput,
  context: { today: string; existing?: readonly ExistingApp[] },
  catalog = SCOPE_CATALOG,
): ApiError[] {
  const issues: ApiError[] = [];
  const issue = (field: string, reason: string, extra: ErrorParams = {}) => issues.push({ code: 'BAD_APP_ENTRY', params: { field, reason, ...extra } });

  const name = entry.name.trim();
  if (name === '') issue('name', 'empty');
  else if (name.length > APP_NAME_MAX) issue('name', 'too_long', { max: APP_NAME_MAX });

  for (const scope of entry.scopes) if (!catalog.scope(scope)) issue('scopes', 'unknown_scope', { scope });
  for (const claim of entry.claims ?? []) if (!(CLAIMS as readonly string[]).includes(claim)) issue('claims', 'unknown_claim', { claim });

  const today = dayNumber(context.today);
  if (today === null) throw new RangeError(`today is not a day: ${context.today}`); // the caller's clock, not input
  const granted = dayNumber(entry.grantedOn);
  const dates: [field: string, value: string | null | undefined][] = [
    ['grantedOn', entry.grantedOn],
    ['lastReviewedOn', entry.lastReviewedOn],
    ['revokedOn', entry.revokedOn],
  ];
  for (const [field, value] of dates) {
    if (value == null) continue;
    const d = dayNumber(value);
    if (d === null) issue(field, 'not_a_date');
    else if (d > today) issue(field, 'in_future');
    else if (field !== 'grantedOn' && granted !== null && d < granted) issue(field, 'before_grant', { grantedOn: entry.grantedOn });
  }

  const { minIntervalDays: min, maxIntervalDays: max } = catalog.review;
  const interval = entry.reviewIntervalDays;
  if (interval != null && (!Number.isInteger(interval) || interval < min || interval > max)) issue('reviewIntervalDays', 'interval', { min, max });

  if (entry.access != null) {
    const derived = grantAccess(entry.scopes, null, catalog);
    if (!derived.editable && derived.access !== entry.access) issue('access', 'access_derived');
  }

  // two active entries for one app would split its reviews; a removed one may be added again
  if (!entry.revokedOn && name !== '') {
    const twin = context.existing?.find((x) => !x.revokedOn && x.id !== entry.id && sameAppName(x.name, name));
    if (twin) issue('name', 'duplicate', { name: twin.name });
  }
  return issues;
}

/** Throws the first problem as FootprintError('BAD_APP_ENTRY', …); returns quietly when there is none. */
export function checkAppEntry(entry: AppEntryInput, context: { today: string; existing?: readonly ExistingApp[] }, catalog = SCOPE_CATALOG): void {
  const [first] = appEntryIssues(entry, context, catalog);
  if (first) throw new FootprintError(first.code, first.params);
}
