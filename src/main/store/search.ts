// Full-text search over the archive (record_search, migration 8). What a person types is never
// handed to FTS5 as query syntax: it is cut into words and "quoted phrases", each written back as
// an FTS5 string (quotes doubled), so NEAR, AND, *, ^, colons and unbalanced parentheses are just
// text and no input can make the query throw. Bare words match as prefixes (search as you type);
// a quoted phrase matches as written. Diacritics are folded by the index's tokenizer.
import type { ReadableDB, WritableDB } from './handles';
import { scratchWrite } from './scratch';

/** Enough for any real query; a pasted 10 kB string is cut, not refused. */
const MAX_INPUT = 1000;
const MAX_TERMS = 16;

/** A letter or digit: a term without one would tokenize to nothing. */
const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * The FTS5 query for what was typed, or null when it holds nothing to look for. Every term is an
 * FTS5 string ("…", inner quotes doubled); bare words get `*` (prefix), phrases do not.
 */
export function ftsQuery(input: string): string | null {
  const text = input.slice(0, MAX_INPUT).replace(/[\u0000-\u001f\u007f]/g, ' ');
  const parts: string[] = [];
  // "a phrase" (an unclosed quote runs to the end) or a bare word
  for (const m of text.matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    if (parts.length === MAX_TERMS) break;
    const phrase = m[1];
    const word = m[2];
    const t = (phrase ?? word ?? '').trim();
    if (!WORDLIKE.test(t)) continue;
    const quoted = `"${t.replace(/"/g, '""')}"`;
    parts.push(phrase === undefined ? `${quoted}*` : quoted);
  }
  return parts.length ? parts.join(' ') : null;
}

export interface SearchHitRow {
  dataset: string;
  recordId: number;
  at: number | null;
  /** a few words around the match */
  snippet: string;
  /** [start, end) UTF-16 offsets of the matched words in snippet */
  marks: [number, number][];
}

export interface SearchResult {
  /** every match across the datasets searched, counted up to COUNT_CAP (see atLeast) */
  total: number;
  /** matches per dataset, most matches first (lower bounds when atLeast) */
  datasets: { dataset: string; count: number }[];
  /** more matched than were counted: total and the counts are "more than" */
  atLeast: boolean;
  hits: SearchHitRow[];
  /** pass as `after` for the hits following these (single ordering: newest first), null at the end */
  next: string | null;
}

export interface SearchOptions {
  /** only these datasets */
  datasets?: readonly string[];
  /** how many hits (newest first across the datasets); with perDataset, per dataset */
  limit: number;
  /** group: up to `limit` newest hits of each dataset, datasets in order of their newest hit */
  perDataset?: boolean;
  /** a `next` from the previous page (not with perDataset) */
  after?: string | null;
}

/** Above this many matches a page walks the datasets' time index instead of sorting every match. */
const WALK_INDEX_FROM = 5000;
/** Matches are counted up to this many; past it the result says "more than". */
export const COUNT_CAP = 10_000;

const OPEN = '\u0002';
const CLOSE = '\u0003';

/** snippet() output with OPEN/CLOSE around matches, as text and mark offsets. */
function marked(raw: string): { snippet: string; marks: [number, number][] } {
  let snippet = '';
  const marks: [number, number][] = [];
  let open = -1;
  for (const ch of raw) {
    if (ch === OPEN) open = snippet.length;
    else if (ch === CLOSE) {
      if (open >= 0 && snippet.length > open) marks.push([open, snippet.length]);
      open = -1;
    } else snippet += ch;
  }
  return { snippet, marks };
}

/** The cursor of a hit in newest-first order: records without a time sort last. */
const NO_TIME = -9007199254740991;
const sortKey = `coalesce(r.at, ${NO_TIME})`;

function parseCursor(after: string | null | undefined): [number, number] | null {
  if (!after) return null;
  const m = /^(-?\d+):(\d+)$/.exec(after);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

type HitRow = { id: number; dataset: string; at: number | null; k: number };

/**
 * The newest `n` matches of one dataset (after a cursor), walking its (dataset, at) index newest
 * first and stopping at `n`: the cost follows the page, not the number of matches. Timed records
 * come first, then those without a time (by id, newest first), as the sort key orders them.
 */
function walkDataset(db: ReadableDB, match: string, dataset: string, n: number, cursor: [number, number] | null): HitRow[] {
  const inIndex = 'r.id IN temp.search_hits';
  const timed = (cond: string, extra: Record<string, unknown>) =>
    db
      .prepare(`SELECT r.id, r.dataset, r.at, r.at AS k FROM records r WHERE r.dataset = @dataset AND r.at IS NOT NULL ${cond} AND ${inIndex} ORDER BY r.at DESC, r.id DESC LIMIT @n`)
      .all({ match, dataset, n, ...extra }) as HitRow[];
  const untimed = (cond: string, extra: Record<string, unknown>, m: number) =>
    db
      .prepare(`SELECT r.id, r.dataset, r.at, ${NO_TIME} AS k FROM records r WHERE r.dataset = @dataset AND r.at IS NULL ${cond} AND ${inIndex} ORDER BY r.id DESC LIMIT @n`)
      .all({ match, dataset, n: m, ...extra }) as HitRow[];
  let rows: HitRow[] = [];
  if (!cursor) rows = timed('', {});
  else if (cursor[0] !== NO_TIME) rows = timed('AND r.at <= @k AND (r.at < @k OR r.id < @id)', { k: cursor[0], id: cursor[1] });
  if (rows.length < n) rows = rows.concat(untimed(cursor && cursor[0] === NO_TIME ? 'AND r.id < @id' : '', cursor ? { id: cursor[1] } : {}, n - rows.length));
  return rows;
}

/** The datasets the search index covers that the archive holds (and the caller asked for). */
function searchedDatasets(db: ReadableDB, only: readonly string[] | undefined): string[] {
  const held = db.prepare('SELECT DISTINCT dataset FROM snapshot_datasets').pluck().all() as string[];
  const indexed = new Set(searchableDatasetIds(db));
  return held.filter((d) => indexed.has(d) && (!only?.length || only.includes(d)));
}

let indexedDatasets: string[] | undefined;
/** Datasets record_search covers, from its view (read once per process). */
export function searchableDatasetIds(db: ReadableDB): string[] {
  if (indexedDatasets) return indexedDatasets;
  const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'record_search_text'").pluck().get() as string | undefined;
  const list = sql ? /WHERE r\.dataset IN \(([^)]*)\)/.exec(sql)?.[1] : undefined;
  return (indexedDatasets = (list ?? '').split(',').map((x) => x.trim().replace(/^'|'$/g, '')).filter(Boolean));
}

export function searchRecords(db: ReadableDB, input: string, opts: SearchOptions): SearchResult {
  const match = ftsQuery(input);
  if (match === null) return { total: 0, datasets: [], atLeast: false, hits: [], next: null };
  const only = opts.datasets?.length ? JSON.stringify(opts.datasets) : null;
  const inDatasets = only ? 'AND r.dataset IN (SELECT value FROM json_each(@only))' : '';
  const from = `FROM record_search f JOIN records r ON r.id = f.rowid WHERE record_search MATCH @match ${inDatasets}`;
  const params = { match, ...(only ? { only } : {}) };

  // counted up to the cap: joining a hundred thousand matches to their records only to count them
  // cost more than the rest of the search
  const counted = db
    .prepare(`SELECT dataset, count(*) AS count FROM (SELECT r.dataset ${from} LIMIT @cap) GROUP BY dataset`)
    .all({ ...params, cap: COUNT_CAP + 1 }) as { dataset: string; count: number }[];
  let total = counted.reduce((n, c) => n + c.count, 0);
  const atLeast = total > COUNT_CAP;
  if (total === 0) return { total, datasets: [], atLeast, hits: [], next: null };

  let rows: HitRow[];
  let next: string | null = null;
  const cursor = parseCursor(opts.after);
  const counts = new Map(counted.map((c) => [c.dataset, c.count]));
  // Many matches: joining each to its record and sorting them all costs more than walking each
  // dataset's (dataset, at) index newest first and stopping after `limit` matches.
  if (total > WALK_INDEX_FROM) {
    // the matches once, in a scratch table every walk probes (FTS5 hands them over in rowid order)
    scratchWrite(db, () => {
      db.exec('CREATE TEMP TABLE IF NOT EXISTS search_hits (id INTEGER PRIMARY KEY)');
      db.exec('DELETE FROM temp.search_hits');
      db.prepare('INSERT INTO temp.search_hits (id) SELECT rowid FROM record_search WHERE record_search MATCH ?').run(match);
    });
    // past the cap a dataset may hold matches none of the counted ones are in: walk every one searched
    const walked = (atLeast ? searchedDatasets(db, opts.datasets) : [...counts.keys()]).map((d) => walkDataset(db, match, d, opts.limit + 1, cursor));
    scratchWrite(db, () => db.exec('DELETE FROM temp.search_hits'));
    for (const w of walked) if (w.length && !counts.has(w[0]!.dataset)) counts.set(w[0]!.dataset, w.length);
    rows = opts.perDataset ? walked.flatMap((r) => r.slice(0, opts.limit)) : walked.flat().sort((a, b) => b.k - a.k || b.id - a.id);
  } else if (opts.perDataset) {
    rows = db
      .prepare(
        `SELECT id, dataset, at, k FROM (
           SELECT r.id, r.dataset, r.at, ${sortKey} AS k, row_number() OVER (PARTITION BY r.dataset ORDER BY ${sortKey} DESC, r.id DESC) AS n ${from}
         ) WHERE n <= @limit`,
      )
      .all({ ...params, limit: opts.limit }) as HitRow[];
  } else {
    rows = db
      .prepare(
        `SELECT r.id, r.dataset, r.at, ${sortKey} AS k ${from} ${cursor ? `AND (${sortKey}, r.id) < (@k, @id)` : ''}
         ORDER BY k DESC, r.id DESC LIMIT @limit`,
      )
      .all({ ...params, limit: opts.limit + 1, ...(cursor ? { k: cursor[0], id: cursor[1] } : {}) }) as HitRow[];
  }
  if (opts.perDataset) {
    // datasets in the order of their newest hit, newest first within each
    const newestOf = new Map<string, number>();
    for (const r of rows) newestOf.set(r.dataset, Math.max(newestOf.get(r.dataset) ?? -Infinity, r.k));
    rows.sort((a, b) => newestOf.get(b.dataset)! - newestOf.get(a.dataset)! || a.dataset.localeCompare(b.dataset) || b.k - a.k || b.id - a.id);
  } else if (rows.length > opts.limit) {
    rows.length = opts.limit;
    const last = rows.at(-1)!;
    next = `${last.k}:${last.id}`;
  }
  const datasets = [...counts].map(([dataset, count]) => ({ dataset, count: Math.min(count, COUNT_CAP) })).sort((a, b) => b.count - a.count || (a.dataset < b.dataset ? -1 : 1));
  total = Math.min(total, COUNT_CAP);

  const snippets = hitSnippets(db, match, rows.map((r) => r.id));
  const hits = rows.map((r) => ({ dataset: r.dataset, recordId: r.id, at: r.at, ...marked(snippets.get(r.id) ?? '') }));
  return { total, datasets, atLeast, hits, next };
}

/**
 * The snippets of a page of hits. Asking record_search for them makes FTS5 run the query again
 * over every match (a prefix of a common word: ~2 ms a hit); the page's texts are instead indexed
 * alone in a small scratch FTS5 table with the same tokenizer and queried there, which gives the
 * same snippets in about a millisecond.
 */
function hitSnippets(db: ReadableDB, match: string, ids: number[]): Map<number, string | null> {
  if (!ids.length) return new Map();
  scratchWrite(db, () => {
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_page USING fts5(text, tokenize='unicode61 remove_diacritics 2')");
    db.exec('DELETE FROM temp.search_page');
    db.prepare('INSERT INTO temp.search_page (rowid, text) SELECT id, text FROM record_search_text WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
  });
  return new Map(
    db.prepare(`SELECT rowid, snippet(search_page, 0, char(2), char(3), '…', 16) FROM temp.search_page WHERE search_page MATCH ?`).raw().all(match) as [number, string | null][],
  );
}

/** The record ids of a dataset matching the typed text, for the table's text filter (see explore.ts). */
export function searchFilterSql(alias: string): string {
  return `${alias}.id IN (SELECT rowid FROM record_search WHERE record_search MATCH @search)`;
}

/**
 * The import writer's bulk mode. Per-row triggers made a million-record import half again as slow
 * (bench: 10.4 s → 16–22 s), while indexing the same text in one statement costs about 1.5 s. So
 * inside the writer's transaction the insert trigger is dropped (DDL is transactional: a rolled-back
 * import gets it back) and `resume` indexes every record added since, then re-creates the trigger
 * exactly as it was, before the transaction commits. Nothing outside the transaction ever sees the
 * index behind the records; deletes and updates keep their triggers throughout.
 */
export function suspendSearchIndexing(db: WritableDB): { resume(): void } {
  const trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'record_search_insert'").pluck().get() as string | undefined;
  if (!trigger) return { resume: () => {} };
  const before = db.prepare('SELECT coalesce(max(id), 0) FROM records').pluck().get() as number;
  db.exec('DROP TRIGGER record_search_insert');
  return {
    resume: () => {
      // new records get ids above every earlier one (store/known-records.ts)
      db.prepare('INSERT INTO record_search (rowid, text) SELECT id, text FROM record_search_text WHERE id > ?').run(before);
      db.exec(trigger);
    },
  };
}

/**
 * For writers that delete many records at once (deleting a snapshot): FTS5's secure-delete
 * rewrites index pages for every deleted document (a million-record snapshot took 17 s instead of
 * 3), so inside the caller's transaction it is switched off, the deletes leave cheap delete
 * markers, and one 'optimize' merges the index into a single segment without them; the setting is
 * restored before the transaction commits. Either way no token of a deleted record is left in the
 * index, and the caller's VACUUM drops the freed pages from the file.
 */
export function bulkSearchDelete<T>(db: WritableDB, deletion: () => T): T {
  db.exec("INSERT INTO record_search (record_search, rank) VALUES ('secure-delete', 0)");
  const result = deletion();
  db.exec("INSERT INTO record_search (record_search) VALUES ('optimize')");
  db.exec("INSERT INTO record_search (record_search, rank) VALUES ('secure-delete', 1)");
  return result;
}
