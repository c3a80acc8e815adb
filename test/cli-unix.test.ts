// The CLI as a Unix tool: short usage errors, no archive created by a read-only command, every
// page reachable, datasets by name, values datasets exported, a closed pipe ends quietly, and the
// real bin runs built JavaScript (rebuilt when a source is newer).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../src/main/cli/main';
import { resolveDataset } from '../src/main/cli/dataset-names';
import { createService } from '../src/main/service';
import { DATASET_IDS } from '../src/shared/catalog';
import { CATALOGS } from '../src/shared/i18n';
import { smallExport, tempDir, writeFile, writeJson } from './helpers';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'footprint.cjs');

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function archiveWith(dir: string, ...exports: ReturnType<typeof smallExport>[]): Promise<string> {
  const db = join(dir, 'fp.db');
  for (const [i, doc] of exports.entries()) expect((await cli(['import', writeJson(join(dir, `e${i}`), doc), '--db', db])).code).toBe(0);
  return db;
}

describe('usage errors', () => {
  it('say what is wrong and where the help is, in two lines, exit 2, with no validator wording', async () => {
    const dir = tempDir();
    const db = await archiveWith(dir, smallExport());
    const cases: [string[], string][] = [
      [['archive', 'watch_history', '--limit', 'abc'], '--limit takes a whole number from 1 to 1,000, not "abc".'],
      [['archive', 'watch_history', '--limit', '5000'], '--limit takes a whole number from 1 to 1,000, not "5000".'],
      [['archive', 'watch_history', '--offset', '-1'], '--offset takes a whole number from 0 up, not "-1".'],
      [['archive', 'watch_history', '--status', 'old'], '--status takes all | present | gone, not "old".'],
      [['snapshot', '1.5'], '"1.5" is not a snapshot id: snapshots are numbered 1, 2, 3… ("footprint snapshots" lists them).'],
      [['forget', '3', 'x'], '"x" is not a record id: record ids are whole numbers such as 42.'],
      [['mark-deleted', '1'], 'mark-deleted needs --on DATE: the day you deleted it.'],
      [['diff', '1'], 'diff takes two snapshot ids (FROM TO), or none for the last two exports.'],
      [['export', 'searches', '--limit', '5'], 'export has no option --limit.'],
      [['export'], 'export needs a dataset.'],
      [['export', 'searchez'], 'There is no dataset "searchez". Did you mean "searches"? "footprint datasets --all" lists every dataset.'],
      [['snapshots', 'extra'], 'Too many arguments: "extra".'],
      [['snapshots', '--passphrase', 'hunter22'], 'A passphrase is never given on the command line, where other programs can read it: use --passphrase-file FILE or FOOTPRINT_PASSPHRASE.'],
    ];
    for (const [argv, reason] of cases) {
      const r = await cli([...argv, '--db', db]);
      expect([argv, r.code]).toEqual([argv, 2]);
      expect(r.stderr).toBe(`footprint: ${reason}\nSee "footprint ${argv[0]} --help".`);
      expect(r.stdout).toBe('');
    }
    // a date that is not one is bad input (exit 1), worded with the option's name
    const notDate = await cli(['mark-deleted', '1', '--on', 'yesterday', '--db', db]);
    expect([notDate.code, notDate.stderr]).toEqual([1, 'footprint: --on must be a date, written YYYY-MM-DD.']);
    expect((await cli(['snapshts'])).stderr).toBe('footprint: There is no command "snapshts". Did you mean snapshots?\nSee "footprint --help".');
    expect((await cli([])).stderr).toBe('footprint: Which command? For example: footprint import <path>.\nSee "footprint --help".');
    const help = await cli(['archive', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: footprint archive <dataset> \[--status all\|present\|gone\] \[--limit N\] \[--offset N\]\n/);
    expect(help.stdout).toMatch(/--offset N +skip this many records/);
  });
});

describe('the archive', () => {
  it('is never created by a read-only command on a path where there is none (NO_DATABASE), nor by a failed import', async () => {
    const dir = tempDir();
    const db = join(dir, 'typo.db');
    const pass = writeFile(join(dir, 'pass.txt'), 'a new passphrase\n');
    const commands = [
      ['snapshots'],
      ['snapshot', '1'],
      ['datasets'],
      ['export', 'searches'],
      ['export', 'searches', '--out', join(dir, 'out.json')],
      ['archive', 'searches'],
      ['retention', 'searches'],
      ['diff'],
      ['timeline'],
      ['still-there'],
      ['mark-deleted', '1', '--on', '2024-01-01'],
      ['unmark-deleted', '1'],
      ['forget', '1'],
      ['delete-snapshot', '1'],
      ['encrypt', '--new-passphrase-file', pass],
      ['rekey', '--new-passphrase-file', pass],
      ['decrypt'],
    ];
    for (const argv of commands) {
      const r = await cli([...argv, '--db', db, '--json']);
      expect([argv, r.code]).toEqual([argv, 1]);
      expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'NO_DATABASE', params: { path: db } });
      expect(existsSync(db), argv.join(' ')).toBe(false);
    }
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
    // import creates it, but not when the export is not there or not an export
    expect((await cli(['import', join(dir, 'nothing.zip'), '--db', db])).code).toBe(1);
    expect((await cli(['import', writeFile(join(dir, 'notes.json'), 'just words'), '--db', db])).code).toBe(1);
    for (const suffix of ['', '-wal', '-shm', '-journal']) expect(existsSync(db + suffix)).toBe(false);
    expect((await cli(['import', writeJson(dir, smallExport()), '--db', db])).code).toBe(0);
    expect((await cli(['snapshots', '--db', db])).code).toBe(0);
  });

  it('lists datasets by name and id, every one with --all, and refuses a snapshot that is not there', async () => {
    const dir = tempDir();
    const db = await archiveWith(dir, smallExport());
    const some = await cli(['datasets', '--db', db]);
    expect(some.stdout.split('\n')[0]).toBe('In snapshot #1, and kept in the archive across every snapshot:');
    expect(some.stdout).toMatch(/^ {2}Watch history +watch_history +5 in the snapshot, 5 kept$/m);
    expect(some.stdout).not.toContain('ai_chats');
    const all = await cli(['datasets', '--all', '--db', db]);
    expect(all.stdout.split('\n')).toHaveLength(DATASET_IDS.length + 1);
    expect(all.stdout).toMatch(/^ {2}AI chats +ai_chats +0 in the snapshot, 0 kept$/m);
    const none = await cli(['datasets', '--snapshot', '9', '--db', db, '--json']);
    expect([none.code, JSON.parse(none.stdout).error.code]).toEqual([1, 'NO_SUCH_SNAPSHOT']);
  });

  it('pages through every record with --limit and --offset', async () => {
    const dir = tempDir();
    const db = await archiveWith(dir, smallExport({ watch: 7 }));
    const all = JSON.parse((await cli(['archive', 'watch_history', '--db', db, '--json'])).stdout);
    expect(all.total).toBe(7);
    const seen: number[] = [];
    for (let offset = 0; offset < 7; offset += 3) {
      const page = JSON.parse((await cli(['archive', 'watch_history', '--limit', '3', '--offset', String(offset), '--db', db, '--json'])).stdout);
      seen.push(...page.rows.map((r: { id: number }) => r.id));
    }
    expect(seen).toEqual(all.rows.map((r: { id: number }) => r.id));
    const human = await cli(['archive', 'watch history', '--limit', '3', '--offset', '3', '--db', db]);
    expect(human.stdout).toMatch(/^Watch history \(watch_history\): 7 records \(all\); latest snapshot with this dataset: #1\n/);
    expect(human.stdout).toMatch(/\nRecords 4–6 of 7\.\nNext page: --offset 6$/);
    expect((await cli(['archive', 'watch_history', '--offset', '9', '--db', db])).stdout).toMatch(/No records from offset 9: there are 7\.$/);
  });

  it('takes a dataset by id or by its name in either language, in any case', async () => {
    const dir = tempDir();
    const db = await archiveWith(dir, smallExport());
    const byId = (await cli(['export', 'watch_history', '--db', db])).stdout;
    expect(JSON.parse(byId)).toHaveLength(5);
    for (const name of ['Watch history', 'WATCH HISTORY', 'visningshistorik', 'Visningshistorik', 'watch-history']) {
      expect((await cli(['export', name, '--db', db])).stdout, name).toBe(byId);
    }
    expect((await cli(['retention', 'Visningshistorik', '--db', db, '--json'])).stdout).toBe((await cli(['retention', 'watch_history', '--db', db, '--json'])).stdout);
    expect((await cli(['retention', 'sökningar', '--db', db], { LANG: 'sv_SE.UTF-8' })).stdout).toMatch(/^Sökningar \(searches\)/);
    // every name means one dataset: no label in one language is another dataset's label or id
    for (const id of DATASET_IDS) {
      expect(resolveDataset(id)).toBe(id);
      for (const lang of ['en', 'sv'] as const) expect(resolveDataset(CATALOGS[lang][`dataset.${id}` as keyof (typeof CATALOGS)['en']]), `${lang} ${id}`).toBe(id);
    }
  });

  it('exports profile and settings: every value of every snapshot, as JSON and CSV', async () => {
    const dir = tempDir();
    const db = await archiveWith(dir, smallExport(), smallExport({ from: 3, privateAccount: 'Enabled' }));
    const service = createService({ dbPath: db });
    const snapshots = await service.listSnapshots({});
    const expected = async (dataset: 'settings' | 'profile') =>
      (
        await Promise.all(
          snapshots.map(async (s) =>
            (await service.listValues({ dataset, snapshotId: s.id })).map((v) => ({ snapshot: s.id, exportedAt: new Date(s.exportedAt!).toISOString().replace('.000Z', 'Z'), ...v })),
          ),
        )
      ).flat();
    const settings = await expected('settings');
    const profile = await expected('profile');
    service.close();
    expect(settings.filter((v) => v.key === 'Private Account').map((v) => [v.snapshot, v.value])).toEqual([
      [1, 'Disabled'],
      [2, 'Enabled'],
    ]);
    expect(profile.length).toBeGreaterThan(0);
    expect(JSON.parse((await cli(['export', 'settings', '--db', db])).stdout)).toEqual(settings);
    expect(JSON.parse((await cli(['export', 'Profil', '--db', db])).stdout)).toEqual(profile);
    const out = join(dir, 'settings.csv');
    expect((await cli(['export', 'settings', '--format', 'csv', '--out', out, '--db', db])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('snapshot,exported_at,key,value');
    expect(lines).toHaveLength(settings.length + 1);
    expect(lines).toContain(`2,${settings.find((v) => v.snapshot === 2)!.exportedAt},Private Account,Enabled`);
    // an --out that cannot be written fails (it used to end with status 0 and no file)
    const nowhere = await cli(['export', 'settings', '--out', join(dir, 'no', 'such', 'folder.csv'), '--db', db, '--json']);
    expect(nowhere.code).toBe(1);
    expect(JSON.parse(nowhere.stdout).error).toMatchObject({ code: 'CANNOT_WRITE', params: { reason: 'noFolder' } });
  });
});

describe('the real bin', () => {
  const run = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, LANG: 'C' } });

  it('ends quietly with status 0 when the reader of its output goes away (| head)', async () => {
    const dir = tempDir();
    const db = await archiveWith(dir, smallExport({ watch: 3000 }));
    for (const format of ['csv', 'json']) {
      const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" export watch_history --format ${format} --db "${db}" | head -n 2`], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout.split('\n')).toHaveLength(3);
    }
    const help = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" --help | head -n 1`], { encoding: 'utf8' });
    expect([help.status, help.stderr, help.stdout]).toEqual([0, '', 'Usage: footprint <command> [options]\n']);
  });

  it('runs the built JavaScript, and rebuilds it when a source file is newer', () => {
    const first = run(['--help']);
    expect(first.status).toBe(0);
    const built = join(ROOT, 'node_modules', '.cache', 'footprint-cli', 'main.cjs');
    const stamp = JSON.parse(readFileSync(join(ROOT, 'node_modules', '.cache', 'footprint-cli', 'build.json'), 'utf8')) as { inputs: string[] };
    expect(stamp.inputs).toContain('src/main/cli/main.ts');
    // tsx is not loaded when the build is up to date
    const probe = spawnSync(
      process.execPath,
      ['-e', `process.argv = [process.argv[0], ${JSON.stringify(BIN)}, '--help']; require(${JSON.stringify(BIN)}); process.on('exit', () => { if (Object.keys(require.cache).some((k) => k.includes('/tsx/'))) process.stderr.write('tsx loaded'); });`],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect([probe.status, probe.stderr]).toEqual([0, '']);
    expect(probe.stdout).toMatch(/^Usage: footprint/);

    const source = join(ROOT, 'src', 'main', 'cli', 'help.ts');
    const { atime, mtime } = statSync(source);
    const before = statSync(built).mtimeMs;
    try {
      utimesSync(source, atime, new Date(Date.now() + 5_000));
      const r = run(['--help', '--lang', 'sv']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Användning: footprint/);
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(statSync(built).mtimeMs).toBeGreaterThan(before);
  });

  it('takes LANG from the environment', () => {
    const r = spawnSync(process.execPath, [BIN, 'snapshots', '--db', join(tempDir(), 'none.db')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LANG: 'sv_SE.UTF-8' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^footprint: Det finns inget Footprint-arkiv på/);
  });
});
