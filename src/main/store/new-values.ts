// The queries behind the change alerts: values of a dataset's fields that no earlier snapshot had
// (a login IP, a device, an advertiser…), and members of a list only one of two snapshots holds
// (followers, following, blocked). One pass extracts the compared fields from each record's JSON
// into temp.alert_rows, with where the record was seen; every comparison after that is a small set
// operation on that table. Which values matter and how they read is analysis/alerts.ts'.
import type { ReadableDB } from './handles';
import { jsonPath } from './records';

/** TikTok's placeholders for "no value" (compared trimmed and lower-cased). */
const PLACEHOLDERS = `('', 'n/a', 'none', 'null', 'unknown', 'undefined', '-')`;

/**
 * A compared value: one canonical field of the record, or several joined with U+001F (`parts`,
 * absent ones as ''), no value when the `required` part has none. Fields are trimmed, and
 * placeholders count as no value.
 */
export type ValueColumn = string | { parts: string[]; required: string };

export interface NewValuesQuery {
  dataset: string;
  /** output name → what to compare */
  columns: Record<string, ValueColumn>;
  /** the newer snapshot: its records carry the new values */
  to: number;
  /** every snapshot "seen before" (exported up to the older one of the pair) */
  baseline: number[];
  /** columns whose values seen before are wanted too */
  seen?: string[];
  /** record ids kept per value */
  evidence: number;
}

/** A value no baseline record had: how many of the newer snapshot's records carry it, some of their ids, the earliest time. */
export interface ValueGroup {
  value: string;
  count: number;
  ids: number[];
  at: number | null;
}

export interface NewValues {
  fresh: Record<string, ValueGroup[]>;
  seen: Record<string, string[]>;
}

/** Per column, the values the newer snapshot's records have that no baseline snapshot's record had. */
export function newValues(db: ReadableDB, q: NewValuesQuery): NewValues {
  const fields = [...new Set(Object.values(q.columns).flatMap((c) => (typeof c === 'string' ? [c] : c.parts)))];
  const fieldCol = new Map(fields.map((f, i) => [f, `f${i}`]));
  try {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS alert_base (id INTEGER PRIMARY KEY)');
    db.exec('DELETE FROM temp.alert_base');
    const addBase = db.prepare('INSERT OR IGNORE INTO temp.alert_base (id) VALUES (?)');
    for (const id of q.baseline) addBase.run(id);

    db.exec('DROP TABLE IF EXISTS temp.alert_rows');
    const cols = fields.map((f) => `trim(r.data ->> ${jsonPath(f)}) AS ${fieldCol.get(f)}`).join(', ');
    db.prepare(
      `CREATE TEMP TABLE alert_rows AS
       SELECT r.id, r.at,
              EXISTS (SELECT 1 FROM record_snapshots s WHERE s.snapshot_id = ? AND s.record_id = r.id) AS in_to,
              EXISTS (SELECT 1 FROM temp.alert_base b CROSS JOIN record_snapshots s ON s.snapshot_id = b.id AND s.record_id = r.id) AS in_base,
              ${cols}
       FROM records r WHERE r.dataset = ?`,
    ).run(q.to, q.dataset);
    for (const c of fieldCol.values()) db.exec(`UPDATE temp.alert_rows SET ${c} = NULL WHERE ${c} IS NOT NULL AND lower(${c}) IN ${PLACEHOLDERS}`);

    // Output columns: a field's own column, or a joined one computed from the cleaned fields.
    const outCol = new Map<string, string>();
    Object.entries(q.columns).forEach(([name, c], i) => {
      if (typeof c === 'string') return void outCol.set(name, fieldCol.get(c)!);
      const col = `j${i}`;
      const joined = c.parts.map((p) => `coalesce(${fieldCol.get(p)}, '')`).join(' || char(31) || ');
      db.exec(`ALTER TABLE temp.alert_rows ADD COLUMN ${col} TEXT`);
      db.exec(`UPDATE temp.alert_rows SET ${col} = ${joined} WHERE ${fieldCol.get(c.required)} IS NOT NULL`);
      outCol.set(name, col);
    });

    const fresh: Record<string, ValueGroup[]> = {};
    for (const [name, col] of outCol) fresh[name] = freshIn(db, col, q.evidence);
    const seen: Record<string, string[]> = {};
    for (const name of q.seen ?? []) {
      const col = outCol.get(name)!;
      seen[name] = (db.prepare(`SELECT DISTINCT ${col} FROM temp.alert_rows WHERE in_base AND ${col} IS NOT NULL`).pluck().all() as (string | number)[]).map(String);
    }
    return { fresh, seen };
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.alert_rows');
    db.exec('DELETE FROM temp.alert_base');
  }
}

function freshIn(db: ReadableDB, column: string, evidence: number): ValueGroup[] {
  const rows = db
    .prepare(
      `WITH seen AS (SELECT DISTINCT ${column} AS v FROM temp.alert_rows WHERE in_base AND ${column} IS NOT NULL),
       ranked AS (
         SELECT ${column} AS v, id, at,
                row_number() OVER (PARTITION BY ${column} ORDER BY at IS NULL, at, id) AS rn,
                count(*) OVER (PARTITION BY ${column}) AS n
         FROM temp.alert_rows
         WHERE in_to AND NOT in_base AND ${column} IS NOT NULL AND ${column} NOT IN (SELECT v FROM seen))
       SELECT v AS value, max(n) AS count, json_group_array(id) AS ids, min(at) AS at FROM ranked WHERE rn <= ?
       GROUP BY v ORDER BY min(at) IS NULL, min(at), v`,
    )
    .all(evidence) as { value: string | number; count: number; ids: string; at: number | null }[];
  return rows.map((r) => ({ value: String(r.value), count: r.count, ids: JSON.parse(r.ids) as number[], at: r.at }));
}

/** A list member (a username) and the first of its records, with that record's time. */
export interface Member {
  value: string;
  id: number;
  at: number | null;
}

/** Members of a list dataset (by `field`) that one snapshot of the pair holds and the other does not. */
export function membershipChanges(db: ReadableDB, q: { dataset: string; field: string; from: number; to: number }): { gained: Member[]; lost: Member[] } {
  try {
    db.exec('DROP TABLE IF EXISTS temp.alert_rows');
    db.prepare(
      `CREATE TEMP TABLE alert_rows AS
       SELECT r.id, r.at,
              EXISTS (SELECT 1 FROM record_snapshots s WHERE s.snapshot_id = ? AND s.record_id = r.id) AS in_to,
              EXISTS (SELECT 1 FROM record_snapshots s WHERE s.snapshot_id = ? AND s.record_id = r.id) AS in_from,
              trim(r.data ->> ${jsonPath(q.field)}) AS member
       FROM records r WHERE r.dataset = ?`,
    ).run(q.to, q.from, q.dataset);
    db.exec(`UPDATE temp.alert_rows SET member = NULL WHERE member IS NOT NULL AND lower(member) IN ${PLACEHOLDERS}`);
    const onlyIn = (x: 'in_to' | 'in_from', y: 'in_to' | 'in_from') =>
      db
        .prepare(
          `SELECT member AS value, min(id) AS id, min(at) AS at FROM temp.alert_rows
           WHERE ${x} AND member IS NOT NULL AND member NOT IN (SELECT member FROM temp.alert_rows WHERE ${y} AND member IS NOT NULL)
           GROUP BY member ORDER BY at IS NULL, at, member`,
        )
        .all() as Member[];
    return { gained: onlyIn('in_to', 'in_from'), lost: onlyIn('in_from', 'in_to') };
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.alert_rows');
  }
}
