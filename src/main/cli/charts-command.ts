// `footprint charts [--time-zone ZONE] [--snapshot ID]`: the figures behind the window's charts.
// --json prints the charts operation's answer as it is (ChartsView: counts per bucket, epoch ms);
// the text form gives each chart's summary sentence and its main figures.
import type { ChartSeries } from '../../shared/contract';
import { activitySummary, bucketLabel, hoursSummary, loginsSummary, offTikTokSummary, retentionSummary, seriesLabel, type SeriesKind } from '../../shared/chart-words';
import type { MessageKey } from '../../shared/i18n';
import { print, snapshotIdArg, type CommandContext } from './context';

export async function chartsCommand(ctx: CommandContext): Promise<void> {
  const { tr } = ctx;
  const zone = ctx.flags.get('time-zone');
  const snapshot = ctx.flags.get('snapshot');
  const v = await ctx.service.call('charts', {
    timeZone: typeof zone === 'string' ? zone : Intl.DateTimeFormat().resolvedOptions().timeZone,
    snapshotId: typeof snapshot === 'string' ? snapshotIdArg(snapshot) : undefined,
  });
  print(ctx, v, () => {
    const values = (list: ChartSeries[], kind: SeriesKind = 'plain') =>
      list.map((s) => tr.t('charts.cli.value', { label: seriesLabel(tr, s, kind), n: s.total, fresh: s.isNew ? 'true' : 'false' }));
    const heading = (key: MessageKey, summary: string) => ['', tr.t(key), summary];
    const lines = [tr.t('charts.cli.head', { zone: v.timeZone })];
    lines.push(...heading('charts.activity.title', activitySummary(tr, v.activity)), ...values(v.activity.series.filter((s) => s.total > 0), 'dataset'));
    if (v.activity.buckets.length > 0) lines.push(`  ${bucketLabel(tr, v.activity.unit, v.activity.buckets[0]!)} – ${bucketLabel(tr, v.activity.unit, v.activity.buckets.at(-1)!)}`);
    lines.push(...heading('charts.hours.title', hoursSummary(tr, v.watchHours)));
    lines.push(...heading('charts.logins.title', loginsSummary(tr, v.logins)));
    for (const [key, list, kind] of [
      ['charts.logins.devices', v.logins.devices, 'plain'],
      ['charts.logins.countries', v.logins.countries, 'country'],
      ['charts.logins.networks', v.logins.networks, 'plain'],
    ] as const)
      if (list.length > 0) lines.push(` ${tr.t(key)}`, ...values(list, kind));
    lines.push(...heading('charts.offTikTok.title', offTikTokSummary(tr, v.offTikTok)));
    for (const [key, list] of [
      ['charts.offTikTok.sources', v.offTikTok.sources],
      ['charts.offTikTok.events', v.offTikTok.events],
    ] as const)
      if (list.length > 0) lines.push(` ${tr.t(key)}`, ...values(list));
    lines.push(...heading('charts.retention.title', retentionSummary(tr, v.retention)));
    for (const r of v.retention) {
      const last = r.snapshots.at(-1);
      if (!last) continue;
      const label = tr.has(`dataset.${r.dataset}`) ? tr.t(`dataset.${r.dataset}` as MessageKey) : r.dataset;
      lines.push(tr.t('charts.cli.window', { dataset: label, oldest: last.oldest === null ? '?' : tr.date(last.oldest, v.timeZone), newest: last.newest === null ? '?' : tr.date(last.newest, v.timeZone), records: last.records }));
    }
    return lines.join('\n');
  });
}
