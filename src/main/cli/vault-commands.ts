// encrypt, rekey and decrypt, and where the CLI takes passphrases from: a file's first line or
// $FOOTPRINT_PASSPHRASE, never an argument (other programs can read a process's arguments).
import { readFileSync } from 'node:fs';
import { FootprintError } from '../../shared/errors';
import { UsageError } from './args';
import { print, type CommandContext } from './context';

function readPassphraseFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new FootprintError('BAD_PASSPHRASE', { reason: 'unreadable', file });
  }
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!;
  if (!line) throw new FootprintError('BAD_PASSPHRASE', { reason: 'empty', file });
  return line;
}

/** --passphrase-file (its first line) or $FOOTPRINT_PASSPHRASE; undefined when neither is given. */
export function currentPassphrase(flags: Map<string, string | true>, env: NodeJS.ProcessEnv): string | undefined {
  const file = flags.get('passphrase-file');
  if (typeof file === 'string') return readPassphraseFile(file);
  return env.FOOTPRINT_PASSPHRASE ? env.FOOTPRINT_PASSPHRASE : undefined;
}

function newPassphrase(ctx: CommandContext): string {
  const file = ctx.flags.get('new-passphrase-file');
  if (typeof file !== 'string') throw new UsageError('cli.usage.needsNewPassphrase', { command: ctx.command });
  const passphrase = readPassphraseFile(file);
  // the contract's own limits, said in the catalog's words rather than the validator's
  if (passphrase.length < 8) throw new FootprintError('BAD_PASSPHRASE', { reason: 'short', file });
  if (passphrase.length > 1024) throw new FootprintError('BAD_PASSPHRASE', { reason: 'long', file });
  return passphrase;
}

export async function encryptCommand(ctx: CommandContext): Promise<void> {
  const passphrase = newPassphrase(ctx);
  const status = await ctx.service.call('encryptDatabase', { passphrase });
  print(ctx, status, () => ctx.tr.t('cli.encrypted', { path: ctx.dbPath }));
}

export async function rekeyCommand(ctx: CommandContext): Promise<void> {
  const passphrase = newPassphrase(ctx);
  const status = await ctx.service.call('changeKey', { passphrase });
  print(ctx, status, () => ctx.tr.t('cli.rekeyed', { path: ctx.dbPath }));
}

export async function decryptCommand(ctx: CommandContext): Promise<void> {
  const status = await ctx.service.call('decryptDatabase', {});
  print(ctx, status, () => ctx.tr.t('cli.decrypted', { path: ctx.dbPath }));
}
