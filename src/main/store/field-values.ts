// Field values (migration 10): each record's value of each covered field in one narrow table,
// indexed by (dataset, field, value, record), so that a sort by a field is a range of the index, a
// value filter a few index lookups and a facet one ordered pass over the field's entries, instead
// of reading every record's JSON. A missing value is stored as -Infinity (MISSING), which sorts
// where SQLite sorts NULL and can be matched by equality; a field a dataset does not cover is read
// from the JSON as before (explore.ts), with the same answers.
//
// Covering is lazy: an archive starts with no field covered, and the first query that needs a
// (dataset, field) covers it in one sorted pass (coverFields); from then on triggers and the import
// writer keep it in step. So an import pays only for fields someone sorts, filters or counts by
// (covering every field of every dataset up front cost a 1M import 2.4 s and 130 MB of file).
import type { ReadableDB, WritableDB } from './handles';
import { FootprintError } from '../../shared/errors';
import { jsonPathSql } from './records';

/** What a missing or null value is stored as (SQL: -9e999). */
export const MISSING = -Infinity;
export const MISSING_SQL = '-9e999';

/**
 * Fields never covered: links and free text (what a person wrote: comments, messages, titles).
 * Their values are long and nearly all distinct, so a facet of them says nothing and a value
 * filter on one is rare; covered, every later import would copy their text again (a 400k watch
 * history's links: about 30 MB and half a second per import). A sort by one is read from the JSON
 * through a scratch sort table (explore.ts), built once per connection and archive change (about
 * 0.4 s for 400k links), then a range read like any other. Short categorical text is covered even
 * where it shares a name (shares' `content` is the kind of thing shared: video, profile, LIVE).
 */
const LINKS = new Set(['date', 'link', 'url', 'photo', 'originalPost']);
const FREE_TEXT: Readonly<Record<string, readonly string[]>> = {
  comments: ['comment'],
  messages: ['content'],
  shop_messages: ['content'],
  live_comments: ['content'],
  location_reviews: ['text'],
  posts: ['title'],
  deleted_posts: ['title'],
  live_go_history: ['title'],
};

/** Whether a dataset's field may get its values in record_values (not the columns at/id, links or free text). */
export function coverable(dataset: string, field: string): boolean {
  return field !== 'at' && field !== 'id' && !LINKS.has(field) && !(FREE_TEXT[dataset]?.includes(field) ?? false);
}

/** Whether a dataset's field has its values in record_values. */
export function coversField(db: ReadableDB, dataset: string, field: string): boolean {
  return db.prepare('SELECT 1 FROM record_value_fields WHERE dataset = ? AND field = ?').get(dataset, field) !== undefined;
}

/**
 * Covers the coverable fields of a dataset that are not covered yet, in one short write
 * transaction: each field listed, then the values of every record of the dataset in one sorted
 * statement (in index order, so the b-tree is appended to, not split). It never waits for the
 * write lock: when another connection holds it (an import on the worker, another process) it
 * returns false at once and the caller reads the JSON this time (the same answers, slower) and
 * covers next time. True when every coverable field asked for is covered.
 */
export function coverFields(db: WritableDB, dataset: string, fields: Iterable<string>): boolean {
  const wanted = [...new Set(fields)].filter((f) => coverable(dataset, f) && !coversField(db, dataset, f));
  if (wanted.length === 0) return true;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.transaction(() => {
      const missing = wanted.filter((f) => !coversField(db, dataset, f)); // as of the write lock
      if (missing.length === 0) return;
      const list = JSON.stringify(missing);
      db.prepare('INSERT INTO record_value_fields (dataset, field) SELECT ?, value FROM json_each(?)').run(dataset, list);
      db.prepare(
        `INSERT INTO record_values (dataset, field, v, record_id)
         SELECT r.dataset, f.value, coalesce(r.data ->> ${jsonPathSql('f.value')}, ${MISSING_SQL}), r.id FROM records r, json_each(@list) f
         WHERE r.dataset = @dataset ORDER BY 2, 3 COLLATE NOCASE, 4`,
      ).run({ dataset, list });
    }).immediate();
    return true;
  } catch (e) {
    // busy (another writer) or a file opened read-only: not now
    if (e instanceof FootprintError && e.code === 'DB_BUSY') return false;
    if (String((e as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_READONLY')) return false;
    throw e;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/**
 * The import writer's bulk mode, as for the search index (search.ts suspendSearchIndexing): the
 * per-row insert trigger is dropped inside the writer's transaction and `resume` fills the values
 * of the covered fields of every record added since in one sorted statement, then re-creates the
 * trigger. Fields nobody has asked for cost the import nothing.
 */
export function suspendValueIndexing(db: WritableDB): { resume(datasets: Iterable<string>): void } {
  const trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'record_values_insert'").pluck().get() as string | undefined;
  if (!trigger) return { resume: () => {} };
  const before = db.prepare('SELECT coalesce(max(id), 0) FROM records').pluck().get() as number;
  db.exec('DROP TRIGGER record_values_insert');
  return {
    resume: (datasets) => {
      const covered = db.prepare('SELECT 1 FROM record_value_fields WHERE dataset = ? LIMIT 1').pluck();
      if ([...datasets].some((d) => covered.get(d) !== undefined)) {
        db.prepare(
          `INSERT INTO record_values (dataset, field, v, record_id)
           SELECT r.dataset, f.field, coalesce(r.data ->> ${jsonPathSql('f.field')}, ${MISSING_SQL}), r.id FROM records r JOIN record_value_fields f ON f.dataset = r.dataset
           WHERE r.id > ? ORDER BY 1, 2, 3 COLLATE NOCASE, 4`,
        ).run(before);
      }
      db.exec(trigger);
    },
  };
}

/**
 * The candidates a value filter looks up in the index: each wanted text as text, and as the number
 * it spells (JSON numbers are stored as numbers); the exact text is checked after (explore.ts).
 * A JSON array literal, numbers written as typed so that SQLite reads them exactly.
 */
export function lookupCandidates(texts: readonly string[]): string {
  const out: string[] = [];
  for (const t of texts) {
    out.push(JSON.stringify(t));
    if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(t)) out.push(t);
  }
  return `[${out.join(',')}]`;
}

/**
 * For deleting a snapshot that takes a large part of the archive with it: removing a million
 * index entries one by one costs far more (bench: 1M records, +10 s) than emptying the table and
 * filling it again from the records that stay (about 2 s). So when `share` (the part of the
 * archive's records the deletion may touch) is large, inside the caller's transaction the delete
 * trigger is dropped, the values emptied, the deletion run, the values refilled and the trigger
 * re-created; otherwise the trigger does the work. Either way the table ends exactly in step.
 */
export function bulkValueDelete<T>(db: WritableDB, share: number, deletion: () => T): T {
  const trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'record_values_delete'").pluck().get() as string | undefined;
  if (!trigger || share < 0.25) return deletion();
  db.exec('DROP TRIGGER record_values_delete');
  db.exec('DELETE FROM record_values');
  const result = deletion();
  db.exec(
    `INSERT INTO record_values (dataset, field, v, record_id)
     SELECT r.dataset, f.field, coalesce(r.data ->> ${jsonPathSql('f.field')}, ${MISSING_SQL}), r.id FROM records r JOIN record_value_fields f ON f.dataset = r.dataset ORDER BY 1, 2, 3 COLLATE NOCASE, 4`,
  );
  db.exec(trigger);
  return result;
}
