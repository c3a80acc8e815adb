// `footprint home [--json]`: the home page in text: the latest export's figures, what to do (alerts,
// settings that got worse, apps due, checklist progress and the step to do first, a fresh export
// when due, with TikTok's steps), what TikTok has on you by privacy category, what no export shows
// and what TikTok says. --json: the contract's HomeView with times as ISO 8601 (UTC).
import type { HomeView } from '../../shared/contract';
import type { MessageKey, MessageParams, Translator } from '../../shared/i18n';
import { categoryAboutKey, categoryKey, SOURCES } from '../../shared/privacy-categories';
import { formatTime } from '../../shared/time';
import { print, when, day, type CommandContext } from './context';
import { datasetLabel } from './dataset-names';

const iso = (ms: number | null): string | null => (ms === null ? null : formatTime(ms));
const t = (tr: Translator, key: string, params?: MessageParams) => tr.t(key as MessageKey, params);

/** HomeView with its times as ISO 8601, as every --json of the CLI writes them. */
export function homeJson(v: HomeView) {
  return {
    ...v,
    latest: v.latest && { ...v.latest, exportedAt: iso(v.latest.exportedAt), importedAt: iso(v.latest.importedAt) },
    categories: v.categories.map((c) => ({ ...c, oldest: iso(c.oldest), newest: iso(c.newest), datasets: c.datasets.map((d) => ({ ...d, oldest: iso(d.oldest), newest: iso(d.newest) })) })),
  };
}

const sourceNames = (tr: Translator, ids: readonly string[]) => tr.list(ids.map((id) => t(tr, SOURCES.find((s) => s.id === id)?.key ?? id)));
const span = (tr: Translator, from: number | null, to: number | null) => (from === null ? '' : `, ${day(tr, from)} – ${day(tr, to)}`);

function todoLines(tr: Translator, v: HomeView): string[] {
  const h = v.headline;
  const lines = [tr.t('cli.home.todo')];
  lines.push(`  ${v.latest?.previousId == null ? tr.t('cli.home.noCompare') : tr.t('cli.home.alerts', { n: h.alerts.count })}`);
  if (h.settingsWorse.count > 0) {
    lines.push(`  ${tr.t('cli.home.settingsWorse', { n: h.settingsWorse.count })}`);
    for (const s of h.settingsWorse.settings) lines.push(`    ${s.key}: ${s.from ?? tr.t('cli.nothing')} -> ${s.to ?? tr.t('cli.nothing')}`);
  }
  lines.push(`  ${tr.t('cli.home.appsDue', { n: h.appsDue.count })}`);
  lines.push(`  ${tr.t('cli.home.checklist', { done: h.checklist.done, total: h.checklist.total })}`);
  if (h.checklist.first && h.checklist.firstTitle) lines.push(`  ${tr.t('cli.home.first', { id: h.checklist.first, title: t(tr, h.checklist.firstTitle) })}`);
  const f = h.freshExport;
  if (!f.hasExport) lines.push(`  ${tr.t('cli.home.noExport')}`);
  else lines.push(`  ${f.due ? tr.t('cli.home.freshDue', { days: f.days, interval: f.intervalDays }) : tr.t('cli.home.freshOk', { days: f.days, interval: f.intervalDays })}`);
  if (f.due) {
    f.steps.forEach((s, i) => {
      const path = s.paths.android ?? s.paths.ios ?? s.paths.web;
      lines.push(`    ${i + 1}. ${t(tr, s.title, s.params)}${path ? ': ' + path.map((k) => t(tr, k)).join(' › ') : ''}`);
      lines.push(`       ${t(tr, s.body, s.params)}`);
    });
  }
  return lines;
}

function categoryLines(tr: Translator, v: HomeView): string[] {
  const lines = [tr.t('cli.home.has')];
  const emptyCategories: string[] = [];
  const emptyDatasets: string[] = [];
  for (const c of v.categories) {
    const name = t(tr, categoryKey(c.id));
    if (c.datasets.length === 0) emptyCategories.push(name);
    emptyDatasets.push(...c.empty.filter(() => c.datasets.length > 0).map((d) => datasetLabel(tr, d)));
    if (c.datasets.length === 0) continue;
    lines.push(`  ${tr.t('cli.home.category', { name, records: c.records, fresh: tr.number(c.new) })}${span(tr, c.oldest, c.newest)}`);
    lines.push(`    ${t(tr, categoryAboutKey(c.id))}`);
    for (const d of c.datasets) lines.push(`    - ${tr.t('cli.home.dataset', { name: datasetLabel(tr, d.id), records: tr.number(d.records), fresh: tr.number(d.new) })}${span(tr, d.oldest, d.newest)}`);
  }
  if (emptyCategories.length) lines.push(`  ${tr.t('cli.home.emptyCategories', { names: tr.list(emptyCategories) })}`);
  if (emptyDatasets.length) lines.push(`  ${tr.t('cli.home.emptyDatasets', { names: tr.list(emptyDatasets) })}`);
  return lines;
}

function describeHome(tr: Translator, v: HomeView): string {
  const lines: string[] = [];
  if (!v.latest) lines.push(tr.t('cli.home.empty'));
  else {
    const l = v.latest;
    lines.push(tr.t('cli.home.latest', { id: l.id, name: l.sourceName, date: when(tr, l.exportedAt), records: l.records, fresh: l.newRecords, datasets: l.datasets }));
  }
  lines.push('', ...todoLines(tr, v));
  if (v.latest) lines.push('', ...categoryLines(tr, v));
  lines.push('', tr.t('cli.home.notShown'), ...v.notShown.map((m) => `  - ${t(tr, m.key)} ${tr.t('cli.home.source', { sources: sourceNames(tr, m.sources) })}`));
  lines.push('', tr.t('cli.home.claims'), ...v.claims.map((c) => `  - ${t(tr, c.key)} ${tr.t('cli.home.source', { sources: sourceNames(tr, c.sources) })}`));
  return lines.join('\n');
}

export async function homeCommand(ctx: CommandContext): Promise<void> {
  const v = await ctx.service.call('home', {});
  print(ctx, homeJson(v), () => describeHome(ctx.tr, v));
}
