// The charts in words, for both doors: each chart's one-sentence summary (what a screen reader says
// and the page shows under the heading), the names of time buckets, weekdays and series. Sentences
// come from the catalog (messages/charts.ts); this module only picks the figures they name.
import type { ChartAxis, ChartSeries, ChartsView, RetentionView } from './contract';
import type { MessageKey, Translator } from './i18n';
import { countryName } from './i18n/words';

const LOCALES = { en: 'en-GB', sv: 'sv-SE' } as const;

/** The hour periods people name a time of day by (0–4 night, 5–11 morning, 12–16 afternoon, 17–21 evening, 22–23 night). */
export function periodOf(hour: number): 'night' | 'morning' | 'afternoon' | 'evening' {
  return hour < 5 || hour >= 22 ? 'night' : hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}

/** A weekday's name, 0 Monday … 6 Sunday (2024-01-01 was a Monday). */
export function weekdayName(tr: Translator, weekday: number, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(LOCALES[tr.lang], { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + weekday));
}

/** A bucket of an axis as people read it: "March 2024", or "week of 4 Mar 2024". */
export function bucketLabel(tr: Translator, unit: ChartAxis['unit'], bucket: string, short = false): string {
  const locale = LOCALES[tr.lang];
  if (unit === 'month') {
    const [y, m] = bucket.split('-').map(Number) as [number, number];
    return new Intl.DateTimeFormat(locale, { month: short ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
  }
  const [y, m, d] = bucket.split('-').map(Number) as [number, number, number];
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: short ? undefined : 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
  return short ? date : tr.t('charts.weekOf', { date });
}

/** What a series' key is: a dataset id, a country code (ISO 3166), or a value shown as it is. */
export type SeriesKind = 'dataset' | 'country' | 'plain';


/** A series' name: the value, "unknown" or "n others". */
export function seriesLabel(tr: Translator, s: ChartSeries, kind: SeriesKind = 'plain'): string {
  if (s.kind === 'none') return tr.t('charts.series.none');
  if (s.kind === 'other') return tr.t('charts.series.other', { n: s.values ?? 0 });
  if (kind === 'dataset') return tr.has(`dataset.${s.key}`) ? tr.t(`dataset.${s.key}` as MessageKey) : String(s.key);
  if (kind === 'country') return countryName(tr.lang, String(s.key));
  return String(s.key);
}

/** Adds the series' counts bucket by bucket. */
const sums = (series: ChartSeries[], n: number): number[] => Array.from({ length: n }, (_, i) => series.reduce((a, s) => a + (s.counts[i] ?? 0), 0));

function peak(counts: number[]): { index: number; count: number } {
  let index = 0;
  counts.forEach((c, i) => {
    if (c > counts[index]!) index = i;
  });
  return { index, count: counts[index] ?? 0 };
}

export function activitySummary(tr: Translator, a: ChartsView['activity']): string {
  const shown = a.series.filter((s) => s.total > 0);
  if (shown.length === 0) return tr.t('charts.activity.empty');
  const largest = shown.reduce((m, s) => (s.total > m.total ? s : m));
  const busiest = peak(sums(shown, a.buckets.length));
  // the dataset's name inside a sentence: "Most of it is watch history"
  const name = seriesLabel(tr, largest, 'dataset');
  return tr.t('charts.activity.summary', {
    dataset: name.charAt(0).toLocaleLowerCase(tr.lang) + name.slice(1),
    count: largest.total,
    unit: a.unit,
    bucket: bucketLabel(tr, a.unit, a.buckets[busiest.index]!),
    peak: busiest.count,
  });
}

/** The busiest weekday and time of day (periods summed over their hours), and its busiest hour. */
export function busiestTime(w: ChartsView['watchHours']): { weekday: number; period: ReturnType<typeof periodOf>; hour: number } | null {
  if (w.total === 0) return null;
  let best = { weekday: 0, period: periodOf(0), hour: 0, sum: -1 };
  w.counts.forEach((hours, weekday) => {
    const by = new Map<string, { sum: number; hour: number }>();
    hours.forEach((n, hour) => {
      const p = periodOf(hour);
      const e = by.get(p) ?? { sum: 0, hour };
      e.sum += n;
      if (n > hours[e.hour]!) e.hour = hour;
      by.set(p, e);
    });
    for (const [period, e] of by) if (e.sum > best.sum) best = { weekday, period: period as ReturnType<typeof periodOf>, hour: e.hour, sum: e.sum };
  });
  return { weekday: best.weekday, period: best.period, hour: best.hour };
}

export const hourLabel = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

export function hoursSummary(tr: Translator, w: ChartsView['watchHours']): string {
  const b = busiestTime(w);
  if (!b) return tr.t('charts.hours.empty');
  // Swedish names the weekday in lower case inside a compound ("söndagskvällar")
  return tr.t('charts.hours.summary', { weekday: weekdayName(tr, b.weekday), period: b.period, hour: hourLabel(b.hour) });
}

export function loginsSummary(tr: Translator, l: ChartsView['logins']): string {
  if (l.total === 0) return tr.t('charts.logins.empty');
  const named = (list: ChartSeries[]) => list.filter((s) => s.kind === 'value');
  const fresh = [...l.devices, ...l.countries, ...l.networks].filter((s) => s.isNew).length;
  return tr.t('charts.logins.summary', {
    total: l.total,
    devices: named(l.devices).length + (l.devices.find((s) => s.kind === 'other')?.values ?? 0),
    countries: named(l.countries).length + (l.countries.find((s) => s.kind === 'other')?.values ?? 0),
    fresh,
  });
}

export function offTikTokSummary(tr: Translator, o: ChartsView['offTikTok']): string {
  const top = o.sources.find((s) => s.kind === 'value');
  if (o.total === 0 || !top) return tr.t('charts.offTikTok.empty');
  return tr.t('charts.offTikTok.summary', { total: o.total, sources: o.sources.filter((s) => s.kind === 'value').length + (o.sources.find((s) => s.kind === 'other')?.values ?? 0), top: String(top.key), count: top.total });
}

export function retentionSummary(tr: Translator, r: RetentionView[]): string {
  const limited = r.filter((v) => v.windowDays !== null && v.snapshots.length > 0);
  if (r.length === 0) return tr.t('charts.retention.empty');
  const shortest = limited.reduce<RetentionView | null>((m, v) => (m === null || v.windowDays! < m.windowDays! ? v : m), null);
  const exports = new Set(r.flatMap((v) => v.snapshots.map((s) => s.snapshotId))).size;
  if (!shortest) return tr.t('charts.retention.full', { exports });
  return tr.t('charts.retention.summary', { exports, dataset: tr.has(`dataset.${shortest.dataset}`) ? tr.t(`dataset.${shortest.dataset}` as MessageKey) : shortest.dataset, days: shortest.windowDays! });
}
