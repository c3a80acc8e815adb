// Field values (migration 10): each record's value of each covered field in one narrow table,
// indexed by (dataset, field, value, record), so that a sort by a field is a range of the index, a
// value filter a few index lookups and a facet one ordered pass over the field's entries, instead
// of reading every record's JSON. A missing value is stored as -Infinity (MISSING), which sorts
// where SQLite sorts NULL and can be matched by equality; a field a dataset does not cover (one
// first seen in a single refreshed record, say) is read from the JSON as before (explore.ts).
import type { ReadableDB, WritableDB } from './handles';
import { datasetSpec } from '../../shared/catalog';

/** What a missing or null value is stored as (SQL: -9e999). */
export const MISSING = -Infinity;
export const MISSING_SQL = '-9e999';

/** How many of an import's new records per dataset are read to find the fields it uses. */
const SAMPLE = 500;

/** Whether a dataset's field has its values in record_values. */
export function coversField(db: ReadableDB, dataset: string, field: string): boolean {
  return db.prepare('SELECT 1 FROM record_value_fields WHERE dataset = ? AND field = ?').get(dataset, field) !== undefined;
}

/**
 * The import writer's bulk mode, as for the search index (search.ts suspendSearchIndexing): the
 * per-row insert trigger is dropped inside the writer's transaction and `resume` fills the values
 * of every record added since in one sorted statement, then re-creates the trigger. New fields
 * (seen in a sample of the import's records) are covered first, for the records already there too,
 * so that every record of a dataset keeps exactly one row per covered field.
 */
export function suspendValueIndexing(db: WritableDB): { resume(datasets: Iterable<string>): void } {
  const trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'record_values_insert'").pluck().get() as string | undefined;
  if (!trigger) return { resume: () => {} };
  const before = db.prepare('SELECT coalesce(max(id), 0) FROM records').pluck().get() as number;
  db.exec('DROP TRIGGER record_values_insert');
  return {
    resume: (datasets) => {
      const sample = db
        .prepare(
          `SELECT DISTINCT j.key FROM (SELECT data FROM records WHERE dataset = @dataset AND id > @before LIMIT ${SAMPLE}) r, json_each(r.data) j
           WHERE j.key <> 'date' AND NOT EXISTS (SELECT 1 FROM record_value_fields f WHERE f.dataset = @dataset AND f.field = j.key)`,
        )
        .pluck();
      const cover = db.prepare('INSERT INTO record_value_fields (dataset, field) VALUES (?, ?)');
      const older = db.prepare(
        `INSERT INTO record_values (dataset, field, v, record_id)
         SELECT dataset, @field, coalesce(data ->> @field, ${MISSING_SQL}), id FROM records WHERE dataset = @dataset AND id <= @before`,
      );
      const covered = db.prepare('SELECT 1 FROM record_value_fields WHERE dataset = ? AND field = ?');
      for (const dataset of datasets) {
        // the catalog's fields (a facet of one no record has is then an index read too) and any others seen
        const catalog = (datasetSpec(dataset)?.fields ?? []).map((f) => f.name).filter((f) => f !== 'date' && !covered.get(dataset, f));
        for (const field of new Set([...catalog, ...(sample.all({ dataset, before }) as string[])])) {
          cover.run(dataset, field);
          older.run({ dataset, field, before });
        }
      }
      db.prepare(
        `INSERT INTO record_values (dataset, field, v, record_id)
         SELECT r.dataset, f.field, coalesce(r.data ->> f.field, ${MISSING_SQL}), r.id FROM records r JOIN record_value_fields f ON f.dataset = r.dataset
         WHERE r.id > ? ORDER BY 1, 2, 3, 4`,
      ).run(before);
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
     SELECT r.dataset, f.field, coalesce(r.data ->> f.field, ${MISSING_SQL}), r.id FROM records r JOIN record_value_fields f ON f.dataset = r.dataset ORDER BY 1, 2, 3, 4`,
  );
  db.exec(trigger);
  return result;
}
