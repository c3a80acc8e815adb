// The chart.js configurations of the charts page, from the charts operation's answer (ChartsView)
// and the widget's palette (components/Chart.svelte). Tables hold the same figures.
import type { ChartAxis, ChartSeries, RetentionView } from '@shared/contract';
import { bucketLabel, seriesLabel, type SeriesKind } from '@shared/chart-words';
import type { ChartConfig, ChartTable, Palette } from '../../components/Chart.svelte';
import { datasetLabel, fmtDate, fmtNumber, i18n, t } from '../../lib/i18n.svelte';

/** A day in the zone the charts count in. */
const dayIn = (ms: number | null | undefined, zone: string): string => (ms == null ? '—' : i18n.tr.date(ms, zone));

/** A series' colour: values take the palette in turn, "other" and "unknown" are grey. */
export function colourOf(p: Palette, s: ChartSeries, i: number): string {
  return s.kind === 'other' ? p.other : s.kind === 'none' ? p.none : p.series[i % p.series.length]!;
}

const label = (s: ChartSeries, kind: SeriesKind = 'plain'): string => seriesLabel(i18n.tr, s, kind);
/** The legend's name: "(new)" after what the latest export shows for the first time. */
const legendName = (s: ChartSeries, kind: SeriesKind = 'plain'): string => (s.isNew ? t('charts.newLegend', { name: label(s, kind) }) : label(s, kind));

const axes = (p: Palette, stacked: boolean) => ({
  x: { stacked, grid: { display: false }, ticks: { color: p.muted, maxRotation: 0, autoSkipPadding: 10 } },
  y: { stacked, beginAtZero: true, grid: { color: p.grid }, ticks: { color: p.muted, precision: 0, callback: (v: string | number) => fmtNumber(Number(v)) } },
});

/** Lines per series on a time axis (activity). */
export function linesConfig(p: Palette, axis: ChartAxis, series: ChartSeries[], kind: SeriesKind = 'plain'): ChartConfig {
  return {
    type: 'line',
    data: {
      labels: axis.buckets.map((b) => bucketLabel(i18n.tr, axis.unit, b, true)),
      datasets: series.map((s, i) => ({
        label: legendName(s, kind),
        data: s.counts,
        borderColor: colourOf(p, s, i),
        backgroundColor: colourOf(p, s, i),
        borderWidth: 2,
        pointRadius: axis.buckets.length > 24 ? 0 : 2.5,
        tension: 0.25,
      })),
    },
    options: { interaction: { mode: 'index', intersect: false }, scales: axes(p, false) },
  };
}

/** Stacked bars per series on a time axis (logins, off-TikTok); new values outlined in the "new" colour. */
export function stackedConfig(p: Palette, axis: ChartAxis, series: ChartSeries[], kind: SeriesKind = 'plain'): ChartConfig {
  return {
    type: 'bar',
    data: {
      labels: axis.buckets.map((b) => bucketLabel(i18n.tr, axis.unit, b, true)),
      datasets: series.map((s, i) => ({
        label: legendName(s, kind),
        data: s.counts,
        backgroundColor: colourOf(p, s, i),
        borderColor: s.isNew ? p.fresh : colourOf(p, s, i),
        borderWidth: s.isNew ? 2 : 0,
      })),
    },
    options: { interaction: { mode: 'index', intersect: false }, scales: axes(p, true) },
  };
}

/** Series over time as a table: one row per bucket, one column per series. */
export function bucketTable(axis: ChartAxis, series: ChartSeries[], kind: SeriesKind = 'plain'): ChartTable {
  return {
    columns: [{ label: t('charts.col.period', { unit: axis.unit }) }, ...series.map((s) => ({ label: label(s, kind), num: true }))],
    rows: axis.buckets.map((b, i) => [bucketLabel(i18n.tr, axis.unit, b), ...series.map((s) => s.counts[i] ?? 0)]),
  };
}

/** Values as a table: one row per value with its total, when it was first seen and whether it is new. */
export function valueTable(series: ChartSeries[], marks: boolean, kind: SeriesKind, zone: string): ChartTable {
  return {
    columns: [
      { label: t('charts.col.value') },
      { label: t('charts.col.total'), num: true },
      ...(marks ? [{ label: t('charts.col.first') }, { label: t('charts.col.new') }] : []),
    ],
    rows: series.map((s) => [
      label(s, kind),
      s.total,
      ...(marks ? [s.firstAt == null ? '' : dayIn(s.firstAt, zone), s.kind !== 'value' ? '' : s.isNew ? t('charts.yes') : t('charts.no')] : []),
    ]),
  };
}

/** Each export's window per dataset as floating bars on one time line. */
export function retentionConfig(p: Palette, views: RetentionView[], zone: string): ChartConfig {
  const exports = [...new Map(views.flatMap((v) => v.snapshots.map((s) => [s.snapshotId, s.exportedAt] as const))).entries()];
  // a bar chart's value axis starts at zero (1970) unless told where the windows are
  const times = views.flatMap((v) => v.snapshots.flatMap((s) => (s.oldest === null || s.newest === null ? [] : [s.oldest, s.newest])));
  const pad = times.length ? Math.max(86_400_000, (Math.max(...times) - Math.min(...times)) * 0.02) : 0;
  return {
    type: 'bar',
    data: {
      labels: views.map((v) => datasetLabel(v.dataset)),
      datasets: exports.map(([id, exportedAt], i) => ({
        label: exportedAt === null ? `#${id}` : t('charts.snapshot.one', { date: fmtDate(exportedAt) }),
        data: views.map((v) => {
          const s = v.snapshots.find((x) => x.snapshotId === id);
          return s && s.oldest !== null && s.newest !== null ? ([s.oldest, Math.max(s.newest, s.oldest + 86_400_000)] as [number, number]) : null;
        }) as unknown as number[],
        backgroundColor: p.series[i % p.series.length],
        borderRadius: 3,
        barPercentage: 0.9,
        categoryPercentage: 0.8,
      })),
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: {
          min: times.length ? Math.min(...times) - pad : undefined,
          max: times.length ? Math.max(...times) + pad : undefined,
          grid: { color: p.grid },
          ticks: { color: p.muted, maxTicksLimit: 6, callback: (v: string | number) => dayIn(Number(v), zone) },
        },
        y: { grid: { display: false }, ticks: { color: p.muted } },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (c) => {
              const [a, b] = (c.raw as [number, number] | null) ?? [0, 0];
              return `${c.dataset.label}: ${dayIn(a, zone)} – ${dayIn(b, zone)}`;
            },
          },
        },
      },
    },
  };
}

export function retentionTable(views: RetentionView[], zone: string): ChartTable {
  return {
    columns: [
      { label: t('charts.col.dataset') },
      { label: t('charts.col.export') },
      { label: t('charts.col.oldest') },
      { label: t('charts.col.newest') },
      { label: t('charts.col.days'), num: true },
      { label: t('charts.col.records'), num: true },
    ],
    rows: views.flatMap((v) =>
      v.snapshots.map((s) => [datasetLabel(v.dataset), s.exportedAt === null ? `#${s.snapshotId}` : fmtDate(s.exportedAt), dayIn(s.oldest, zone), dayIn(s.newest, zone), s.windowDays ?? '—', s.records]),
    ),
  };
}
