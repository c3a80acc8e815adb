// The scope catalog, read once from resources/sharing/scopes.json and checked whole
// (src/shared/sharing.ts): a broken file stops Footprint at start-up, never mid-review.
// src/shared may not import resources/, so this is the one place the JSON is imported.
import scopesJson from '../../../resources/sharing/scopes.json';
import { parseScopeCatalog, type ScopeCatalog } from '../../shared/sharing';

export const SCOPE_CATALOG: ScopeCatalog = parseScopeCatalog(scopesJson);
