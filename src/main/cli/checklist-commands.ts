// The CLI's checklist and rights commands. `checklist [--json]` prints the hardening checklists
// with each step's state and how it was decided; `checklist set <step> <status> [--note T]` decides a
// step; `rights <access|delete|copy> [--on DATE]` prints the request letter in the CLI's language
// (--lang) and, with --on, records the day it was sent.
import type { ChecklistStep, ChecklistView, MessageRef, RightsLetterView } from '../../shared/contract';
import type { MessageKey, MessageParams, Translator } from '../../shared/i18n';
import { UsageError } from './args';
import { print, type CommandContext } from './context';

const SETTABLE = ['todo', 'done', 'skipped', 'not-applicable'] as const;
const REQUESTS = { access: 'access', delete: 'deletion', copy: 'copy' } as const;
const NOTE_MAX = 2000;

const say = (tr: Translator, m: MessageRef): string => tr.t(m.key as MessageKey, m.params as MessageParams);
const title = (tr: Translator, s: ChecklistStep): string => tr.t(s.title as MessageKey);

/** The contract's CLI shape: {checklists: [{id, progress: {done, total}, steps: [{id, status, verifiedBy, observed, snapshot}]}], first}. */
export function checklistJson(v: ChecklistView): unknown {
  return {
    checklists: v.checklists.map((c) => ({
      id: c.id,
      progress: { done: c.progress.done, total: c.progress.total },
      steps: c.steps.map((s) => ({ id: s.id, status: s.status, verifiedBy: s.verifiedBy, observed: s.observed, snapshot: s.snapshot })),
    })),
    first: v.first,
  };
}

function stepLines(tr: Translator, s: ChecklistStep, staleAfterDays: number): string[] {
  const lines = [tr.t('cli.checklist.step', { state: tr.t(`checklist.state.${s.status}` as MessageKey), id: s.id, title: title(tr, s) })];
  if (s.verifiedBy === 'snapshot') {
    lines.push(tr.t('cli.checklist.fromExport', { snapshot: s.snapshot, value: s.observed ?? tr.t('cli.nothing'), stale: s.stale ? 'yes' : 'no', days: staleAfterDays }));
  } else if (s.verifiedBy === 'user' && s.decidedAt !== null) lines.push(tr.t('cli.checklist.byUser', { date: tr.date(s.decidedAt) }));
  if (s.note) lines.push(tr.t('cli.checklist.note', { note: s.note }));
  return lines;
}

function describeChecklist(tr: Translator, v: ChecklistView): string {
  const lines: string[] = [];
  const steps = new Map(v.checklists.flatMap((c) => c.steps).map((s) => [s.id, s]));
  const first = v.first ? steps.get(v.first) : undefined;
  lines.push(first ? tr.t('cli.checklist.first', { id: first.id, title: title(tr, first) }) : tr.t('cli.checklist.noFirst'));
  const fresh = v.freshExport;
  if (fresh.due) {
    lines.push(tr.t('checklist.reminder.checklist-fresh-export-due', { hasExport: fresh.latestExportAt === null ? 'no' : 'yes', days: fresh.days ?? 0, intervalDays: fresh.intervalDays }));
  }
  for (const c of v.checklists) {
    lines.push('', tr.t('cli.checklist.area', { title: tr.t(`checklist.area.${c.id}` as MessageKey), progress: tr.t('checklist.progress', c.progress) }));
    if (c.reminder?.due) {
      lines.push('  ' + tr.t('checklist.reminder.checklist-fresh-export-due', { hasExport: v.verifiedFrom ? 'yes' : 'no', days: c.reminder.days, intervalDays: c.reminder.intervalDays }));
    }
    for (const s of c.steps) lines.push(...stepLines(tr, s, v.staleAfterDays));
  }
  return lines.join('\n');
}

export async function checklistCommand(ctx: CommandContext): Promise<void> {
  const [verb, step, status, ...rest] = ctx.positional;
  if (verb === undefined) {
    if (ctx.flags.has('note')) throw new UsageError('cli.usage.checklistSet', { text: '--note' });
    const v = await ctx.service.call('checklist', {});
    return print(ctx, checklistJson(v), () => describeChecklist(ctx.tr, v));
  }
  if (verb !== 'set' || step === undefined || status === undefined || rest.length > 0) throw new UsageError('cli.usage.checklistSet', { text: ctx.positional.join(' ') });
  if (!(SETTABLE as readonly string[]).includes(status)) throw new UsageError('cli.usage.checklistSet', { text: status });
  const note = ctx.flags.get('note');
  if (typeof note === 'string' && note.length > NOTE_MAX) throw new UsageError('cli.usage.noteTooLong', { max: NOTE_MAX });
  const s = await ctx.service.call('setStepStatus', { step, status, ...(typeof note === 'string' ? { note } : {}) });
  print(ctx, { id: s.id, status: s.status, verifiedBy: s.verifiedBy, observed: s.observed, snapshot: s.snapshot, note: s.note }, () =>
    ctx.tr.t('cli.checklist.set', { id: s.id, state: ctx.tr.t(`checklist.state.${s.status}` as MessageKey) }),
  );
}

/** The letter worded in the CLI's language: a subject and a body of paragraphs. */
export function letterText(tr: Translator, l: RightsLetterView): { subject: string; body: string } {
  const identity = l.identity.map((m) => say(tr, m)).join('\n');
  return { subject: say(tr, l.subject), body: [say(tr, l.body), identity, say(tr, l.signoff)].filter(Boolean).join('\n\n') };
}

export async function rightsCommand(ctx: CommandContext): Promise<void> {
  const typed = ctx.positional[0]!;
  if (!Object.hasOwn(REQUESTS, typed)) throw new UsageError('cli.usage.rightsKind', { text: typed });
  const kind = REQUESTS[typed as keyof typeof REQUESTS];
  const letter = await ctx.service.call('rightsText', { kind });
  const { subject, body } = letterText(ctx.tr, letter);
  const on = ctx.flags.get('on');
  const sent = typeof on === 'string' ? await ctx.service.call('recordRightsRequest', { kind, sentOn: on, law: letter.law, lang: ctx.tr.lang }) : null;
  print(ctx, { kind, law: letter.law, lang: ctx.tr.lang, subject, body, dueOn: sent?.dueOn ?? letter.dueOn, extendedDueOn: sent?.extendedDueOn ?? letter.extendedDueOn, sent }, () =>
    [
      ctx.tr.t('cli.rights.subject', { subject }),
      '',
      body,
      '',
      sent ? ctx.tr.t('cli.rights.recorded', { sentOn: sent.sentOn, id: sent.id, dueOn: sent.dueOn }) : ctx.tr.t('cli.rights.due', { dueOn: letter.dueOn, extendedDueOn: letter.extendedDueOn }),
    ].join('\n'),
  );
}
