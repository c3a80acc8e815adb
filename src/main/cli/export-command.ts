// `footprint export <dataset>`: every record of a dataset kept in the archive, as JSON or CSV, to
// stdout or --out FILE. Values datasets (profile, settings…) hold key/value pairs per snapshot
// rather than records: they export every value of every snapshot that has the dataset.
// Rows are written as they are read, so a large dataset never sits in memory whole, and a closed
// stdout (`| head`) stops the export.
import { createWriteStream, type WriteStream } from 'node:fs';
import { openSafeFile } from '../service/safe-file';
import { datasetSpec } from '../../shared/catalog';
import { formatTime } from '../../shared/time';
import { choiceOption, type CommandContext } from './context';
import { resolveDataset } from './dataset-names';
import { checkOpen } from './output';

/** A line sink: stdout (stopping when it closes) or a file (waiting when its buffer is full). */
interface Sink {
  line(s: string): Promise<void>;
  end(): Promise<void>;
  /** a failed export: nothing is left behind */
  abort?(): void;
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
  };
}

function fileSink(path: string, ctx: CommandContext): Sink {
  // checked and opened here (never the archive, no links, no overwrite without --force, a 0600 temp
  // file renamed into place at the end: service/safe-file.ts), so a wrong path fails before reading
  const target = openSafeFile(path, { force: ctx.flags.has('force'), protect: [ctx.dbPath] });
  const file: WriteStream = createWriteStream('', { fd: target.fd, autoClose: false });
  let failure: Error | undefined;
  file.on('error', (e) => (failure = e));
  return {
    line: async (s) => {
      if (failure) {
        target.abort();
        throw failure;
      }
      if (!file.write(s + '\n')) await new Promise<void>((resolve) => file.once('drain', resolve).once('error', () => resolve()));
    },
    end: () =>
      new Promise<void>((resolve, reject) =>
        file.end((e?: Error | null) => {
          if (e ?? failure) {
            target.abort();
            reject(e ?? failure);
          } else {
            target.commit();
            resolve();
          }
        }),
      ),
    abort: () => target.abort(),
  };
}

/** Writes objects as `JSON.stringify(list, null, 2)` would, one at a time. */
async function writeJsonList(sink: Sink, items: Iterable<object>): Promise<void> {
  let previous: object | undefined;
  const item = (o: object, last: boolean) => sink.line('  ' + JSON.stringify(o, null, 2).replace(/\n/g, '\n  ') + (last ? '' : ','));
  for (const o of items) {
    if (previous === undefined) await sink.line('[');
    else await item(previous, false);
    previous = o;
  }
  if (previous === undefined) return sink.line('[]');
  await item(previous, true);
  await sink.line(']');
}

export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // Neutralise spreadsheet formulas: exported text comes from other people (comments, messages).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (cells: unknown[]) => cells.map(csvCell).join(',');

async function exportRecords(ctx: CommandContext, dataset: string, format: 'csv' | 'json', sink: Sink): Promise<void> {
  const rows = () => ctx.service.records(dataset);
  const at = (ms: number | null) => (ms === null ? null : formatTime(ms));
  if (format === 'json') return writeJsonList(sink, (function* () {
    for (const r of rows()) yield { at: at(r.at), ...r.fields };
  })());
  // CSV needs every column before the first row: one pass for the field names, one for the rows.
  const columns = new Set<string>();
  for (const r of rows()) for (const k of Object.keys(r.fields)) columns.add(k);
  await sink.line(csvLine(['at', ...columns]));
  for (const r of rows()) await sink.line(csvLine([at(r.at) ?? '', ...[...columns].map((c) => r.fields[c] ?? '')]));
}

async function exportValues(ctx: CommandContext, dataset: string, format: 'csv' | 'json', sink: Sink): Promise<void> {
  const snapshots = await ctx.service.call('listSnapshots', {});
  const values: { snapshot: number; exportedAt: string | null; key: string; value: string | null }[] = [];
  for (const s of snapshots) {
    const exportedAt = s.exportedAt === null ? null : formatTime(s.exportedAt);
    for (const v of await ctx.service.call('listValues', { dataset, snapshotId: s.id })) values.push({ snapshot: s.id, exportedAt, key: v.key, value: v.value });
  }
  if (format === 'json') return writeJsonList(sink, values);
  await sink.line(csvLine(['snapshot', 'exported_at', 'key', 'value']));
  for (const v of values) await sink.line(csvLine([v.snapshot, v.exportedAt ?? '', v.key, v.value]));
}

export async function exportCommand(ctx: CommandContext): Promise<void> {
  const dataset = resolveDataset(ctx.positional[0]!);
  const format = choiceOption(ctx, 'format', ['json', 'csv'] as const, 'json');
  const out = ctx.flags.get('out');
  void ctx.service; // open the archive before creating --out: no archive, no file
  const sink = typeof out === 'string' ? fileSink(out, ctx) : stdoutSink(ctx);
  try {
    if (datasetSpec(dataset)?.shape === 'values') await exportValues(ctx, dataset, format, sink);
    else await exportRecords(ctx, dataset, format, sink);
  } catch (e) {
    sink.abort?.();
    throw e;
  }
  await sink.end();
}
