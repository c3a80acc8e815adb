// The CLI's doors onto third-party access: scopes, apps and sharing, their --json shapes (the ones
// scripts rely on), human output in both languages, and bad input: exit 1 (2 for usage), the
// archive byte-identical.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/main/cli/main';
import { generateAccount } from './fixtures/account';
import { expectedCounts, exportEpoch, renderJson, writeZip } from './fixtures/json';
import { tempDir, writeFile } from './helpers';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const state = (db: string) => {
  const h = createHash('sha256');
  for (const p of [db, `${db}-wal`]) if (existsSync(p)) h.update(readFileSync(p));
  return h.digest('hex');
};

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/;
const account = generateAccount({ seed: 5, asOf: '2026-03-01 12:00:00' });

async function archive() {
  const dir = tempDir();
  const db = join(dir, 'fp.db');
  const zip = await writeZip(renderJson(account, 'L4'), dir, { epoch: exportEpoch(account) });
  expect((await cli(['import', zip, '--db', db])).code).toBe(0);
  return { dir, db };
}

describe('footprint scopes / apps / sharing', () => {
  it('scopes --json lists the catalog in the documented shape', async () => {
    const { db } = await archive();
    const r = await cli(['scopes', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const { scopes, ...rest } = JSON.parse(r.stdout);
    expect(rest).toEqual({}); // the documented shape: the guide the window gets stays out of it
    expect(scopes.length).toBeGreaterThan(10);
    for (const sc of scopes) {
      expect(sc).toMatchObject({ id: expect.any(String), product: expect.any(String), access: expect.stringMatching(/^(one-time|ongoing)$/), categories: expect.any(Array), datasets: expect.any(Array) });
      expect(sc.risk).toEqual({ level: expect.stringMatching(/^(low|medium|high)$/), reasons: expect.any(Array) });
    }
    const human = await cli(['scopes', '--db', db, '--lang', 'sv']);
    expect(human.stdout).toContain('En kopia av dina direktmeddelanden');
  });

  it('apps add / list / review / revoke / remove, with the documented JSON shapes', async () => {
    const { db } = await archive();
    const counts = expectedCounts(account, 'L4');
    const add = await cli(['apps', 'add', '--db', db, '--json', '--name', 'Chat Saver', '--scope', 'portability.directmessages.ongoing', '--scope', 'user.info.basic', '--granted', '2026-01-05', '--website', 'https://chatsaver.example', '--purpose', 'backups', '--claims', 'free-followers']);
    expect(add.code, add.stderr).toBe(0);
    const { app } = JSON.parse(add.stdout);
    expect(app).toMatchObject({
      id: 1,
      name: 'Chat Saver',
      scopes: ['portability.directmessages.ongoing', 'user.info.basic'],
      claims: ['free-followers'],
      access: 'ongoing',
      grantedAt: '2026-01-05',
      revokedAt: null,
      status: 'active',
      nextReview: '2026-04-05',
      risk: { level: 'high' },
    });
    expect(app.exposure.messages).toMatchObject({ records: counts.messages, oldest: expect.stringMatching(ISO_TIME), newest: expect.stringMatching(ISO_TIME), partners: expect.any(Number) });
    expect(app.repeats).toBe(true);

    const list = JSON.parse((await cli(['apps', 'list', '--db', db, '--json'])).stdout);
    expect(Object.keys(list.apps[0])).toEqual(expect.arrayContaining(['id', 'name', 'scopes', 'access', 'grantedAt', 'revokedAt', 'status', 'risk', 'nextReview', 'exposure']));
    expect(list.dueForReview).toEqual([1]); // 2026-04-05 has passed on any machine running this after it

    const reviewed = JSON.parse((await cli(['apps', 'review', '1', '--on', '2026-02-01', '--db', db, '--json'])).stdout).app;
    expect([reviewed.lastReviewedAt, reviewed.nextReview]).toEqual(['2026-02-01', '2026-05-02']);
    const revoked = JSON.parse((await cli(['apps', 'revoke', '1', '--on', '2026-02-10', '--db', db, '--json'])).stdout).app;
    expect([revoked.status, revoked.revokedAt, revoked.nextReview]).toEqual(['revoked', '2026-02-10', null]);
    expect(revoked.history.map((h: { kind: string }) => h.kind)).toEqual(['granted', 'reviewed', 'revoked']);
    expect(revoked.history[0].at).toMatch(ISO_TIME);

    const human = await cli(['apps', 'list', '--db', db]);
    expect(human.stdout).toContain('#1 Chat Saver: Ongoing access, High risk');
    expect(human.stdout).toContain(`Direct messages: ${counts.messages} records`);
    const sv = await cli(['apps', 'list', '--db', db, '--lang', 'sv']);
    expect(sv.stdout).toContain('Fortlöpande åtkomst, Hög risk');

    expect(JSON.parse((await cli(['apps', 'remove', '1', '--db', db, '--json'])).stdout)).toEqual({ removed: true });
    expect(JSON.parse((await cli(['apps', 'list', '--db', db, '--json'])).stdout)).toEqual({ apps: [], dueForReview: [] });
  });

  it('bad input exits 1 (2 for usage) and leaves the archive byte-identical', async () => {
    const { db, dir } = await archive();
    await cli(['apps', 'add', '--db', db, '--name', 'Stats', '--scope', 'user.info.stats', '--granted', '2026-01-01']);
    const before = state(db);
    for (const [argv, code, error] of [
      [['apps', 'add', '--name', ' ', '--granted', '2026-01-01'], 1, 'BAD_APP_ENTRY'],
      [['apps', 'add', '--name', 'X', '--scope', 'user.info.all', '--granted', '2026-01-01'], 1, 'BAD_APP_ENTRY'],
      [['apps', 'add', '--name', 'X', '--granted', '2999-01-01'], 1, 'BAD_APP_ENTRY'],
      [['apps', 'add', '--name', 'X', '--granted', 'yesterday'], 1, 'BAD_INPUT'],
      [['apps', 'add', '--name', 'stats', '--granted', '2026-01-02'], 1, 'BAD_APP_ENTRY'],
      [['apps', 'add', '--name', 'X', '--granted', '2026-01-02', '--claims', 'mind-reading'], 1, 'BAD_APP_ENTRY'],
      [['apps', 'revoke', '1', '--on', '2025-12-31'], 1, 'BAD_APP_ENTRY'],
      [['apps', 'review', '1', '--on', '2999-01-01'], 1, 'BAD_APP_ENTRY'],
      [['apps', 'edit', '7', '--note', 'x'], 1, 'NO_SUCH_APP'],
      [['apps', 'remove', '7'], 1, 'NO_SUCH_APP'],
      [['apps', 'import', writeFile(join(dir, 'bad.json'), '{"format": "footprint-apps", "version": 1, "exportedAt": "", "apps": [{}]}')], 1, 'BAD_INPUT'],
      [['apps', 'import', writeFile(join(dir, 'notjson.json'), 'apps!')], 1, 'NOT_JSON'],
      [['apps', 'import', join(dir, 'missing.json')], 1, 'NOT_FOUND'],
      [['apps', 'revoke', '1'], 2, null],
      [['apps', 'add', '--name', 'X'], 2, null],
      [['apps', 'frobnicate'], 2, null],
      [['apps', 'remove', 'one'], 2, null],
      [['apps', 'list', '--name', 'x'], 2, null],
    ] as const) {
      const r = await cli([...argv, '--db', db, '--json']);
      expect([argv.join(' '), r.code]).toEqual([argv.join(' '), code]);
      if (error) expect(JSON.parse(r.stdout).error).toMatchObject({ code: error, message: expect.any(String) });
      expect(r.stderr.split('\n')[0]).toMatch(/^footprint: \S/);
    }
    expect(state(db)).toBe(before);
  });

  it('apps export --out and apps import carry the register to another archive', async () => {
    const { db, dir } = await archive();
    await cli(['apps', 'add', '--db', db, '--name', 'A', '--granted', '2025-05-01', '--access', 'one-time', '--note', 'no idea what it can do']);
    await cli(['apps', 'add', '--db', db, '--name', 'B', '--scope', 'video.publish', '--granted', '2025-06-01', '--interval', '30']);
    const file = join(dir, 'apps.json');
    const ex = await cli(['apps', 'export', '--out', file, '--db', db]);
    expect(ex.stdout).toBe(`2 apps written to ${file}.`);
    // an existing file is replaced only with --force; refused, it stays as it was
    const again = await cli(['apps', 'export', '--out', file, '--db', db, '--json']);
    expect([again.code, JSON.parse(again.stdout).error.code, JSON.parse(again.stdout).error.params.reason]).toEqual([1, 'CANNOT_WRITE', 'exists']);
    const written = readFileSync(file, 'utf8');
    expect(JSON.parse(written).apps).toHaveLength(2);
    expect((await cli(['apps', 'export', '--out', file, '--force', '--db', db, '--json'])).stdout).toBe(JSON.stringify({ exported: 2, path: file }, null, 2));
    expect((await cli(['apps', 'export', '--out', db, '--force', '--db', db])).code).toBe(1); // never the archive
    const other = join(dir, 'other.db');
    const zip = await writeZip(renderJson(account, 'L2'), join(dir, 'l2'), { epoch: exportEpoch(account) });
    await cli(['import', zip, '--db', other]);
    const im = await cli(['apps', 'import', file, '--db', other, '--lang', 'sv']);
    expect(im.stdout).toBe('2 appar importerades; ingen fanns redan.');
    const apps = JSON.parse((await cli(['apps', 'list', '--db', other, '--json'])).stdout).apps;
    expect(apps.map((a: { name: string; access: string; reviewIntervalDays: number | null; note: string | null }) => [a.name, a.access, a.reviewIntervalDays, a.note])).toEqual([
      ['A', 'one-time', null, 'no idea what it can do'],
      ['B', 'ongoing', 30, null],
    ]);
    expect(JSON.parse((await cli(['apps', 'import', file, '--db', other, '--json'])).stdout)).toEqual({ imported: 0, unchanged: 2 });
    // a list with one bad app: nothing added, and the message says which app in the file
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.apps.push({ ...doc.apps[1], name: 'C', scopes: ['user.info.everything'] });
    const bad = writeFile(join(dir, 'bad-apps.json'), JSON.stringify(doc));
    const refused = await cli(['apps', 'import', bad, '--db', other, '--json']);
    expect([refused.code, JSON.parse(refused.stdout).error.message]).toEqual([1, 'App 3 in the file: “user.info.everything” is not a TikTok permission Footprint knows.']);
    expect((await cli(['apps', 'import', bad, '--db', other, '--lang', 'sv'])).stderr).toContain('App 3 i filen: ”user.info.everything” är ingen TikTok-behörighet som Footprint känner till.');
  });

  it('sharing --json: parties with evidence, the apps and what is due', async () => {
    const { db } = await archive();
    await cli(['apps', 'add', '--db', db, '--name', 'Everything', '--scope', 'portability.all.ongoing', '--granted', '2026-01-01']);
    const r = await cli(['sharing', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(Object.keys(v).sort()).toEqual(['apps', 'dueForReview', 'parties']);
    expect(v.parties.length).toBeGreaterThan(3);
    for (const p of v.parties) {
      expect(p).toMatchObject({ kind: expect.any(String), direction: expect.stringMatching(/^(to-party|from-party)$/), categories: expect.any(Array) });
      expect('name' in p && 'firstSeen' in p && 'lastSeen' in p).toBe(true);
      for (const e of p.evidence) expect(e).toMatchObject({ dataset: expect.any(String), records: expect.any(Number), snapshots: expect.any(Array) });
      if (p.firstSeen !== null) expect(p.firstSeen).toMatch(ISO_TIME);
    }
    const off = v.parties.filter((p: { kind: string }) => p.kind === 'off-tiktok-source');
    expect(off.reduce((n: number, p: { evidence: { records: number }[] }) => n + p.evidence[0]!.records, 0)).toBe(account.records.off_tiktok_activity.length);
    expect(v.parties.find((p: { kind: string }) => p.kind === 'app')).toMatchObject({ name: 'Everything', direction: 'to-party', appId: 1 });
    expect(v.apps).toHaveLength(1);
    expect(v.dueForReview).toEqual([1]);
    const human = await cli(['sharing', '--db', db]);
    expect(human.stdout).toMatch(/an unnamed partner \(id \d+\)/);
    expect(human.stdout).toContain('Activity from another app or website');
  });
});
