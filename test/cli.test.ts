import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/main/cli/main';
import { generateAccount } from './fixtures/account';
import { LAYOUTS, expectedCounts, renderJson, writeZip } from './fixtures/json';
import { sha256File, smallExport, tempDir, writeFile, writeJson } from './helpers';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('footprint CLI', () => {
  it.each(LAYOUTS)('import %s --json prints the contract shape with correct per-dataset counts', async (layout) => {
    const dir = tempDir();
    const account = generateAccount({ seed: 7 });
    const zip = await writeZip(renderJson(account, layout, { quirks: true }), dir, { epoch: 1735588272 });
    const db = join(dir, 'fp.db');
    const { code, stdout } = await cli(['import', zip, '--db', db, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).sort()).toEqual(['alreadyImported', 'datasets', 'snapshot', 'unknownSections', 'warnings']);
    expect(Object.keys(result.snapshot).sort()).toEqual(['exportedAt', 'exportedAtSource', 'format', 'id', 'layout', 'sha256']);
    expect(result.snapshot).toMatchObject({ id: 1, format: 'json', layout, exportedAt: '2024-12-30T19:51:12Z' });
    expect(result.snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    const records = Object.fromEntries(Object.entries(result.datasets as Record<string, { records: number }>).map(([k, v]) => [k, v.records]));
    for (const [dataset, n] of Object.entries(expectedCounts(account, layout))) expect([dataset, records[dataset]]).toEqual([dataset, n]);

    const again = await cli(['import', zip, '--db', db, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyImported: true, snapshot: { id: 1 } });
    const list = JSON.parse((await cli(['snapshots', '--db', db, '--json'])).stdout);
    expect(list).toEqual([
      expect.objectContaining({ id: 1, format: 'json', layout, exportedAt: '2024-12-30T19:51:12Z', importedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }),
    ]);
  });

  it('explains bad input in one line, with a JSON error object, exit 1, and leaves the database alone', async () => {
    const dir = tempDir();
    const db = join(dir, 'fp.db');
    await cli(['import', writeJson(join(dir, 'ok'), smallExport()), '--db', db]);
    const hash = sha256File(db);
    for (const [path, code] of [
      [join(dir, 'missing.zip'), 'NOT_FOUND'],
      [writeFile(join(dir, 'empty.zip'), ''), 'EMPTY_FILE'],
      [writeFile(join(dir, 'notes.json'), 'just words'), 'NOT_JSON'],
      [writeFile(join(dir, 'broken.zip'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)])), 'CORRUPT_ZIP'],
    ] as const) {
      const r = await cli(['import', path, '--db', db, '--json']);
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^footprint: \S/);
      expect(JSON.parse(r.stdout)).toEqual({ error: { code, params: expect.any(Object), message: expect.any(String) } });
    }
    expect(sha256File(db)).toBe(hash);
  });

  it('usage errors exit 2', async () => {
    const dir = tempDir();
    const db = join(dir, 'fp.db');
    expect((await cli([])).code).toBe(2);
    expect((await cli(['frobnicate', '--db', db])).code).toBe(2);
    expect((await cli(['import', '--db', db])).code).toBe(2);
    expect((await cli(['snapshots', '--bogus'])).code).toBe(2);
    expect((await cli(['export', 'no_such_dataset', '--db', db])).code).toBe(2);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/import <path>/);
  });

  it('exports a dataset as CSV with spreadsheet formulas neutralised, and deletes snapshots', async () => {
    const dir = tempDir();
    const db = join(dir, 'fp.db');
    const doc = smallExport();
    doc['Your Activity'].Searches.SearchList.push({ Date: '2024-11-02 10:00:00', SearchTerm: '=HYPERLINK("http://x")' });
    await cli(['import', writeJson(dir, doc), '--db', db]);
    const out = join(dir, 'searches.csv');
    expect((await cli(['export', 'searches', '--format', 'csv', '--out', out, '--db', db])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('at,date,term');
    expect(lines).toContain(`2024-11-02T10:00:00Z,2024-11-02 10:00:00,"'=HYPERLINK(""http://x"")"`);
    expect(lines.some((l) => l.includes('cats 🥺'))).toBe(true);
    expect((await cli(['delete-snapshot', '1', '--db', db])).code).toBe(0);
    expect(JSON.parse((await cli(['snapshots', '--db', db, '--json'])).stdout)).toEqual([]);
    expect(await cli(['delete-snapshot', '1', '--db', db, '--json'])).toMatchObject({ code: 1, stdout: expect.stringContaining('NO_SUCH_SNAPSHOT') });
  });

  it('FOOTPRINT_DB chooses the database', async () => {
    const dir = tempDir();
    const db = join(dir, 'env.db');
    expect((await cli(['import', writeJson(dir, smallExport())], { FOOTPRINT_DB: db })).code).toBe(0);
    expect(JSON.parse((await cli(['snapshots', '--json'], { FOOTPRINT_DB: db })).stdout)).toHaveLength(1);
  });

  it('runs as `npx footprint` from the repository', () => {
    const dir = tempDir();
    const stdout = execFileSync('npx', ['footprint', 'import', writeJson(dir, smallExport()), '--db', join(dir, 'fp.db'), '--json'], {
      cwd: join(__dirname, '..'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(JSON.parse(stdout).datasets.watch_history).toEqual({ records: 5, new: 5, duplicates: 0, paths: ['Your Activity/Watch History'] });
  });
});
