// Display formatting: numbers and times in the user's locale; times are stored as UTC epoch ms.
const num = new Intl.NumberFormat();
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const fmtNumber = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : num.format(n));
export const fmtDateTime = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '—' : dateTime.format(new Date(ms)));
export const fmtDate = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '—' : dateOnly.format(new Date(ms)));
export const fmtBytes = (n: number): string =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
export const plural = (n: number, one: string, many = `${one}s`): string => `${fmtNumber(n)} ${n === 1 ? one : many}`;

/** A field name like "searchTerm" or "video_link" as "Search term" / "Video link". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
