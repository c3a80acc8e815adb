// TikTok writes UTC times without an offset ("2024-11-20 15:21:12", later "... UTC"), birth dates as
// "01-Oct-1995", and epoch seconds or milliseconds as numbers or digit strings. Placeholders such as
// "1969-12-31 23:59:59" (epoch -1) and "0" mean "unknown".
import { FootprintError } from './errors';

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

function digits(s: string, from: number, len: number): number {
  let n = 0;
  for (let i = from; i < from + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function fromParts(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  // Before 1970 is a placeholder, never a real TikTok event; checking the year first also keeps
  // Date.UTC from reading years 0-99 as 1900-1999. After 9999 is no date a person could mean.
  if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) return null;
  // An invalid calendar date (2024-02-30) is not rolled over into the next month: the record keeps
  // its raw text and the date never decides anything (an export time, an order).
  if (d > daysInMonth(y, mo)) return null;
  // A leap second: UTC's 23:59:60, the extra last second of a day that has one (2016-12-31 had
  // one). JavaScript time has no leap seconds, and rolling it over would move the event to the
  // next day and make it the same instant as that day's 00:00:00 (two records merged as one). It
  // is the last instant of its own day instead: 23:59:59.999, after 23:59:59 and before midnight.
  // A ":60" at any other minute is no time at all: the raw text is kept, as for 2024-02-30.
  if (s === 60) return h === 23 && mi === 59 ? Date.UTC(y, mo - 1, d, 23, 59, 59, 999) : null;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function daysInMonth(y: number, mo: number): number {
  return new Date(Date.UTC(2000, mo, 0)).getUTCDate() - (mo === 2 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0);
}

/** 10000-01-01T00:00:00Z: later epoch values are not dates (8640000000000000 would be year 275760). */
const MAX_MS = 253_402_300_800_000;

/** UTC epoch milliseconds for a TikTok time value, or null when it is empty, a placeholder or unreadable. */
export function parseTime(value: unknown): number | null {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const n = s.length;
  // Fast path: "YYYY-MM-DD HH:MM:SS" with an optional " UTC" / "Z" / "T".
  if (n >= 19 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && s.charCodeAt(13) === 58 && s.charCodeAt(16) === 58) {
    const rest = n === 19 ? '' : s.slice(19).trim().toUpperCase();
    if (rest === '' || rest === 'UTC' || rest === 'Z' || rest === 'GMT' || /^\.\d+Z?$/.test(rest)) {
      return fromParts(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2), digits(s, 11, 2), digits(s, 14, 2), digits(s, 17, 2));
    }
    return null;
  }
  if (/^-?\d+$/.test(s)) return fromEpoch(Number(s));
  const dmy = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(s);
  if (dmy) {
    const mo = MONTHS[dmy[2]!.toLowerCase()];
    return mo === undefined ? null : fromParts(Number(dmy[3]), mo + 1, Number(dmy[1]), 0, 0, 0);
  }
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (ymd) return fromParts(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), 0, 0, 0);
  return null;
}

function fromEpoch(n: number): number | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  // 10-digit values are seconds, 13-digit values milliseconds.
  const ms = n < 1e11 ? n * 1000 : n;
  return ms >= MAX_MS ? null : Math.trunc(ms);
}

export function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** A date the user typed: "2025-03-01", "2025-03-01 12:00:00" (UTC), ISO 8601 with Z, or epoch ms/s. */
export function parseUserDate(text: string, field = 'deletedAt'): number {
  const t = text.trim();
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(t) ? Date.parse(t) : NaN;
  const ms = Number.isFinite(iso) ? iso : parseTime(t.replace('T', ' '));
  if (ms === null || !Number.isFinite(ms)) throw new FootprintError('BAD_INPUT', { field, expected: 'date' });
  return ms;
}
