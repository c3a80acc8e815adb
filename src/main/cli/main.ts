// The headless CLI over the same service the desktop app uses.
// Exit codes: 0 ok (also when whoever read stdout went away), 1 the operation failed, 2 usage.
// A failure is one line on stderr; with --json also {"error": {"code", "params", "message"}} on
// stdout. Every sentence comes from the message catalog (messages/cli.ts, errors.ts, datasets.ts)
// in the language of --lang, else LC_ALL / LC_MESSAGES / LANG.
import { existsSync, rmSync } from 'node:fs';
import { FootprintError, isErrorCode, type ErrorParams } from '../../shared/errors';
import { langFromEnv, translator, type Translator } from '../../shared/i18n';
import type { Service } from '../service';
import { defaultDbPath } from '../service/data-location';
import { COMMANDS, UsageError, isCommand, langOption, parseArgs, type Args, type CommandName } from './args';
import type { CommandContext } from './context';
import { commandHelp, globalHelp, usageText } from './help';
import { OutputClosed, printable, processOutput, type Output } from './output';
import { errorText, type CliError } from './words';

export type { Output } from './output';

type Handler = (ctx: CommandContext) => Promise<void>;

/**
 * A command's code, loaded when it runs: `--help` and usage errors load no database, ZIP or
 * analysis code, and each command only what it uses (start-up time is most of a small command).
 */
async function handler(command: Exclude<CommandName, 'diagnose'>): Promise<Handler> {
  switch (command) {
    case 'import':
    case 'snapshots':
    case 'snapshot':
    case 'datasets':
    case 'delete-snapshot': {
      const m = await import('./snapshot-commands');
      return { import: m.importCommand, snapshots: m.snapshotsCommand, snapshot: m.snapshotCommand, datasets: m.datasetsCommand, 'delete-snapshot': m.deleteSnapshotCommand }[command];
    }
    case 'export':
      return (await import('./export-command')).exportCommand;
    case 'scopes':
    case 'apps':
    case 'sharing': {
      const m = await import('./apps-commands');
      return { scopes: m.scopesCommand, apps: m.appsCommand, sharing: m.sharingCommand }[command];
    }
    case 'search':
      return (await import('./search-command')).searchCommand;
    case 'home':
      return (await import('./home-command')).homeCommand;
    case 'charts':
      return (await import('./charts-command')).chartsCommand;
    case 'encrypt':
    case 'rekey':
    case 'decrypt': {
      const m = await import('./vault-commands');
      return { encrypt: m.encryptCommand, rekey: m.rekeyCommand, decrypt: m.decryptCommand }[command];
    }
    case 'checklist':
    case 'rights': {
      const m = await import('./checklist-commands');
      return { checklist: m.checklistCommand, rights: m.rightsCommand }[command];
    }
    default:
      return (await import('./change-commands')).CHANGE_COMMANDS[command];
  }
}

export async function main(argv: string[], io: Output = processOutput(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let tr = translator(langFromEnv(env));
  let args: Args | undefined;
  const session: Session = {};
  let failed = true;
  try {
    const lang = langOption(argv);
    if (lang) tr = translator(lang);
    args = parseArgs(argv);
    if (args.flags.has('help')) {
      io.out(args.command ? commandHelp(tr, args.command) : globalHelp(tr));
      failed = false;
      return 0;
    }
    const command = args.command!;
    const json = args.flags.has('json');
    if (command === 'diagnose') {
      await diagnose(args, tr, io, json);
      failed = false;
      return 0;
    }
    const flagDb = args.flags.get('db');
    const dbPath = typeof flagDb === 'string' ? flagDb : defaultDbPath(env);
    const flags = args.flags;
    if ((command === 'encrypt' || command === 'rekey') && !flags.has('new-passphrase-file')) {
      throw new UsageError('cli.usage.needsNewPassphrase', { command });
    }
    const run = await handler(command);
    const open = await archiveOpener(session, command, dbPath, flags, env, io);
    await run({
      // The archive opens when the command first needs it: after its arguments are checked, so a
      // usage error never touches (or creates) a file.
      get service() {
        return open();
      },
      command,
      positional: args.positional,
      flags,
      lists: args.lists,
      tr,
      json,
      io,
      dbPath,
    });
    failed = false;
    return 0;
  } catch (e) {
    if (e instanceof OutputClosed || io.closed?.()) {
      failed = false;
      return 0;
    }
    if (e instanceof UsageError) {
      io.err(printable(usageText(tr, e, args?.command ?? argv.find(isCommand))));
      return 2;
    }
    const error = errorText(tr, e);
    const hint = hintFor(tr, error, session.passphrase);
    io.err(`footprint: ${printable(error.message)}${hint ? ' ' + hint : ''}`);
    if (args?.flags.has('json') ?? argv.includes('--json')) io.out(JSON.stringify({ error: { ...error, message: error.message + (hint ? ' ' + hint : '') } }));
    return 1;
  } finally {
    session.service?.close();
    // a failed first import leaves no empty archive behind
    if (failed && session.createdDb) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(session.createdDb + suffix, { force: true });
  }
}

/** The archive a command works on, once opened, and what opening it took. */
interface Session {
  service?: Service;
  passphrase?: string;
  /** the archive file this run created (import only) */
  createdDb?: string;
}

/** Opens the archive at most once, on first use. */
async function archiveOpener(session: Session, command: CommandName, dbPath: string, flags: Args['flags'], env: NodeJS.ProcessEnv, io: Output): Promise<() => Service> {
  const { createService } = await import('../service');
  const { isEncrypted } = await import('../service/archive-file');
  const { currentPassphrase } = await import('./vault-commands');
  return () => {
    if (session.service) return session.service;
    // Only import may create an archive: elsewhere a mistyped --db would quietly make an empty one.
    if (!existsSync(dbPath)) {
      if (!('creates' in COMMANDS[command])) throw new FootprintError('NO_DATABASE', { path: dbPath });
      session.createdDb = dbPath;
    }
    if (command === 'encrypt') {
      // encrypt takes only the new passphrase; the archive must be plain
      if (isEncrypted(dbPath)) throw new FootprintError('DB_ENCRYPTED');
    } else session.passphrase = currentPassphrase(flags, env);
    // FOOTPRINT_PROGRESS=1: one "progress <phase> <records>" line on stderr per import progress tick
    // (a protocol for scripts and tests, not a sentence: it stays as it is in every language)
    const onImportProgress = env.FOOTPRINT_PROGRESS ? (p: { phase: string; records: number }) => io.err(`progress ${p.phase} ${p.records}`) : undefined;
    session.service = createService({ dbPath, passphrase: session.passphrase, onImportProgress });
    return session.service;
  };
}

/** What to do next, for the few errors the CLI's own options can fix. */
function hintFor(tr: Translator, error: CliError, passphrase: string | undefined): string | undefined {
  if (error.code === 'DB_LOCKED' && passphrase === undefined) return tr.t('cli.hint.passphrase');
  if (error.code === 'DB_ENCRYPTED') return tr.t('cli.hint.rekey');
  return undefined;
}

/** diagnose reads only the export: no archive is opened. Its output is meant to be shared, so the path typed is not repeated. */
async function diagnose(args: Args, tr: Translator, io: Output, json: boolean): Promise<void> {
  const { diagnoseExport } = await import('../service/archive-file');
  const { diagnoseText } = await import('./diagnose-text');
  let report;
  try {
    report = diagnoseExport(args.positional[0]!);
  } catch (e) {
    throw withoutPath(e);
  }
  if (json) return io.out(JSON.stringify(report, null, 2));
  io.out(printable(diagnoseText(tr, report, report.error ? errorText(tr, withoutPath(report.error)) : null)));
}

function withoutPath(e: unknown): unknown {
  const err = e as { code?: unknown; params?: Record<string, unknown>; message?: unknown } | null;
  if (!err?.params || !('path' in err.params)) return e;
  return isErrorCode(err.code) ? new FootprintError(err.code, { ...(err.params as ErrorParams), path: '…' }) : e;
}
