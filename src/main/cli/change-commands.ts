// The CLI commands of change tracking: diff, timeline, archive, retention, still-there, mark-deleted,
// unmark-deleted and forget. main.ts parses the arguments and hands them here.
import type { AlertKind, SnapshotDiff, TimelineEntry } from '../../shared/contract';
import type { Translator } from '../../shared/i18n';
import { parseUserDate } from '../../shared/time';
import { settingValueWord } from '../../shared/i18n/words';
import { UsageError } from './args';
import { choiceOption, countOption, day, print, recordIdArg, snapshotIdArg, when, type CommandContext } from './context';
import { datasetColumns, datasetLabel, datasetNamed, resolveDataset } from './dataset-names';
import { alertText, highlightText } from './words';

const DIRECTION = { 'more-private': 'cli.direction.more-private', 'less-private': 'cli.direction.less-private', neutral: 'cli.direction.neutral' } as const;
const NOTE_MAX = 500;
const PAGE_MAX = 1000;

function describeDiff(tr: Translator, d: SnapshotDiff, exported: Map<number, number | null>): string {
  const lines = [
    tr.t('cli.diff.head', { from: d.from, fromDate: when(tr, exported.get(d.from) ?? null), to: d.to, toDate: when(tr, exported.get(d.to) ?? null) }),
  ];
  const changed = Object.entries(d.datasets).filter(([, c]) => c.added || c.gone);
  lines.push('', tr.t('cli.diff.records'));
  if (changed.length === 0) lines.push(`  ${tr.t('cli.diff.noRecords')}`);
  lines.push(
    ...datasetColumns(
      tr,
      changed.map(([id, c]) => [id, c.gone ? tr.t('cli.diff.addedGone', { ...c }) : tr.t('cli.diff.added', { added: c.added })]),
    ),
  );
  const nothing = tr.t('cli.nothing');
  lines.push('', tr.t('cli.diff.settings'));
  if (d.settings.length === 0) lines.push(`  ${tr.t('cli.diff.noChanges')}`);
  const value = (raw: string | null, level: string | null) => (raw === null ? nothing : settingValueWord(tr, raw, level));
  for (const s of d.settings) lines.push(`  ${s.key}: ${value(s.from, s.fromLevel)} -> ${value(s.to, s.toLevel)}  [${tr.t(DIRECTION[s.direction])}]`);
  lines.push('', tr.t('cli.diff.profile'));
  if (d.profile.length === 0) lines.push(`  ${tr.t('cli.diff.noChanges')}`);
  for (const p of d.profile) lines.push(`  ${p.field}: ${p.from ?? nothing} -> ${p.to ?? nothing}`);
  // still to check, most important first; then what the person already decided
  const open = d.alerts.filter((a) => a.decision === null);
  const decided = d.alerts.filter((a) => a.decision !== null);
  // as typed in a shell: '|' and spaces would be read by the shell, so such a key is quoted
  const quoted = (key: string) => (/^[\w.:-]+$/.test(key) ? key : `'${key.replaceAll("'", "'\\''")}'`);
  const alertLine = (a: SnapshotDiff['alerts'][number]) => {
    const recordIds = a.evidence.recordIds;
    const params = { kind: a.kind, text: alertText(tr, a), snapshot: a.evidence.snapshotId };
    return (
      '  ' +
      (recordIds.length
        ? tr.t('cli.diff.alertRecords', { ...params, ids: recordIds.slice(0, 5).join(', ') + (recordIds.length > 5 ? ', …' : '') })
        : tr.t('cli.diff.alert', params))
    );
  };
  lines.push('', tr.t('cli.diff.alerts'));
  if (open.length === 0) lines.push(`  ${tr.t('cli.none')}`);
  for (const a of open) {
    lines.push(alertLine(a), `    ${tr.t('cli.diff.severity', { severity: a.severity })} · ${tr.t('cli.diff.decideHint', { kind: a.decisionKind, key: quoted(a.key) })}`);
  }
  if (decided.length > 0) {
    lines.push('', tr.t('cli.diff.decided'));
    for (const a of decided) {
      lines.push(alertLine(a), `    ${tr.t('cli.diff.decision', { decision: a.decision!.decision, date: tr.date(a.decision!.decidedAt), kind: a.decisionKind, key: quoted(a.key) })}`);
    }
  }
  return lines.join('\n');
}

function describeTimeline(tr: Translator, entries: TimelineEntry[]): string {
  if (entries.length === 0) return tr.t('cli.snapshots.none');
  return entries
    .map((e) => {
      const head = tr.t('cli.timeline.head', { id: e.snapshotId, date: when(tr, e.exportedAt), records: tr.t('cli.records', { n: e.records }) });
      const highlights = e.highlights.map((h) => highlightText(tr, h));
      if (!e.headline) return [head, ...highlights.map((x) => `    ${x}`)].join('\n');
      const h = e.headline;
      const alerts = Object.values(h.alerts).reduce((n, x) => n + (x ?? 0), 0); // still to check: decided ones are known
      const summary = tr.t('cli.timeline.summary', {
        added: h.added,
        vanished: h.vanished,
        agedOut: h.agedOut,
        settings: h.settingsChanged,
        more: h.morePrivate,
        less: h.lessPrivate,
        profile: h.profileChanged,
        alerts,
      });
      return [`${head}  ${tr.t('cli.timeline.since', { id: e.previousId })}`, `    ${summary}`, ...highlights.map((x) => `    - ${x}`)].join('\n');
    })
    .join('\n');
}

async function diff(ctx: CommandContext): Promise<void> {
  const [from, to] = ctx.positional;
  const input = from !== undefined && to !== undefined ? { from: snapshotIdArg(from), to: snapshotIdArg(to) } : {};
  const d = await ctx.service.call('diffSnapshots', input);
  const exported = new Map((await ctx.service.call('listSnapshots', {})).map((s) => [s.id, s.exportedAt]));
  print(ctx, { from: d.from, to: d.to, datasets: d.datasets, settings: d.settings, profile: d.profile, alerts: d.alerts }, () => describeDiff(ctx.tr, d, exported));
}

async function timeline(ctx: CommandContext): Promise<void> {
  const entries = await ctx.service.call('timeline', {});
  print(ctx, entries, () => describeTimeline(ctx.tr, entries));
}

async function archive(ctx: CommandContext): Promise<void> {
  const { tr } = ctx;
  const dataset = resolveDataset(ctx.positional[0]!);
  const status = choiceOption(ctx, 'status', ['all', 'present', 'gone'] as const, 'all');
  const limit = countOption(ctx, 'limit', 1, PAGE_MAX, 100);
  const offset = countOption(ctx, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
  const page = await ctx.service.call('archiveRecords', { dataset, status, limit, offset });
  print(ctx, page, () => {
    const lines = [
      tr.t('cli.archive.head', {
        dataset: datasetNamed(tr, dataset),
        records: tr.t('cli.records', { n: page.total }),
        status: tr.t(`cli.archive.status.${status}`),
        latest: page.latestSnapshotId === null ? tr.t('cli.none') : `#${page.latestSnapshotId}`,
      }),
      ...page.rows.map(
        (r) =>
          `  #${r.id}  ${r.at === null ? '—' : tr.dateTime(r.at)}  ${tr.t(r.stillPresent ? 'cli.archive.stillExported' : 'cli.archive.goneFromExports')}  ${JSON.stringify(r.fields)}`,
      ),
    ];
    if (page.rows.length > 0) {
      lines.push(tr.t('cli.archive.page', { first: offset + 1, last: offset + page.rows.length, total: page.total }));
      if (offset + page.rows.length < page.total) lines.push(tr.t('cli.archive.next', { offset: offset + page.rows.length }));
    } else if (offset > 0) lines.push(tr.t('cli.archive.pastEnd', { offset, total: page.total }));
    return lines.join('\n');
  });
}

async function retention(ctx: CommandContext): Promise<void> {
  const { tr } = ctx;
  const view = await ctx.service.call('retention', { dataset: resolveDataset(ctx.positional[0]!) });
  print(ctx, view, () => {
    const name = datasetNamed(tr, view.dataset);
    return [
      // what the exports showed, or else the catalog's figure for what TikTok keeps
      view.windowDays
        ? tr.t(view.windowSource === 'observed' ? 'cli.retention.headObserved' : 'cli.retention.headWindow', { dataset: name, days: view.windowDays })
        : tr.t('cli.retention.head', { dataset: name }),
      ...view.snapshots.map((s) => {
        const row = { id: s.snapshotId, date: day(tr, s.exportedAt), oldest: day(tr, s.oldest), newest: day(tr, s.newest), records: tr.t('cli.records', { n: s.records }) };
        return (
          '  ' +
          (s.windowDays === null ? tr.t('cli.retention.row', row) : tr.t('cli.retention.rowDays', { ...row, days: s.windowDays })) +
          (s.previousId === null ? '' : '  ' + tr.t('cli.retention.since', { id: s.previousId, agedOut: s.agedOut ?? 0, vanished: s.vanished ?? 0 }))
        );
      }),
    ].join('\n');
  });
}

async function markDeleted(ctx: CommandContext): Promise<void> {
  const { tr } = ctx;
  const recordId = recordIdArg(ctx.positional[0]!);
  const on = ctx.flags.get('on');
  if (typeof on !== 'string') throw new UsageError('cli.usage.needsOn');
  parseUserDate(on, '--on'); // bad input (exit 1), worded with the option's name
  const note = ctx.flags.get('note');
  if (typeof note === 'string' && note.length > NOTE_MAX) throw new UsageError('cli.usage.noteTooLong', { max: NOTE_MAX });
  const mark = await ctx.service.call('markDeleted', { recordId, deletedAt: on, ...(typeof note === 'string' ? { note } : {}) });
  print(ctx, mark, () => tr.t('cli.marked', { id: mark.recordId, dataset: datasetLabel(tr, mark.dataset), date: day(tr, mark.deletedAt) }));
}

async function unmarkDeleted(ctx: CommandContext): Promise<void> {
  const recordId = recordIdArg(ctx.positional[0]!);
  const r = await ctx.service.call('unmarkDeleted', { recordId });
  print(ctx, r, () => ctx.tr.t(r.unmarked ? 'cli.unmarked' : 'cli.notMarked', { id: recordId }));
}

async function stillThere(ctx: CommandContext): Promise<void> {
  const { tr } = ctx;
  const findings = await ctx.service.call('stillThere', {});
  print(ctx, findings, () =>
    findings.length === 0
      ? tr.t('cli.stillThere.none')
      : findings
          .map((f) => {
            const params = { dataset: datasetLabel(tr, f.dataset), id: f.foundRecordId, date: day(tr, f.deletedAt), snapshot: f.snapshotId, exported: day(tr, f.exportedAt) };
            const line = f.daysAfterDeletion !== null ? tr.t('cli.stillThere.rowDays', { ...params, days: f.daysAfterDeletion }) : tr.t('cli.stillThere.row', params);
            return f.source === 'deleted_posts' ? `${line} ${tr.t('cli.stillThere.fromDeletedPosts')}` : line;
          })
          .join('\n'),
  );
}

async function forget(ctx: CommandContext): Promise<void> {
  const ids = ctx.positional.map(recordIdArg);
  const r = await ctx.service.call('forgetRecords', { ids });
  print(ctx, r, () => ctx.tr.t('cli.forgot', { n: r.forgotten }));
}

const DECISIONS = { me: 'me', resolved: 'resolved', clear: null } as const;

/** `alerts decide <kind> <key> me|resolved|clear [--note T]`: the kind and key as `diff` shows them. */
async function alerts(ctx: CommandContext): Promise<void> {
  const [verb, kind, key, word] = ctx.positional as [string, string, string, string];
  if (verb !== 'decide' || !Object.hasOwn(DECISIONS, word)) throw new UsageError('cli.usage.alertsDecide', { text: ctx.positional.join(' ') });
  const note = ctx.flags.get('note');
  if (typeof note === 'string' && note.length > NOTE_MAX) throw new UsageError('cli.usage.noteTooLong', { max: NOTE_MAX });
  // the kind is checked by the contract (BAD_INPUT, exit 1), like every door's input
  const r = await ctx.service.call('decideAlert', {
    kind: kind as AlertKind,
    key,
    decision: DECISIONS[word as keyof typeof DECISIONS],
    ...(typeof note === 'string' ? { note } : {}),
  });
  print(ctx, r, () => ctx.tr.t('cli.alerts.decided', { decision: r.decision?.decision ?? 'clear', kind: r.kind, key: r.key }));
}

export const CHANGE_COMMANDS = {
  alerts,
  diff,
  timeline,
  archive,
  retention,
  'mark-deleted': markDeleted,
  'unmark-deleted': unmarkDeleted,
  'still-there': stillThere,
  forget,
} as const;
