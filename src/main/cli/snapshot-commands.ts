// import, snapshots, snapshot, datasets and delete-snapshot: the archive's snapshots and counts.
import { existsSync } from 'node:fs';
import { FootprintError } from '../../shared/errors';
import type { ExportedAtSource, ImportResult, SnapshotSummary } from '../../shared/contract';
import type { Translator } from '../../shared/i18n';
import { formatTime } from '../../shared/time';
import { print, snapshotIdArg, when, type CommandContext } from './context';
import { datasetColumns, datasetLabel } from './dataset-names';
import { warningText } from './words';

/** JSON output writes times as ISO 8601 UTC, like `import --json`'s exportedAt. */
function isoTimes<T extends SnapshotSummary>(s: T): Omit<T, 'exportedAt' | 'importedAt'> & { exportedAt: string | null; importedAt: string } {
  return { ...s, exportedAt: s.exportedAt === null ? null : formatTime(s.exportedAt), importedAt: formatTime(s.importedAt) };
}

/** An export time and where it came from: "2025-01-02 10:00 (from the file name)". */
const exportedWhen = (tr: Translator, ms: number | null, source: ExportedAtSource | null) =>
  ms !== null && source !== null ? `${when(tr, ms)} ${tr.t(`cli.exportedFrom.${source}`)}` : when(tr, ms);

const recordsAndNew = (tr: Translator, records: number, added: number) => `${tr.t('cli.records', { n: records })} (${tr.t('cli.new', { n: added })})`;

function describeImport(tr: Translator, r: ImportResult): string {
  const s = r.snapshot;
  const exported = s.exportedAt === null ? NaN : Date.parse(s.exportedAt);
  const head = r.alreadyImported
    ? tr.t('cli.import.already', { id: s.id })
    : Number.isFinite(exported)
      ? tr.t('cli.import.doneExported', { id: s.id, format: s.format.toUpperCase(), layout: s.layout, date: exportedWhen(tr, exported, s.exportedAtSource) })
      : tr.t('cli.import.done', { id: s.id, format: s.format.toUpperCase(), layout: s.layout });
  const rows = datasetColumns(
    tr,
    Object.entries(r.datasets)
      .sort(([a], [b]) => datasetLabel(tr, a).localeCompare(datasetLabel(tr, b), tr.lang))
      .map(([id, c]) => [id, recordsAndNew(tr, c.records, c.new)]),
  );
  const unknown = r.unknownSections.filter((u) => !u.empty).map((u) => `  ${tr.t('cli.import.kept', { path: u.path })}`);
  const warnings = r.warnings.map((w) => `  ${tr.t('cli.line.warning', { path: w.path, text: warningText(tr, w) })}`);
  return [head, ...rows, ...unknown, ...warnings].join('\n');
}

function describeSnapshot(tr: Translator, s: SnapshotSummary): string {
  return tr.t('cli.snapshot.line', {
    id: s.id,
    source: s.sourceName,
    format: s.format,
    layout: s.layout,
    date: exportedWhen(tr, s.exportedAt, s.exportedAtSource),
    records: tr.t('cli.records', { n: s.records }),
    fresh: tr.t('cli.new', { n: s.newRecords }),
  });
}

export async function importCommand(ctx: CommandContext): Promise<void> {
  const path = ctx.positional[0]!;
  // checked before the archive opens, so a mistyped path creates no archive either
  if (!existsSync(path)) throw new FootprintError('NOT_FOUND', { path });
  const result = await ctx.service.call('importExport', { path });
  print(ctx, result, () => describeImport(ctx.tr, result));
}

export async function snapshotsCommand(ctx: CommandContext): Promise<void> {
  const list = await ctx.service.call('listSnapshots', {});
  print(ctx, list.map(isoTimes), () => (list.length === 0 ? ctx.tr.t('cli.snapshots.none') : list.map((s) => describeSnapshot(ctx.tr, s)).join('\n')));
}

export async function snapshotCommand(ctx: CommandContext): Promise<void> {
  const { tr } = ctx;
  const id = snapshotIdArg(ctx.positional[0]!);
  const detail = await ctx.service.call('getSnapshot', { id });
  if (!detail) throw new FootprintError('NO_SUCH_SNAPSHOT', { id });
  print(ctx, isoTimes(detail), () =>
    [
      describeSnapshot(tr, detail),
      ...datasetColumns(
        tr,
        detail.datasets.map((d) => [d.dataset, recordsAndNew(tr, d.records, d.new)]),
      ),
      ...detail.unknownSections.map((u) => `  ${tr.t(u.empty ? 'cli.snapshot.keptEmpty' : 'cli.snapshot.kept', { path: u.path })}`),
      ...detail.warnings.map((w) => `  ${tr.t('cli.line.warning', { path: w.path, text: warningText(tr, w) })}`),
    ].join('\n'),
  );
}

export async function datasetsCommand(ctx: CommandContext): Promise<void> {
  const { tr } = ctx;
  const flag = ctx.flags.get('snapshot');
  const snapshotId = typeof flag === 'string' ? snapshotIdArg(flag) : undefined;
  if (snapshotId !== undefined && !(await ctx.service.call('getSnapshot', { id: snapshotId }))) throw new FootprintError('NO_SUCH_SNAPSHOT', { id: snapshotId });
  const rows = await ctx.service.call('datasetOverview', snapshotId === undefined ? {} : { snapshotId });
  // the snapshot counted: the one asked for, else the latest (what datasetOverview counts in)
  const counted = snapshotId ?? Math.max(0, ...(await ctx.service.call('listSnapshots', {})).map((s) => s.id));
  const shown = ctx.flags.has('all') ? rows : rows.filter((r) => r.archived > 0 || r.present);
  print(ctx, rows, () => {
    if (shown.length === 0) return tr.t('cli.datasets.none');
    const head = counted ? tr.t('cli.datasets.header', { id: counted }) : tr.t('cli.datasets.headerNone');
    return [head, ...datasetColumns(tr, shown.map((r) => [r.id, tr.t('cli.datasets.row', { inSnapshot: r.records, kept: r.archived })]))].join('\n');
  });
}

export async function deleteSnapshotCommand(ctx: CommandContext): Promise<void> {
  const id = snapshotIdArg(ctx.positional[0]!);
  const result = await ctx.service.call('deleteSnapshot', { id });
  if (!result.deleted) throw new FootprintError('NO_SUCH_SNAPSHOT', { id });
  print(ctx, result, () => ctx.tr.t('cli.deleted', { id }));
}
