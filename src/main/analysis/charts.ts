// The charts' shapes from the store's quarter-hour counts (store/charts.ts): activity per dataset on
// one calendar axis, watching by weekday and hour, logins by device, country and network with the
// new ones marked, off-TikTok activity by source and event. Pure: rows in, numbers out, in the
// user's time zone (charts-time.ts).
import type { ChartSeries, ChartsView } from '../../shared/contract';
import { QUARTER_MS, hourOf, timeAxis, weekdayOf, type Axis } from './charts-time';
import { lookupIp } from './iplookup';

/** How many values a chart names before the rest go together as "other". */
export const TOP_VALUES = 8;

type Clock = (utcMs: number) => number;

/** The axis spanning every quarter counted (local times). */
function axisOver(quarters: Iterable<number>, clock: Clock): Axis {
  let min: number | null = null;
  let max: number | null = null;
  for (const q of quarters) {
    const local = clock(q * QUARTER_MS);
    if (min === null || local < min) min = local;
    if (max === null || local > max) max = local;
  }
  return timeAxis(min, max);
}

const plain = (axis: Axis) => ({ unit: axis.unit, buckets: axis.buckets });

/** Where a UTC quarter falls on the axis, remembered per quarter (a chart reads each quarter many times). */
function bucketOf(axis: Axis, clock: Clock): (q: number) => number {
  const seen = new Map<number, number>();
  return (q) => {
    let i = seen.get(q);
    if (i === undefined) seen.set(q, (i = axis.indexOf(clock(q * QUARTER_MS))));
    return i;
  };
}

/** Activity per dataset on one axis. rows: [dataset, quarter, count]. */
export function activityChart(rows: readonly [string, number, number][], datasets: readonly string[], clock: Clock): ChartsView['activity'] {
  const axis = axisOver(
    rows.map((r) => r[1]),
    clock,
  );
  const series = new Map(datasets.map((d) => [d, { key: d, kind: 'value' as const, counts: axis.buckets.map(() => 0), total: 0 }]));
  const bucket = bucketOf(axis, clock);
  for (const [dataset, q, n] of rows) {
    const s = series.get(dataset);
    if (!s) continue;
    s.counts[bucket(q)]! += n;
    s.total += n;
  }
  return { ...plain(axis), series: [...series.values()] };
}

/** Watching by local weekday (0 Monday) × hour. rows: [quarter, count]. */
export function hourGrid(rows: Iterable<readonly [number, number]>, clock: Clock): ChartsView['watchHours'] {
  const counts = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  let total = 0;
  for (const [q, n] of rows) {
    const local = clock(q * QUARTER_MS);
    counts[weekdayOf(local)]![hourOf(local)]! += n;
    total += n;
  }
  return { counts, total };
}

interface Keyed {
  q: number;
  key: string | null;
  n: number;
  /** logins: the earliest time and export of the group */
  first?: number;
  firstOrder?: number;
}

/**
 * Series of the top `top` values (most records first), then records without a value ('none') and
 * the rest together ('other'); values that count nothing are left out.
 */
function topSeries(rows: readonly Keyed[], axis: Axis, clock: Clock, top: number, marks?: { target: number; earlierHeld: boolean }): ChartSeries[] {
  const bucket = bucketOf(axis, clock);
  const by = new Map<string | null, { counts: number[]; total: number; first: number | null; firstOrder: number }>();
  for (const r of rows) {
    let s = by.get(r.key);
    if (!s) by.set(r.key, (s = { counts: axis.buckets.map(() => 0), total: 0, first: null, firstOrder: Infinity }));
    if (r.first !== undefined && (s.first === null || r.first < s.first)) s.first = r.first;
    if (r.firstOrder !== undefined && r.firstOrder < s.firstOrder) s.firstOrder = r.firstOrder;
    if (r.n === 0) continue;
    s.counts[bucket(r.q)]! += r.n;
    s.total += r.n;
  }
  const values = [...by].filter(([key, s]) => key !== null && s.total > 0).sort((a, b) => b[1].total - a[1].total || String(a[0]).localeCompare(String(b[0])));
  const out: ChartSeries[] = values.slice(0, top).map(([key, s]) => {
    const series: ChartSeries = { key, kind: 'value', counts: s.counts, total: s.total };
    if (marks) {
      series.firstAt = s.first;
      series.firstBucket = s.first === null ? null : axis.indexOf(clock(s.first));
      series.isNew = marks.earlierHeld && s.firstOrder === marks.target;
    }
    return series;
  });
  const none = by.get(null);
  if (none && none.total > 0) out.push({ key: null, kind: 'none', counts: none.counts, total: none.total });
  const rest = values.slice(top);
  if (rest.length > 0) {
    const counts = axis.buckets.map((_, i) => rest.reduce((sum, [, s]) => sum + s.counts[i]!, 0));
    out.push({ key: null, kind: 'other', counts, total: rest.reduce((sum, [, s]) => sum + s.total, 0), values: rest.length });
  }
  return out;
}

/** Off-TikTok activity by source and by event. rows: [quarter, value, count] of each field. */
export function offTikTokChart(sources: readonly [number, string | null, number][], events: readonly [number, string | null, number][], clock: Clock, top = TOP_VALUES): ChartsView['offTikTok'] {
  const axis = axisOver(
    sources.map((r) => r[0]),
    clock,
  );
  const keyed = (rows: readonly [number, string | null, number][]): Keyed[] => rows.map(([q, key, n]) => ({ q, key: key === '' ? null : key, n }));
  return {
    ...plain(axis),
    total: sources.reduce((sum, r) => sum + r[2], 0),
    sources: topSeries(keyed(sources), axis, clock, top),
    events: topSeries(keyed(events), axis, clock, top),
  };
}

export interface LoginRow {
  q: number;
  device: string | null;
  ip: string | null;
  /** the earliest export holding the group's records, as its place in export order */
  firstOrder: number;
  first: number;
  counted: number;
}

const networkLabel = (asn: number, org: string | null) => `AS${asn}${org ? ` ${org}` : ''}`;

/**
 * Logins by device model, country and network owner. A value is new when the target export (its
 * place in export order) is the first to hold it and an earlier export held logins at all.
 */
export function loginsChart(rows: readonly LoginRow[], clock: Clock, marks: { target: number; earlierHeld: boolean }, top = TOP_VALUES): ChartsView['logins'] {
  const counted = rows.filter((r) => r.counted > 0);
  const axis = axisOver(
    counted.map((r) => r.q),
    clock,
  );
  const info = new Map<string, ReturnType<typeof lookupIp>>();
  const lookup = (ip: string | null) => {
    if (ip === null) return null;
    if (!info.has(ip)) info.set(ip, lookupIp(ip));
    return info.get(ip)!;
  };
  const as = (key: (r: LoginRow) => string | null): Keyed[] => rows.map((r) => ({ q: r.q, key: key(r), n: r.counted, first: r.first, firstOrder: r.firstOrder }));
  return {
    ...plain(axis),
    total: counted.reduce((sum, r) => sum + r.counted, 0),
    devices: topSeries(
      as((r) => (r.device?.trim() ? r.device.trim() : null)),
      axis,
      clock,
      top,
      marks,
    ),
    countries: topSeries(
      as((r) => lookup(r.ip)?.country ?? null),
      axis,
      clock,
      top,
      marks,
    ),
    networks: topSeries(
      as((r) => {
        const i = lookup(r.ip);
        return i?.asn != null ? networkLabel(i.asn, i.org) : null;
      }),
      axis,
      clock,
      top,
      marks,
    ),
  };
}
