// When an app with ongoing access comes due for another look. TikTok's own advice is to review
// connected apps regularly and remove those you no longer use; an ongoing grant keeps working
// without you, so Footprint asks again every 90 days (the catalog's default, changeable per app),
// counted from the later of the grant and the last review. One-time grants and removed apps are
// never due: there is nothing left to take back from TikTok.
import type { Access } from '../../shared/sharing';
import { addDays, dayNumber } from './app-days';
import { SCOPE_CATALOG } from './app-scopes';

export interface ReviewInput {
  /** YYYY-MM-DD days (see app-days.ts) */
  grantedOn: string;
  lastReviewedOn?: string | null;
  revokedOn?: string | null;
  /** null or absent: the catalog's default */
  reviewIntervalDays?: number | null;
  /** from grantAccess() */
  access: Access;
}

export type ReviewState =
  | { state: 'revoked'; revokedOn: string }
  | { state: 'one-time' }
  /** due since `dueOn` (today counts: overdueDays 0) */
  | { state: 'due'; dueOn: string; overdueDays: number; countedFrom: string; intervalDays: number }
  | { state: 'scheduled'; dueOn: string; inDays: number; countedFrom: string; intervalDays: number };

function day(value: string, field: string): number {
  const n = dayNumber(value);
  if (n === null) throw new RangeError(`${field} is not a day: ${value}`); // validated entries only (app-entry.ts)
  return n;
}

export function reviewState(entry: ReviewInput, today: string, catalog = SCOPE_CATALOG): ReviewState {
  if (entry.revokedOn) return { state: 'revoked', revokedOn: entry.revokedOn };
  if (entry.access === 'one-time') return { state: 'one-time' };
  const intervalDays = entry.reviewIntervalDays ?? catalog.review.defaultIntervalDays;
  const countedFrom =
    entry.lastReviewedOn && day(entry.lastReviewedOn, 'lastReviewedOn') > day(entry.grantedOn, 'grantedOn') ? entry.lastReviewedOn : entry.grantedOn;
  const dueOn = addDays(countedFrom, intervalDays);
  const until = day(dueOn, 'dueOn') - day(today, 'today');
  return until <= 0
    ? { state: 'due', dueOn, overdueDays: Math.max(0, -until), countedFrom, intervalDays } // max: never -0
    : { state: 'scheduled', dueOn, inDays: until, countedFrom, intervalDays };
}

/** The apps due for review on `today`, longest overdue first (then by id, for a stable list). */
export function dueForReview<T extends ReviewInput & { id: string | number }>(
  entries: readonly T[],
  today: string,
  catalog = SCOPE_CATALOG,
): { entry: T; dueOn: string; overdueDays: number }[] {
  const due: { entry: T; dueOn: string; overdueDays: number }[] = [];
  for (const entry of entries) {
    const st = reviewState(entry, today, catalog);
    if (st.state === 'due') due.push({ entry, dueOn: st.dueOn, overdueDays: st.overdueDays });
  }
  return due.sort((a, b) => b.overdueDays - a.overdueDays || String(a.entry.id).localeCompare(String(b.entry.id)));
}
