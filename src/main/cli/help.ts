// `footprint --help`, `footprint <command> --help` and the two lines of a usage error, all from the
// message catalog and the command table in args.ts.
import type { MessageKey, Translator } from '../../shared/i18n';
import { COMMANDS, GLOBAL_OPTIONS, OPTIONS, type CommandName, type CommandSpec, type OptionName, type UsageError } from './args';

const synopsisKey = (c: CommandName) => `cli.cmd.${c}.synopsis` as MessageKey;
const aboutKey = (c: CommandName) => `cli.cmd.${c}.about` as MessageKey;

/** The column layout of help: a name, padded, then its description (wrapped under it when long). */
function entry(name: string, about: string, width = 30): string {
  return name.length < width ? `  ${name.padEnd(width)}${about}` : `  ${name}\n  ${' '.repeat(width)}${about}`;
}

function optionName(tr: Translator, name: OptionName): string {
  const spec = OPTIONS[name];
  const arg = 'arg' in spec ? (spec.arg.includes('|') ? spec.arg : tr.t(spec.arg as MessageKey)) : '';
  return `${name === 'help' ? '-h, ' : ''}--${name}${arg ? ' ' + arg : ''}`;
}

export function globalHelp(tr: Translator): string {
  return [
    tr.t('cli.help.usage'),
    '',
    tr.t('cli.help.commands'),
    ...(Object.keys(COMMANDS) as CommandName[]).map((c) => entry(tr.t(synopsisKey(c)), tr.t(aboutKey(c)))),
    '',
    tr.t('cli.help.options'),
    ...GLOBAL_OPTIONS.map((o) => entry(optionName(tr, o), tr.t(OPTIONS[o].about))),
    '',
    tr.t('cli.help.environment'),
    ...(['cli.env.db', 'cli.env.passphrase', 'cli.env.progress', 'cli.env.lang'] as const).map((k) => `  ${tr.t(k)}`),
    '',
    tr.t('cli.help.more'),
  ].join('\n');
}

export function commandHelp(tr: Translator, command: CommandName): string {
  const spec = COMMANDS[command];
  const about = tr.t(aboutKey(command));
  const lines = [tr.t('cli.help.commandUsage', { synopsis: tr.t(synopsisKey(command)) }), '', about.charAt(0).toLocaleUpperCase(tr.lang) + about.slice(1) + '.'];
  if ('operand' in spec && spec.operand === 'dataset') lines.push('', tr.t('cli.help.datasetName'));
  const own: CommandSpec['about'] = 'about' in spec ? spec.about : undefined;
  if (spec.options.length) lines.push('', tr.t('cli.help.commandOptions'), ...spec.options.map((o) => entry(optionName(tr, o), tr.t(own?.[o] ?? OPTIONS[o].about))));
  lines.push('', tr.t('cli.help.common'));
  return lines.join('\n');
}

/** "footprint: <reason>" and where to read more: that command's help, or the general one. */
export function usageText(tr: Translator, e: UsageError, command: CommandName | undefined): string {
  const reason = [tr.t(e.key, e.params), ...e.more.map((m) => tr.t(m.key, m.params))].join(' ');
  return `footprint: ${reason}\n${command ? tr.t('cli.usage.seeCommand', { command }) : tr.t('cli.usage.seeHelp')}`;
}
