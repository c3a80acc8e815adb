// Local calendar time in an IANA time zone, for counting records by month, week, weekday and hour.
// The store counts records per UTC quarter hour (every zone in use today is offset by whole quarter
// hours); here each quarter is placed on the local clock with the offset Intl gives for that moment,
// so a count follows daylight saving time the way the person lived it. Offsets are asked once per
// UTC day (and per quarter only on the few days a zone changes its offset), not once per record.
import type { ChartAxis } from '../../shared/contract';

export const QUARTER_MS = 900_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Spans up to this many days are counted by week, longer ones by month. */
const WEEKS_UP_TO_DAYS = 120;

/** True when Intl knows the zone (an IANA name such as Europe/Stockholm, or UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** UTC epoch ms → the local wall-clock time in `zone`, written as epoch ms (read it with getUTC*). */
export function zoneClock(zone: string): (utcMs: number) => number {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (t: number): number => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    return wall - (t - (((t % 1000) + 1000) % 1000));
  };
  const days = new Map<number, number | null>();
  const quarters = new Map<number, number>();
  return (t) => {
    const day = Math.floor(t / DAY_MS);
    let off = days.get(day);
    if (off === undefined) {
      const start = offsetAt(day * DAY_MS);
      off = start === offsetAt(day * DAY_MS + DAY_MS - 1) ? start : null; // null: the offset changes that day
      days.set(day, off);
    }
    if (off !== null) return t + off;
    const q = Math.floor(t / QUARTER_MS);
    let qOff = quarters.get(q);
    if (qOff === undefined) quarters.set(q, (qOff = offsetAt(q * QUARTER_MS)));
    return t + qOff;
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const dayKey = (days: number): string => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** Local weekday, 0 Monday … 6 Sunday, of a local wall-clock time. */
export const weekdayOf = (local: number): number => (((Math.floor(local / DAY_MS) + 3) % 7) + 7) % 7;
export const hourOf = (local: number): number => Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);

const mondayOf = (local: number): number => {
  const days = Math.floor(local / DAY_MS);
  return days - weekdayOf(local);
};
const monthOf = (local: number): number => {
  const d = new Date(local);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const monthKey = (m: number): string => `${Math.floor(m / 12)}-${pad((m % 12) + 1)}`;

/** An axis from the earliest to the latest local time counted, and where a local time falls on it. */
export interface Axis extends ChartAxis {
  indexOf(local: number): number;
}

export function timeAxis(minLocal: number | null, maxLocal: number | null): Axis {
  if (minLocal === null || maxLocal === null) return { unit: 'month', buckets: [], indexOf: () => -1 };
  if (maxLocal - minLocal <= WEEKS_UP_TO_DAYS * DAY_MS) {
    const first = mondayOf(minLocal);
    const buckets: string[] = [];
    for (let d = first; d <= mondayOf(maxLocal); d += 7) buckets.push(dayKey(d));
    return { unit: 'week', buckets, indexOf: (local) => (mondayOf(local) - first) / 7 };
  }
  const first = monthOf(minLocal);
  const buckets: string[] = [];
  for (let m = first; m <= monthOf(maxLocal); m++) buckets.push(monthKey(m));
  return { unit: 'month', buckets, indexOf: (local) => monthOf(local) - first };
}
