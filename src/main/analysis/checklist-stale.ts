// How old a verification is. An export is a snapshot of the day TikTok made it (and may miss its
// last 24–48 hours), so a step "verified" by it is only as fresh as the export: past the content's
// staleAfterDays the verification is stale, and past the person's interval a fresh export is due.
const DAY = 86_400_000;

/** Whole days from `from` to `now` (0 on the same day, negative for a future time). */
export function ageInDays(from: number, now: number): number {
  return Math.floor((now - from) / DAY);
}

/** A verification from an export made `exportedAt` is stale after `staleAfterDays` (unknown time: stale). */
export function isStale(exportedAt: number | null, now: number, staleAfterDays: number): boolean {
  return exportedAt === null || ageInDays(exportedAt, now) > staleAfterDays;
}

export const FRESH_EXPORT_REMINDER = 'checklist-fresh-export-due' as const;

export interface FreshExportReminder {
  code: typeof FRESH_EXPORT_REMINDER;
  /** days: how old the latest export is (0 when there is none); intervalDays: the person's interval */
  params: { hasExport: 'yes' | 'no'; days: number; intervalDays: number };
}

/** A reminder to request a new export when the latest is older than the interval (or there is none). */
export function freshExportReminder(latestExportAt: number | null, now: number, intervalDays: number): FreshExportReminder | null {
  if (latestExportAt !== null && ageInDays(latestExportAt, now) <= intervalDays) return null;
  const has = latestExportAt !== null;
  return { code: FRESH_EXPORT_REMINDER, params: { hasExport: has ? 'yes' : 'no', days: has ? ageInDays(latestExportAt, now) : 0, intervalDays } };
}
