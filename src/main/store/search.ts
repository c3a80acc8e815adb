// Full-text search over the archive (record_search, migration 8). What a person types is never
// handed to FTS5 as query syntax: it is cut into words and "quoted phrases", each written back as
// an FTS5 string (quotes doubled), so NEAR, AND, *, ^, colons and unbalanced parentheses are just
// text and no input can make the query throw. Bare words match as prefixes (search as you type);
// a quoted phrase matches as written. Diacritics are folded by the index's tokenizer.
import type { ReadableDB, WritableDB } from './handles';

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
  /** every match, across the datasets searched */
  total: number;
  /** matches per dataset, most matches first */
  datasets: { dataset: string; count: number }[];
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

/** Above this many matches the first page walks the datasets' time index instead of sorting every match. */
const WALK_INDEX_FROM = 5000;

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
const sortKey = 'coalesce(r.at, -9007199254740991)';

function parseCursor(after: string | null | undefined): [number, number] | null {
  if (!after) return null;
  const m = /^(-?\d+):(\d+)$/.exec(after);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

export function searchRecords(db: ReadableDB, input: string, opts: SearchOptions): SearchResult {
  const match = ftsQuery(input);
  if (match === null) return { total: 0, datasets: [], hits: [], next: null };
  const only = opts.datasets?.length ? JSON.stringify(opts.datasets) : null;
  const inDatasets = only ? 'AND r.dataset IN (SELECT value FROM json_each(@only))' : '';
  const from = `FROM record_search f JOIN records r ON r.id = f.rowid WHERE record_search MATCH @match ${inDatasets}`;
  const params = { match, ...(only ? { only } : {}) };

  const counts = db.prepare(`SELECT r.dataset AS dataset, count(*) AS count ${from} GROUP BY r.dataset ORDER BY count DESC, r.dataset`).all(params) as {
    dataset: string;
    count: number;
  }[];
  const total = counts.reduce((n, c) => n + c.count, 0);
  if (total === 0) return { total, datasets: counts, hits: [], next: null };

  let rows: { id: number; dataset: string; at: number | null; k?: number }[];
  let next: string | null = null;
  const cursor = parseCursor(opts.after);
  // Many matches: joining each to its record and sorting them all costs more than walking each
  // matching dataset's (dataset, at) index newest first and stopping after `limit` matches.
  const walkIndex = total > WALK_INDEX_FROM && !cursor;
  if (walkIndex) {
    const newest = db.prepare(
      `SELECT r.id, r.dataset, r.at, ${sortKey} AS k FROM records r
       WHERE r.dataset = @dataset AND r.id IN (SELECT rowid FROM record_search WHERE record_search MATCH @match)
       ORDER BY r.at DESC, r.id DESC LIMIT @limit`,
    );
    const per = counts.filter((c) => c.count > 0).map((c) => newest.all({ match, dataset: c.dataset, limit: opts.limit + 1 }) as typeof rows);
    if (opts.perDataset) {
      rows = per.flatMap((r) => r.slice(0, opts.limit));
    } else {
      rows = per.flat().sort((a, b) => b.k! - a.k! || b.id - a.id);
    }
  } else if (opts.perDataset) {
    rows = db
      .prepare(
        `SELECT id, dataset, at, k FROM (
           SELECT r.id, r.dataset, r.at, ${sortKey} AS k, row_number() OVER (PARTITION BY r.dataset ORDER BY ${sortKey} DESC, r.id DESC) AS n ${from}
         ) WHERE n <= @limit`,
      )
      .all({ ...params, limit: opts.limit }) as typeof rows;
  } else {
    rows = db
      .prepare(
        `SELECT r.id, r.dataset, r.at, ${sortKey} AS k ${from} ${cursor ? `AND (${sortKey}, r.id) < (@k, @id)` : ''}
         ORDER BY k DESC, r.id DESC LIMIT @limit`,
      )
      .all({ ...params, limit: opts.limit + 1, ...(cursor ? { k: cursor[0], id: cursor[1] } : {}) }) as typeof rows;
  }
  if (opts.perDataset) {
    // datasets in the order of their newest hit, newest first within each
    const newestOf = new Map<string, number>();
    for (const r of rows) newestOf.set(r.dataset, Math.max(newestOf.get(r.dataset) ?? -Infinity, r.k!));
    rows.sort((a, b) => newestOf.get(b.dataset)! - newestOf.get(a.dataset)! || a.dataset.localeCompare(b.dataset) || b.k! - a.k! || b.id - a.id);
  } else if (rows.length > opts.limit) {
    rows.length = opts.limit;
    const last = rows.at(-1)!;
    next = `${last.k}:${last.id}`;
  }

  const snippets = new Map(
    db
      .prepare(`SELECT rowid, snippet(record_search, 0, char(2), char(3), '…', 16) FROM record_search WHERE record_search MATCH ? AND rowid IN (SELECT value FROM json_each(?))`)
      .raw()
      .all(match, JSON.stringify(rows.map((r) => r.id))) as [number, string | null][],
  );
  const hits = rows.map((r) => ({ dataset: r.dataset, recordId: r.id, at: r.at, ...marked(snippets.get(r.id) ?? '') }));
  return { total, datasets: counts, hits, next };
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
