// `footprint export <dataset>`: the records of a dataset kept in the archive, as JSON or CSV, to
// stdout or --out FILE, with the table view's filters (--from, --to, --where, --missing, --match,
// --snapshot) and sort (--sort, --order): the same query the window's "export this view" runs.
// Values datasets (profile, settings…) hold key/value pairs per snapshot rather than records: they
// export every value of every snapshot that has the dataset (--snapshot: of that one).
// Rows are written as they are read, so a large dataset never sits in memory whole, and a closed
// stdout (`| head`) stops the export. A file is written as a 0600 temp file and renamed over the
// target when complete (service/safe-file.ts): an existing file is replaced only with --force, and
// never the archive, its -wal/-shm, a symlink or a folder.
import { datasetSpec } from '../../shared/catalog';
import { formatTime, parseUserDate } from '../../shared/time';
import { csvLine, exportLines, jsonListLines, UTF8_BOM } from '../service/csv';
import { openSafeFile } from '../service/safe-file';
import { UsageError } from './args';
import { choiceOption, snapshotIdArg, type CommandContext } from './context';
import { resolveDataset } from './dataset-names';
import { checkOpen } from './output';

/** A line sink: stdout (stopping when it closes) or a file. */
interface Sink {
  line(s: string): Promise<void>;
  end(): Promise<void>;
  fail(): void;
}

function stdoutSink(ctx: CommandContext): Sink {
  let n = 0;
  return {
    line: async (s) => {
      ctx.io.out(s);
      const full = ctx.io.full?.(); // a slow reader: wait instead of piling the export up in memory
      if (full) await full;
      if (++n % 500 === 0) await checkOpen(ctx.io);
    },
    end: async () => checkOpen(ctx.io),
    fail: () => {},
  };
}

function fileSink(path: string, ctx: CommandContext): Sink {
  // opened here, so a wrong path fails before anything is read
  const file = openSafeFile(path, { force: ctx.flags.has('force'), protect: [ctx.dbPath] });
  return {
    line: async (s) => file.write(s + '\n'),
    end: async () => file.commit(),
    fail: () => file.abort(),
  };
}

function dateOption(ctx: CommandContext, option: 'from' | 'to'): number | undefined {
  const text = ctx.flags.get(option);
  if (typeof text !== 'string') return undefined;
  let ms: number;
  try {
    ms = parseUserDate(text, option);
  } catch {
    throw new UsageError('cli.usage.notDate', { option, text });
  }
  // a bare day as the end of a range means through that day
  return option === 'to' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(text) ? ms + 86_400_000 : option === 'to' ? ms + 1 : ms;
}

/** --where FIELD=VALUE (repeatable): values of one field are alternatives. */
function whereOption(ctx: CommandContext): { field: string; values: string[] }[] | undefined {
  const byField = new Map<string, string[]>();
  for (const text of ctx.lists.get('where') ?? []) {
    const eq = text.indexOf('=');
    if (eq < 1) throw new UsageError('cli.usage.badWhere', { text });
    const field = text.slice(0, eq).trim();
    byField.set(field, [...(byField.get(field) ?? []), text.slice(eq + 1)]);
  }
  return byField.size ? [...byField].map(([field, values]) => ({ field, values })) : undefined;
}

/** --missing FIELD (repeatable): records without the field; beside --where on it, either. */
function missingOption(ctx: CommandContext): string[] | undefined {
  const fields = (ctx.lists.get('missing') ?? []).map((f) => f.trim());
  if (fields.some((f) => f === '')) throw new UsageError('cli.usage.badMissing', {});
  return fields.length ? [...new Set(fields)] : undefined;
}

async function exportValues(ctx: CommandContext, dataset: string, format: 'csv' | 'json', sink: Sink, snapshotId: number | undefined): Promise<void> {
  const snapshots = (await ctx.service.call('listSnapshots', {})).filter((s) => snapshotId === undefined || s.id === snapshotId);
  const values: { snapshot: number; exportedAt: string | null; key: string; value: string | null }[] = [];
  for (const s of snapshots) {
    const exportedAt = s.exportedAt === null ? null : formatTime(s.exportedAt);
    for (const v of await ctx.service.call('listValues', { dataset, snapshotId: s.id })) values.push({ snapshot: s.id, exportedAt, key: v.key, value: v.value });
  }
  if (format === 'json') {
    for (const line of jsonListLines(values)) await sink.line(line);
    return;
  }
  await sink.line(UTF8_BOM + csvLine(['snapshot', 'exported_at', 'key', 'value']));
  for (const v of values) await sink.line(csvLine([v.snapshot, v.exportedAt ?? '', v.key, v.value]));
}

export async function exportCommand(ctx: CommandContext): Promise<void> {
  const dataset = resolveDataset(ctx.positional[0]!);
  const format = choiceOption(ctx, 'format', ['json', 'csv'] as const, 'json');
  const view = {
    dataset,
    from: dateOption(ctx, 'from'),
    to: dateOption(ctx, 'to'),
    where: whereOption(ctx),
    missing: missingOption(ctx),
    snapshotId: typeof ctx.flags.get('snapshot') === 'string' ? snapshotIdArg(ctx.flags.get('snapshot') as string) : undefined,
    search: typeof ctx.flags.get('match') === 'string' ? (ctx.flags.get('match') as string) : undefined,
    sort: typeof ctx.flags.get('sort') === 'string' ? (ctx.flags.get('sort') as string) : undefined,
    dir: ctx.flags.has('order') ? choiceOption(ctx, 'order', ['asc', 'desc'] as const, 'desc') : undefined,
  };
  const values = datasetSpec(dataset)?.shape === 'values';
  if (values && ['from', 'to', 'where', 'missing', 'match', 'sort', 'order'].some((o) => ctx.flags.has(o))) throw new UsageError('cli.usage.valuesNoFilters', { dataset });
  const out = ctx.flags.get('out');
  // the archive opens (and the filters are checked) before --out is created: no archive, no file
  const rows = values ? null : ctx.service.exploreRows(Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined)) as typeof view);
  if (values) void ctx.service; // values exports read the archive as they go: open it now all the same
  const sink = typeof out === 'string' ? fileSink(out, ctx) : stdoutSink(ctx);
  try {
    if (rows) for (const line of exportLines(rows, format)) await sink.line(line);
    else await exportValues(ctx, dataset, format, sink, view.snapshotId);
    await sink.end();
  } catch (e) {
    sink.fail(); // no half file left behind
    throw e;
  }
}
