// Answers kept in the archive across starts (migration 13, store/kept-answers.ts, service/kept-answers.ts):
// the comparison of two exports, the charts and the checklists' evidence. Over real SQLite files and
// generated exports: what a service keeps, a new service on the file reads back (and only while the
// archive is as it was); every kind of change deletes what it makes stale, and a forgotten record's
// text leaves the file with it; the desktop runner's worker keeps them after an import and again
// after an operation that changed the archive.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createService, type Service } from '../src/main/service';
import { openDatabase } from '../src/main/store/db';
import { clearKeptAnswers, keepAnswer, keptNames } from '../src/main/store/kept-answers';
import { changeStamp } from '../src/main/store/scratch';
import { keptStates } from '../src/main/service/kept-answers';
import { diffSnapshots } from '../src/main/service/changes';
import { charts } from '../src/main/service/charts';
import { partiesInArchive } from '../src/main/service/sharing';
import { resolveImportWorkerEntry, workerImportRunner } from '../src/main/import/worker-import';
import { generateAccount, laterAccount } from './fixtures/account';
import { exportEpoch, renderJson, writeZip } from './fixtures/json';
import { tempDir, until } from './helpers';

const entry = resolveImportWorkerEntry(resolve(__dirname, '../src/main/import'));
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

async function twoExports(dir: string) {
  const a = generateAccount({ seed: 31, asOf: '2026-02-10 12:00:00' });
  const b = laterAccount(a, { days: 30, seed: 'kept' });
  return {
    older: await writeZip(renderJson(a, 'L4'), join(dir, 'a'), { epoch: exportEpoch(a) }),
    newer: await writeZip(renderJson(b, 'L4'), join(dir, 'b'), { epoch: exportEpoch(b) }),
  };
}

async function archiveOfTwo(): Promise<{ dir: string; dbPath: string; ids: [number, number] }> {
  const dir = tempDir();
  const dbPath = join(dir, 'fp.db');
  const { older, newer } = await twoExports(dir);
  const s = createService({ dbPath });
  const x = await s.importExport({ path: older });
  const y = await s.importExport({ path: newer });
  s.close();
  return { dir, dbPath, ids: [x.snapshot.id, y.snapshot.id] };
}

const body = (s: Service, name: string) => s.db.prepare('SELECT body FROM kept_answers WHERE name = ?').pluck().get(name) as string | undefined;

describe('kept answers', () => {
  it('what one service worked out, a new service on the file reads back, equal to the answer worked out afresh', async () => {
    const { dbPath, ids } = await archiveOfTwo();
    const first = createService({ dbPath });
    expect(keptNames(first.db)).toEqual([]); // importing keeps nothing: the trigger of each new snapshot clears them
    const home = await first.home({});
    await first.charts({ timeZone: 'UTC' });
    expect(keptNames(first.db)).toEqual([`charts:all:UTC`, `diff:${ids[0]}:${ids[1]}`, 'evidence']);
    first.close();

    const second = createService({ dbPath });
    // the same answers as worked out afresh on this archive
    const fresh = diffSnapshots(second.db, ids[0], ids[1]);
    expect(JSON.parse(body(second, `diff:${ids[0]}:${ids[1]}`)!)).toEqual(fresh);
    expect(JSON.parse(body(second, 'charts:all:UTC')!)).toEqual(charts(second.db, 'UTC', null));
    expect(fresh.alerts.some((a) => a.kind === 'new-device')).toBe(true); // the fixture's new device: there is something to keep

    // read back, not worked out again: a marker put into the kept answer comes out of the operations
    second.db.prepare(`UPDATE kept_answers SET body = json_set(body, '$.settings', json('[{"key":"kept-marker"}]')) WHERE name GLOB 'diff:*'`).run();
    second.db.prepare(`UPDATE kept_answers SET body = json_set(body, '$.retention', json('[]')) WHERE name GLOB 'charts:*'`).run();
    second.close();
    const third = createService({ dbPath });
    expect((await third.diffSnapshots({})).settings).toEqual([{ key: 'kept-marker' }]);
    expect((await third.home({})).headline.alerts).toEqual(home.headline.alerts);
    expect((await third.charts({ timeZone: 'UTC' })).retention).toEqual([]);
    // another time zone is another answer, worked out and kept beside the first
    expect((await third.charts({ timeZone: 'Asia/Tokyo' })).retention.length).toBeGreaterThan(0);
    expect(keptNames(third.db)).toContain('charts:all:Asia/Tokyo');

    // a table's first view keeps its facets; a filtered view is worked out each time, never kept
    const logins = await third.exploreFacets({ dataset: 'login_history', snapshotId: ids[1] });
    expect(logins.facets.find((f) => f.field === 'deviceModel')!.values.length).toBeGreaterThan(0);
    expect(JSON.parse(body(third, `facets:login_history:${ids[1]}`)!)).toEqual(logins);
    const device = logins.facets.find((f) => f.field === 'deviceModel')!.values[0]!.value as string;
    await third.exploreFacets({ dataset: 'login_history', snapshotId: ids[1], where: [{ field: 'deviceModel', values: [device] }] });
    await third.exploreFacets({ dataset: 'login_history' });
    expect(keptNamesOf(third, 'facets')).toEqual(['facets:login_history:all', `facets:login_history:${ids[1]}`].sort());
    third.db.prepare(`UPDATE kept_answers SET body = '{"facets":[]}' WHERE name = ?`).run(`facets:login_history:${ids[1]}`);
    third.close();
    const fourth = createService({ dbPath });
    expect(await fourth.exploreFacets({ dataset: 'login_history', snapshotId: ids[1] })).toEqual({ facets: [] });
    fourth.close();
  });

  it("Sharing's parties and the facts apps are measured against are kept and read back", async () => {
    const { dbPath } = await archiveOfTwo();
    const first = createService({ dbPath });
    const page = await first.parties({});
    expect(page.total).toBeGreaterThan(0);
    await first.addApp({ name: 'Kollen', scopes: ['user.info.basic'], grantedOn: '2026-01-05' });
    const apps = await first.listApps({});
    expect(keptNames(first.db)).toEqual(expect.arrayContaining(['app-facts', 'parties']));
    expect(JSON.parse(body(first, 'parties')!)).toEqual(partiesInArchive(first.db));
    first.db.prepare(`UPDATE kept_answers SET body = '[]' WHERE name = 'parties'`).run();
    first.close();
    const second = createService({ dbPath });
    // only the register's app is left among the parties: the archive's came from the (emptied) kept answer
    expect((await second.parties({})).total).toBe(1);
    expect(await second.listApps({})).toEqual(apps);
    second.close();
  });

  it('an answer kept under another state (an older app, another archive) is not read, nor a damaged one', async () => {
    const { dbPath } = await archiveOfTwo();
    const s = createService({ dbPath });
    await s.diffSnapshots({});
    s.db.prepare(`UPDATE kept_answers SET body = json_set(body, '$.settings', json('[{"key":"kept-marker"}]')), state = state || 'x'`).run();
    s.close();
    const t = createService({ dbPath });
    const fresh = await t.diffSnapshots({});
    expect(fresh.settings).not.toEqual([{ key: 'kept-marker' }]);
    // worked out again and kept under the state that holds
    const name = keptNamesOf(t, 'diff')[0]!;
    expect(body(t, name)).not.toContain('kept-marker');
    // a damaged row is worked out again and kept over, never an error
    t.db.prepare('UPDATE kept_answers SET body = ? WHERE name = ?').run('{"from": 1, "to"', name);
    t.close();
    const u = createService({ dbPath });
    expect(await u.diffSnapshots({})).toEqual(fresh);
    expect(JSON.parse(body(u, name)!)).toEqual(diffSnapshots(u.db));
    u.close();
  });

  it('every change to the archive deletes what it makes stale; a forgotten record leaves no text in a kept answer', async () => {
    const { dir, dbPath, ids } = await archiveOfTwo();
    const s = createService({ dbPath });
    const fileHas = (word: string) => ['', '-wal'].some((suffix) => existsSync(dbPath + suffix) && readFileSync(dbPath + suffix).includes(Buffer.from(word)));
    const keepAll = async () => {
      await s.home({});
      await s.charts({ timeZone: 'UTC' });
      expect(keptNames(s.db)).toHaveLength(3);
    };

    // a deletion mark changes the comparisons only
    await keepAll();
    const someRecord = s.db.prepare("SELECT id FROM records WHERE dataset = 'comments' LIMIT 1").pluck().get() as number;
    await s.markDeleted({ recordId: someRecord, deletedAt: '2026-01-01' });
    expect(keptNames(s.db)).toEqual(['charts:all:UTC', 'evidence']);
    await s.home({});
    await s.unmarkDeleted({ recordId: someRecord });
    expect(keptNames(s.db)).toEqual(['charts:all:UTC', 'evidence']);

    // deleting a snapshot, importing it again: everything
    await keepAll();
    await s.deleteSnapshot({ id: ids[1] });
    expect(keptNames(s.db)).toEqual([]);
    const again = await s.importExport({ path: (await twoExports(join(dir, 'again'))).newer });
    expect(keptNames(s.db)).toEqual([]);

    // forgetting the new device's logins: its name was in the kept comparison, and leaves the file
    await keepAll();
    const device = (await s.diffSnapshots({})).alerts.find((a) => a.kind === 'new-device')!.key;
    expect(body(s, `diff:${ids[0]}:${again.snapshot.id}`)).toContain(device);
    const logins = s.db.prepare("SELECT id FROM records WHERE dataset = 'login_history' AND data ->> 'deviceModel' = ?").pluck().all(device) as number[];
    expect(logins.length).toBeGreaterThan(0);
    await s.forgetRecords({ ids: logins });
    expect(keptNames(s.db)).toEqual([]);
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileHas(device)).toBe(false);
    s.close();
  });

  it('an answer worked out before the archive changed is not kept, and a busy file answers without keeping', async () => {
    const { dbPath } = await archiveOfTwo();
    const s = createService({ dbPath });
    const state = keptStates.diff(s.db);
    const other = openDatabase(dbPath);
    const record = other.prepare("SELECT id FROM records WHERE dataset = 'comments' LIMIT 1").pluck().get() as number;
    other.prepare('INSERT INTO deletion_marks (record_id, deleted_at, marked_at) VALUES (?, 1, 2)').run(record);
    expect(keepAnswer(s.db, 'diff:stale', state, '{}', () => keptStates.diff(s.db))).toBe(false);
    expect(keptNames(s.db)).toEqual([]);
    // keeping one changes no answer: the connection's caches of query results stay (changeStamp)
    const stamp = changeStamp(s.db);
    expect(keepAnswer(s.db, 'diff:now', keptStates.diff(s.db), '{}', () => keptStates.diff(s.db))).toBe(true);
    expect(changeStamp(s.db)).toBe(stamp);
    clearKeptAnswers(s.db);

    // another connection holds the write lock: the comparison is answered, not kept, and kept the next time
    other.exec('BEGIN IMMEDIATE');
    const answered = await s.diffSnapshots({});
    expect(answered.alerts.length).toBeGreaterThan(0);
    expect(keptNames(s.db)).toEqual([]);
    other.exec('ROLLBACK');
    other.close();
    s.close();
    const t = createService({ dbPath });
    expect(await t.diffSnapshots({})).toEqual(answered);
    expect(keptNamesOf(t, 'diff')).toHaveLength(1);
    t.close();
  });

  it("the desktop runner's worker keeps them after an import, and again after an operation deleted some of them", async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const { older, newer } = await twoExports(dir);
    const runner = workerImportRunner({ entry });
    const s = createService({ dbPath, runner });
    await s.importExport({ path: older });
    const y = await s.importExport({ path: newer });
    await runner.idle();
    const names = keptNames(s.db);
    expect(names).toContain(`charts:all:${ZONE}`);
    expect(names).toContain('evidence');
    expect(names).toContain(`facets:login_history:${y.snapshot.id}`);
    expect(names).toContain(`facets:off_tiktok_activity:${y.snapshot.id}`);
    expect(names).toEqual(expect.arrayContaining(['parties', 'app-facts']));
    const diffName = names.find((n) => n.startsWith('diff:') && n.endsWith(`:${y.snapshot.id}`))!;
    expect(JSON.parse(body(s, diffName)!)).toEqual(diffSnapshots(s.db));

    const record = s.db.prepare("SELECT id FROM records WHERE dataset = 'comments' LIMIT 1").pluck().get() as number;
    await s.markDeleted({ recordId: record, deletedAt: '2026-01-01' });
    await until(() => keptNames(s.db).includes(diffName), 20_000);
    await runner.idle();
    expect(JSON.parse(body(s, diffName)!)).toEqual(diffSnapshots(s.db));
    await s.stopImports();
    s.close();
  });
});

function keptNamesOf(s: Service, kind: string): string[] {
  return keptNames(s.db).filter((n) => n.startsWith(`${kind}:`));
}
