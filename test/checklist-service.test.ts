// The checklists end to end over real SQLite files and generated exports: verification after every
// import in every layout and vocabulary, a setting that flips back (needs attention + an alert in
// the diff and the timeline), whose word wins (the person's or an older export's), and what the
// person entered surviving snapshot deletion, forgetting and invalid input.
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { resolveImportWorkerEntry, workerImportRunner } from '../src/main/import/worker-import';
import { createService, type Service } from '../src/main/service';
import type { ChecklistStep, ChecklistView } from '../src/shared/contract';
import { generateAccount, laterAccount, type Account } from './fixtures/account';
import { exportEpoch, renderJson, writeZip, LAYOUTS, type Layout } from './fixtures/json';
import { renderTxt, writeTxtZip, type Generation } from './fixtures/txt';
import { sha256File, tempDir } from './helpers';

const stepOf = (v: ChecklistView, id: string): ChecklistStep | undefined => v.checklists.flatMap((c) => c.steps).find((s) => s.id === id);

function account(seed: number, asOf: string, settings: Record<string, string>): Account {
  const a = generateAccount({ seed, asOf });
  Object.assign(a.settings, settings);
  return a;
}

async function jsonExport(dir: string, a: Account, layout: Layout = 'L4'): Promise<string> {
  return writeZip(renderJson(a, layout), dir, { epoch: exportEpoch(a) });
}

async function withService<T>(fn: (s: Service, dbPath: string, dir: string) => Promise<T>): Promise<T> {
  const dir = tempDir();
  const dbPath = join(dir, 'fp.db');
  const s = createService({ dbPath });
  try {
    return await fn(s, dbPath, dir);
  } finally {
    s.close();
  }
}

describe('a setting that flips back', () => {
  it('export 1 private, export 2 public: the step needs attention, and the diff, the timeline and the CLI carry a setting-regressed alert', async () => {
    await withService(async (s, _db, dir) => {
      const a = account(31, '2026-01-10 12:00:00', { 'Private Account': 'Enabled' });
      const b = laterAccount(a, { days: 40, seed: 'regress' });
      expect(b.settings['Private Account']).toBe('Disabled'); // laterAccount flips it
      const first = await s.importExport({ path: await jsonExport(join(dir, 'e1'), a) });

      let v = await s.checklist({});
      expect(stepOf(v, 'private-account')).toMatchObject({ status: 'done', verifiedBy: 'snapshot', observed: 'Enabled', observedLevel: 'on', snapshot: first.snapshot.id });
      expect(v.verifiedFrom?.snapshot).toBe(first.snapshot.id);

      const second = await s.importExport({ path: await jsonExport(join(dir, 'e2'), b) });
      v = await s.checklist({});
      expect(stepOf(v, 'private-account')).toMatchObject({ status: 'needs-attention', verifiedBy: 'snapshot', observed: 'Disabled', observedLevel: 'off', snapshot: second.snapshot.id });
      const area = v.checklists.find((c) => c.id === 'visibility')!;
      expect(area.progress.needsAttention).toBeGreaterThanOrEqual(1);
      // the step to do first is at least as severe as the flagged one (ties go to the flagged step)
      const order = ['critical', 'high', 'medium', 'low'];
      const chosen = stepOf(v, v.first!)!;
      expect(order.indexOf(chosen.severity)).toBeLessThanOrEqual(order.indexOf(stepOf(v, 'private-account')!.severity));
      if (chosen.severity === stepOf(v, 'private-account')!.severity) expect(chosen.status).toBe('needs-attention');

      const diff = await s.diffSnapshots({});
      const alerts = diff.alerts.filter((x) => x.kind === 'setting-regressed');
      expect(alerts).toEqual([
        { kind: 'setting-regressed', params: { step: 'private-account', key: 'Private Account', from: 'Enabled', to: 'Disabled', fromLevel: 'on', toLevel: 'off' }, evidence: { snapshotId: second.snapshot.id, recordIds: [], at: expect.any(Number) }, key: 'private-account', decisionKind: 'setting-regressed', severity: 'high', decision: null },
      ]);
      // the other direction is no regression
      expect((await s.diffSnapshots({ from: second.snapshot.id, to: first.snapshot.id })).alerts.some((x) => x.kind === 'setting-regressed')).toBe(false);
      const entry = (await s.timeline({})).find((e) => e.snapshotId === second.snapshot.id)!;
      expect(entry.headline?.alerts['setting-regressed']).toBe(1);
      expect(entry.highlights[0]).toMatchObject({ code: 'alert', params: { kind: 'setting-regressed', step: 'private-account' } });
    });
  });

  it('verifies in the import itself, also when the import runs through the service call door', async () => {
    await withService(async (s, _db, dir) => {
      const a = account(32, '2026-01-10 12:00:00', { 'Private Account': 'Enabled', 'Personalized Ads': 'Disabled' });
      await s.call('importExport', { path: await jsonExport(dir, a) });
      // straight from the table: no checklist call has run yet
      const rows = s.db.prepare("SELECT step_id, status, decided_by, observed FROM checklist_steps WHERE step_id IN ('private-account', 'personalized-ads') ORDER BY step_id").all();
      expect(rows).toEqual([
        { step_id: 'personalized-ads', status: 'done', decided_by: 'snapshot', observed: 'Disabled' },
        { step_id: 'private-account', status: 'done', decided_by: 'snapshot', observed: 'Enabled' },
      ]);
    });
  });

  it('verifies after an import on the worker thread (the desktop app’s runner) too', async () => {
    const dir = tempDir();
    const s = createService({ dbPath: join(dir, 'fp.db'), runner: workerImportRunner({ entry: resolveImportWorkerEntry(resolve(__dirname, '../src/main/import')) }) });
    try {
      const a = account(33, '2026-01-10 12:00:00', { 'Private Account': 'Enabled' });
      const r = await s.importExport({ path: await jsonExport(dir, a) });
      expect(s.db.prepare("SELECT status, decided_by, snapshot_id FROM checklist_steps WHERE step_id = 'private-account'").get()).toEqual({
        status: 'done',
        decided_by: 'snapshot',
        snapshot_id: r.snapshot.id,
      });
    } finally {
      s.close();
    }
  });
});

describe('verification over every layout and vocabulary', () => {
  const VOCAB: [on: string, off: string][] = [
    ['Enabled', 'Disabled'],
    ['enabled', 'disabled'],
    ['On', 'Off'],
    ['Aan', 'Uit'],
    ['Aktiviert', 'Aus'],
    ['På', 'Av'],
  ];

  it.each(LAYOUTS)('JSON %s: private account and personalized ads in every vocabulary', async (layout) => {
    for (const [i, [on, off]] of VOCAB.entries()) {
      await withService(async (s, _db, dir) => {
        const a = account(40 + i, '2026-02-01 12:00:00', { 'Private Account': on, 'Personalized Ads': off, 'Who Can Send Me Message': 'Everyone' });
        const r = await s.importExport({ path: await jsonExport(dir, a, layout) });
        const v = await s.checklist({});
        expect(stepOf(v, 'private-account'), `${layout} ${on}`).toMatchObject({ status: 'done', observed: on, snapshot: r.snapshot.id, verifiedBy: 'snapshot' });
        expect(stepOf(v, 'personalized-ads'), `${layout} ${off}`).toMatchObject({ status: 'done', observed: off });
        expect(stepOf(v, 'direct-messages'), layout).toMatchObject({ status: 'needs-attention', observed: 'Everyone' });
      });
    }
  });

  it.each(['A', 'B', 'C'] as Generation[])('TXT generation %s: the same steps verified', async (gen) => {
    await withService(async (s, _db, dir) => {
      const a = account(50, '2026-02-01 12:00:00', { 'Private Account': 'Enabled', 'Personalized Ads': 'On', 'Who Can Send Me Message': 'Friends' });
      const r = await s.importExport({ path: await writeTxtZip(renderTxt(a, gen), dir, { epoch: exportEpoch(a) }) });
      const v = await s.checklist({});
      expect(stepOf(v, 'private-account')).toMatchObject({ status: 'done', observed: 'Enabled', snapshot: r.snapshot.id });
      expect(stepOf(v, 'personalized-ads')).toMatchObject({ status: 'needs-attention', observed: 'On' });
      expect(stepOf(v, 'direct-messages')).toMatchObject({ status: 'done', observed: 'Friends' });
    });
  });

  it('a Dutch TXT export (labels and values translated) verifies the same steps', async () => {
    await withService(async (s, _db, dir) => {
      const a = account(51, '2026-02-01 12:00:00', { 'Private Account': 'Aan', 'Personalized Ads': 'Uit' });
      await s.importExport({ path: await writeTxtZip(renderTxt(a, 'C', { lang: 'nl' }), dir, { epoch: exportEpoch(a) }) });
      const v = await s.checklist({});
      expect(stepOf(v, 'private-account')).toMatchObject({ status: 'done', observed: 'Aan' });
      expect(stepOf(v, 'personalized-ads')).toMatchObject({ status: 'done', observed: 'Uit' });
    });
  });
});

describe('whose word wins', () => {
  it('an older export imported later does not overrule a newer one, nor the person’s later confirmation', async () => {
    await withService(async (s, _db, dir) => {
      const newer = account(60, '2026-03-01 12:00:00', { 'Private Account': 'Enabled', 'Personalized Ads': 'Enabled' });
      const older = account(61, '2026-01-01 12:00:00', { 'Private Account': 'Disabled', 'Personalized Ads': 'Enabled' });
      const n = await s.importExport({ path: await jsonExport(join(dir, 'n'), newer) });
      // the person turned ads off after the newer export was made
      await s.setStepStatus({ step: 'personalized-ads', status: 'done', note: 'turned off in the app' });
      await s.importExport({ path: await jsonExport(join(dir, 'o'), older) });
      const v = await s.checklist({});
      expect(stepOf(v, 'private-account')).toMatchObject({ status: 'done', snapshot: n.snapshot.id, observed: 'Enabled' });
      expect(stepOf(v, 'personalized-ads')).toMatchObject({ status: 'done', verifiedBy: 'user', note: 'turned off in the app', observed: null });
    });
  });

  it('skipped and not-applicable stay the person’s; a stale verification says so', async () => {
    await withService(async (s, _db, dir) => {
      const a = account(62, '2024-01-01 12:00:00', { 'Private Account': 'Disabled', 'Personalized Ads': 'Disabled' });
      await s.setStepStatus({ step: 'private-account', status: 'skipped' });
      await s.importExport({ path: await jsonExport(dir, a) });
      const v = await s.checklist({});
      expect(stepOf(v, 'private-account')).toMatchObject({ status: 'skipped', verifiedBy: 'user' });
      // made in 2024: far past the content's staleAfterDays
      expect(stepOf(v, 'personalized-ads')).toMatchObject({ status: 'done', verifiedBy: 'snapshot', stale: true });
    });
  });
});

describe('the questionnaire, reminders and evidence', () => {
  it('hides steps that do not apply, picks one step first and counts progress per area', async () => {
    await withService(async (s) => {
      const all = await s.checklist({});
      expect(all.hidden).toEqual([]);
      const v = await s.setQuestionnaire({ ageGroup: '18-plus', region: 'eea-uk', role: 'viewer', usesDms: false, phone: 'ios' });
      expect(v.answers).toMatchObject({ role: 'viewer', usesDms: false });
      expect(v.hidden.length).toBeGreaterThan(0);
      for (const id of v.hidden) expect(stepOf(v, id)).toBeUndefined();
      expect(v.first).not.toBeNull();
      expect(v.checklists.reduce((n, c) => n + c.progress.total, 0)).toBe(all.checklists.reduce((n, c) => n + c.progress.total, 0) - v.hidden.length);
    });
  });

  it('a re-check reminder per checklist falls due when the latest export is older than its interval', async () => {
    await withService(async (s, _db, dir) => {
      await s.importExport({ path: await jsonExport(dir, account(63, '2026-01-01 12:00:00', {})) });
      const v = await s.setRecheckReminder({ checklist: 'visibility', intervalDays: 30 });
      const r = v.checklists.find((c) => c.id === 'visibility')!.reminder!;
      expect(r.intervalDays).toBe(30);
      expect(r.due).toBe(Date.now() - Date.UTC(2026, 0, 1) > 30 * 86_400_000);
      expect(v.checklists.find((c) => c.id === 'security')?.reminder ?? null).toBeNull();
      expect(r.dueAt).toBe(v.verifiedFrom!.exportedAt! + 30 * 86_400_000);
      const off = await s.setRecheckReminder({ checklist: 'visibility' });
      expect(off.checklists.find((c) => c.id === 'visibility')!.reminder).toBeNull();
      await expect(s.setRecheckReminder({ checklist: 'no-such-checklist', intervalDays: 30 })).rejects.toMatchObject({ code: 'BAD_INPUT', params: { field: 'checklist' } });
    });
  });

  it('reminds to request a fresh export: 90 days until the person chooses, due at once without an export, named in the guide', async () => {
    await withService(async (s, _db, dir) => {
      const none = await s.checklist({});
      expect(none.freshExport).toEqual({ intervalDays: 90, chosen: false, latestExportAt: null, days: null, due: true, dueAt: null });
      await s.importExport({ path: await jsonExport(dir, account(64, '2026-01-01 12:00:00', {})) });
      const at = Date.UTC(2026, 0, 1, 12);
      const v = await s.checklist({});
      const age = Math.floor((Date.now() - at) / 86_400_000);
      expect(v.freshExport).toEqual({ intervalDays: 90, chosen: false, latestExportAt: at, days: age, due: age > 90, dueAt: at + 90 * 86_400_000 });
      // a year: not due (the export is from 2026-01-01); a day: due
      const year = await s.setRecheckReminder({ checklist: 'fresh-export', intervalDays: 365 });
      expect(year.freshExport).toMatchObject({ intervalDays: 365, chosen: true, due: age > 365, dueAt: at + 365 * 86_400_000 });
      expect(year.checklists.every((c) => c.reminder === null)).toBe(true);
      const day = await s.setRecheckReminder({ checklist: 'fresh-export', intervalDays: 1 });
      expect(day.freshExport).toMatchObject({ intervalDays: 1, due: age > 1 });
      const guide = (await s.checklistContent({})).guides.find((g) => g.id === 'get-your-data')!.items.find((i) => i.id === 'fresh-export')!;
      expect(guide.params).toEqual({ days: 1 });
      // removed: back to the default
      expect((await s.setRecheckReminder({ checklist: 'fresh-export' })).freshExport).toMatchObject({ intervalDays: 90, chosen: false });
    });
  });

  it('sends the texts the window shows, and which guide items concern the person by their answers', async () => {
    await withService(async (s) => {
      const c = await s.checklistContent({});
      const v = await s.checklist({});
      const ids = new Set(c.steps.map((x) => x.id));
      for (const st of v.checklists.flatMap((a) => a.steps)) expect(ids.has(st.id), st.id).toBe(true);
      expect(c.steps.find((x) => x.id === 'private-account')).toMatchObject({ why: 'step.private-account.why', tradeoff: 'step.private-account.tradeoff' });
      expect(c.guides.map((g) => g.id)).toEqual(['get-your-data', 'before-authorize', 'leaving', 'teen']);
      const transfer = (x: typeof c) => x.guides[0]!.items.find((i) => i.id === 'transfer')!;
      expect(transfer(c)).toMatchObject({ applies: true, link: 'sharing.before-authorize' });
      await s.setQuestionnaire({ ageGroup: '18-plus', region: 'us', role: 'viewer', usesDms: true, phone: 'android' });
      expect(transfer(await s.checklistContent({})).applies).toBe(false);
    });
  });

  it('a parent of a teen gets the Family Pairing step; an adult who is not does not', async () => {
    await withService(async (s) => {
      const base = { ageGroup: '18-plus', region: 'eea-uk', role: 'viewer', usesDms: true, phone: 'ios' } as const;
      const parent = await s.setQuestionnaire({ ...base, parent: true });
      expect(parent.answers?.parent).toBe(true);
      expect(parent.hidden).not.toContain('family-pairing');
      expect(stepOf(parent, 'family-pairing')).toBeDefined();
      const notParent = await s.setQuestionnaire({ ...base, parent: false });
      expect(notParent.hidden).toContain('family-pairing');
    });
  });

  it('shows evidence from the person’s own data: public posts with a place, login devices, advertisers, DMs open to everyone, apps (0 until the register lands)', async () => {
    await withService(async (s, _db, dir) => {
      const a = account(64, '2026-02-01 12:00:00', { 'Who Can Send Me Message': 'Everyone' });
      const doc = renderJson(a, 'L4');
      // TikTok writes a post's place as "Location" beside WhoCanView: two public posts with one, one for friends
      const posts: Record<string, unknown>[] = [];
      const walk = (x: unknown): void => {
        if (Array.isArray(x)) x.forEach(walk);
        else if (x && typeof x === 'object') {
          if ('WhoCanView' in x) posts.push(x as Record<string, unknown>);
          else Object.values(x).forEach(walk);
        }
      };
      walk(doc);
      expect(posts.length).toBeGreaterThanOrEqual(3);
      Object.assign(posts[0]!, { WhoCanView: 'Everyone', Location: 'Utrecht' });
      Object.assign(posts[1]!, { WhoCanView: 'everyone', Location: 'Amsterdam Centraal' });
      Object.assign(posts[2]!, { WhoCanView: 'Friends', Location: 'Home' });
      for (const p of posts.slice(3)) p.Location = '';
      await s.importExport({ path: await writeZip(doc, dir, { epoch: exportEpoch(a) }) });
      const v = await s.checklist({});
      const evidence = v.checklists.flatMap((c) => c.steps).flatMap((x) => x.evidence);
      const kind = (k: string) => evidence.find((e) => e.kind === k);
      expect(kind('public-posts-with-location')?.params).toEqual({ count: 2, posts: posts.length });
      const devices = new Set(a.records.login_history.map((l) => `${l.deviceModel}|${l.deviceSystem}`));
      expect(kind('login-devices')?.params.count).toBe(devices.size);
      expect(kind('dms-open-to-everyone')?.params.open).toBe('yes');
      const sources = new Set(a.records.off_tiktok_activity.map((r) => r.source));
      expect(kind('off-tiktok-advertisers')?.params).toMatchObject({ count: sources.size, events: a.records.off_tiktok_activity.length });
      expect(kind('apps-with-ongoing-access')?.params).toEqual({ count: 0 });
      // read again when the archive changes (the evidence is kept until it does): forgetting one
      // source's events, and the register read fresh on every visit
      const gone = a.records.off_tiktok_activity[0]!.source;
      const ids = s.db.prepare("SELECT id FROM records WHERE dataset = 'off_tiktok_activity' AND data ->> 'source' = ?").pluck().all(gone) as number[];
      await s.forgetRecords({ ids });
      await s.addApp({ name: 'Backup', scopes: ['portability.directmessages.ongoing'], grantedOn: '2026-01-10' });
      const after = (await s.checklist({})).checklists.flatMap((c) => c.steps).flatMap((x) => x.evidence);
      const sourcesLeft = new Set(a.records.off_tiktok_activity.filter((r) => r.source !== gone).map((r) => r.source));
      expect(after.find((e) => e.kind === 'off-tiktok-advertisers')?.params).toMatchObject({ count: sourcesLeft.size, events: a.records.off_tiktok_activity.length - ids.length });
      expect(after.find((e) => e.kind === 'apps-with-ongoing-access')?.params).toEqual({ count: 1 });
    });
  });
});

describe('rights requests', () => {
  it('writes the letter from the latest profile, records it as sent and says when the answer is due', async () => {
    await withService(async (s, _db, dir) => {
      const a = account(70, '2026-01-10 12:00:00', {});
      await s.importExport({ path: await jsonExport(dir, a) });
      await s.setQuestionnaire({ ageGroup: '18-plus', region: 'eea-uk', role: 'creator', usesDms: true, phone: 'android' });
      const letter = await s.rightsText({ kind: 'access' });
      expect(letter).toMatchObject({ kind: 'access', law: 'gdpr', lawFromAnswers: true });
      expect(letter.identity.map((m) => m.params)).toContainEqual({ username: a.profile.userName });
      const sent = await s.recordRightsRequest({ kind: 'access', sentOn: '2026-01-15', lang: 'sv' });
      expect(sent).toMatchObject({ kind: 'access', law: 'gdpr', lang: 'sv', sentOn: '2026-01-15', dueOn: '2026-02-15', extendedDueOn: '2026-04-15', answeredOn: null });
      expect(sent.overdue).toBe(Date.now() > Date.UTC(2026, 1, 16));
      // the export already in the archive was made before the request: nothing answers it yet
      expect(sent.laterExport).toBeNull();
      const later = laterAccount(a, { days: 20, seed: 'rights' });
      const r = await s.importExport({ path: await jsonExport(join(dir, 'later'), later) });
      const [listed] = await s.listRightsRequests({});
      expect(listed!.laterExport).toMatchObject({ snapshot: r.snapshot.id, missing: [] });
      expect(listed!.laterExport!.datasets).toContain('profile');
      // only datasets with records count (an empty section holds nothing to ask for or to delete)
      const detail = (await s.getSnapshot({ id: r.snapshot.id }))!;
      expect(listed!.laterExport!.datasets).toEqual(detail.datasets.filter((d) => d.records > 0).map((d) => d.dataset).sort());
      expect(detail.datasets.some((d) => d.records === 0)).toBe(true);
      const answered = await s.answerRightsRequest({ id: listed!.id, answeredOn: '2026-02-01' });
      expect(answered).toMatchObject({ answeredOn: '2026-02-01', overdue: false });
    });
  });
});

describe('rights under the CCPA', () => {
  it('a US questionnaire picks the CCPA: 45 days to answer, 45 more if extended', async () => {
    await withService(async (s) => {
      await s.setQuestionnaire({ ageGroup: '18-plus', region: 'us', role: 'viewer', usesDms: true, phone: 'ios' });
      expect(await s.rightsText({ kind: 'deletion' })).toMatchObject({ law: 'ccpa', lawFromAnswers: true, identity: [] });
      expect(await s.recordRightsRequest({ kind: 'deletion', sentOn: '2026-01-01' })).toMatchObject({ law: 'ccpa', dueOn: '2026-02-15', extendedDueOn: '2026-04-01' });
    });
  });
});

describe('what the person entered is never lost', () => {
  it('survives deleting every snapshot and forgetting records', async () => {
    await withService(async (s, _db, dir) => {
      const a = account(80, '2026-01-10 12:00:00', { 'Private Account': 'Enabled' });
      const r = await s.importExport({ path: await jsonExport(dir, a) });
      await s.setStepStatus({ step: 'comments', status: 'skipped', note: 'I want comments' });
      await s.setQuestionnaire({ ageGroup: '18-plus', region: 'us', role: 'creator', usesDms: true, phone: 'ios' });
      await s.recordRightsRequest({ kind: 'deletion', sentOn: '2026-01-12' });
      await s.setRecheckReminder({ checklist: 'security', intervalDays: 90 });
      const before = await s.checklist({});
      const requests = await s.listRightsRequests({});
      const page = await s.listRecords({ dataset: 'watch_history', limit: 2 });
      await s.forgetRecords({ ids: page.rows.map((x) => x.id) });
      await s.deleteSnapshot({ id: r.snapshot.id });
      const after = await s.checklist({});
      expect(stepOf(after, 'comments')).toEqual(stepOf(before, 'comments'));
      // decided by the deleted export: the decision and where it came from stay
      expect(stepOf(after, 'private-account')).toMatchObject({ status: 'done', snapshot: r.snapshot.id, observed: 'Enabled' });
      expect(after.answers).toEqual(before.answers);
      expect(after.checklists.find((c) => c.id === 'security')!.reminder!.intervalDays).toBe(90);
      expect((await s.listRightsRequests({})).map((x) => ({ ...x, laterExport: null }))).toEqual(requests.map((x) => ({ ...x, laterExport: null })));
    });
  });

  it('invalid input changes nothing: the file stays byte-identical', async () => {
    await withService(async (s, dbPath, dir) => {
      await s.importExport({ path: await jsonExport(dir, account(81, '2026-01-10 12:00:00', {})) });
      await s.setStepStatus({ step: 'comments', status: 'done', note: 'kept' });
      s.db.pragma('wal_checkpoint(TRUNCATE)');
      const hash = sha256File(dbPath);
      const bad: [string, unknown][] = [
        ['setStepStatus', { step: 'no-such-step', status: 'done' }],
        ['setStepStatus', { step: 'comments', status: 'needs-attention' }],
        ['setStepStatus', { step: 'comments', status: 'done', note: 'x'.repeat(2001) }],
        ['setQuestionnaire', { ageGroup: '18-plus', region: 'mars', role: 'viewer', usesDms: true, phone: 'ios' }],
        ['setQuestionnaire', { ageGroup: '18-plus', region: 'us', role: 'viewer', usesDms: 'yes', phone: 'ios' }],
        ['setRecheckReminder', { checklist: 'nowhere', intervalDays: 30 }],
        ['setRecheckReminder', { checklist: 'security', intervalDays: 0 }],
        ['recordRightsRequest', { kind: 'access', sentOn: '2026-02-30' }],
        ['recordRightsRequest', { kind: 'access', sentOn: '2999-01-01' }],
        ['recordRightsRequest', { kind: 'erase', sentOn: '2026-01-01' }],
        ['answerRightsRequest', { id: 99, answeredOn: '2026-01-01' }],
      ];
      for (const [name, input] of bad) {
        await expect(s.call(name as 'setStepStatus', input), name).rejects.toMatchObject({ code: expect.stringMatching(/BAD_INPUT|NO_SUCH_STEP|NO_SUCH_REQUEST/) });
      }
      s.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(sha256File(dbPath)).toBe(hash);
      expect(stepOf(await s.checklist({}), 'comments')).toMatchObject({ status: 'done', note: 'kept' });
    });
  });
});
