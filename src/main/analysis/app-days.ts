// Register dates are calendar days ("2026-03-01"), not instants: a person notes the day they
// granted or reviewed access, and a day must not shift with the time zone the store or the
// window runs in. Days are counted in UTC on purpose, so the arithmetic has no DST gaps.
const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a real calendar day written YYYY-MM-DD; null for anything else (2026-02-30 too). */
export function dayNumber(day: string): number | null {
  const m = ISO_DAY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** The YYYY-MM-DD day for a day number. */
export function isoDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar day `n` days after `day` (which must be valid). */
export function addDays(day: string, n: number): string {
  const d = dayNumber(day);
  if (d === null) throw new RangeError(`not a day: ${day}`);
  return isoDay(d + n);
}
