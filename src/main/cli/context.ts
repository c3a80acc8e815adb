// What every command gets, and the checks of typed values they share. A value is checked here, in
// the CLI's words, before it reaches the service: the contract's validator speaks to programs.
import type { Translator } from '../../shared/i18n';
import type { Service } from '../service';
import { UsageError, type CommandName } from './args';
import { printable, type Output } from './output';

export interface CommandContext {
  service: Service;
  command: CommandName;
  positional: string[];
  flags: Map<string, string | true>;
  /** every value of a repeated option */
  lists: Map<string, string[]>;
  tr: Translator;
  json: boolean;
  io: Output;
  dbPath: string;
}

/** JSON as the contract shapes it (--json), or the human text in the CLI's language. */
export function print(ctx: CommandContext, value: unknown, human: () => string): void {
  ctx.io.out(ctx.json ? JSON.stringify(value, null, 2) : printable(human()));
}

const wholeNumber = (text: string): number | undefined => (/^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined);

export function snapshotIdArg(text: string): number {
  const n = wholeNumber(text);
  if (n === undefined || n < 1) throw new UsageError('cli.usage.notSnapshotId', { text });
  return n;
}

export function recordIdArg(text: string): number {
  const n = wholeNumber(text);
  if (n === undefined || n < 1) throw new UsageError('cli.usage.notRecordId', { text });
  return n;
}

/** A whole-number option within [min, max]; `fallback` when it is not given. */
export function countOption(ctx: CommandContext, option: string, min: number, max: number, fallback: number): number {
  const text = ctx.flags.get(option);
  if (typeof text !== 'string') return fallback;
  const n = wholeNumber(text);
  if (n === undefined || n < min || n > max) {
    throw new UsageError(max === Number.MAX_SAFE_INTEGER ? 'cli.usage.notCountFrom' : 'cli.usage.notCount', { option, min, max, text });
  }
  return n;
}

/** An option that takes one of a few words; `fallback` when it is not given. */
export function choiceOption<const T extends string>(ctx: CommandContext, option: string, choices: readonly T[], fallback: T): T {
  const text = ctx.flags.get(option);
  if (typeof text !== 'string') return fallback;
  if (!(choices as readonly string[]).includes(text)) throw new UsageError('cli.usage.oneOf', { option, choices: choices.join(' | '), text });
  return text as T;
}

/** A day and time for people, in their language and time zone; "unknown date" for none. */
export function when(tr: Translator, ms: number | null): string {
  return ms === null ? tr.t('cli.unknownDate') : tr.dateTime(ms);
}

/** A day for people; "?" for none. */
export function day(tr: Translator, ms: number | null): string {
  return ms === null ? '?' : tr.date(ms);
}
