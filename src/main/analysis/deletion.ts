// "Still there after deletion": the user marks a record (a comment, a post, a message…) as deleted
// by them on a date; any snapshot exported after that date that still holds it is flagged. Records of
// Recently Deleted Posts (with their DateDeleted) count the same way when a later export still lists
// the same post (posts are identified by when they were posted) among the posts. The store finds the
// snapshots (store/marks.ts); this reads the dates and words nothing.
import type { StillThereFinding } from '../../shared/contract';
import { FootprintError } from '../../shared/errors';
import { parseTime, parseUserDate } from '../../shared/time';
import { DAY_MS } from './order';

/** The deletion time to store for what the user typed: a date, and not in the future. */
export function deletionTime(text: string, now: number): number {
  const when = parseUserDate(text);
  if (when > now + DAY_MS) throw new FootprintError('BAD_INPUT', { field: 'deletedAt', expected: 'notFuture' });
  return when;
}

const days = (from: number, to: number | null) => (to === null ? null : Math.floor((to - from) / DAY_MS));

/** A snapshot holding a record after its deletion. */
interface Held {
  snapshotId: number;
  exportedAt: number | null;
}

/** Findings for marked records still held by snapshots exported after their deletion. */
export function markFindings(rows: readonly (Held & { recordId: number; dataset: string; deletedAt: number })[]): StillThereFinding[] {
  return rows.map((m) => ({
    source: 'mark',
    recordId: m.recordId,
    dataset: m.dataset,
    deletedAt: m.deletedAt,
    foundRecordId: m.recordId,
    snapshotId: m.snapshotId,
    exportedAt: m.exportedAt,
    daysAfterDeletion: days(m.deletedAt, m.exportedAt),
  }));
}

/** Recently Deleted Posts rows whose deletion date reads as a time: what to look for among the posts. */
export function deletedPostQuestions(rows: readonly { id: number; at: number; dateDeleted: string | null }[]): { id: number; postedAt: number; deletedAt: number }[] {
  return rows.flatMap((d) => {
    const deletedAt = parseTime(d.dateDeleted);
    return deletedAt === null ? [] : [{ id: d.id, postedAt: d.at, deletedAt }];
  });
}

/** Findings for a deleted post (a deletedPostQuestions entry) that later snapshots still list among the posts. */
export function deletedPostFindings(q: { id: number; deletedAt: number }, held: readonly (Held & { postId: number })[]): StillThereFinding[] {
  return held.map((p) => ({
    source: 'deleted_posts',
    recordId: q.id,
    dataset: 'posts',
    deletedAt: q.deletedAt,
    foundRecordId: p.postId,
    snapshotId: p.snapshotId,
    exportedAt: p.exportedAt,
    daysAfterDeletion: days(q.deletedAt, p.exportedAt),
  }));
}
