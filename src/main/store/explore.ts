// A dataset as a table: sorted by any column, filtered by a time range, by column values and by
// text, read a page at a time with keyset pagination (the page after the last row's sort value and
// id: no OFFSET, so page 500 costs what page 1 does and rows do not shift between pages), counted
// per value for facets, and streamed whole for export.
//
// Sorting by `at` (the default, newest first) reads the (dataset, at) index. Other columns live in
// the record's JSON and, for the fields a dataset covers, in the indexed field values
// (field-values.ts): a sort by one is a range of that index, a value filter index lookups, a facet
// one ordered pass. A field not covered is read from the JSON (a scratch sort table, below).
// Missing values (a field a record lacks) sort first ascending and last descending, as SQLite
// orders NULL; from the JSON a page walks the non-NULL and the NULL rows as two segments so each is
// a plain row-value range over (value, id); in the field values a missing value is -Infinity, one
// range. Cursors carry a missing value as null either way.
import type { ReadableDB } from './handles';
import type { RawRecord } from './records';
import { jsonPath, recordRows } from './records';
import { searchFilterSql, searchableDatasetIds, ftsQuery } from './search';
import { changeStamp, keptScratchTable } from './scratch';
import { coversField, lookupCandidates, MISSING, MISSING_SQL } from './field-values';
import type { RecordRow } from '../../shared/contract';
import { datasetSpec } from '../../shared/catalog';

export type SortValue = string | number | null;

export interface ExploreFilter {
  dataset: string;
  /** at >= from (epoch ms) */
  from?: number;
  /** at < to (epoch ms) */
  to?: number;
  /** per field: the record's value is one of these (compared as text; null: the field is missing) */
  where?: Record<string, readonly SortValue[]>;
  /** the typed text filter (FTS for searchable datasets, else a substring of the record's values) */
  search?: string;
  /** only records this snapshot held */
  snapshotId?: number;
}

export interface ExploreSort {
  /** 'at', 'id' or a field of the record */
  field: string;
  dir: 'asc' | 'desc';
}

/** A position in a sorted dataset: the last row's sort value and id. */
export type Cursor = [SortValue, number];

export interface ExplorePageRows {
  rows: RecordRow[];
  /** the cursor after the last row, null when it is the last page */
  next: Cursor | null;
  /** the first row's cursor (read the other way from it for the rows before), null without rows */
  first: Cursor | null;
}

const fieldExpr = (field: string): string => (field === 'at' ? 'r.at' : field === 'id' ? 'r.id' : `(r.data ->> ${jsonPath(field)})`);

interface Built {
  where: string;
  params: Record<string, unknown>;
  /** a value filter reads the field values' index: few rows to count from there, however large the dataset */
  byValues?: boolean;
}

/** The WHERE clause of a filter (no cursor), with its named parameters. */
export function filterSql(db: ReadableDB, f: ExploreFilter): Built {
  const parts = ['r.dataset = @dataset'];
  const params: Record<string, unknown> = { dataset: f.dataset };
  let byValues = false;
  if (f.snapshotId !== undefined) {
    parts.push('EXISTS (SELECT 1 FROM record_snapshots rs WHERE rs.snapshot_id = @snapshotId AND rs.record_id = r.id)');
    params.snapshotId = f.snapshotId;
  }
  if (f.from !== undefined) {
    parts.push('r.at >= @from');
    params.from = f.from;
  }
  if (f.to !== undefined) {
    parts.push('r.at < @to');
    params.to = f.to;
  }
  let i = 0;
  for (const [field, values] of Object.entries(f.where ?? {})) {
    const text = values.filter((v) => v !== null).map(String);
    if (field !== 'at' && field !== 'id' && coversField(db, f.dataset, field)) {
      // index lookups: each text (and the number it spells), then the exact text, as from the JSON
      const alts: string[] = [];
      if (text.length) {
        alts.push(
          `SELECT record_id FROM record_values WHERE dataset = @dataset AND field = @f${i} AND v IN (SELECT value FROM json_each(@c${i}))
             AND CAST(v AS TEXT) COLLATE BINARY IN (SELECT value FROM json_each(@w${i}))`,
        );
        params[`c${i}`] = lookupCandidates(text);
        params[`w${i}`] = JSON.stringify(text);
      }
      if (values.includes(null)) alts.push(`SELECT record_id FROM record_values WHERE dataset = @dataset AND field = @f${i} AND v = ${MISSING_SQL}`);
      params[`f${i}`] = field;
      parts.push(alts.length ? `r.id IN (${alts.join(' UNION ALL ')})` : '0');
      byValues = true;
      i++;
      continue;
    }
    const expr = fieldExpr(field);
    const alts: string[] = [];
    if (text.length) {
      alts.push(`CAST(${expr} AS TEXT) IN (SELECT value FROM json_each(@w${i}))`);
      params[`w${i}`] = JSON.stringify(text);
    }
    if (values.includes(null)) alts.push(`${expr} IS NULL`);
    parts.push(alts.length ? `(${alts.join(' OR ')})` : '0');
    i++;
  }
  if (f.search !== undefined && f.search.trim() !== '') {
    const match = ftsQuery(f.search);
    if (match !== null && searchable(f.dataset)) {
      parts.push(searchFilterSql('r'));
      params.search = match;
    } else {
      // not indexed: a substring of any of the record's values (case-insensitive for ASCII, as LIKE is)
      parts.push(`EXISTS (SELECT 1 FROM json_each(r.data) j WHERE CAST(j.value AS TEXT) LIKE @like ESCAPE '\\')`);
      params.like = `%${f.search.slice(0, 1000).replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    }
  }
  return { where: parts.join(' AND '), params, byValues };
}

let searchableDatasets: Set<string> | undefined;

/** Datasets the search index covers (the view's list, read once per process). */
function searchable(dataset: string): boolean {
  return searchableDatasets?.has(dataset) ?? false;
}

/** Reads which datasets record_search covers (migration 5's view). */
export function loadSearchable(db: ReadableDB): void {
  searchableDatasets ??= new Set(searchableDatasetIds(db));
}

/**
 * A sort by a record field would read and sort the whole dataset for every page. Instead its
 * (id, value) pairs are copied once into an indexed scratch table in the connection's temp schema
 * (memory), kept until the archive changes; every page is then a range read of that index.
 * The tables are scratch: building one changes nothing in the archive (handles.ts).
 */
function sortTable(db: ReadableDB, dataset: string, field: string): string {
  return keptScratchTable(db, 'explore_sort', `${dataset}\u0000${field}`, (name) => {
    db.exec(`CREATE TEMP TABLE ${name} (id INTEGER PRIMARY KEY, v)`);
    db.prepare(`INSERT INTO temp.${name} (id, v) SELECT id, data ->> ${jsonPath(field)} FROM records WHERE dataset = ?`).run(dataset);
    db.exec(`CREATE INDEX temp.${name}_v ON ${name} (v COLLATE NOCASE, id)`);
  });
}

/** One page of the filtered, sorted dataset after `after` (from the start when null). */
export function explorePage(db: ReadableDB, f: ExploreFilter, sort: ExploreSort, after: Cursor | null, limit: number): ExplorePageRows {
  loadSearchable(db);
  const { where, params } = filterSql(db, f);
  const byColumn = sort.field === 'at' || sort.field === 'id';
  if (!byColumn && coversField(db, f.dataset, sort.field)) return valuesPage(db, where, { ...params, sortField: sort.field }, sort.dir, after, limit);
  // a record field: read through its sort table, values compared as people read them (ASCII case folded)
  const table = byColumn ? null : sortTable(db, f.dataset, sort.field);
  const source = table ? `temp.${table} s CROSS JOIN records r ON r.id = s.id` : 'records r';
  const expr = table ? 's.v COLLATE NOCASE' : fieldExpr(sort.field);
  const id = table ? 's.id' : 'r.id';
  const desc = sort.dir === 'desc';
  const dir = desc ? 'DESC' : 'ASC';
  const cmp = desc ? '<' : '>';
  const run = (cond: string, order: string, extra: Record<string, unknown>, n: number): (RawRecord & { sv: SortValue })[] =>
    db.prepare(`SELECT r.*, ${expr} AS sv FROM ${source} WHERE ${where} AND ${cond} ORDER BY ${order} LIMIT @n`).all({ ...params, ...extra, n }) as (RawRecord & {
      sv: SortValue;
    })[];
  // the two segments in this direction's order: values (ordered by value, id), then or before NULLs (by id)
  const values = (n: number) =>
    after && after[0] !== null
      ? run(`${expr} IS NOT NULL AND (${expr}, ${id}) ${cmp} (@cv, @cid)`, `${expr} ${dir}, ${id} ${dir}`, { cv: after[0], cid: after[1] }, n)
      : run(`${expr} IS NOT NULL`, `${expr} ${dir}, ${id} ${dir}`, {}, n);
  const nulls = (n: number) =>
    after && after[0] === null ? run(`${expr} IS NULL AND ${id} ${cmp} @cid`, `${expr} ${dir}, ${id} ${dir}`, { cid: after[1] }, n) : run(`${expr} IS NULL`, `${expr} ${dir}, ${id} ${dir}`, {}, n);
  const want = limit + 1;
  let rows: (RawRecord & { sv: SortValue })[];
  if (desc) {
    // values first; a cursor in the NULL segment has passed them
    rows = after && after[0] === null ? [] : values(want);
    if (rows.length < want) rows = rows.concat(nulls(want - rows.length));
  } else {
    rows = after && after[0] !== null ? [] : nulls(want);
    if (rows.length < want) rows = rows.concat(values(want - rows.length));
  }
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const last = rows.at(-1);
  return { rows: recordRows(db, rows), next: more && last ? [last.sv, last.id] : null, first: rows[0] ? [rows[0].sv, rows[0].id] : null };
}

/** A page sorted by a covered field: one range of the field values' index, missing values as -Infinity. */
function valuesPage(db: ReadableDB, where: string, params: Record<string, unknown>, dir: 'asc' | 'desc', after: Cursor | null, limit: number): ExplorePageRows {
  const desc = dir === 'desc';
  const order = desc ? 'DESC' : 'ASC';
  const cond = after ? `AND (s.v, s.record_id) ${desc ? '<' : '>'} (@cv, @cid)` : '';
  const rows = db
    .prepare(
      `SELECT r.*, s.v AS sv FROM record_values s CROSS JOIN records r ON r.id = s.record_id
       WHERE s.dataset = @dataset AND s.field = @sortField ${cond} AND ${where}
       ORDER BY s.v ${order}, s.record_id ${order} LIMIT @n`,
    )
    .all({ ...params, n: limit + 1, ...(after ? { cv: after[0] ?? MISSING, cid: after[1] } : {}) }) as (RawRecord & { sv: SortValue })[];
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const cursor = (r: (typeof rows)[number] | undefined): Cursor | null => (r ? [r.sv === MISSING ? null : r.sv, r.id] : null);
  return { rows: recordRows(db, rows), next: more ? cursor(rows.at(-1)) : null, first: cursor(rows[0]) };
}

/** Whether a snapshot holds every record the archive keeps of a dataset (its filter then keeps them all). */
export function snapshotHoldsAll(db: ReadableDB, snapshotId: number, dataset: string): boolean {
  const held = db.prepare('SELECT records FROM snapshot_datasets WHERE snapshot_id = ? AND dataset = ?').pluck().get(snapshotId, dataset) as number | undefined;
  return held !== undefined && held === exploreCount(db, { dataset });
}

/** How many records the filter keeps. */
export function exploreCount(db: ReadableDB, f: ExploreFilter): number {
  loadSearchable(db);
  // No filter: each record is new in exactly one snapshot (new-counts.ts keeps those counts through
  // imports, deletes and forgetting), so the dataset's records are the sum of its new counts, and a
  // snapshot's are its stored count: a few rows instead of counting a million index entries.
  const unfiltered = f.from === undefined && f.to === undefined && !Object.keys(f.where ?? {}).length && (f.search ?? '').trim() === '';
  if (unfiltered && f.snapshotId === undefined) {
    return db.prepare('SELECT coalesce(sum(new), 0) FROM snapshot_datasets WHERE dataset = ?').pluck().get(f.dataset) as number;
  }
  if (unfiltered) return (db.prepare('SELECT records FROM snapshot_datasets WHERE snapshot_id = ? AND dataset = ?').pluck().get(f.snapshotId, f.dataset) as number | undefined) ?? 0;
  const { where, params, byValues } = filterSql(db, f);
  // with a value filter, the count starts from the index's matches (looked up by id), not from every
  // record of the dataset checked against them: the unary + keeps SQLite off the dataset index
  const sql = byValues ? where.replace(/^r\.dataset = @dataset/, '+r.dataset = @dataset') : where;
  return db.prepare(`SELECT count(*) FROM records r WHERE ${sql}`).pluck().get(params) as number;
}

/** The cursor that starts a page at a time: the first row at or before it (newest first), at or after it (oldest first). */
export function cursorAtTime(at: number, dir: 'asc' | 'desc'): Cursor {
  return dir === 'desc' ? [at, Number.MAX_SAFE_INTEGER] : [at, 0];
}

export interface FacetCount {
  value: SortValue;
  count: number;
}

/**
 * The most common values of a field among the filtered records, most common first; `unordered`:
 * every value in no particular order (a caller that regroups them, as the IP facets do, skips
 * sorting 50,000 addresses).
 */
export function facetCounts(db: ReadableDB, f: ExploreFilter, field: string, limit: number, unordered = false): { values: FacetCount[]; distinct: number } {
  loadSearchable(db);
  if (field !== 'at' && field !== 'id' && coversField(db, f.dataset, field)) return valueFacet(db, f, field, limit, unordered && limit === Infinity);
  const { where, params } = filterSql(db, f);
  const all = db
    .prepare(`SELECT ${fieldExpr(field)} AS value, count(*) AS count FROM records r WHERE ${where} GROUP BY value ORDER BY count DESC, value LIMIT @limit`)
    .all({ ...params, limit: limit === Infinity ? -1 : limit }) as FacetCount[];
  const distinct = db.prepare(`SELECT count(DISTINCT ${fieldExpr(field)}) + max(${fieldExpr(field)} IS NULL) FROM records r WHERE ${where}`).pluck().get(params) as number | null;
  return { values: all, distinct: distinct ?? 0 };
}

/**
 * The condition that keeps a field's index entries to the filtered records ('' when nothing is
 * filtered: the whole range is theirs), with its parameters.
 */
export function amongFiltered(db: ReadableDB, f: ExploreFilter): { among: string; params: Record<string, unknown> } {
  const filtered = f.from !== undefined || f.to !== undefined || f.snapshotId !== undefined || Object.keys(f.where ?? {}).length > 0 || (f.search ?? '').trim() !== '';
  if (!filtered) return { among: '', params: { dataset: f.dataset } };
  return { among: `AND record_id IN temp.${filteredIds(db, f)}`, params: { dataset: f.dataset } };
}

/**
 * The ids a filter keeps, in a scratch table kept until the archive changes: a table's facets are
 * several passes over the same filtered records (six for logins), and each asking the filter
 * again (a snapshot's 150,000 records checked one by one) cost more than the pass itself.
 */
function filteredIds(db: ReadableDB, f: ExploreFilter): string {
  const key = JSON.stringify([f.dataset, f.from, f.to, f.where, f.search, f.snapshotId]);
  return keptScratchTable(db, 'explore_ids', key, (name) => {
    const { where, params } = filterSql(db, f);
    db.exec(`CREATE TEMP TABLE ${name} (id INTEGER PRIMARY KEY)`);
    db.prepare(`INSERT INTO temp.${name} (id) SELECT r.id FROM records r WHERE ${where} ORDER BY r.id`).run(params);
  });
}

/**
 * A facet of a covered field: one ordered pass over its index entries (joined to the filtered
 * records only when there are filters). The index groups text with ASCII case folded; a group that
 * holds more than one spelling is split, so counts are per exact value, as from the JSON.
 */
function valueFacet(db: ReadableDB, f: ExploreFilter, field: string, limit: number, unordered: boolean): { values: FacetCount[]; distinct: number } {
  const { among, params: filterParams } = amongFiltered(db, f);
  const params = { ...filterParams, facetField: field };
  const groups = db
    .prepare(
      `SELECT v, count(*) AS n, min(v COLLATE BINARY) <> max(v COLLATE BINARY) AS mixed FROM record_values
       WHERE dataset = @dataset AND field = @facetField ${among} GROUP BY v`,
    )
    .raw()
    .all(params) as [SortValue, number, number | null][];
  const split = db
    .prepare(`SELECT v COLLATE BINARY AS b, count(*) FROM record_values WHERE dataset = @dataset AND field = @facetField AND v = @one ${among} GROUP BY b`)
    .raw();
  const all: FacetCount[] = [];
  for (const [v, n, mixed] of groups) {
    if (mixed) for (const [b, m] of split.all({ ...params, one: v }) as [SortValue, number][]) all.push({ value: b, count: m });
    else all.push({ value: v === MISSING ? null : v, count: n });
  }
  if (unordered) return { values: all, distinct: all.length };
  // text compared by its UTF-8 bytes, as SQLite does; UTF-16 order is the same unless a surrogate pair is involved
  const bytes = all.some((x) => typeof x.value === 'string' && SURROGATE.test(x.value));
  all.sort((a, b) => b.count - a.count || sqliteOrder(a.value, b.value, bytes));
  return { values: limit === Infinity ? all : all.slice(0, limit), distinct: all.length };
}

const SURROGATE = /[\uD800-\uDFFF]/;
const typeRank = (v: SortValue): number => (v === null ? 0 : typeof v === 'number' ? 1 : 2);
/** SQLite's order of values (NULL, numbers, text by bytes), as the JSON facet's ORDER BY value gave it. */
function sqliteOrder(a: SortValue, b: SortValue, bytes: boolean): number {
  const r = typeRank(a) - typeRank(b);
  if (r !== 0 || a === null) return r;
  if (typeof a === 'number') return a - (b as number);
  const x = a as string;
  const y = b as string;
  // UTF-16 order is UTF-8 byte order but where a surrogate pair meets U+E000–U+FFFF
  if (bytes) return Buffer.compare(Buffer.from(x), Buffer.from(y));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Every filtered record in the sort's order, one at a time (export); the same pages, streamed. */
export function* iterateExplore(db: ReadableDB, f: ExploreFilter, sort: ExploreSort, chunk = 2000): Generator<RecordRow> {
  let after: Cursor | null = null;
  for (;;) {
    const page = explorePage(db, f, sort, after, chunk);
    yield* page.rows;
    if (!page.next) return;
    after = page.next;
  }
}

/** A table's columns: the catalog's fields of the dataset, then any other field its newest records use. */
export function tableColumns(db: ReadableDB, dataset: string): string[] {
  const names = (datasetSpec(dataset)?.fields ?? []).map((f) => f.name);
  for (const k of datasetFieldNames(db, dataset)) if (!names.includes(k)) names.push(k);
  return names;
}

/** Field names the newest records of a dataset use (opaque datasets keep whatever TikTok wrote). */
export function datasetFieldNames(db: ReadableDB, dataset: string, sample = 500): string[] {
  return db
    .prepare(
      `SELECT j.key FROM (SELECT data FROM records WHERE dataset = ? ORDER BY at DESC LIMIT ?) r, json_each(r.data) j
       GROUP BY j.key ORDER BY min(j.id), j.key`,
    )
    .pluck()
    .all(dataset, sample) as string[];
}

/** Whether the cursor a caller sends back has the shape this module hands out. */
export function isCursor(v: unknown): v is Cursor {
  return (
    Array.isArray(v) &&
    v.length === 2 &&
    (v[0] === null || typeof v[0] === 'string' || (typeof v[0] === 'number' && Number.isFinite(v[0]))) &&
    Number.isSafeInteger(v[1])
  );
}

/** One record and its dataset, or undefined. */
export function recordById(db: ReadableDB, id: number): (RecordRow & { dataset: string }) | undefined {
  const raw = db.prepare('SELECT * FROM records WHERE id = ?').get(id) as (RawRecord & { dataset: string }) | undefined;
  return raw && { dataset: raw.dataset, ...recordRows(db, [raw])[0]! };
}

export { changeStamp };
