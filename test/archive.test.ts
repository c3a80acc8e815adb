// The local archive across repeated imports: records stay after they vanish from later exports,
// per-dataset retention windows, forgetting records for good (re-imports do not bring them back),
// and deleting a snapshot without touching what the others hold.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService, type Service } from '../src/main/service';
import { main } from '../src/main/cli/main';
import { generateAccount, laterAccount, timeMs, type Account } from './fixtures/account';
import { exportEpoch, renderJson, writeZip } from './fixtures/json';
import { tempDir, LAST_SEEN, expectFingerprintChunksTrue, expectNewCountsTrue } from './helpers';

const DAY = 86_400_000;

function pair(): { a: Account; b: Account; removedComment: string; keptComment: string } {
  const a = generateAccount({ seed: 23, asOf: '2025-11-01 09:00:00' });
  const b = laterAccount(a, { days: 45, seed: 'archive-test' });
  const removedComment = b.records.comments.splice(0, 1)[0]!.date;
  return { a, b, removedComment, keptComment: b.records.comments[0]!.date };
}

async function load(service: Service, dir: string, acc: Account, name: string): Promise<number> {
  return (await service.importExport({ path: await writeZip(renderJson(acc, 'L4'), join(dir, name), { epoch: exportEpoch(acc) }) })).snapshot.id;
}

function recordId(service: Service, dataset: string, date: string): number | undefined {
  return (service.db.prepare('SELECT id FROM records WHERE dataset = ? AND at = ?').get(dataset, timeMs(date)) as { id: number } | undefined)?.id;
}

/** snapshot_datasets.records must always equal what record_snapshots holds. */
function countsConsistent(service: Service): void {
  const rows = service.db
    .prepare(
      `SELECT d.snapshot_id, d.dataset, d.records,
              (SELECT count(*) FROM record_snapshots rs JOIN records r ON r.id = rs.record_id WHERE rs.snapshot_id = d.snapshot_id AND r.dataset = d.dataset) AS actual
       FROM snapshot_datasets d WHERE d.dataset NOT IN ('settings', 'profile', 'autofill', 'activity_summary', 'location_data', 'live_settings', 'ai_moji')`,
    )
    .all() as { records: number; actual: number }[];
  for (const r of rows) expect(r).toMatchObject({ records: r.actual });
  // each record's first and last snapshot are the earliest and latest export holding it, the new
  // counts follow, and no row outlives its record
  const db = service.db;
  expectNewCountsTrue(db);
  expect(db.prepare('SELECT count(*) FROM record_last WHERE record_id NOT IN (SELECT id FROM records)').pluck().get()).toBe(0);
  expectFingerprintChunksTrue(db);
}

describe('the local archive', () => {
  it('keeps records that vanished and says whether the latest export still has them', async () => {
    const { a, b, removedComment } = pair();
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await load(service, dir, a, 'a');
    await load(service, dir, b, 'b');
    const all = await service.call('archiveRecords', { dataset: 'comments', limit: 1000 });
    expect(all.latestSnapshotId).toBe(2);
    expect(all.total).toBe(b.records.comments.length + 1);
    const gone = await service.call('archiveRecords', { dataset: 'comments', status: 'gone' });
    expect(gone.total).toBe(1);
    expect(gone.rows[0]).toMatchObject({ at: timeMs(removedComment), stillPresent: false, firstSnapshot: 1, lastSnapshot: 1 });
    expect(all.rows.filter((r) => !r.stillPresent).map((r) => r.id)).toEqual([gone.rows[0]!.id]);
    const present = await service.call('archiveRecords', { dataset: 'comments', status: 'present', limit: 1000 });
    expect(present.total).toBe(b.records.comments.length);

    const summary = await service.call('archiveSummary', {});
    expect(summary.find((s) => s.dataset === 'comments')).toEqual({ dataset: 'comments', kept: all.total, stillPresent: all.total - 1, gone: 1, latestSnapshotId: 2 });
    const watch = summary.find((s) => s.dataset === 'watch_history')!;
    expect(watch.gone).toBeGreaterThan(0); // aged out of TikTok's window, still kept here
    service.close();
  });

  it('shows, per snapshot, the window an export covers and how much aged out of it', async () => {
    const { a, b } = pair();
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await load(service, dir, a, 'a');
    await load(service, dir, b, 'b');
    const view = await service.call('retention', { dataset: 'watch_history' });
    const dates = (acc: Account) => acc.records.watch_history.map((r) => timeMs(r.date)).sort((x, y) => x - y);
    const span = (acc: Account) => Math.round((dates(acc).at(-1)! - dates(acc)[0]!) / DAY);
    // what the latest export actually covered, not a fixed figure
    expect(view).toMatchObject({ windowDays: span(b), windowSource: 'observed' });
    const aged = a.records.watch_history.filter((r) => timeMs(r.date) < timeMs(b.asOf) - 183 * DAY).length;
    expect(aged).toBeGreaterThan(0);
    expect(view.snapshots).toEqual([
      { snapshotId: 1, exportedAt: timeMs(a.asOf), oldest: dates(a)[0], newest: dates(a).at(-1), windowDays: span(a), records: a.records.watch_history.length, previousId: null, agedOut: null, vanished: null },
      { snapshotId: 2, exportedAt: timeMs(b.asOf), oldest: dates(b)[0], newest: dates(b).at(-1), windowDays: span(b), records: b.records.watch_history.length, previousId: 1, agedOut: aged, vanished: 0 },
    ]);
    const comments = await service.call('retention', { dataset: 'comments' });
    expect(comments.snapshots[1]).toMatchObject({ agedOut: 0, vanished: 1 });
    service.close();
  });
});

describe('forgetting records for good', () => {
  it('deletes them everywhere and a re-import of an older export does not bring them back', async () => {
    const { a, b, removedComment, keptComment } = pair();
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await load(service, dir, a, 'a');
    await load(service, dir, b, 'b');
    const removed = recordId(service, 'comments', removedComment)!;
    const kept = recordId(service, 'comments', keptComment)!;
    await service.call('markDeleted', { recordId: kept, deletedAt: '2025-11-20' });
    const before = (await service.call('getSnapshot', { id: 2 }))!.datasets.find((d) => d.dataset === 'comments')!;

    expect(await service.call('forgetRecords', { ids: [removed, kept] })).toEqual({ forgotten: 2 });
    expect(recordId(service, 'comments', removedComment)).toBeUndefined();
    expect(recordId(service, 'comments', keptComment)).toBeUndefined();
    expect(await service.call('listDeletionMarks', {})).toEqual([]); // the mark went with its record
    const after = (await service.call('getSnapshot', { id: 2 }))!.datasets.find((d) => d.dataset === 'comments')!;
    expect(after.records).toBe(before.records - 1);
    countsConsistent(service);

    // An older export (not imported before) that still holds both comments.
    const older = structuredClone(a);
    older.profile.bioDescription = 'an older export';
    older.asOf = '2025-10-01 09:00:00';
    const again = await service.importExport({ path: await writeZip(renderJson(older, 'L4'), join(dir, 'older'), { epoch: exportEpoch(older) }) });
    expect(again.alreadyImported).toBe(false);
    expect(again.datasets.comments!.records).toBe(a.records.comments.length - 2);
    expect(again.warnings).toContainEqual({ path: 'comments', code: 'forgotten', params: { count: 2 } });
    expect(recordId(service, 'comments', removedComment)).toBeUndefined();
    expect(recordId(service, 'comments', keptComment)).toBeUndefined();
    countsConsistent(service);
    service.close();
  });

  it('rejects unknown record ids without forgetting anything', async () => {
    const { a } = pair();
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await load(service, dir, a, 'a');
    const any = (service.db.prepare('SELECT id FROM records LIMIT 1').get() as { id: number }).id;
    await expect(service.call('forgetRecords', { ids: [any, 987654] })).rejects.toMatchObject({ code: 'NO_SUCH_RECORD', params: { id: 987654 } });
    expect(service.db.prepare('SELECT 1 FROM records WHERE id = ?').get(any)).toBeDefined();
    await expect(service.call('forgetRecords', { ids: [] })).rejects.toThrow();
    service.close();
  });

  it('works from the CLI', async () => {
    const { a } = pair();
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await load(service, dir, a, 'a');
    const id = recordId(service, 'comments', a.records.comments[0]!.date)!;
    service.close();
    const out: string[] = [];
    const code = await main(['forget', String(id), '--db', join(dir, 'fp.db'), '--json'], { out: (s) => out.push(s), err: () => {} }, {});
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({ forgotten: 1 });
  });
});

describe('deleting a snapshot', () => {
  it('keeps every record the other snapshots hold', async () => {
    const { a, b } = pair();
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await load(service, dir, a, 'a');
    await load(service, dir, b, 'b');
    const heldBy2 = () => service.db.prepare('SELECT record_id FROM record_snapshots WHERE snapshot_id = 2 ORDER BY record_id').pluck().all();
    const before = heldBy2();
    const onlyIn1 = (service.db.prepare(`SELECT count(*) FROM records r WHERE ${LAST_SEEN} = 1`).pluck().get() as number);
    expect(onlyIn1).toBeGreaterThan(0);
    const total = service.db.prepare('SELECT count(*) FROM records').pluck().get() as number;

    expect(await service.call('deleteSnapshot', { id: 1 })).toEqual({ deleted: true });
    expect(heldBy2()).toEqual(before);
    expect(service.db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(total - onlyIn1);
    expect(service.db.prepare(`SELECT count(*) FROM records r WHERE r.first_snapshot <> 2 OR ${LAST_SEEN} <> 2`).pluck().get()).toBe(0);
    countsConsistent(service);

    const archive = await service.call('archiveRecords', { dataset: 'comments', status: 'gone' });
    expect(archive.total).toBe(0);
    const t = await service.call('timeline', {});
    expect(t.map((e) => e.snapshotId)).toEqual([2]);
    await expect(service.call('diffSnapshots', {})).rejects.toMatchObject({ code: 'NOTHING_TO_COMPARE', params: { reason: 'one' } });
    service.close();
  });
});
