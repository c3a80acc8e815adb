// The CLI commands of change tracking: diff, timeline, archive, retention, still-there, mark-deleted,
// unmark-deleted and forget. cli.ts parses the arguments and hands them here.
import { DATASET_IDS, datasetSpec } from '../../shared/catalog';
import type { ChangeDirection, SnapshotDiff, TimelineEntry } from '../../shared/contract';
import { formatTime } from '../../shared/time';
import type { Service } from '../service';

export interface ChangeCommandContext {
  service: Service;
  positional: string[];
  flags: Map<string, string | true>;
  json: boolean;
  out: (s: string) => void;
  /** throws the CLI's usage error (exit 2) */
  usage: (message: string) => never;
}

export const CHANGE_USAGE = `  diff [FROM TO]                what changed between two snapshots (default: the last two exports)
  timeline                      every snapshot with its headline changes
  archive <dataset> [--status all|present|gone] [--limit N]
                                records kept in the archive, and whether the latest export still has them
  retention <dataset>           per snapshot: the time window the export covers and what aged out
  mark-deleted <record> --on DATE [--note TEXT]
                                note that you deleted a record (comment, post, message…) on DATE
  unmark-deleted <record>       remove that note
  still-there                   records exported again after you deleted them
  forget <record>...            delete records from every snapshot for good; re-imports skip them`;

/** Option flags these commands take (cli.ts adds them to its parser). */
export const CHANGE_VALUE_FLAGS = ['on', 'note', 'status', 'limit'];

const when = (ms: number | null) => (ms === null ? 'unknown date' : formatTime(ms));
const day = (ms: number | null) => (ms === null ? '?' : formatTime(ms).slice(0, 10));
const label = (id: string) => datasetSpec(id)?.label ?? id;
const ARROW: Record<ChangeDirection, string> = { 'more-private': 'more private', 'less-private': 'LESS PRIVATE', neutral: 'neutral' };

function id(ctx: ChangeCommandContext, text: string | undefined, what: string): number {
  if (text === undefined) ctx.usage(`${what} is missing`);
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) ctx.usage(`"${text}" is not ${what}`);
  return n;
}

function dataset(ctx: ChangeCommandContext): string {
  const d = ctx.positional[0];
  if (!d) ctx.usage('a dataset id is missing');
  if (!DATASET_IDS.includes(d)) ctx.usage(`unknown dataset "${d}"; one of: ${DATASET_IDS.join(', ')}`);
  return d;
}

export function describeDiff(d: SnapshotDiff, exported: Map<number, number | null>): string {
  const lines = [`Changes from snapshot #${d.from} (exported ${when(exported.get(d.from) ?? null)}) to #${d.to} (exported ${when(exported.get(d.to) ?? null)})`];
  const changed = Object.entries(d.datasets).filter(([, c]) => c.added || c.gone);
  lines.push('', 'Records:');
  if (changed.length === 0) lines.push('  no records added or gone');
  for (const [id, c] of changed) {
    const gone = c.gone ? `, -${c.gone} gone (${c.agedOut} aged out of the export window, ${c.vanished} vanished inside it)` : '';
    lines.push(`  ${label(id).padEnd(38)} +${c.added}${gone}`);
  }
  lines.push('', 'Settings:');
  if (d.settings.length === 0) lines.push('  no changes');
  for (const s of d.settings) lines.push(`  ${s.key}: ${s.from ?? '(none)'} -> ${s.to ?? '(none)'}  [${ARROW[s.direction]}]`);
  lines.push('', 'Profile:');
  if (d.profile.length === 0) lines.push('  no changes');
  for (const p of d.profile) lines.push(`  ${p.field}: ${p.from ?? '(none)'} -> ${p.to ?? '(none)'}`);
  lines.push('', 'Alerts:');
  if (d.alerts.length === 0) lines.push('  none');
  for (const a of d.alerts) {
    const ids = a.evidence.recordIds.length ? `, records ${a.evidence.recordIds.slice(0, 5).join(', ')}${a.evidence.recordIds.length > 5 ? ', …' : ''}` : '';
    lines.push(`  [${a.kind}] ${a.detail}  (snapshot #${a.evidence.snapshotId}${ids})`);
  }
  return lines.join('\n');
}

function describeTimeline(entries: TimelineEntry[]): string {
  if (entries.length === 0) return 'No snapshots yet. Import an export with: footprint import <path>';
  return entries
    .map((e) => {
      const head = `#${e.snapshotId}  exported ${when(e.exportedAt)}  ${e.records} records`;
      if (!e.headline) return `${head}\n    ${e.highlights.join('\n    ')}`;
      const h = e.headline;
      const alerts = Object.values(h.alerts).reduce((n, x) => n + (x ?? 0), 0);
      const summary = `+${h.added} new, ${h.vanished} vanished, ${h.agedOut} aged out; ${h.settingsChanged} settings changed (${h.morePrivate} more, ${h.lessPrivate} less private); ${h.profileChanged} profile changes; ${alerts} alerts`;
      return [`${head}  (since #${e.previousId})`, `    ${summary}`, ...e.highlights.map((x) => `    - ${x}`)].join('\n');
    })
    .join('\n');
}

/** Runs a change-tracking command; false when the command is not one of them. */
export async function runChangeCommand(command: string, ctx: ChangeCommandContext): Promise<boolean> {
  const { service, positional, flags, json, out } = ctx;
  const print = (value: unknown, human: () => string): void => out(json ? JSON.stringify(value, null, 2) : human());
  switch (command) {
    case 'diff': {
      if (positional.length !== 0 && positional.length !== 2) ctx.usage('diff takes no snapshot ids (the last two) or two: FROM TO');
      const input = positional.length === 2 ? { from: id(ctx, positional[0], 'a snapshot id'), to: id(ctx, positional[1], 'a snapshot id') } : {};
      const d = await service.call('diffSnapshots', input);
      const exported = new Map((await service.call('listSnapshots', {})).map((s) => [s.id, s.exportedAt]));
      print({ from: d.from, to: d.to, datasets: d.datasets, settings: d.settings, profile: d.profile, alerts: d.alerts }, () => describeDiff(d, exported));
      return true;
    }
    case 'timeline': {
      if (positional.length) ctx.usage('timeline takes no arguments');
      const entries = await service.call('timeline', {});
      print(entries, () => describeTimeline(entries));
      return true;
    }
    case 'archive': {
      const ds = dataset(ctx);
      const status = flags.get('status') ?? 'all';
      if (status !== 'all' && status !== 'present' && status !== 'gone') ctx.usage('--status is all, present or gone');
      const limitFlag = flags.get('limit');
      const limit = typeof limitFlag === 'string' ? id(ctx, limitFlag, 'a number of records') : 100;
      if (limit > 1000) ctx.usage('--limit is at most 1000');
      const page = await service.call('archiveRecords', { dataset: ds, status, limit });
      print(page, () =>
        [
          `${label(ds)}: ${page.total} records (${status}); latest snapshot with this dataset: ${page.latestSnapshotId ?? 'none'}`,
          ...page.rows.map((r) => `  #${r.id}  ${r.at === null ? '—' : formatTime(r.at)}  ${r.stillPresent ? 'still exported' : 'gone from exports'}  ${JSON.stringify(r.fields)}`),
        ].join('\n'),
      );
      return true;
    }
    case 'retention': {
      const view = await service.call('retention', { dataset: dataset(ctx) });
      print(view, () =>
        [
          `${label(view.dataset)}${view.windowDays ? ` (TikTok keeps about ${view.windowDays} days)` : ''}`,
          ...view.snapshots.map(
            (s) =>
              `  #${s.snapshotId}  exported ${day(s.exportedAt)}  covers ${day(s.oldest)} .. ${day(s.newest)}  ${s.records} records` +
              (s.previousId === null ? '' : `  (since #${s.previousId}: ${s.agedOut} aged out, ${s.vanished} vanished)`),
          ),
        ].join('\n'),
      );
      return true;
    }
    case 'mark-deleted': {
      const recordId = id(ctx, positional[0], 'a record id');
      const on = flags.get('on');
      if (typeof on !== 'string') ctx.usage('mark-deleted needs --on DATE (when you deleted it)');
      const note = flags.get('note');
      const mark = await service.call('markDeleted', { recordId, deletedAt: on, ...(typeof note === 'string' ? { note } : {}) });
      print(mark, () => `Record ${mark.recordId} (${label(mark.dataset)}) marked as deleted on ${day(mark.deletedAt)}. Later exports that still hold it will be flagged.`);
      return true;
    }
    case 'unmark-deleted': {
      const recordId = id(ctx, positional[0], 'a record id');
      const r = await service.call('unmarkDeleted', { recordId });
      print(r, () => (r.unmarked ? `Record ${recordId} is no longer marked as deleted.` : `Record ${recordId} was not marked as deleted.`));
      return true;
    }
    case 'still-there': {
      const findings = await service.call('stillThere', {});
      print(findings, () =>
        findings.length === 0
          ? 'Nothing you deleted shows up in a later export.'
          : findings
              .map(
                (f) =>
                  `${label(f.dataset)} record ${f.foundRecordId}: deleted ${day(f.deletedAt)}, still in snapshot #${f.snapshotId} (exported ${day(f.exportedAt)}${
                    f.daysAfterDeletion !== null ? `, ${f.daysAfterDeletion} days later` : ''
                  })${f.source === 'deleted_posts' ? ' [from Recently Deleted Posts]' : ''}`,
              )
              .join('\n'),
      );
      return true;
    }
    case 'forget': {
      if (positional.length === 0) ctx.usage('forget needs one or more record ids');
      const ids = positional.map((p) => id(ctx, p, 'a record id'));
      const r = await service.call('forgetRecords', { ids });
      print(r, () => `Forgot ${r.forgotten} record${r.forgotten === 1 ? '' : 's'} for good; re-importing an export that holds them will skip them.`);
      return true;
    }
    default:
      return false;
  }
}
