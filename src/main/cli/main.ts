// The headless CLI over the same service the desktop app uses.
// Exit codes: 0 ok, 1 bad input (or failure), 2 usage. Errors: one line on stderr; with --json also
// {"error": {"code", "message"}} on stdout.
import { createWriteStream, readFileSync } from 'node:fs';
import { DATASET_IDS, datasetSpec } from '../../shared/catalog';
import type { ImportResult, SnapshotSummary } from '../../shared/contract';
import { createService, type Service } from '../service';
import { toApiError } from '../service/errors';
import { SchemaError } from '../../shared/schema';
import { defaultDbPath } from '../service/data-location';
import { iterateRecords } from '../store/records';
import { formatTime } from '../../shared/time';
import { CHANGE_USAGE, CHANGE_VALUE_FLAGS, runChangeCommand } from './change-commands';
import { StoreError } from '../store/store-error';
import { isEncrypted, MESSAGES as ENCRYPTION_MESSAGES } from '../store/cipher';
import { diagnoseExport, diagnoseText } from '../reader/diagnose';

/** Text for a terminal: names from an export must not carry control sequences (line breaks stay). */
function printable(s: string): string {
  return s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}

const USAGE = `Usage: footprint <command> [options]

Commands:
  import <path>                 import a TikTok export (ZIP, folder or JSON file) as a new snapshot
  snapshots                     list snapshots
  snapshot <id>                 show one snapshot: datasets, unknown sections, warnings
  datasets [--snapshot ID]      per-dataset counts
  export <dataset> [--format csv|json] [--out FILE]
                                every record of a dataset kept in the archive
  delete-snapshot <id>          delete a snapshot and everything only it held
  diagnose <path>               describe an export's structure (names, types, counts; no values)
                                to share when Footprint does not understand it
${CHANGE_USAGE}
  encrypt --new-passphrase-file FILE
                                encrypt the database in place with a passphrase
  rekey --new-passphrase-file FILE
                                change the passphrase of an encrypted database
  decrypt                       turn an encrypted database back into a plain file

Options:
  --db FILE     database file (default: $FOOTPRINT_DB or the desktop app's database)
  --json        machine-readable output
  --passphrase-file FILE
                the passphrase of an encrypted database (first line of FILE;
                or $FOOTPRINT_PASSPHRASE). Never given on the command line.
  --new-passphrase-file FILE
                the new passphrase for encrypt and rekey (8+ characters)
  -h, --help    this help

Environment:
  FOOTPRINT_PROGRESS=1          import progress on stderr ("progress <phase> <records>")`;

class UsageError extends Error {}

interface Args {
  command: string | undefined;
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['db', 'format', 'out', 'snapshot', 'passphrase-file', 'new-passphrase-file', ...CHANGE_VALUE_FLAGS]);
const BOOL_FLAGS = new Set(['json', 'help']);

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h') flags.set('help', true);
    else if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (VALUE_FLAGS.has(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, v);
      } else if (BOOL_FLAGS.has(name)) flags.set(name, true);
      else throw new UsageError(`unknown option --${name}`);
    } else positional.push(a);
  }
  return { command: positional.shift(), positional, flags };
}

interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Output = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

export async function main(argv: string[], io: Output = stdio, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(`footprint: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const json = args.flags.has('json');
  if (args.flags.has('help') || !args.command) {
    (args.command || args.flags.has('help') ? io.out : io.err)(USAGE);
    return args.flags.has('help') ? 0 : 2;
  }
  let service: Service | undefined;
  let passphrase: string | undefined;
  try {
    if (args.command === 'diagnose') {
      // reads only the export: no database is opened
      const report = diagnoseExport(need(args, 'a path'));
      io.out(json ? JSON.stringify(report, null, 2) : printable(diagnoseText(report)));
      return 0;
    }
    const flagDb = args.flags.get('db');
    const dbPath = typeof flagDb === 'string' ? flagDb : defaultDbPath(env);
    if (args.command === 'encrypt') {
      // encrypt takes only the new passphrase; the database must be plain
      if (isEncrypted(dbPath)) throw new StoreError('DB_ENCRYPTED', `${ENCRYPTION_MESSAGES.already} Use: footprint rekey`);
    } else passphrase = currentPassphrase(args, env);
    // FOOTPRINT_PROGRESS=1: one "progress <phase> <records>" line on stderr per import progress tick
    const onImportProgress = env.FOOTPRINT_PROGRESS ? (p: { phase: string; records: number }) => io.err(`progress ${p.phase} ${p.records}`) : undefined;
    service = createService({ dbPath, passphrase, onImportProgress });
    await run(service, args, io, json);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`footprint: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    const error = toApiError(e);
    if (error.code === 'DB_LOCKED' && passphrase === undefined) error.message += ' Give it with --passphrase-file FILE or FOOTPRINT_PASSPHRASE.';
    io.err(`footprint: ${printable(error.message)}`);
    if (json) io.out(JSON.stringify({ error }));
    return 1;
  } finally {
    service?.close();
  }
}

/** --passphrase-file (its first line) or $FOOTPRINT_PASSPHRASE; undefined when neither is given. */
function currentPassphrase(args: Args, env: NodeJS.ProcessEnv): string | undefined {
  const file = args.flags.get('passphrase-file');
  if (typeof file === 'string') return readPassphraseFile(file);
  return env.FOOTPRINT_PASSPHRASE ? env.FOOTPRINT_PASSPHRASE : undefined;
}

function readPassphraseFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new StoreError('BAD_PASSPHRASE', `The passphrase file "${file}" cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!;
  if (!line) throw new StoreError('BAD_PASSPHRASE', `The passphrase file "${file}" is empty.`);
  return line;
}

function newPassphrase(args: Args): string {
  const file = args.flags.get('new-passphrase-file');
  if (typeof file !== 'string') throw new UsageError(`${args.command} needs --new-passphrase-file FILE (a passphrase is never taken from the command line)`);
  return readPassphraseFile(file);
}

function need(args: Args, what: string): string {
  const v = args.positional[0];
  if (!v) throw new UsageError(`${args.command} needs ${what}`);
  return v;
}

function snapshotId(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`"${text}" is not a snapshot id`);
  return n;
}

async function run(service: Service, args: Args, io: Output, json: boolean): Promise<void> {
  const print = (value: unknown, human: () => string): void => io.out(json ? JSON.stringify(value, null, 2) : printable(human()));
  switch (args.command) {
    case 'import': {
      const result = await service.call('importExport', { path: need(args, 'a path') });
      return print(result, () => describeImport(result));
    }
    case 'snapshots': {
      const list = await service.listSnapshots({});
      return print(list.map(isoTimes), () => (list.length === 0 ? 'No snapshots yet. Import an export with: footprint import <path>' : list.map(describeSnapshot).join('\n')));
    }
    case 'snapshot': {
      const detail = await service.getSnapshot({ id: snapshotId(need(args, 'a snapshot id')) });
      if (!detail) throw new SchemaError(`There is no snapshot ${args.positional[0]}.`);
      return print(isoTimes(detail), () =>
        [
          describeSnapshot(detail),
          ...detail.datasets.map((d) => `  ${d.dataset.padEnd(24)} ${String(d.records).padStart(8)} records, ${d.new} new`),
          ...detail.unknownSections.map((u) => `  kept as-is: ${u.path}${u.empty ? ' (empty)' : ''}`),
          ...detail.warnings.map((w) => `  warning: ${w.path}: ${w.message}`),
        ].join('\n'),
      );
    }
    case 'datasets': {
      const flag = args.flags.get('snapshot');
      const rows = await service.call('datasetOverview', typeof flag === 'string' ? { snapshotId: snapshotId(flag) } : {});
      return print(rows, () =>
        rows
          .filter((r) => r.archived > 0 || r.present)
          .map((r) => `${r.id.padEnd(24)} ${String(r.records).padStart(8)} in snapshot  ${String(r.archived).padStart(8)} kept`)
          .join('\n'),
      );
    }
    case 'export':
      return exportDataset(service, args, io);
    case 'delete-snapshot': {
      const id = snapshotId(need(args, 'a snapshot id'));
      const result = await service.deleteSnapshot({ id });
      if (!result.deleted) throw new SchemaError(`There is no snapshot ${id}.`);
      return print(result, () => `Deleted snapshot ${id} and every record only it held.`);
    }
    case 'encrypt':
    case 'rekey': {
      const op = args.command === 'encrypt' ? 'encryptDatabase' : 'changeKey';
      const status = await service.call(op, { passphrase: newPassphrase(args) });
      return print(status, () => `${op === 'encryptDatabase' ? 'Encrypted' : 'Re-keyed'} ${service.db.name}. From now on open it with --passphrase-file FILE or FOOTPRINT_PASSPHRASE.`);
    }
    case 'decrypt': {
      const status = await service.call('decryptDatabase', {});
      return print(status, () => `Decrypted ${service.db.name}: a plain SQLite file again, opened without a passphrase.`);
    }
    default: {
      const usage = (message: string): never => {
        throw new UsageError(message);
      };
      if (await runChangeCommand(args.command!, { service, positional: args.positional, flags: args.flags, json, out: io.out, usage })) return;
      throw new UsageError(`unknown command "${args.command}"`);
    }
  }
}

/** JSON output writes times as ISO 8601 UTC, like `import --json`'s exportedAt. */
function isoTimes<T extends SnapshotSummary>(s: T): Omit<T, 'exportedAt' | 'importedAt'> & { exportedAt: string | null; importedAt: string } {
  return { ...s, exportedAt: s.exportedAt === null ? null : formatTime(s.exportedAt), importedAt: formatTime(s.importedAt) };
}

function describeImport(r: ImportResult): string {
  const head = r.alreadyImported
    ? `Already imported: this export is snapshot ${r.snapshot.id}. Nothing was added.`
    : `Imported snapshot ${r.snapshot.id} (${r.snapshot.format.toUpperCase()}, layout ${r.snapshot.layout}${r.snapshot.exportedAt ? `, exported ${r.snapshot.exportedAt}` : ''}).`;
  const rows = Object.entries(r.datasets)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, c]) => `  ${(datasetSpec(id)?.label ?? id).padEnd(38)} ${String(c.records).padStart(8)}  (${c.new} new)`);
  const unknown = r.unknownSections.filter((u) => !u.empty).map((u) => `  kept as-is (not understood yet): ${u.path}`);
  const warnings = r.warnings.map((w) => `  warning: ${w.path}: ${w.message}`);
  return [head, ...rows, ...unknown, ...warnings].join('\n');
}

function describeSnapshot(s: SnapshotSummary): string {
  const when = s.exportedAt ? formatTime(s.exportedAt) : 'unknown date';
  return `#${s.id}  ${s.sourceName}  ${s.format}/${s.layout}  exported ${when}  ${s.records} records (${s.newRecords} new)`;
}

async function exportDataset(service: Service, args: Args, io: Output): Promise<void> {
  const dataset = need(args, 'a dataset id');
  if (!DATASET_IDS.includes(dataset)) throw new UsageError(`unknown dataset "${dataset}"; one of: ${DATASET_IDS.join(', ')}`);
  const format = args.flags.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError('--format is csv or json');
  const outPath = args.flags.get('out');
  const file = typeof outPath === 'string' ? createWriteStream(outPath) : undefined;
  const write = (s: string) => (file ? file.write(s + '\n') : io.out(s));
  const rows = [...iterateRecords(service.db, dataset)];
  if (format === 'json') write(JSON.stringify(rows.map((r) => ({ at: r.at === null ? null : formatTime(r.at), ...r.fields })), null, 2));
  else {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r.fields)))];
    write(['at', ...columns].map(csvCell).join(','));
    for (const r of rows) write([r.at === null ? '' : formatTime(r.at), ...columns.map((c) => r.fields[c] ?? '')].map(csvCell).join(','));
  }
  if (file) await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

function csvCell(v: unknown): string {
  const s = String(v);
  // Neutralise spreadsheet formulas: exported text comes from other people (comments, messages).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
