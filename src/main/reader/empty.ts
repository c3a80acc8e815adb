import { isLazyList } from './lazy-json';

// Every way TikTok writes "nothing here": null, "", "N/A", "None", [] and {} (and Dutch "N.v.t.").
const EMPTY_STRINGS = new Set(['', 'n/a', 'none', 'null', 'n.v.t.', 'nvt']);

export function isEmptyValue(v: unknown, depth = 0): boolean {
  if (depth > 64) return false; // hostile nesting: treat as content, never recurse without bound
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.length < 8 && EMPTY_STRINGS.has(v.trim().toLowerCase());
  if (isLazyList(v)) return v.isEmpty();
  if (Array.isArray(v)) return v.length === 0 || v.every((x) => isEmptyValue(x, depth + 1));
  if (typeof v === 'object') {
    for (const k in v as object) if (!isEmptyValue((v as Record<string, unknown>)[k], depth + 1)) return false;
    return true;
  }
  return false;
}
