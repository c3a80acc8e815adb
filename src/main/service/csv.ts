// CSV and JSON text of exported records, pure (no files): the CLI's export and the window's
// "export this view" both write these lines. CSV opens in spreadsheet programs, which run a cell
// that looks like a formula, and exported text comes from other people (comments, messages): such
// cells get a leading apostrophe (OWASP's advice), also when the formula hides behind characters a
// spreadsheet skips or folds (whitespace, NBSP, BOM, zero-width, full-width ＝＋－＠).
import type { RecordRow } from '../../shared/contract';
import { formatTime } from '../../shared/time';

/** Written first, so Excel reads the file as UTF-8 (Swedish letters, emoji). */
export const UTF8_BOM = '\ufeff';

/**
 * What a spreadsheet may skip before reading a formula: whitespace, NBSP, BOM, zero-width and every
 * other invisible format character (\p{Cf}: soft hyphen, direction marks and overrides, joiners).
 */
const INVISIBLE = '[\\s\\u00a0\\ufeff\\u180e\\u200b-\\u200d\\u2060\\p{Cf}]*';
/** = + - @ in their ASCII, full-width (＝＋－＠) and small (﹦﹢﹣﹫) forms */
const FORMULA = new RegExp(`^(?:[\\t\\r\\0]|${INVISIBLE}[=+\\-@\\uff1d\\uff0b\\uff0d\\uff20\\ufe66\\ufe62\\ufe63\\ufe6b])`, 'u');

/** One CSV cell: neutralised when text could run as a formula, quoted when it holds , " or a line break. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  if (typeof v === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: readonly unknown[]): string => cells.map(csvCell).join(',');

const iso = (ms: number | null): string | null => (ms === null ? null : formatTime(ms));

/**
 * The lines of an export of records: CSV (a header of `at` and every field any row has, so the rows
 * are read twice: `rows` is called once per pass) or a JSON list of {at, …fields}. The first CSV
 * line starts with the BOM; lines carry no line break.
 */
export function* exportLines(rows: () => Iterable<RecordRow>, format: 'csv' | 'json'): Generator<string> {
  if (format === 'json') {
    yield* jsonListLines((function* () {
      for (const r of rows()) yield { at: iso(r.at), ...r.fields };
    })());
    return;
  }
  const columns = new Set<string>();
  for (const r of rows()) for (const k of Object.keys(r.fields)) columns.add(k);
  const cols = [...columns];
  yield UTF8_BOM + csvLine(['at', ...cols]);
  for (const r of rows()) yield csvLine([iso(r.at) ?? '', ...cols.map((c) => r.fields[c] ?? '')]);
}

/** Objects as `JSON.stringify(list, null, 2)` writes them, one line group at a time. */
export function* jsonListLines(items: Iterable<object>): Generator<string> {
  let previous: object | undefined;
  const item = (o: object, last: boolean) => '  ' + JSON.stringify(o, null, 2).replace(/\n/g, '\n  ') + (last ? '' : ',');
  for (const o of items) {
    if (previous === undefined) yield '[';
    else yield item(previous, false);
    previous = o;
  }
  if (previous === undefined) {
    yield '[]';
    return;
  }
  yield item(previous, true);
  yield ']';
}
