// "Still there after deletion": the user marks a record (a comment, a post, a message…) as deleted
// by them on a date; any snapshot exported after that date that still holds it is flagged. Records of
// Recently Deleted Posts (with their DateDeleted) count the same way when a later export still lists
// the same post (posts are identified by when they were posted) among the posts.
import type { DeletionMark, RecordRow, StillThereFinding } from '../../shared/contract';
import { SchemaError } from '../../shared/schema';
import { parseTime } from '../../shared/time';
import type { DB } from '../store/db';
import { DAY_MS } from './order';

/** A date the user typed: "2025-03-01", "2025-03-01 12:00:00" (UTC), ISO 8601 with Z, or epoch ms/s. */
export function parseUserDate(text: string): number {
  const t = text.trim();
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(t) ? Date.parse(t) : NaN;
  const ms = Number.isFinite(iso) ? iso : parseTime(t.replace('T', ' '));
  if (ms === null || !Number.isFinite(ms)) {
    throw new SchemaError(`"${text}" is not a date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (UTC).`);
  }
  return ms;
}

interface MarkRow {
  record_id: number;
  dataset: string;
  deleted_at: number;
  marked_at: number;
  note: string | null;
  data: string;
}

function mark(r: MarkRow): DeletionMark {
  return {
    recordId: r.record_id,
    dataset: r.dataset,
    deletedAt: r.deleted_at,
    markedAt: r.marked_at,
    note: r.note,
    fields: JSON.parse(r.data) as RecordRow['fields'],
  };
}

const MARK_SELECT = `SELECT m.record_id, r.dataset, m.deleted_at, m.marked_at, m.note, r.data
  FROM deletion_marks m JOIN records r ON r.id = m.record_id`;

export function markDeleted(db: DB, recordId: number, deletedAt: string, note: string | undefined, now = Date.now()): DeletionMark {
  const when = parseUserDate(deletedAt);
  if (when > now + DAY_MS) throw new SchemaError('The deletion date is in the future.');
  if (!db.prepare('SELECT 1 FROM records WHERE id = ?').get(recordId)) throw new SchemaError(`There is no record ${recordId}.`);
  db.prepare(
    `INSERT INTO deletion_marks (record_id, deleted_at, marked_at, note) VALUES (?, ?, ?, ?)
     ON CONFLICT (record_id) DO UPDATE SET deleted_at = excluded.deleted_at, marked_at = excluded.marked_at, note = excluded.note`,
  ).run(recordId, when, now, note?.trim() || null);
  return mark(db.prepare(`${MARK_SELECT} WHERE m.record_id = ?`).get(recordId) as MarkRow);
}

export function unmarkDeleted(db: DB, recordId: number): boolean {
  return db.prepare('DELETE FROM deletion_marks WHERE record_id = ?').run(recordId).changes > 0;
}

export function listDeletionMarks(db: DB): DeletionMark[] {
  return (db.prepare(`${MARK_SELECT} ORDER BY m.deleted_at DESC, m.record_id`).all() as MarkRow[]).map(mark);
}

const days = (from: number, to: number | null) => (to === null ? null : Math.floor((to - from) / DAY_MS));

/** Every snapshot exported after a deletion that still holds the deleted record (one snapshot when given). */
export function stillThereFindings(db: DB, snapshotId?: number): StillThereFinding[] {
  const only = snapshotId === undefined ? '' : 'AND s.id = ?';
  const args = snapshotId === undefined ? [] : [snapshotId];
  const marked = db
    .prepare(
      `SELECT m.record_id AS recordId, r.dataset, m.deleted_at AS deletedAt, s.id AS snapshotId, s.exported_at AS exportedAt
       FROM deletion_marks m
       CROSS JOIN records r ON r.id = m.record_id
       CROSS JOIN snapshots s
       CROSS JOIN record_snapshots rs ON rs.snapshot_id = s.id AND rs.record_id = m.record_id
       WHERE coalesce(s.exported_at, s.imported_at) > m.deleted_at ${only}
       ORDER BY m.deleted_at, m.record_id, coalesce(s.exported_at, s.imported_at), s.id`,
    )
    .all(...args) as { recordId: number; dataset: string; deletedAt: number; snapshotId: number; exportedAt: number | null }[];
  const out: StillThereFinding[] = marked.map((m) => ({
    source: 'mark',
    recordId: m.recordId,
    dataset: m.dataset,
    deletedAt: m.deletedAt,
    foundRecordId: m.recordId,
    snapshotId: m.snapshotId,
    exportedAt: m.exportedAt,
    daysAfterDeletion: days(m.deletedAt, m.exportedAt),
  }));

  // Recently Deleted Posts: the same post (same posting time) still among a later export's posts.
  const deletedPosts = db.prepare(`SELECT id, at, data ->> 'dateDeleted' AS dateDeleted FROM records WHERE dataset = 'deleted_posts' AND at IS NOT NULL`).all() as {
    id: number;
    at: number;
    dateDeleted: string | null;
  }[];
  const stillPosted = db.prepare(
    `SELECT p.id AS postId, s.id AS snapshotId, s.exported_at AS exportedAt
     FROM records p
     CROSS JOIN snapshots s
     CROSS JOIN record_snapshots rs ON rs.snapshot_id = s.id AND rs.record_id = p.id
     WHERE p.dataset = 'posts' AND p.at = ? AND coalesce(s.exported_at, s.imported_at) > ? ${only}
     ORDER BY coalesce(s.exported_at, s.imported_at), s.id`,
  );
  for (const d of deletedPosts) {
    const deletedAt = parseTime(d.dateDeleted);
    if (deletedAt === null) continue;
    for (const p of stillPosted.all(d.at, deletedAt, ...args) as { postId: number; snapshotId: number; exportedAt: number | null }[]) {
      out.push({
        source: 'deleted_posts',
        recordId: d.id,
        dataset: 'posts',
        deletedAt,
        foundRecordId: p.postId,
        snapshotId: p.snapshotId,
        exportedAt: p.exportedAt,
        daysAfterDeletion: days(deletedAt, p.exportedAt),
      });
    }
  }
  return out;
}
