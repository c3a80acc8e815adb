// The register of third-party apps through the service, on a real SQLite file: add, edit, revoke,
// review, remove, due dates, export/import; every invalid input refused with its code and the file
// (database and WAL) byte-identical; deleting snapshots and forgetting records never touch it.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createService } from '../src/main/service';
import { tempDir, writeJson, smallExport } from './helpers';

const TODAY = '2026-06-01';

function open(dir = tempDir(), today = TODAY) {
  const dbPath = join(dir, 'fp.db');
  return { service: createService({ dbPath, today: () => today }), dbPath, dir };
}

/** The database as it is on disk: the file and its write-ahead log. */
function fileState(dbPath: string): string {
  const h = createHash('sha256');
  for (const p of [dbPath, `${dbPath}-wal`]) if (existsSync(p)) h.update(readFileSync(p));
  return h.digest('hex');
}

async function rejects(p: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; params: Record<string, unknown> };
  }
  throw new Error('expected a failure');
}

const base = { name: 'Metricool', scopes: ['user.info.basic', 'video.list'], grantedOn: '2026-01-10' };

describe('apps register', () => {
  it('adds an app with derived access, risk, review date and history', async () => {
    const { service } = open();
    const app = await service.addApp({ ...base, website: ' https://metricool.com ', purpose: 'stats', claims: ['who-viewed'] });
    expect(app).toMatchObject({
      id: 1,
      name: 'Metricool',
      website: 'https://metricool.com',
      purpose: 'stats',
      note: null,
      scopes: ['user.info.basic', 'video.list'],
      access: 'ongoing',
      accessDerived: true,
      grantedAt: '2026-01-10',
      revokedAt: null,
      status: 'active',
      nextReview: '2026-04-10',
      review: { state: 'due', dueOn: '2026-04-10', overdueDays: 52 },
    });
    expect(app.risk.level).toBe('high'); // the who-viewed claim
    expect(app.risk.reasons.map((r) => r.id)).toContain('claim-who-viewed');
    expect(app.history).toEqual([{ kind: 'granted', day: '2026-01-10', at: expect.any(Number), details: {} }]);
    const { apps, dueForReview } = await service.listApps({});
    expect(apps.map((a) => a.id)).toEqual([1]);
    expect(dueForReview).toEqual([1]);
    expect(await service.appsDue({})).toEqual({ dueForReview: [1] }); // the nav badge's answer, without the archive
    service.close();
  });

  it('one-time grants are never due; the interval is per app', async () => {
    const { service } = open();
    const once = await service.addApp({ name: 'Mover', scopes: ['portability.directmessages.single'], grantedOn: '2025-01-01' });
    expect(once).toMatchObject({ access: 'one-time', review: { state: 'one-time' }, nextReview: null });
    const weekly = await service.addApp({ name: 'Scheduler', scopes: ['video.publish'], grantedOn: '2026-05-20', reviewIntervalDays: 7 });
    expect(weekly).toMatchObject({ nextReview: '2026-05-27', review: { state: 'due', overdueDays: 5 } });
    const later = await service.addApp({ name: 'Later', scopes: ['video.upload'], grantedOn: '2026-05-20' });
    expect(later).toMatchObject({ nextReview: '2026-08-18', review: { state: 'scheduled', inDays: 78 } });
    expect((await service.listApps({})).dueForReview).toEqual([weekly.id]);
    service.close();
  });

  it('edits, reviews and revokes, keeping the history', async () => {
    const { service } = open();
    const { id } = await service.addApp(base);
    const edited = await service.editApp({ id, note: 'for the agency', scopes: ['user.info.basic'] });
    expect(edited).toMatchObject({ note: 'for the agency', scopes: ['user.info.basic'] });
    expect(edited.history.at(-1)).toMatchObject({
      kind: 'edited',
      details: { note: [null, 'for the agency'], scopes: [['user.info.basic', 'video.list'], ['user.info.basic']] },
    });
    const reviewed = await service.reviewApp({ id, on: '2026-05-01' });
    expect(reviewed).toMatchObject({ lastReviewedAt: '2026-05-01', nextReview: '2026-07-30', review: { state: 'scheduled' } });
    const today = await service.reviewApp({ id });
    expect(today.lastReviewedAt).toBe(TODAY);
    const revoked = await service.revokeApp({ id, on: '2026-05-31' });
    expect(revoked).toMatchObject({ status: 'revoked', revokedAt: '2026-05-31', nextReview: null, review: { state: 'revoked' } });
    expect(revoked.history.map((h) => [h.kind, h.day])).toEqual([
      ['granted', '2026-01-10'],
      ['edited', TODAY],
      ['reviewed', '2026-05-01'],
      ['reviewed', TODAY],
      ['revoked', '2026-05-31'],
    ]);
    // revoked: the name is free for a new grant
    expect((await service.addApp(base)).id).toBe(2);
    expect(await service.removeApp({ id })).toEqual({ removed: true });
    expect((await service.listApps({})).apps.map((a) => a.id)).toEqual([2]);
    expect(service.db.prepare('SELECT count(*) FROM app_events WHERE app_id = ?').pluck().get(id)).toBe(0);
    service.close();
  });

  it('a "last reviewed" day set in the edit form is a review in the history, the rest of the edit an edit', async () => {
    const { service } = open();
    const { id } = await service.addApp(base);
    const app = await service.editApp({ id, lastReviewedOn: '2026-04-02', note: 'checked' });
    expect(app).toMatchObject({ lastReviewedAt: '2026-04-02', note: 'checked' });
    expect(app.history.slice(1).map((h) => [h.kind, h.day, h.details])).toEqual([
      ['edited', TODAY, { note: [null, 'checked'] }],
      ['reviewed', '2026-04-02', {}],
    ]);
    // only the day: one review line, no edit
    const again = await service.editApp({ id, lastReviewedOn: '2026-05-03' });
    expect(again.history.slice(3).map((h) => [h.kind, h.day])).toEqual([['reviewed', '2026-05-03']]);
    service.close();
  });

  it('an edit that changes nothing writes nothing', async () => {
    const { service, dbPath } = open();
    const { id } = await service.addApp(base);
    const before = fileState(dbPath);
    await service.editApp({ id, name: ' Metricool ', scopes: ['video.list', 'user.info.basic', 'video.list'].slice(0, 2).reverse() });
    expect(fileState(dbPath)).toBe(before);
    service.close();
  });

  it('refuses every invalid input with its code and leaves the database byte-identical', async () => {
    const { service, dbPath } = open();
    const { id } = await service.addApp(base);
    const revokedApp = await service.addApp({ name: 'Old', scopes: [], grantedOn: '2025-01-01', revokedOn: '2025-02-01' });
    const before = fileState(dbPath);
    const cases: [() => Promise<unknown>, string, Record<string, unknown>][] = [
      [() => service.addApp({ ...base, name: '   ' }), 'BAD_APP_ENTRY', { field: 'name', reason: 'empty' }],
      [() => service.addApp({ ...base, name: 'x'.repeat(101) }), 'BAD_APP_ENTRY', { field: 'name', reason: 'too_long' }],
      [() => service.addApp({ ...base, name: 'Other', scopes: ['user.info.everything'] }), 'BAD_APP_ENTRY', { reason: 'unknown_scope', scope: 'user.info.everything' }],
      [() => service.addApp({ ...base, name: 'Other', claims: ['mind-reading'] }), 'BAD_APP_ENTRY', { reason: 'unknown_claim' }],
      [() => service.addApp({ ...base, name: 'Other', grantedOn: '2026-02-30' }), 'BAD_APP_ENTRY', { field: 'grantedOn', reason: 'not_a_date' }],
      [() => service.addApp({ ...base, name: 'Other', grantedOn: '2026-06-02' }), 'BAD_APP_ENTRY', { field: 'grantedOn', reason: 'in_future' }],
      [() => service.addApp({ ...base, name: 'Other', revokedOn: '2026-01-01' }), 'BAD_APP_ENTRY', { field: 'revokedOn', reason: 'before_grant' }],
      [() => service.addApp({ ...base, name: 'Other', lastReviewedOn: '2026-01-09' }), 'BAD_APP_ENTRY', { field: 'lastReviewedOn', reason: 'before_grant' }],
      [() => service.addApp({ ...base, name: 'metricool' }), 'BAD_APP_ENTRY', { field: 'name', reason: 'duplicate', name: 'Metricool' }],
      [() => service.addApp({ ...base, name: 'Other', reviewIntervalDays: 3 }), 'BAD_APP_ENTRY', { reason: 'interval' }],
      [() => service.addApp({ ...base, name: 'Other', access: 'one-time' }), 'BAD_APP_ENTRY', { reason: 'access_derived' }],
      [() => service.addApp({ ...base, name: 'Other', grantedOn: '10/01/2026' }), 'BAD_APP_ENTRY', { field: 'grantedOn', reason: 'not_a_date' }],
      [() => service.addApp({ ...base, name: 'Other', grantedOn: '2026-1-1' }), 'BAD_INPUT', { field: 'grantedOn' }],
      [() => service.call('addApp', { ...base, name: 'Other', colour: 'red' }), 'BAD_INPUT', { field: 'colour', expected: 'absent' }],
      [() => service.editApp({ id, name: '' }), 'BAD_APP_ENTRY', { reason: 'empty' }],
      [() => service.editApp({ id, grantedOn: '2026-07-01' }), 'BAD_APP_ENTRY', { reason: 'in_future' }],
      [() => service.editApp({ id: 99, note: 'x' }), 'NO_SUCH_APP', { id: 99 }],
      [() => service.revokeApp({ id, on: '2026-01-09' }), 'BAD_APP_ENTRY', { field: 'revokedOn', reason: 'before_grant' }],
      [() => service.revokeApp({ id, on: '2026-06-02' }), 'BAD_APP_ENTRY', { field: 'revokedOn', reason: 'in_future' }],
      [() => service.revokeApp({ id: revokedApp.id, on: '2026-01-01' }), 'APP_REVOKED', { revokedOn: '2025-02-01' }],
      [() => service.reviewApp({ id, on: '2025-12-31' }), 'BAD_APP_ENTRY', { field: 'lastReviewedOn', reason: 'before_grant' }],
      [() => service.reviewApp({ id, on: '2027-01-01' }), 'BAD_APP_ENTRY', { field: 'lastReviewedOn', reason: 'in_future' }],
      [() => service.reviewApp({ id: revokedApp.id }), 'APP_REVOKED', {}],
      [() => service.removeApp({ id: 42 }), 'NO_SUCH_APP', { id: 42 }],
      [() => service.previewExposure({ scopes: ['nope'] }), 'BAD_APP_ENTRY', { reason: 'unknown_scope', scope: 'nope' }],
    ];
    for (const [p, code, params] of cases) {
      const e = await rejects(p());
      expect([e.code, e.params]).toEqual([code, expect.objectContaining(params)]);
    }
    expect(fileState(dbPath)).toBe(before);
    service.close();
  });

  it('is user data: deleting snapshots and forgetting records leave it alone', async () => {
    const { service, dir } = open();
    await service.importExport({ path: writeJson(join(dir, 'a'), smallExport()) });
    await service.importExport({ path: writeJson(join(dir, 'b'), smallExport({ from: 3 })) });
    await service.addApp(base);
    await service.reviewApp({ id: 1, on: '2026-02-01' });
    const dump = () => JSON.stringify([service.db.prepare('SELECT * FROM apps').all(), service.db.prepare('SELECT * FROM app_events').all()]);
    const before = dump();
    const ids = service.db.prepare('SELECT id FROM records LIMIT 3').pluck().all() as number[];
    await service.forgetRecords({ ids });
    await service.deleteSnapshot({ id: 1 });
    await service.deleteSnapshot({ id: 2 });
    expect(service.db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(0);
    expect(dump()).toBe(before);
    service.close();
  });

  it('exports and imports the register: history kept, a second import adds nothing, bad files change nothing', async () => {
    const a = open();
    await a.service.addApp({ ...base, note: 'n', claims: ['free-followers'] });
    await a.service.addApp({ name: 'Unknown app', scopes: [], access: 'one-time', grantedOn: '2025-03-01', reviewIntervalDays: 30 });
    await a.service.revokeApp({ id: 2, on: '2025-04-01' });
    const doc = await a.service.exportApps({});
    expect(doc).toMatchObject({ format: 'footprint-apps', version: 1, apps: [{ name: 'Metricool', note: 'n' }, { name: 'Unknown app', access: 'one-time' }] });
    a.service.close();

    const b = open();
    const parsed = JSON.parse(JSON.stringify(doc));
    expect(await b.service.importApps({ document: parsed })).toEqual({ imported: 2, unchanged: 0 });
    const apps = (await b.service.listApps({})).apps;
    expect(apps.map((x) => [x.name, x.access, x.status, x.reviewIntervalDays])).toEqual([
      ['Metricool', 'ongoing', 'active', null],
      ['Unknown app', 'one-time', 'revoked', 30],
    ]);
    expect(apps[1]!.history.map((h) => h.kind)).toEqual(['granted', 'revoked', 'imported']);
    const before = fileState(b.dbPath);
    expect(await b.service.importApps({ document: parsed })).toEqual({ imported: 0, unchanged: 2 });
    expect(fileState(b.dbPath)).toBe(before);

    const bad = structuredClone(parsed);
    bad.apps.push({ ...bad.apps[0], name: 'Fine', grantedOn: '2026-01-01' }, { ...bad.apps[0], name: 'Broken', scopes: ['nope'] });
    expect(await rejects(b.service.importApps({ document: bad }))).toMatchObject({ code: 'BAD_APP_ENTRY', params: { reason: 'unknown_scope', entry: 4 } });
    const future = structuredClone(parsed);
    future.apps[0].name = 'Other';
    future.apps[0].history[0].day = '2030-01-01';
    expect(await rejects(b.service.importApps({ document: future }))).toMatchObject({ code: 'BAD_APP_ENTRY', params: { field: 'history', reason: 'in_future' } });
    expect(await rejects(b.service.call('importApps', { document: { format: 'other', version: 1, exportedAt: '', apps: [] } }))).toMatchObject({ code: 'BAD_INPUT' });
    expect(fileState(b.dbPath)).toBe(before);
    b.service.close();
  });

  it('waits for another connection holding the write lock (a worker import), then refuses with DB_BUSY, unchanged', async () => {
    const { service, dbPath } = open();
    await service.addApp(base);
    service.db.pragma('busy_timeout = 50');
    const other = new Database(dbPath);
    other.exec('BEGIN IMMEDIATE');
    const before = fileState(dbPath);
    expect(await rejects(service.addApp({ ...base, name: 'Second' }))).toMatchObject({ code: 'DB_BUSY' });
    expect(await rejects(service.reviewApp({ id: 1, on: '2026-02-01' }))).toMatchObject({ code: 'DB_BUSY' });
    expect((await service.listApps({})).apps).toHaveLength(1); // reading is not blocked
    expect(fileState(dbPath)).toBe(before);
    other.exec('ROLLBACK');
    other.close();
    expect((await service.addApp({ ...base, name: 'Second' })).id).toBe(2);
    service.close();
  });

  it('lists the scope catalog', async () => {
    const { service } = open();
    const { scopes } = await service.scopes({});
    const dm = scopes.find((x) => x.id === 'portability.directmessages.ongoing')!;
    expect(dm).toMatchObject({ product: 'data-portability', access: 'ongoing', datasets: ['messages'], categories: ['messages'], risk: { level: 'high' } });
    expect(dm.risk.reasons).toContain('ongoing-direct-messages');
    expect(scopes.find((x) => x.id === 'portability.all.single')!.datasets).toContain('login_history');
    service.close();
  });
});
