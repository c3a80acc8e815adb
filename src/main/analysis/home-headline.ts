// The home page's headline: what to check and what to do, from what the other areas already
// compute (the latest diff, the checklists, the apps register), plus the fresh-export reminder.
// Pure: the service hands in their results.
import type { AlertKind, ChecklistView, FreshExportView, HomeExportStep, HomeView, SnapshotDiff } from '../../shared/contract';
import type { ChecklistContent, GuideItem } from '../../shared/checklists';

type Headline = HomeView['headline'];

/** The diff's alerts, counted once each and by kind; no diff (fewer than two exports): none. */
export function alertHeadline(diff: SnapshotDiff | null): Headline['alerts'] {
  if (!diff) return { count: 0, byKind: {}, from: null, to: null };
  // to check: what the person has not yet called "this was me" or "resolved" (as Changes counts)
  const open = diff.alerts.filter((a) => a.decision === null);
  const byKind: Partial<Record<AlertKind, number>> = {};
  for (const a of open) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
  return { count: open.length, byKind, from: diff.from, to: diff.to };
}

/**
 * Settings that got worse: the diff's less-private setting changes, and the checklist steps its
 * setting-regressed alerts name. Counted by setting (a regressed step is a less-private setting too,
 * so it is not counted twice); a regressed step whose setting the diff does not list adds one.
 */
export function settingsWorse(diff: SnapshotDiff | null): Headline['settingsWorse'] {
  if (!diff) return { count: 0, settings: [], regressedSteps: [] };
  const settings = diff.settings.filter((s) => s.direction === 'less-private');
  const keys = new Set(settings.map((s) => s.key));
  const regressed = diff.alerts.filter((a) => a.kind === 'setting-regressed');
  const regressedSteps = [...new Set(regressed.map((a) => String(a.params.step)))];
  const extra = new Set(regressed.filter((a) => !keys.has(String(a.params.key))).map((a) => String(a.params.key)));
  return { count: settings.length + extra.size, settings, regressedSteps };
}

/** The checklists' progress over every area, and the one step to do first. */
export function checklistHeadline(v: ChecklistView): Headline['checklist'] {
  const sum = (f: (p: ChecklistView['checklists'][number]['progress']) => number) => v.checklists.reduce((n, c) => n + f(c.progress), 0);
  const first = v.first ? v.checklists.flatMap((c) => c.steps).find((s) => s.id === v.first) : undefined;
  return { done: sum((p) => p.done), total: sum((p) => p.total), needsAttention: sum((p) => p.needsAttention), first: v.first, firstTitle: first?.title ?? null };
}

/** The "get your data out" items that tell how to get a fresh export, in this order. */
export const FRESH_EXPORT_ITEMS = ['request-json', 'download-in-time', 'what-may-be-missing'] as const;

function itemParams(id: string, facts: ChecklistContent['facts']): Record<string, number> {
  if (id === 'download-in-time') return { days: facts.downloadAvailableDays };
  if (id === 'what-may-be-missing') return { from: facts.mayMissHours[0]!, to: facts.mayMissHours[1]! };
  return {};
}

/** TikTok's help steps for a fresh export, from the checklists' "get your data out" guide. */
export function freshExportSteps(content: Pick<ChecklistContent, 'guides' | 'facts'>): HomeExportStep[] {
  const guide = content.guides.find((g) => g.id === 'get-your-data');
  const items = new Map<string, GuideItem>((guide?.items ?? []).map((i) => [i.id, i]));
  return FRESH_EXPORT_ITEMS.flatMap((id) => {
    const it = items.get(id);
    if (!it) return [];
    const paths: HomeExportStep['paths'] = {};
    for (const [platform, p] of Object.entries(it.paths ?? {})) if (p) paths[platform as keyof HomeExportStep['paths']] = [...p.labels];
    return [{ id, title: it.title, body: it.body, params: itemParams(id, content.facts), paths }];
  });
}

/** The fresh-export reminder as the checklists decide it (service/checklists.ts freshExportView), with TikTok's steps. */
export function freshExportHeadline(f: FreshExportView, steps: HomeExportStep[]): Headline['freshExport'] {
  return { due: f.due, hasExport: f.latestExportAt !== null, days: f.days ?? 0, intervalDays: f.intervalDays, intervalSource: f.chosen ? 'reminder' : 'default', steps };
}
