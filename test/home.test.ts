// The home page's operation over real SQLite files and two generated exports of one account whose
// differences are known (laterAccount flips "Private Account" back to public and logs in from a new
// device): every figure `home` returns is checked against the database by its own queries, or
// against what the fixtures are known to hold.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService, type Service } from '../src/main/service';
import { main } from '../src/main/cli/main';
import type { HomeView } from '../src/shared/contract';
import { DATASETS } from '../src/shared/catalog';
import { PRIVACY_CATEGORIES, WHAT_EXPORT_DOES_NOT_SHOW, TIKTOK_CLAIMS } from '../src/shared/privacy-categories';
import { CHECKLIST_CONTENT } from '../src/main/analysis/checklist-content';
import { freshExportHeadline, freshExportSteps, settingsWorse } from '../src/main/analysis/home-headline';
import { freshExportReminder } from '../src/main/analysis/checklist-stale';
import { generateAccount, laterAccount } from './fixtures/account';
import { exportEpoch, renderJson, writeZip } from './fixtures/json';
import { expectNewCountsTrue, tempDir } from './helpers';

const DAY = 86_400_000;
const TODAY = new Date();
const localDay = (offset: number) => {
  const d = new Date(TODAY);
  d.setDate(d.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

async function twoExports(dir: string) {
  const a = generateAccount({ seed: 14, asOf: '2026-01-10 12:00:00' });
  a.settings['Private Account'] = 'Enabled';
  const b = laterAccount(a, { days: 40, seed: 'home' });
  const older = await writeZip(renderJson(a, 'L4'), join(dir, 'a'), { epoch: exportEpoch(a) });
  const newer = await writeZip(renderJson(b, 'L4'), join(dir, 'b'), { epoch: exportEpoch(b) });
  return { a, b, older, newer };
}

async function withService<T>(fn: (s: Service, dir: string) => Promise<T>): Promise<T> {
  const dir = tempDir();
  const s = createService({ dbPath: join(dir, 'fp.db') });
  try {
    return await fn(s, dir);
  } finally {
    s.close();
  }
}

/** The latest export by export date, straight from the table. */
function latestByExport(s: Service): { id: number; time: number; previous: number | null } {
  const rows = s.db.prepare('SELECT id, coalesce(exported_at, imported_at) AS time FROM snapshots ORDER BY time DESC, id DESC').all() as { id: number; time: number }[];
  return { id: rows[0]!.id, time: rows[0]!.time, previous: rows[1]?.id ?? null };
}

/** Per dataset of a snapshot, computed from the records and values it holds (not snapshot_datasets). */
function heldBy(s: Service, snapshot: number): Map<string, { records: number; oldest: number | null; newest: number | null }> {
  const out = new Map<string, { records: number; oldest: number | null; newest: number | null }>();
  for (const r of s.db
    .prepare('SELECT r.dataset, count(*) AS n, min(r.at) AS oldest, max(r.at) AS newest FROM record_snapshots rs JOIN records r ON r.id = rs.record_id WHERE rs.snapshot_id = ? GROUP BY r.dataset')
    .all(snapshot) as { dataset: string; n: number; oldest: number | null; newest: number | null }[])
    out.set(r.dataset, { records: r.n, oldest: r.oldest, newest: r.newest });
  for (const v of s.db.prepare('SELECT dataset, count(*) AS n FROM snapshot_values WHERE snapshot_id = ? GROUP BY dataset').all(snapshot) as { dataset: string; n: number }[])
    out.set(v.dataset, { records: v.n, oldest: null, newest: null });
  return out;
}

function checkFiguresAgainstDb(s: Service, home: HomeView): void {
  const latest = latestByExport(s);
  expect(home.latest).not.toBeNull();
  expect(home.latest!.id).toBe(latest.id);
  expect(home.latest!.previousId).toBe(latest.previous);
  const row = s.db.prepare('SELECT record_count, new_count, exported_at, imported_at, source_name FROM snapshots WHERE id = ?').get(latest.id) as Record<string, number | string | null>;
  expect(home.latest).toMatchObject({ exportedAt: row.exported_at, importedAt: row.imported_at, sourceName: row.source_name, records: row.record_count, newRecords: row.new_count });

  // "new" is true to its one definition (computed independently by the helper), and home says the same
  const newTotals = expectNewCountsTrue(s.db);
  expect(home.latest!.newRecords).toBe(newTotals[latest.id] ?? 0);

  const held = heldBy(s, latest.id);
  const withRecords = [...held].filter(([, d]) => d.records > 0);
  expect(home.latest!.datasets).toBe(withRecords.length);
  expect(home.latest!.records).toBe(withRecords.reduce((n, [, d]) => n + d.records, 0));

  // categories: every privacy category once, most sensitive first; every dataset with records in exactly one, with its own figures
  expect(home.categories.map((c) => c.id)).toEqual([...PRIVACY_CATEGORIES].sort((x, y) => x.sensitivity - y.sensitivity).map((c) => c.id));
  const storedNew = new Map((s.db.prepare('SELECT dataset, new FROM snapshot_datasets WHERE snapshot_id = ?').all(latest.id) as { dataset: string; new: number }[]).map((r) => [r.dataset, r.new]));
  const shown = home.categories.flatMap((c) => c.datasets.map((d) => d.id));
  expect(new Set(shown).size).toBe(shown.length);
  expect(shown.sort()).toEqual(withRecords.map(([d]) => d).sort());
  for (const c of home.categories) {
    const spec = PRIVACY_CATEGORIES.find((p) => p.id === c.id)!;
    for (const d of c.datasets) {
      expect(spec.datasets).toContain(d.id);
      const h = held.get(d.id)!;
      expect({ id: d.id, records: d.records, oldest: d.oldest, newest: d.newest, new: d.new }).toEqual({ id: d.id, ...h, new: storedNew.get(d.id) });
    }
    // most records first
    expect(c.datasets.map((d) => d.records)).toEqual([...c.datasets.map((d) => d.records)].sort((x, y) => y - x));
    expect(c.empty.sort()).toEqual(spec.datasets.filter((d) => !(held.get(d)?.records ?? 0)).sort());
    expect(c.records).toBe(c.datasets.reduce((n, d) => n + d.records, 0));
    expect(c.new).toBe(c.datasets.reduce((n, d) => n + d.new, 0));
    const times = c.datasets.flatMap((d) => [d.oldest, d.newest]).filter((t): t is number => t !== null);
    expect([c.oldest, c.newest]).toEqual(times.length ? [Math.min(...times), Math.max(...times)] : [null, null]);
  }
  // every catalog dataset is either shown or set apart as empty, once
  const all = home.categories.flatMap((c) => [...c.datasets.map((d) => d.id), ...c.empty]);
  expect(all.sort()).toEqual(DATASETS.map((d) => d.id).sort());
  expect(home.categories.reduce((n, c) => n + c.records, 0)).toBe(home.latest!.records);
  expect(home.categories.reduce((n, c) => n + c.new, 0)).toBe(home.latest!.newRecords);
}

describe('home over two imported exports', () => {
  it('returns the latest export by export date with figures the database agrees with, in any import order', async () => {
    await withService(async (s, dir) => {
      const { older, newer } = await twoExports(dir);
      // the newer export first: the latest by id is then the older export
      const first = await s.importExport({ path: newer });
      const second = await s.importExport({ path: older });
      const home = await s.home({});
      expect(home.latest!.id).toBe(first.snapshot.id);
      expect(home.latest!.previousId).toBe(second.snapshot.id);
      checkFiguresAgainstDb(s, home);
      expect(home.headline.alerts.to).toBe(first.snapshot.id);
      expect(home.headline.alerts.from).toBe(second.snapshot.id);
    });
  });

  it('agrees with the snapshot page (tiles, table) and the import notice when imported in export order', async () => {
    await withService(async (s, dir) => {
      const { older, newer } = await twoExports(dir);
      await s.importExport({ path: older });
      const imported = await s.importExport({ path: newer });
      const home = await s.home({});
      checkFiguresAgainstDb(s, home);
      expect(home.latest!.id).toBe(imported.snapshot.id);
      // the notice (renderer/src/lib/archive.svelte.ts): datasets with records, records, new
      const notice = Object.values(imported.datasets);
      expect(home.latest!.datasets).toBe(notice.filter((d) => d.records > 0).length);
      expect(home.latest!.records).toBe(notice.reduce((n, d) => n + d.records, 0));
      expect(home.latest!.newRecords).toBe(notice.reduce((n, d) => n + d.new, 0));
      // the snapshot page: the tiles (getSnapshot, datasetOverview's present datasets) and the table's per-dataset figures
      const detail = (await s.getSnapshot({ id: imported.snapshot.id }))!;
      expect([home.latest!.records, home.latest!.newRecords]).toEqual([detail.records, detail.newRecords]);
      const overview = await s.datasetOverview({ snapshotId: imported.snapshot.id });
      // the tile counts datasets holding records (SnapshotOverview.svelte), as the notice does
      expect(home.latest!.datasets).toBe(overview.filter((d) => d.present && d.records > 0).length);
      for (const d of home.categories.flatMap((c) => c.datasets)) {
        const o = overview.find((x) => x.id === d.id)!;
        expect({ id: d.id, records: o.records, new: o.new }).toEqual({ id: d.id, records: d.records, new: d.new });
      }
    });
  });

  it('counts the latest diff’s alerts and the settings that got worse, as the fixtures made them', async () => {
    await withService(async (s, dir) => {
      const { older, newer } = await twoExports(dir);
      await s.importExport({ path: older });
      await s.importExport({ path: newer });
      const home = await s.home({});
      const diff = await s.diffSnapshots({});
      expect(home.headline.alerts.count).toBe(diff.alerts.length);
      expect(home.headline.alerts.count).toBeGreaterThan(0);
      const kinds: Record<string, number> = {};
      for (const a of diff.alerts) kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
      expect(home.headline.alerts.byKind).toEqual(kinds);
      // laterAccount logs in from a device never seen before and makes the account public again
      expect(home.headline.alerts.byKind['new-device']).toBeGreaterThanOrEqual(1);
      const worse = home.headline.settingsWorse;
      expect(worse.settings).toContainEqual(expect.objectContaining({ key: 'Private Account', from: 'Enabled', to: 'Disabled', direction: 'less-private' }));
      expect(worse.regressedSteps).toContain('private-account');
      expect(worse.count).toBe(diff.settings.filter((x) => x.direction === 'less-private').length);
      // an alert called "this was me" is no longer one to check, here as on Changes
      const device = diff.alerts.find((a) => a.kind === 'new-device')!;
      await s.decideAlert({ kind: device.decisionKind, key: device.key, decision: 'me' });
      const after = await s.home({});
      expect(after.headline.alerts.count).toBe(home.headline.alerts.count - 1);
      expect(after.headline.alerts.count).toBe((await s.diffSnapshots({})).alerts.filter((a) => a.decision === null).length);
    });
  });

  it('counts apps due for review as the register does', async () => {
    await withService(async (s, dir) => {
      const { newer } = await twoExports(dir);
      await s.importExport({ path: newer });
      expect((await s.home({})).headline.appsDue).toEqual({ count: 0, ids: [] });
      const stale = await s.addApp({ name: 'Old backup', scopes: ['user.info.basic'], grantedOn: localDay(-400) });
      await s.addApp({ name: 'Fresh', scopes: ['user.info.basic'], grantedOn: localDay(-400), lastReviewedOn: localDay(-1) });
      const revoked = await s.addApp({ name: 'Gone', scopes: ['user.info.basic'], grantedOn: localDay(-400) });
      await s.revokeApp({ id: revoked.id, on: localDay(0) });
      const home = await s.home({});
      expect(home.headline.appsDue).toEqual({ count: 1, ids: [stale.id] });
      expect(home.headline.appsDue.ids).toEqual((await s.listApps({})).dueForReview);
      // the service's "today" decides: a year on, the app reviewed yesterday is due as well
      const later = createService({ dbPath: join(dir, 'fp.db'), today: () => localDay(400) });
      try {
        const ids = (await later.home({})).headline.appsDue.ids;
        expect(ids.sort()).toEqual((await later.listApps({})).dueForReview.sort());
        expect(ids).toHaveLength(2);
      } finally {
        later.close();
      }
    });
  });

  it('sums the checklists’ progress and names the step to do first; a step marked done counts', async () => {
    await withService(async (s, dir) => {
      const { older, newer } = await twoExports(dir);
      await s.importExport({ path: older });
      await s.importExport({ path: newer });
      const view = await s.checklist({});
      const steps = view.checklists.flatMap((c) => c.steps);
      let home = await s.home({});
      expect(home.headline.checklist).toMatchObject({
        done: view.checklists.reduce((n, c) => n + c.progress.done, 0),
        total: view.checklists.reduce((n, c) => n + c.progress.total, 0),
        needsAttention: steps.filter((x) => x.status === 'needs-attention').length,
        first: view.first,
      });
      expect(home.headline.checklist.done).toBe(steps.filter((x) => x.status === 'done').length);
      expect(home.headline.checklist.needsAttention).toBeGreaterThanOrEqual(1); // private-account regressed
      expect(home.headline.checklist.firstTitle).toBe(steps.find((x) => x.id === view.first)?.title ?? null);
      const todo = steps.find((x) => x.status === 'todo')!;
      await s.setStepStatus({ step: todo.id, status: 'done' });
      home = await s.home({});
      expect(home.headline.checklist.done).toBe(steps.filter((x) => x.status === 'done').length + 1);
    });
  });

  it('reminds to request a fresh export when the latest is older than the chosen interval, and not before', async () => {
    await withService(async (s, dir) => {
      const { older, newer } = await twoExports(dir);
      await s.importExport({ path: older });
      await s.importExport({ path: newer });
      const { time } = latestByExport(s);
      const age = Math.floor((Date.now() - time) / DAY);
      let fresh = (await s.home({})).headline.freshExport;
      // no reminder set: the content's default interval
      expect(fresh).toMatchObject({ intervalDays: CHECKLIST_CONTENT.facts.freshExportIntervalDays, intervalSource: 'default' });
      expect(fresh).toMatchObject({ due: age > fresh.intervalDays, hasExport: true, days: age });
      expect(fresh.steps.map((x) => x.id)).toEqual(['request-json', 'download-in-time', 'what-may-be-missing']);
      expect(fresh.steps[1]!.params).toEqual({ days: CHECKLIST_CONTENT.facts.downloadAvailableDays });
      expect(fresh.steps[0]!.paths.ios).toContain('step.label.request-data');

      // the interval the person chose for fresh exports (the Checklists page's reminders); the
      // checklists' own re-check reminders are another matter
      await s.setRecheckReminder({ checklist: 'fresh-export', intervalDays: age + 1 });
      await s.setRecheckReminder({ checklist: 'security', intervalDays: 1 });
      fresh = (await s.home({})).headline.freshExport;
      expect(fresh).toMatchObject({ due: false, intervalDays: age + 1, intervalSource: 'reminder' });
      await s.setRecheckReminder({ checklist: 'fresh-export', intervalDays: age - 1 });
      fresh = (await s.home({})).headline.freshExport;
      expect(fresh).toMatchObject({ due: true, intervalDays: age - 1, days: age });
      expect((await s.checklist({})).freshExport).toMatchObject({ intervalDays: age - 1, due: true });
    });
  });

  it('answers an empty archive with no latest export rather than an error', async () => {
    await withService(async (s) => {
      const home = await s.home({});
      expect(home.latest).toBeNull();
      expect(home.categories).toEqual([]);
      expect(home.notShown.map((m) => m.id)).toEqual(WHAT_EXPORT_DOES_NOT_SHOW.map((m) => m.id));
      expect(home.claims.map((c) => c.id)).toEqual(TIKTOK_CLAIMS.map((c) => c.id));
      expect(home.headline.alerts).toEqual({ count: 0, byKind: {}, from: null, to: null });
      expect(home.headline.settingsWorse).toEqual({ count: 0, settings: [], regressedSteps: [] });
      expect(home.headline.freshExport).toMatchObject({ due: true, hasExport: false, days: 0 });
    });
  });

  it('with one export: its figures, and no changes to count', async () => {
    await withService(async (s, dir) => {
      const { older } = await twoExports(dir);
      await s.importExport({ path: older });
      const home = await s.home({});
      checkFiguresAgainstDb(s, home);
      expect(home.latest!.previousId).toBeNull();
      expect(home.latest!.newRecords).toBe(home.latest!.records); // a first import is all new
      expect(home.headline.alerts.count).toBe(0);
    });
  });
});

describe('the headline’s reasoning', () => {
  it('due exactly when older than the interval', () => {
    const now = Date.UTC(2026, 5, 1, 12);
    // the checklists decide it (the home page shows their verdict)
    expect(freshExportReminder(now - 90 * DAY, now, 90)).toBeNull();
    expect(freshExportReminder(now - 91 * DAY, now, 90)).not.toBeNull();
    const view = (latest: number | null, due: boolean) => ({ intervalDays: 90, chosen: false, latestExportAt: latest, days: latest === null ? null : Math.floor((now - latest) / DAY), due, dueAt: null });
    expect(freshExportHeadline(view(now - 90 * DAY, false), [])).toMatchObject({ due: false, days: 90 });
    expect(freshExportHeadline(view(now - 91 * DAY, true), [])).toMatchObject({ due: true, days: 91, intervalSource: 'default' });
    expect(freshExportHeadline(view(null, true), [])).toMatchObject({ due: true, hasExport: false });
  });

  it('counts a setting once when both a less-private change and a regressed step name it', () => {
    const diff = {
      from: 1,
      to: 2,
      datasets: {},
      profile: [],
      settings: [
        { key: 'Private Account', from: 'Enabled', to: 'Disabled', direction: 'less-private' as const, fromLevel: 'on', toLevel: 'off' },
        { key: 'Suggest your account to others', from: 'Enabled', to: 'Disabled', direction: 'more-private' as const, fromLevel: 'on', toLevel: 'off' },
      ],
      alerts: [
        { kind: 'setting-regressed' as const, params: { step: 'private-account', key: 'Private Account', from: 'Enabled', to: 'Disabled' }, evidence: { snapshotId: 2, recordIds: [], at: null }, key: 'private-account', decisionKind: 'setting-regressed' as const, severity: 'high' as const, decision: null },
        { kind: 'setting-regressed' as const, params: { step: 'dm-who', key: 'Who can send you direct messages', from: 'No one', to: 'Everyone' }, evidence: { snapshotId: 2, recordIds: [], at: null }, key: 'dm-who', decisionKind: 'setting-regressed' as const, severity: 'high' as const, decision: null },
      ],
    };
    expect(settingsWorse(diff)).toEqual({ count: 2, settings: [diff.settings[0]], regressedSteps: ['private-account', 'dm-who'] });
    expect(settingsWorse(null).count).toBe(0);
  });

  it('takes the fresh-export steps from TikTok’s help in the checklists’ content', () => {
    const steps = freshExportSteps(CHECKLIST_CONTENT);
    const guide = CHECKLIST_CONTENT.guides.find((g) => g.id === 'get-your-data')!;
    for (const st of steps) {
      const item = guide.items.find((i) => i.id === st.id)!;
      expect([st.title, st.body]).toEqual([item.title, item.body]);
    }
    expect(steps.find((x) => x.id === 'what-may-be-missing')!.params).toEqual({ from: CHECKLIST_CONTENT.facts.mayMissHours[0], to: CHECKLIST_CONTENT.facts.mayMissHours[1] });
  });
});

describe('footprint home (CLI)', () => {
  async function cli(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (x) => out.push(x), err: (x) => err.push(x) }, { LANG: 'en_GB.UTF-8' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('prints the same figures as the operation, in text and as JSON, in both languages', async () => {
    const dir = tempDir();
    const db = join(dir, 'fp.db');
    const { older, newer } = await twoExports(dir);
    expect((await cli(['import', older, '--db', db])).code).toBe(0);
    expect((await cli(['import', newer, '--db', db])).code).toBe(0);
    const s = createService({ dbPath: db });
    let home: HomeView;
    try {
      home = await s.home({});
    } finally {
      s.close();
    }
    const json = await cli(['home', '--db', db, '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out);
    expect(parsed.latest).toMatchObject({ id: home.latest!.id, records: home.latest!.records, newRecords: home.latest!.newRecords, datasets: home.latest!.datasets });
    expect(parsed.latest.exportedAt).toBe(new Date(home.latest!.exportedAt!).toISOString().replace('.000Z', 'Z'));
    expect(parsed.headline).toEqual(home.headline);
    expect(parsed.categories.map((c: { id: string; records: number }) => [c.id, c.records])).toEqual(home.categories.map((c) => [c.id, c.records]));

    const text = await cli(['home', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`Latest export: #${home.latest!.id}`);
    expect(text.out).toContain(`${home.latest!.records.toLocaleString('en-GB')} records`);
    expect(text.out).toContain(`${home.headline.alerts.count} alert`);
    expect(text.out).toContain('Private Account: Enabled -> Disabled');
    expect(text.out).toContain(`${home.headline.checklist.done} of ${home.headline.checklist.total} steps done`);
    expect(text.out).toContain('What the export does not show you');
    const sv = await cli(['home', '--db', db, '--lang', 'sv']);
    expect(sv.out).toContain(`Senaste exporten: #${home.latest!.id}`);
    expect(sv.out).toContain('Det här visar exporten inte');
  });

  it('says the archive is empty instead of failing', async () => {
    const dir = tempDir();
    const db = join(dir, 'fp.db');
    // an archive file that exists but holds no snapshot
    createService({ dbPath: db }).close();
    const r = await cli(['home', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('The archive is empty');
    expect(JSON.parse((await cli(['home', '--db', db, '--json'])).out).latest).toBeNull();
  });
});
