// The CLI's commands and options as data, and the argument parser. Help (help.ts) and the parser
// read the same table, so an option the help shows is one the command accepts, and no other.
import type { Lang, MessageKey, MessageParams } from '../../shared/i18n';

/** A mistake in how the command was typed: exit 2, the reason and where the help is. */
export class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    /** further sentences (a suggestion) */
    readonly more: { key: MessageKey; params?: MessageParams }[] = [],
  ) {
    super(key);
    this.name = 'UsageError';
  }
}

export interface OptionSpec {
  /** the value's name in help: a catalog key (FILE / FIL) or literal choices */
  arg?: MessageKey | `${string}|${string}`;
  about: MessageKey;
}

export const OPTIONS = {
  db: { arg: 'cli.arg.file', about: 'cli.opt.db' },
  json: { about: 'cli.opt.json' },
  lang: { arg: 'sv|en', about: 'cli.opt.lang' },
  'passphrase-file': { arg: 'cli.arg.file', about: 'cli.opt.passphrase-file' },
  help: { about: 'cli.opt.help' },
  'new-passphrase-file': { arg: 'cli.arg.file', about: 'cli.opt.new-passphrase-file' },
  snapshot: { arg: 'cli.arg.id', about: 'cli.opt.snapshot' },
  all: { about: 'cli.opt.all' },
  format: { arg: 'csv|json', about: 'cli.opt.format' },
  out: { arg: 'cli.arg.file', about: 'cli.opt.out' },
  status: { arg: 'all|present|gone', about: 'cli.opt.status' },
  limit: { arg: 'cli.arg.n', about: 'cli.opt.limit' },
  offset: { arg: 'cli.arg.n', about: 'cli.opt.offset' },
  on: { arg: 'cli.arg.date', about: 'cli.opt.on' },
  note: { arg: 'cli.arg.text', about: 'cli.opt.note' },
  name: { arg: 'cli.arg.text', about: 'cli.opt.name' },
  scope: { arg: 'cli.arg.scope', about: 'cli.opt.scope' },
  granted: { arg: 'cli.arg.date', about: 'cli.opt.granted' },
  website: { arg: 'cli.arg.url', about: 'cli.opt.website' },
  purpose: { arg: 'cli.arg.text', about: 'cli.opt.purpose' },
  claims: { arg: 'who-viewed|free-followers|asked-password', about: 'cli.opt.claims' },
  access: { arg: 'one-time|ongoing', about: 'cli.opt.access' },
  interval: { arg: 'cli.arg.n', about: 'cli.opt.interval' },
  'no-scopes': { about: 'cli.opt.no-scopes' },
  dataset: { arg: 'cli.arg.dataset', about: 'cli.opt.dataset' },
  from: { arg: 'cli.arg.date', about: 'cli.opt.from' },
  to: { arg: 'cli.arg.date', about: 'cli.opt.to' },
  where: { arg: 'cli.arg.fieldValue', about: 'cli.opt.where' },
  match: { arg: 'cli.arg.text', about: 'cli.opt.match' },
  sort: { arg: 'cli.arg.field', about: 'cli.opt.sort' },
  order: { arg: 'asc|desc', about: 'cli.opt.order' },
  force: { about: 'cli.opt.force' },
  missing: { arg: 'cli.arg.field', about: 'cli.opt.missing' },
  'time-zone': { arg: 'cli.arg.zone', about: 'cli.opt.time-zone' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** Options every command takes. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['db', 'json', 'lang', 'passphrase-file', 'help'];

export interface CommandSpec {
  /** its own options, besides GLOBAL_OPTIONS */
  options: readonly OptionName[];
  /** how many positional arguments: [min, max] (max Infinity: a list) */
  operands: readonly [number, number];
  /** what the first operand is, for the "needs …" message */
  operand?: 'path' | 'snapshot' | 'dataset' | 'record' | 'request' | 'apps' | 'text' | 'alerts';
  /** may create the archive file (the others refuse a path with no archive: NO_DATABASE) */
  creates?: boolean;
  /** opens no archive at all */
  noArchive?: boolean;
  /** what an option means for this command, where the shared wording does not fit (help) */
  about?: Partial<Record<OptionName, MessageKey>>;
}

export const COMMANDS = {
  import: { options: [], operands: [1, 1], operand: 'path', creates: true },
  snapshots: { options: [], operands: [0, 0] },
  snapshot: { options: [], operands: [1, 1], operand: 'snapshot' },
  datasets: { options: ['snapshot', 'all'], operands: [0, 0] },
  export: {
    options: ['format', 'out', 'force', 'from', 'to', 'where', 'match', 'sort', 'order', 'snapshot', 'missing'],
    operands: [1, 1],
    operand: 'dataset',
    about: { snapshot: 'cli.opt.export.snapshot' },
  },
  search: { options: ['dataset', 'limit'], operands: [1, Infinity], operand: 'text' },
  'delete-snapshot': { options: [], operands: [1, 1], operand: 'snapshot' },
  diagnose: { options: [], operands: [1, 1], operand: 'path', noArchive: true },
  diff: { options: [], operands: [0, 2] },
  timeline: { options: [], operands: [0, 0] },
  archive: { options: ['status', 'limit', 'offset'], operands: [1, 1], operand: 'dataset' },
  retention: { options: [], operands: [1, 1], operand: 'dataset' },
  'mark-deleted': { options: ['on', 'note'], operands: [1, 1], operand: 'record' },
  'unmark-deleted': { options: [], operands: [1, 1], operand: 'record' },
  'still-there': { options: [], operands: [0, 0] },
  forget: { options: [], operands: [1, Infinity], operand: 'record' },
  encrypt: { options: ['new-passphrase-file'], operands: [0, 0] },
  rekey: { options: ['new-passphrase-file'], operands: [0, 0] },
  decrypt: { options: [], operands: [0, 0] },
  // `checklist` shows; `checklist set <step> <status>` decides a step (checklist-commands.ts checks the words)
  checklist: { options: ['note'], operands: [0, 3] },
  rights: { options: ['on'], operands: [1, 1], operand: 'request' },
  scopes: { options: [], operands: [0, 0] },
  // apps add|edit ID|revoke ID|review ID|remove ID|list|export|import FILE (apps-commands.ts checks the rest)
  apps: {
    options: ['name', 'scope', 'no-scopes', 'granted', 'website', 'purpose', 'note', 'claims', 'access', 'interval', 'on', 'out', 'force'],
    operands: [1, 2],
    operand: 'apps',
  },
  sharing: { options: [], operands: [0, 0] },
  home: { options: [], operands: [0, 0] },
  charts: { options: ['snapshot', 'time-zone'], operands: [0, 0] },
  // alerts decide <kind> <key> me|resolved|clear (change-commands.ts checks the words)
  alerts: { options: ['note'], operands: [4, 4], operand: 'alerts' },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

export interface Args {
  command: CommandName | undefined;
  positional: string[];
  /** each option's last value */
  flags: Map<string, string | true>;
  /** every value of options given more than once (--scope a --scope b), in order */
  lists: Map<string, string[]>;
}

const isOption = (name: string): name is OptionName => Object.hasOwn(OPTIONS, name);
const takesValue = (name: OptionName): boolean => 'arg' in OPTIONS[name];

const MISSING: Record<NonNullable<CommandSpec['operand']>, MessageKey> = {
  path: 'cli.usage.missingPath',
  snapshot: 'cli.usage.missingSnapshot',
  dataset: 'cli.usage.missingDataset',
  record: 'cli.usage.missingRecord',
  request: 'cli.usage.missingRequest',
  apps: 'cli.usage.missingAppsCommand',
  text: 'cli.usage.missingText',
  alerts: 'cli.usage.missingAlertsCommand',
};

/** `--lang`'s value, read before anything else so that every later message is in that language. */
export function langOption(argv: string[]): Lang | undefined {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === undefined) continue;
    if (v === 'sv' || v === 'en') return v;
    throw new UsageError('cli.usage.oneOf', { option: 'lang', choices: 'sv | en', text: v });
  }
  return undefined;
}

/**
 * Reads argv: the command (the first word), its operands and options (anywhere, `--name VALUE` or
 * `--name=VALUE`; `--` ends the options). Only options of that command are accepted.
 */
export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  let command: CommandName | undefined;
  let word: string | undefined; // the first word, when it is not a command
  let optionsEnd = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!optionsEnd && a === '--') optionsEnd = true;
    else if (!optionsEnd && (a === '-h' || (a.startsWith('--') && a.length > 2))) {
      const [name, inline] = a === '-h' ? ['help', undefined] : (a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]);
      if (!isOption(name)) {
        if (name === 'passphrase' || name === 'new-passphrase') throw new UsageError('cli.usage.passphraseArgument');
        throw new UsageError('cli.usage.unknownOption', { option: name }, didYouMean(name, Object.keys(OPTIONS), '--'));
      }
      if (takesValue(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError('cli.usage.needsValue', { option: name });
        flags.set(name, v);
        lists.set(name, [...(lists.get(name) ?? []), v]);
      } else flags.set(name, true);
    } else if (command === undefined && word === undefined) {
      if (isCommand(a)) command = a;
      else word = a;
    } else positional.push(a);
  }
  if (word !== undefined) throw new UsageError('cli.usage.unknownCommand', { command: word }, didYouMean(word, Object.keys(COMMANDS)));
  if (command === undefined) {
    if (flags.has('help')) return { command, positional, flags, lists };
    throw new UsageError('cli.usage.noCommand');
  }
  const spec: CommandSpec = COMMANDS[command];
  for (const name of flags.keys()) {
    if (!GLOBAL_OPTIONS.includes(name as OptionName) && !spec.options.includes(name as OptionName)) {
      throw new UsageError('cli.usage.optionNotFor', { command, option: name });
    }
  }
  if (flags.has('help')) return { command, positional, flags, lists };
  if (positional.length < spec.operands[0]) throw new UsageError(MISSING[spec.operand!], { command });
  if (positional.length > spec.operands[1]) {
    const extra = positional.slice(spec.operands[1]).map((p) => `"${p}"`).join(' ');
    throw new UsageError(command === 'diff' ? 'cli.usage.diffIds' : 'cli.usage.tooMany', { extra });
  }
  if (command === 'diff' && positional.length === 1) throw new UsageError('cli.usage.diffIds');
  return { command, positional, flags, lists };
}

/** "Did you mean …?" for a near miss (at most two letters off), or nothing. */
export function didYouMean(typed: string, known: string[], prefix = ''): { key: MessageKey; params: MessageParams }[] {
  const best = known
    .map((k) => ({ k, d: distance(typed.toLowerCase(), k) }))
    .filter((x) => x.d <= Math.min(2, Math.floor(x.k.length / 3)))
    .sort((a, b) => a.d - b.d)[0];
  return best ? [{ key: 'cli.usage.didYouMean', params: { suggestion: prefix + best.k } }] : [];
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
