// Field values (migration 10): each record's value of each covered field in one narrow table,
// indexed by (dataset, field, value, record), so that a sort by a field is a range of the index, a
// value filter a few index lookups and a facet one ordered pass over the field's entries, instead
// of reading every record's JSON. A missing value is stored as -Infinity (MISSING), which sorts
// where SQLite sorts NULL and can be matched by equality; a field a dataset does not cover is read
// from the JSON as before (explore.ts), with the same answers.
//
// Covering happens off the import's clock (migration 11): an import only notes, per covered field
// of the datasets it adds to, from which record id the values are missing (pending_from); after it
// commits, every field of every dataset is covered or completed in the background
// (import/prepare.ts coverEveryField), and a query that finds its field not covered yet covers it
// first (coverFields). So a large import costs no more for the fields people browse by, and once
// the archive is prepared every sort, value filter and facet is an index read.
import type { ReadableDB, WritableDB } from './handles';
import { writeWithoutWaiting } from './no-wait';
import { jsonPathSql } from './records';

/** What a missing or null value is stored as (SQL: -9e999). */
export const MISSING = -Infinity;
export const MISSING_SQL = '-9e999';

/**
 * Whether a dataset's field may get its values in record_values: every field but the columns
 * `at` and `id` and the record's `date` text, whose order is `at`'s. Links and free text are
 * covered too: a sort by them is then a range read like any other, and forgetting a record
 * removes its row here with it (the delete trigger; forgetting then compacts the file).
 */
export function coverable(_dataset: string, field: string): boolean {
  return field !== 'at' && field !== 'id' && field !== 'date';
}

/** Whether a dataset's field has its values in record_values. */
export function coversField(db: ReadableDB, dataset: string, field: string): boolean {
  return db.prepare('SELECT 1 FROM record_value_fields WHERE dataset = ? AND field = ? AND pending_from IS NULL').get(dataset, field) !== undefined;
}

/**
 * Covers the coverable fields of a dataset that are not covered yet, or completes those an import
 * left pending, in one short write transaction: each new field listed, then the values of every
 * record of the dataset (of the records past pending_from for a pending field) in one sorted
 * statement (in index order, so the b-tree is appended to, not split). It never waits for the
 * write lock: when another connection holds it (an import on the worker, another process) it
 * returns false at once and the caller reads the JSON this time (the same answers, slower) and
 * covers next time. True when every coverable field asked for is covered.
 */
export function coverFields(db: WritableDB, dataset: string, fields: Iterable<string>): boolean {
  const wanted = [...new Set(fields)].filter((f) => coverable(dataset, f) && !coversField(db, dataset, f));
  if (wanted.length === 0) return true;
  return writeWithoutWaiting(db, () => {
    // as of the write lock: listed fields with where they are pending from (null: complete)
    const listed = new Map(
      (db.prepare('SELECT field, pending_from FROM record_value_fields WHERE dataset = ?').raw().all(dataset) as [string, number | null][]).map(([f, p]) => [f, p]),
    );
    const fresh = wanted.filter((f) => !listed.has(f));
    if (fresh.length > 0) {
      const list = JSON.stringify(fresh);
      db.prepare('INSERT INTO record_value_fields (dataset, field) SELECT ?, value FROM json_each(?)').run(dataset, list);
      db.prepare(
        `INSERT INTO record_values (dataset, field, v, record_id)
         SELECT r.dataset, f.value, coalesce(r.data ->> ${jsonPathSql('f.value')}, ${MISSING_SQL}), r.id FROM records r, json_each(@list) f
         WHERE r.dataset = @dataset ORDER BY 2, 3 COLLATE NOCASE, 4`,
      ).run({ dataset, list });
    }
    // pending fields, by where they are pending from; OR IGNORE: a record another writer added
    // meanwhile got its row from the insert trigger
    const pending = new Map<number, string[]>();
    for (const f of wanted) {
      const from = listed.get(f);
      if (from !== undefined && from !== null) pending.set(from, [...(pending.get(from) ?? []), f]);
    }
    for (const [from, list] of pending) {
      db.prepare(
        `INSERT OR IGNORE INTO record_values (dataset, field, v, record_id)
         SELECT r.dataset, f.value, coalesce(r.data ->> ${jsonPathSql('f.value')}, ${MISSING_SQL}), r.id FROM records r, json_each(@list) f
         WHERE r.dataset = @dataset AND r.id > @from ORDER BY 2, 3 COLLATE NOCASE, 4`,
      ).run({ dataset, list: JSON.stringify(list), from });
      db.prepare('UPDATE record_value_fields SET pending_from = NULL WHERE dataset = ? AND field IN (SELECT value FROM json_each(?))').run(dataset, JSON.stringify(list));
    }
  });
}

/**
 * The import writer's bulk mode, as for the search index (search.ts suspendSearchIndexing): the
 * per-row insert trigger is dropped inside the writer's transaction, and `resume` notes, for the
 * covered fields of the datasets the import added records to, that the values of records past the
 * ones the archive held before are pending (filled after the commit: coverFields), then re-creates
 * the trigger. The import itself copies no values.
 */
export function suspendValueIndexing(db: WritableDB): { resume(datasets: Iterable<string>): void } {
  const trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'record_values_insert'").pluck().get() as string | undefined;
  if (!trigger) return { resume: () => {} };
  const before = db.prepare('SELECT coalesce(max(id), 0) FROM records').pluck().get() as number;
  db.exec('DROP TRIGGER record_values_insert');
  return {
    resume: (datasets) => {
      db.prepare(
        `UPDATE record_value_fields SET pending_from = min(coalesce(pending_from, @before), @before)
         WHERE dataset IN (SELECT value FROM json_each(@datasets))`,
      ).run({ before, datasets: JSON.stringify([...datasets]) });
      db.exec(trigger);
    },
  };
}

/**
 * What is left to cover in the archive: for each dataset that has records, smallest first (most
 * tables are ready soonest), the coverable fields among `columnsOf(dataset)` that are not covered
 * or are pending.
 */
export function fieldsToCover(db: ReadableDB, columnsOf: (dataset: string) => readonly string[]): { dataset: string; fields: string[] }[] {
  const datasets = db.prepare('SELECT dataset FROM snapshot_datasets GROUP BY dataset HAVING sum(new) > 0 ORDER BY sum(new), dataset').pluck().all() as string[];
  const out: { dataset: string; fields: string[] }[] = [];
  for (const dataset of datasets) {
    const fields = columnsOf(dataset).filter((f) => coverable(dataset, f) && !coversField(db, dataset, f));
    if (fields.length > 0) out.push({ dataset, fields });
  }
  return out;
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
  const placesTrigger = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'ip_places_delete'").pluck().get() as string | undefined;
  db.exec('DROP TRIGGER record_values_delete');
  // the places go with the values (the next preparation reads those of the addresses that stay)
  if (placesTrigger) db.exec('DROP TRIGGER ip_places_delete; DELETE FROM ip_places');
  db.exec('DELETE FROM record_values');
  const result = deletion();
  db.exec(
    `INSERT INTO record_values (dataset, field, v, record_id)
     SELECT r.dataset, f.field, coalesce(r.data ->> ${jsonPathSql('f.field')}, ${MISSING_SQL}), r.id FROM records r JOIN record_value_fields f ON f.dataset = r.dataset ORDER BY 1, 2, 3 COLLATE NOCASE, 4`,
  );
  db.exec('UPDATE record_value_fields SET pending_from = NULL'); // every record's values are there again
  db.exec(trigger);
  if (placesTrigger) db.exec(placesTrigger);
  return result;
}
