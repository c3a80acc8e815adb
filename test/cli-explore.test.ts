// The CLI's search and export-with-filters (cli/search-command.ts, cli/export-command.ts).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/main/cli/main';
import { tempDir, writeJson } from './helpers';
import { exploreExport } from './fixtures/explore';

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, { LANG: 'C' });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function archive(dir: string): Promise<string> {
  const db = join(dir, 'fp.db');
  const doc = exploreExport({
    comments: [
      { date: '2024-01-02 10:00:00', comment: 'Hälsningar från Åre' },
      { date: '2024-01-05 10:00:00', comment: '=HYPERLINK("http://x") åre igen' },
      { date: '2024-02-01 10:00:00', comment: 'februari' },
    ],
    messages: [{ with: 'anna', date: '2024-01-03 12:00:00', from: 'anna', content: 'Vi ses i Åre' }],
    logins: [
      { date: '2024-01-01 00:00:00', ip: '8.8.8.8', device: 'Pixel' },
      { date: '2024-01-02 00:00:00', ip: '10.0.0.1', device: 'iPhone' },
      { date: '2024-01-03 00:00:00', ip: '10.0.0.2', device: 'iPad' },
    ],
  });
  expect((await cli(['import', writeJson(dir, doc), '--db', db])).code).toBe(0);
  return db;
}

describe('footprint search', () => {
  it('--json prints {total, hits: [{dataset, recordId, at, snippet}]}, newest first', async () => {
    const dir = tempDir();
    const db = await archive(dir);
    const r = await cli(['search', 'are', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['total', 'hits']);
    expect(json.total).toBe(3);
    expect(json.hits.map((h: object) => Object.keys(h))).toEqual(Array(3).fill(['dataset', 'recordId', 'at', 'snippet']));
    expect(json.hits.map((h: { dataset: string; at: string }) => [h.dataset, h.at])).toEqual([
      ['comments', '2024-01-05T10:00:00Z'],
      ['messages', '2024-01-03T12:00:00Z'],
      ['comments', '2024-01-02T10:00:00Z'],
    ]);
    expect(json.hits[2].snippet).toBe('Hälsningar från Åre');
    // --dataset (an id or a name), --limit, several words, hostile text
    expect(JSON.parse((await cli(['search', 'åre', '--dataset', 'messages', '--db', db, '--json'])).stdout)).toMatchObject({ total: 1, hits: [{ dataset: 'messages' }] });
    expect(JSON.parse((await cli(['search', 'are', '--limit', '1', '--db', db, '--json'])).stdout).hits).toHaveLength(1);
    expect(JSON.parse((await cli(['search', 'vi', 'ses', '--db', db, '--json'])).stdout).total).toBe(1);
    for (const text of ['"', 'NEAR(', '*', ')(', 'x'.repeat(10_240)]) {
      const h = await cli(['search', text, '--db', db, '--json']);
      expect(h.code, text.slice(0, 10)).toBe(0);
      expect(JSON.parse(h.stdout)).toEqual({ total: 0, hits: [] });
    }
    // the text form groups by dataset and marks the match
    const human = await cli(['search', 'are', '--db', db]);
    expect(human.stdout).toContain('3 matches');
    expect(human.stdout).toContain('«Åre»');
    expect((await cli(['search', '--db', db])).code).toBe(2);
  });
});

describe('footprint export with filters', () => {
  it('takes the view’s filters and sort, and refuses to overwrite without --force', async () => {
    const dir = tempDir();
    const db = await archive(dir);
    const rows = async (...args: string[]) => JSON.parse((await cli(['export', ...args, '--db', db])).stdout) as Record<string, string>[];
    expect((await rows('comments', '--from', '2024-01-03', '--to', '2024-01-31')).map((r) => r.comment)).toEqual(['=HYPERLINK("http://x") åre igen']);
    expect((await rows('comments', '--to', '2024-01-05')).map((r) => r.date)).toEqual(['2024-01-05 10:00:00', '2024-01-02 10:00:00']); // a day: through its end
    expect((await rows('comments', '--match', 'are')).length).toBe(2);
    expect((await rows('comments', '--sort', 'comment', '--order', 'desc')).map((r) => r.comment)).toEqual(['Hälsningar från Åre', 'februari', '=HYPERLINK("http://x") åre igen']);
    expect((await rows('login_history', '--where', 'deviceModel=iPad', '--where', 'deviceModel=Pixel')).map((r) => r.deviceModel)).toEqual(['iPad', 'Pixel']);
    expect((await rows('login_history', '--where', 'country=US')).map((r) => r.ip)).toEqual(['8.8.8.8']);
    expect((await cli(['export', 'comments', '--where', 'nofield', '--db', db])).code).toBe(2);
    expect((await cli(['export', 'comments', '--from', 'yesterday', '--db', db])).code).toBe(2);
    expect((await cli(['export', 'settings', '--from', '2024-01-01', '--db', db])).code).toBe(2);

    const out = join(dir, 'c.csv');
    expect((await cli(['export', 'comments', '--format', 'csv', '--out', out, '--match', 'åre', '--db', db])).code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\ufeffat,date,comment\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"") åre igen"`);
    const again = await cli(['export', 'comments', '--out', out, '--db', db]);
    expect(again.code).toBe(1); // CANNOT_WRITE: bad input, like every refused target
    expect(again.stderr).toContain('already exists. Choose another name, or add --force');
    expect(readFileSync(out, 'utf8')).toBe(csv);
    expect((await cli(['export', 'comments', '--out', out, '--force', '--db', db])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(3);
    // never the archive or its companions, never through a symlink
    for (const target of [db, db + '-wal', db + '-shm']) {
      const r = await cli(['export', 'comments', '--out', target, '--force', '--db', db]);
      expect(r.code, target).toBe(1);
      expect(r.stderr).toContain('is the archive itself');
    }
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep');
    symlinkSync(victim, join(dir, 'link.csv'));
    expect((await cli(['export', 'comments', '--out', join(dir, 'link.csv'), '--force', '--db', db])).stderr).toContain('symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(db)).toBe(true);
    expect((await cli(['snapshots', '--db', db, '--json'])).code).toBe(0);
  });

  it('--snapshot keeps the records one snapshot held, --missing those without a field; both in both languages’ help', async () => {
    const dir = tempDir();
    const db = await archive(dir); // snapshot 1: three logins, none with a carrier
    const second = exploreExport({
      logins: [
        { date: '2024-01-02 00:00:00', ip: '10.0.0.1', device: 'iPhone' }, // held by both
        { date: '2024-03-01 00:00:00', ip: '10.0.0.9', device: 'Pixel', carrier: 'Telia' },
        { date: '2024-03-02 00:00:00', ip: '10.0.0.8', device: 'iPad', carrier: 'Tele2' },
      ],
    });
    expect((await cli(['import', writeJson(dir, second, 'second.json'), '--db', db])).code).toBe(0);
    const rows = async (...args: string[]) => JSON.parse((await cli(['export', 'login_history', ...args, '--db', db])).stdout) as Record<string, string>[];
    expect((await rows()).map((r) => r.date)).toHaveLength(5);
    expect((await rows('--snapshot', '1')).map((r) => r.ip)).toEqual(['10.0.0.2', '10.0.0.1', '8.8.8.8']);
    expect((await rows('--snapshot', '2', '--order', 'asc')).map((r) => r.ip)).toEqual(['10.0.0.1', '10.0.0.9', '10.0.0.8']);
    expect((await rows('--snapshot', '2', '--missing', 'carrier')).map((r) => r.ip)).toEqual(['10.0.0.1']);
    expect((await rows('--missing', 'carrier')).map((r) => r.ip)).toEqual(['10.0.0.2', '10.0.0.1', '8.8.8.8']);
    // beside --where on the same field: either; on two fields: both
    expect((await rows('--missing', 'carrier', '--where', 'carrier=Telia', '--sort', 'ip')).map((r) => r.ip)).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.9', '8.8.8.8']);
    expect((await rows('--missing', 'carrier', '--missing', 'deviceModel')).length).toBe(0);
    expect((await rows('--snapshot', '9')).length).toBe(0);
    // CSV and a file take them too
    const out = join(dir, 'none.csv');
    expect((await cli(['export', 'login_history', '--format', 'csv', '--snapshot', '2', '--missing', 'carrier', '--out', out, '--db', db])).code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(2);
    // a values dataset: --snapshot picks that snapshot's values, --missing does not apply
    const profile = JSON.parse((await cli(['export', 'settings', '--snapshot', '2', '--db', db])).stdout) as { snapshot: number }[];
    expect(profile.every((v) => v.snapshot === 2)).toBe(true);
    expect((await cli(['export', 'settings', '--missing', 'x', '--db', db])).code).toBe(2);
    // typed wrong: a usage error (exit 2)
    for (const bad of [['--snapshot', 'latest'], ['--snapshot', '0'], ['--missing', ' ']]) {
      expect((await cli(['export', 'login_history', ...bad, '--db', db])).code, bad.join(' ')).toBe(2);
    }
    // the help says what they mean for export, in English and Swedish
    const help = async (lang: string) => {
      const out: string[] = [];
      await main(['export', '--help', '--lang', lang], { out: (s) => out.push(s), err: (s) => out.push(s) }, { LANG: 'C' });
      return out.join('\n');
    };
    expect(await help('en')).toMatch(/--snapshot ID +only records this snapshot held/);
    expect(await help('en')).toMatch(/--missing FIELD +only records without FIELD/);
    expect(await help('sv')).toMatch(/--snapshot ID +bara poster som den här ögonblicksbilden innehöll/);
    expect(await help('sv')).toMatch(/--missing FÄLT +bara poster utan FÄLT/);
    // other commands keep the shared wording
    const datasets: string[] = [];
    await main(['datasets', '--help', '--lang', 'en'], { out: (s) => datasets.push(s), err: () => {} }, { LANG: 'C' });
    expect(datasets.join('\n')).toContain('the snapshot to count');
  });
});
