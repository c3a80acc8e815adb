// The CLI in Swedish and English: the language it picks, what it says in each, numbers, plurals and
// dates through the translator, errors as {code, params, message}, and words.ts's fallbacks.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { main } from '../src/main/cli/main';
import { COMMANDS } from '../src/main/cli/args';
import { commandHelp, globalHelp } from '../src/main/cli/help';
import { alertText, errorText, highlightText, warningText } from '../src/main/cli/words';
import { CATALOGS, translator } from '../src/shared/i18n';
import { FootprintError } from '../src/shared/errors';
import { smallExport, tempDir, writeJson } from './helpers';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const SV = { LANG: 'sv_SE.UTF-8' };

describe('the CLI’s language', () => {
  it('follows LANG / LC_MESSAGES / LC_ALL, and --lang wins over them', async () => {
    const sv = await cli(['--help'], SV);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(/^Användning: footprint <kommando> \[flaggor\]/);
    expect(sv.stdout).toContain('importera en TikTok-export');
    expect(sv.stdout).not.toMatch(/Usage|Commands:|import a TikTok export/);
    expect((await cli(['--help'], { LANG: 'en_GB.UTF-8', LC_MESSAGES: 'sv_SE' })).stdout).toMatch(/^Användning/);
    expect((await cli(['--help'], { LANG: 'sv_SE.UTF-8', LC_ALL: 'en_US.UTF-8' })).stdout).toMatch(/^Usage: footprint <command>/);
    expect((await cli(['--help', '--lang', 'en'], SV)).stdout).toMatch(/^Usage:/);
    expect((await cli(['--lang=sv', '--help'], { LANG: 'en_US.UTF-8' })).stdout).toMatch(/^Användning:/);
    const bad = await cli(['--help', '--lang', 'de']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang takes sv | en, not "de"');
  });

  it('has help for every command in both languages, each line worded in that language', () => {
    for (const lang of ['en', 'sv'] as const) {
      const help = globalHelp(translator(lang));
      for (const command of Object.keys(COMMANDS)) {
        expect(help).toContain(CATALOGS[lang][`cli.cmd.${command}.synopsis` as keyof (typeof CATALOGS)['en']]);
        const about = `cli.cmd.${command}.about` as keyof (typeof CATALOGS)['en'];
        expect(help).toContain(CATALOGS[lang][about]);
        expect(CATALOGS.sv[about], command).not.toBe(CATALOGS.en[about]);
      }
    }
  });

  it('has a help page for every command, in both languages, with every option the command takes', () => {
    for (const lang of ['en', 'sv'] as const) {
      const t = translator(lang);
      for (const [command, spec] of Object.entries(COMMANDS) as [keyof typeof COMMANDS, (typeof COMMANDS)[keyof typeof COMMANDS]][]) {
        const help = commandHelp(t, command);
        expect(help.split('\n')[0]).toBe(t.t('cli.help.commandUsage', { synopsis: CATALOGS[lang][`cli.cmd.${command}.synopsis` as keyof (typeof CATALOGS)['en']] }));
        for (const option of spec.options) expect(help, `${lang} ${command}`).toMatch(new RegExp(`^  --${option}\\b`, 'm'));
        expect(help).not.toMatch(/cli\.(cmd|opt|arg)\./);
      }
    }
  });

  it('explains a failure in Swedish, as {"error": {code, params, message}} with --json', async () => {
    const dir = tempDir();
    const db = join(dir, 'saknas.db');
    const r = await cli(['snapshots', '--db', db, '--json'], SV);
    expect(r.code).toBe(1);
    const message = `Det finns inget Footprint-arkiv på ”${db}”. Importera en export först, eller kontrollera sökvägen du angav med --db.`;
    expect(r.stderr).toBe(`footprint: ${message}`);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'NO_DATABASE', params: { path: db }, message } });
    const en = await cli(['snapshots', '--db', db, '--json', '--lang', 'en'], SV);
    expect(JSON.parse(en.stdout).error.message).toMatch(/^There is no Footprint archive at/);
  });

  it('words import output in Swedish: dataset names, plurals, numbers and dates through the translator', async () => {
    const dir = tempDir();
    const db = join(dir, 'fp.db');
    const path = writeJson(dir, smallExport({ watch: 1200, likes: 1 }));
    const sv = await cli(['import', path, '--db', db], SV);
    expect(sv.code, sv.stderr).toBe(0);
    const exported = JSON.parse((await cli(['snapshots', '--db', db, '--json'])).stdout)[0].exportedAt as string;
    const t = translator('sv');
    expect(sv.stdout.split('\n')[0]).toBe(`Importerade ögonblicksbild 1 (JSON, layout L3, exporterad ${t.dateTime(Date.parse(exported))} (från den senaste posten)).`);
    expect(sv.stdout).toMatch(/Visningshistorik\s+watch_history\s+1\u00a0200 poster \(1\u00a0200 nya\)/);
    expect(sv.stdout).toMatch(/Gillade videor\s+likes\s+1 post \(1 ny\)/);
    const again = await cli(['import', path, '--db', db]);
    expect(again.stdout.split('\n')[0]).toBe('Already imported: this export is snapshot 1. Nothing was added.');
    // the snapshot's own counts: "new" means the same whichever door or command shows it
    expect(again.stdout).toMatch(/Watch history\s+watch_history\s+1,200 records \(1,200 new\)/);
    expect(again.stdout).toMatch(/Liked videos\s+likes\s+1 record \(1 new\)/);
    // JSON does not change with the language
    expect((await cli(['import', path, '--db', db, '--json'], SV)).stdout).toBe((await cli(['import', path, '--db', db, '--json'])).stdout);
  });

  it('speaks Swedish in usage errors, snapshot lists and change tracking', async () => {
    const dir = tempDir();
    const db = join(dir, 'fp.db');
    const usage = await cli(['snapshot', 'x', '--db', db], SV);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('footprint: ”x” är inget id för en ögonblicksbild. De är numrerade 1, 2, 3 … (”footprint snapshots” listar dem).\nSe ”footprint snapshot --help”.');
    await cli(['import', writeJson(join(dir, 'a'), smallExport()), '--db', db]);
    await cli(['import', writeJson(join(dir, 'b'), smallExport({ from: 3, privateAccount: 'Enabled' })), '--db', db]);
    const [first] = JSON.parse((await cli(['snapshots', '--db', db, '--json'])).stdout) as { records: number; newRecords: number; exportedAt: string }[];
    const t = translator('sv');
    expect((await cli(['snapshots', '--db', db], SV)).stdout.split('\n')[0]).toBe(
      `#1  user_data_tiktok.json  json/L3  exporterad ${t.dateTime(Date.parse(first!.exportedAt))} (från den senaste posten)  ${first!.records} poster (${first!.newRecords} nya)`,
    );
    const diff = await cli(['diff', '--db', db], SV);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toMatch(/^Ändringar från ögonblicksbild #1/);
    expect(diff.stdout).toContain('Private Account: Av -> På  [mer privat]');
    expect(diff.stdout).toContain('Att kontrollera:');
    const timeline = await cli(['timeline', '--db', db], SV);
    expect(timeline.stdout).toMatch(/\(sedan #1\)\n {4}\+\d+ nya, /);
    expect((await cli(['still-there', '--db', db], SV)).stdout).toBe('Inget som du har raderat finns med i en senare export.');
    expect((await cli(['forget', '1', '--db', db], SV)).stdout).toBe('Raderade 1 post för gott. Om du importerar en export som innehåller dem igen hoppas de över.');
  });
});

describe('words.ts: the one place errors, alerts, highlights and warnings are worded', () => {
  const en = translator('en');
  const sv = translator('sv');

  it('words a FootprintError from the catalog, in the chosen language, with its params', () => {
    const e = new FootprintError('NO_SUCH_SNAPSHOT', { id: 4 });
    expect(errorText(sv, e)).toEqual({ code: 'NO_SUCH_SNAPSHOT', params: { id: 4 }, message: 'Det finns ingen ögonblicksbild 4.' });
    expect(errorText(en, e).message).toBe('There is no snapshot 4.');
    expect(errorText(en, new FootprintError('BAD_PASSPHRASE', { reason: 'empty', file: 'p.txt' })).message).toBe('The passphrase file "p.txt" is empty.');
  });

  it('words any other failure as INTERNAL with its reason, and a schema failure without validator wording', () => {
    expect(errorText(en, new TypeError('x is undefined'))).toEqual({
      code: 'INTERNAL',
      params: { reason: 'x is undefined' },
      message: 'Something went wrong inside Footprint (x is undefined). Nothing was changed. Please report this.',
    });
    const bad = errorText(en, new FootprintError('BAD_INPUT', { field: 'id', expected: 'integer' }));
    expect(bad.message).toBe('id must be a whole number.');
    expect(bad.message).not.toMatch(/got/);
  });

  it('words alerts, highlights and warnings from their codes, lists and datasets readable, in both languages', () => {
    const alert = { kind: 'followers-gained' as const, params: { count: 2, names: ['ann', 'bo'], more: 0 } };
    expect(alertText(en, alert)).toContain('ann and bo');
    expect(alertText(sv, alert)).toContain('ann och bo');
    expect(highlightText(en, { code: 'vanished', params: { dataset: 'comments', count: 3 } })).toBe('3 records of Comments vanished inside the export window');
    expect(highlightText(sv, { code: 'vanished', params: { dataset: 'comments', count: 1 } })).toContain('Kommentarer');
    expect(highlightText(en, { code: 'alert', params: { kind: 'followers-gained', count: 1, names: ['ann'], more: 0, others: 2 } })).toMatch(/ann\. \(and 2 more like it\)$/);
    expect(warningText(en, { path: 'a/b', code: 'duplicate-key', params: {} })).not.toBe('duplicate-key');
    expect(warningText(sv, { path: 'a/b', code: 'list-cut-short', params: { count: 5 } })).toMatch(/5/);
  });
});
