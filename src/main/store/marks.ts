// Deletion marks: records the user says they deleted on a date, and the snapshots exported after
// that date that still hold them; plus the posts a later export still lists although Recently
// Deleted Posts says they were deleted. Deciding what counts is analysis/deletion.ts'.
import type { DeletionMark, RecordRow } from '../../shared/contract';
import type { ReadableDB, WritableDB } from './handles';

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

export function recordExists(db: ReadableDB, recordId: number): boolean {
  return db.prepare('SELECT 1 FROM records WHERE id = ?').get(recordId) !== undefined;
}

/** Marks (or re-marks) a record as deleted by the user at `deletedAt`; the record must exist. */
export function saveDeletionMark(db: WritableDB, recordId: number, deletedAt: number, note: string | null, now: number): DeletionMark {
  db.prepare(
    `INSERT INTO deletion_marks (record_id, deleted_at, marked_at, note) VALUES (?, ?, ?, ?)
     ON CONFLICT (record_id) DO UPDATE SET deleted_at = excluded.deleted_at, marked_at = excluded.marked_at, note = excluded.note`,
  ).run(recordId, deletedAt, now, note);
  return mark(db.prepare(`${MARK_SELECT} WHERE m.record_id = ?`).get(recordId) as MarkRow);
}

export function removeDeletionMark(db: WritableDB, recordId: number): boolean {
  return db.prepare('DELETE FROM deletion_marks WHERE record_id = ?').run(recordId).changes > 0;
}

export function listDeletionMarks(db: ReadableDB): DeletionMark[] {
  return (db.prepare(`${MARK_SELECT} ORDER BY m.deleted_at DESC, m.record_id`).all() as MarkRow[]).map(mark);
}

/** A snapshot that holds a record, exported after a time. */
export interface HeldBy {
  snapshotId: number;
  exportedAt: number | null;
}

/** Every (marked record, snapshot exported after its deletion that still holds it), oldest deletion first. */
export function markedRecordsStillHeld(db: ReadableDB, snapshotId?: number): (HeldBy & { recordId: number; dataset: string; deletedAt: number })[] {
  const only = snapshotId === undefined ? '' : 'AND s.id = ?';
  return db
    .prepare(
      `SELECT m.record_id AS recordId, r.dataset, m.deleted_at AS deletedAt, s.id AS snapshotId, s.exported_at AS exportedAt
       FROM deletion_marks m
       CROSS JOIN records r ON r.id = m.record_id
       CROSS JOIN snapshots s
       CROSS JOIN record_snapshots rs ON rs.snapshot_id = s.id AND rs.record_id = m.record_id
       WHERE coalesce(s.exported_at, s.imported_at) > m.deleted_at ${only}
       ORDER BY m.deleted_at, m.record_id, coalesce(s.exported_at, s.imported_at), s.id`,
    )
    .all(...(snapshotId === undefined ? [] : [snapshotId])) as (HeldBy & { recordId: number; dataset: string; deletedAt: number })[];
}

/** The Recently Deleted Posts records with a posting time, and the deletion date as TikTok wrote it. */
export function recentlyDeletedPosts(db: ReadableDB): { id: number; at: number; dateDeleted: string | null }[] {
  return db.prepare(`SELECT id, at, data ->> 'dateDeleted' AS dateDeleted FROM records WHERE dataset = 'deleted_posts' AND at IS NOT NULL`).all() as {
    id: number;
    at: number;
    dateDeleted: string | null;
  }[];
}

/** Posts posted at `postedAt` held by snapshots exported after `after` (only `snapshotId` when given). */
export function postsStillHeld(db: ReadableDB, postedAt: number, after: number, snapshotId?: number): (HeldBy & { postId: number })[] {
  const only = snapshotId === undefined ? '' : 'AND s.id = ?';
  return db
    .prepare(
      `SELECT p.id AS postId, s.id AS snapshotId, s.exported_at AS exportedAt
       FROM records p
       CROSS JOIN snapshots s
       CROSS JOIN record_snapshots rs ON rs.snapshot_id = s.id AND rs.record_id = p.id
       WHERE p.dataset = 'posts' AND p.at = ? AND coalesce(s.exported_at, s.imported_at) > ? ${only}
       ORDER BY coalesce(s.exported_at, s.imported_at), s.id`,
    )
    .all(postedAt, after, ...(snapshotId === undefined ? [] : [snapshotId])) as (HeldBy & { postId: number })[];
}
