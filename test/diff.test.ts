// Change tracking between two real imports of generated exports whose differences are known:
// records added, aged out and vanished; settings flipped both ways; profile changes; security and
// data-flow alerts; records still exported after their deletion; the CLI's diff contract.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService, type Service } from '../src/main/service';
import { main } from '../src/main/cli/main';
import type { SnapshotDiff } from '../src/shared/contract';
import { generateAccount, laterAccount, timeMs, type Account } from './fixtures/account';
import { exportEpoch, renderJson, writeZip, type Layout } from './fixtures/json';
import { tempDir } from './helpers';
import { wordChange } from './change-words';
import { LANGS, translator } from '../src/shared/i18n';

const DAY = 86_400_000;

/** An account and the same account 60 days later, with known changes on top of laterAccount's. */
function accounts(): { a: Account; b: Account; deletedComment: string; removed: { comment: string; like: string; watch: string; follower: string } } {
  const a = generateAccount({ seed: 11, asOf: '2026-01-10 12:00:00' });
  Object.assign(a.settings, {
    'Private Account': 'Disabled',
    'Personalized Ads': 'Disabled',
    'Who Can Send Me Message': 'Friends',
    'Who Can View Videos I Liked': 'Only me',
    'Who Can Duet With Me': 'Friends',
    'Suggest your account to contacts': 'enabled',
  });
  for (const l of a.records.login_history) l.ip = '81.2.69.160'; // GB, AS20712
  const b = laterAccount(a, { days: 60, seed: 'diff-test' });
  expect(b.settings['Private Account']).toBe('Enabled'); // laterAccount flips it
  Object.assign(b.settings, {
    'Personalized Ads': 'Enabled', // less private
    'Who Can Send Me Message': 'No one', // more private
    'Who Can View Videos I Liked': 'Only Me', // vocabulary only: not a change
    'Who Can Duet With Me': 'Everyone', // less private
    'Suggest your account to contacts': 'disabled', // more private
  });
  const R = b.records;
  const known = R.login_history[0]!;
  R.login_history.push(
    { date: '2026-03-01 08:00:00', ip: '8.8.8.8', deviceModel: known.deviceModel, deviceSystem: known.deviceSystem, networkType: 'Wi-Fi', carrier: '' },
    { date: '2026-03-02 09:00:00', ip: '2a00:1450:4001:80b::200e', deviceModel: known.deviceModel, deviceSystem: known.deviceSystem, networkType: 'Wi-Fi', carrier: '' },
    { date: '2026-03-03 10:00:00', ip: 'not-an-ip', deviceModel: known.deviceModel, deviceSystem: known.deviceSystem, networkType: 'Wi-Fi', carrier: 'Fresh Carrier Ltd' },
  );
  R.off_tiktok_activity.push({ date: '2026-03-02 10:00:00', source: 'com.newbrand.shop', event: 'Purchase' });
  R.shares.push({ date: '2026-03-04 10:00:00', content: 'share_video', link: 'https://www.tiktokv.com/share/video/7400000000000000001/', method: 'telegram' });
  R.blocked.push({ date: '2026-03-05 10:00:00', username: 'spam_account_1' });

  // Vanished inside the window: a comment, a recent like, a watch-history row from the middle.
  const before = (list: { date: string }[], days: number) => list.findIndex((r) => timeMs(r.date) > timeMs(a.asOf) - days * DAY);
  const comment = R.comments.splice(1, 1)[0]!;
  const like = R.likes.splice(before(R.likes, 20), 1)[0]!;
  const watch = R.watch_history.splice(before(R.watch_history, 60), 1)[0]!;
  expect(timeMs(watch.date)).toBeLessThan(timeMs(a.asOf));
  expect(timeMs(like.date)).toBeLessThan(timeMs(a.asOf));
  const follower = R.followers.splice(0, 1)[0]!;

  // A Recently Deleted Post still among the later export's posts.
  const dp = R.deleted_posts[0]!;
  expect(timeMs(dp.dateDeleted)).toBeLessThan(timeMs(b.asOf));
  R.posts.push({ ...R.posts[0]!, date: dp.date, title: 'deleted yet still here' });

  b.profile.userName = 'renamed_user';
  b.profile.emailAddress = 'new@example.com';
  b.linkedPlatforms.push({ platform: 'Instagram', name: 'insta_me' });
  return { a, b, deletedComment: R.comments[2]!.date, removed: { comment: comment.date, like: like.date, watch: watch.date, follower: follower.username } };
}

async function importPair(dir: string, a: Account, b: Account, layout: Layout = 'L4'): Promise<Service> {
  const service = createService({ dbPath: join(dir, 'fp.db') });
  await service.importExport({ path: await writeZip(renderJson(a, layout), join(dir, 'a'), { epoch: exportEpoch(a) }) });
  await service.importExport({ path: await writeZip(renderJson(b, layout), join(dir, 'b'), { epoch: exportEpoch(b) }) });
  return service;
}

const kinds = (d: SnapshotDiff) => d.alerts.map((x) => x.kind);
const alertsOf = (d: SnapshotDiff, kind: string) => d.alerts.filter((x) => x.kind === kind);

describe('diff between two snapshots', () => {
  it('counts added, aged-out and vanished records per dataset', async () => {
    const { a, b } = accounts();
    const service = await importPair(tempDir(), a, b);
    const d = await service.call('diffSnapshots', {});
    expect([d.from, d.to]).toEqual([1, 2]);

    // Watch history: TikTok keeps ~183 days, so the oldest rows aged out; one row vanished inside the window.
    const windowStart = timeMs(b.asOf) - 183 * DAY;
    const agedWatch = a.records.watch_history.filter((r) => timeMs(r.date) < windowStart).length;
    expect(agedWatch).toBeGreaterThan(0);
    expect(d.datasets.watch_history).toEqual({
      added: b.records.watch_history.filter((r) => timeMs(r.date) > timeMs(a.asOf)).length,
      gone: agedWatch + 1,
      agedOut: agedWatch,
      vanished: 1,
    });
    // Comments have no window: the removed one vanished. Likes too (inside the export's coverage).
    expect(d.datasets.comments).toMatchObject({ gone: 1, agedOut: 0, vanished: 1 });
    expect(d.datasets.likes).toMatchObject({ gone: 1, agedOut: 0, vanished: 1 });
    expect(d.datasets.followers).toMatchObject({ gone: 1, vanished: 1 });
    for (const c of Object.values(d.datasets)) expect(c.gone).toBe(c.agedOut + c.vanished);

    // The numbers name their records.
    const vanished = await service.call('diffRecords', { from: 1, to: 2, dataset: 'watch_history', kind: 'vanished' });
    expect(vanished.total).toBe(1);
    const aged = await service.call('diffRecords', { from: 1, to: 2, dataset: 'watch_history', kind: 'agedOut', limit: 1000 });
    expect(aged.total).toBe(agedWatch);
    expect(aged.rows.every((r) => r.at! < windowStart)).toBe(true);
    const added = await service.call('diffRecords', { from: 1, to: 2, dataset: 'blocked', kind: 'added' });
    expect(added.rows.map((r) => r.fields.username)).toEqual(['spam_account_1']);
    service.close();
  });

  it('a dataset missing from one snapshot was not requested: nothing of it is gone', async () => {
    const { a, b } = accounts();
    const dir = tempDir();
    const docB = renderJson(b, 'L4') as Record<string, Record<string, unknown>>;
    delete docB['Comment'];
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await service.importExport({ path: await writeZip(renderJson(a, 'L4'), join(dir, 'a'), { epoch: exportEpoch(a) }) });
    await service.importExport({ path: await writeZip(docB, join(dir, 'b'), { epoch: exportEpoch(b) }) });
    const d = await service.call('diffSnapshots', {});
    expect(d.datasets.comments).toBeUndefined();
    expect((await service.call('diffRecords', { from: 1, to: 2, dataset: 'comments', kind: 'gone' })).total).toBe(0);
    // …and going the other way, everything of it counts as added, nothing as gone.
    const back = await service.call('diffSnapshots', { from: 2, to: 1 });
    expect(back.datasets.comments).toEqual({ added: a.records.comments.length, gone: 0, agedOut: 0, vanished: 0 });
    service.close();
  });

  it('reports settings flipped both ways, with vocabulary changes ignored', async () => {
    const { a, b } = accounts();
    const service = await importPair(tempDir(), a, b);
    const d = await service.call('diffSnapshots', {});
    const byKey = Object.fromEntries(d.settings.map((s) => [s.key, s]));
    expect(byKey['Private Account']).toEqual({ key: 'Private Account', from: 'Disabled', to: 'Enabled', direction: 'more-private', fromLevel: 'off', toLevel: 'on' });
    expect(byKey['Personalized Ads']).toMatchObject({ from: 'Disabled', to: 'Enabled', direction: 'less-private' });
    expect(byKey['Who Can Send Me Message']).toMatchObject({ from: 'Friends', to: 'No one', direction: 'more-private' });
    expect(byKey['Who Can Duet With Me']).toMatchObject({ from: 'Friends', to: 'Everyone', direction: 'less-private' });
    expect(byKey['Suggest your account to contacts']).toMatchObject({ from: 'enabled', to: 'disabled', direction: 'more-private' });
    expect(byKey['Push Notification › New Fans']).toMatchObject({ direction: 'neutral' });
    expect(byKey['Who Can View Videos I Liked']).toBeUndefined();
    service.close();
  });

  it('reports profile changes and linked platforms', async () => {
    const { a, b } = accounts();
    const service = await importPair(tempDir(), a, b);
    const d = await service.call('diffSnapshots', {});
    expect(d.profile).toEqual(
      expect.arrayContaining([
        { field: 'userName', from: a.profile.userName, to: 'renamed_user' },
        { field: 'emailAddress', from: a.profile.emailAddress, to: 'new@example.com' },
        { field: 'linkedPlatform', from: null, to: 'Instagram: insta_me' },
      ]),
    );
    expect(d.profile.find((p) => p.field === 'birthDate')).toBeUndefined();
    service.close();
  });

  it('raises security alerts: a new device, new IPs, a new country and network owner, new identifiers', async () => {
    const { a, b } = accounts();
    const service = await importPair(tempDir(), a, b);
    const d = await service.call('diffSnapshots', {});
    const newDevice = b.records.device_status.at(-1)!;
    const device = alertsOf(d, 'new-device');
    expect(device.length).toBe(1);
    const newLogin = b.records.login_history.find((l) => !a.records.login_history.some((x) => x.deviceModel === l.deviceModel))!;
    expect(device[0]!.params).toMatchObject({ model: newLogin.deviceModel, count: 1 });

    // new addresses come grouped by network owner and country: one alert per group, its kind
    // saying what is new (US and IE never seen, so both Google groups are new-country)
    const groups = d.alerts.filter((x) => ['new-ip', 'new-country', 'new-network-owner'].includes(x.kind));
    const byKey = new Map(groups.map((x) => [x.key, x]));
    expect(new Set(groups.map((x) => x.key)).size).toBe(groups.length);
    expect(byKey.get('AS15169|US')).toMatchObject({
      kind: 'new-country',
      decisionKind: 'new-ip',
      severity: 'high',
      params: { where: 'found', network: expect.stringMatching(/^AS15169 Google/), asn: 15169, country: 'US', ips: ['8.8.8.8'], more: 0, addresses: 1, count: 1 },
    });
    expect(byKey.get('AS15169|IE')).toMatchObject({ kind: 'new-country', params: { ips: ['2a00:1450:4001:80b::200e'], addresses: 1 } });
    expect(byKey.get('invalid')).toMatchObject({ kind: 'new-ip', params: { where: 'invalid', ips: ['not-an-ip'], addresses: 1, count: 1 } });
    // the account's own generated logins from private and documentation ranges: one group, not one alert each
    const unknown = byKey.get('-|-')!;
    expect(unknown.kind).toBe('new-ip');
    expect(unknown.params.addresses).toBeGreaterThan(1);
    expect(unknown.params.ips).toHaveLength(Math.min(5, unknown.params.addresses as number));
    expect((unknown.params.ips as string[]).length + (unknown.params.more as number)).toBe(unknown.params.addresses);
    expect(groups.some((x) => (x.params.ips as string[]).includes('81.2.69.160'))).toBe(false);

    const us = byKey.get('AS15169|US')!;
    expect(us.evidence.snapshotId).toBe(2);
    expect(us.evidence.recordIds).toHaveLength(1);
    expect(us.evidence.at).toBe(timeMs('2026-03-01 08:00:00'));
    const rec = service.db.prepare('SELECT data FROM records WHERE id = ?').get(us.evidence.recordIds[0]) as { data: string };
    expect(JSON.parse(rec.data).ip).toBe('8.8.8.8');
    // most severe first, in the order analysis/alert-triage.ts defines
    const rank = { high: 0, medium: 1, low: 2, info: 3 };
    for (let i = 1; i < d.alerts.length; i++) expect(rank[d.alerts[i]!.severity]).toBeGreaterThanOrEqual(rank[d.alerts[i - 1]!.severity]);
    expect(alertsOf(d, 'new-carrier').map((x) => x.params)).toEqual([{ carrier: 'Fresh Carrier Ltd', count: 1 }]);

    // the new device brings several identifiers at once: one alert for its record, the rest counted
    const idAlerts = alertsOf(d, 'new-device-identifier');
    expect(idAlerts).toHaveLength(1);
    const devRec = service.db.prepare('SELECT data FROM records WHERE id = ?').get(idAlerts[0]!.evidence.recordIds[0]) as { data: string };
    expect(JSON.parse(devRec.data).did).toBe(newDevice.did);
    expect(idAlerts[0]!.params.sameDevice).toBeGreaterThanOrEqual(1);
    expect(idAlerts[0]!.key).toBe(`${idAlerts[0]!.params.identifier}:${idAlerts[0]!.params.value}`);
    for (const old of a.records.device_status) if (old.did) expect(idAlerts.map((x) => x.params.value)).not.toContain(old.did);
    service.close();
  });

  it('raises data-flow alerts: a new advertiser, share method, follower and block-list changes', async () => {
    const { a, b, removed } = accounts();
    const service = await importPair(tempDir(), a, b);
    const d = await service.call('diffSnapshots', {});
    const sources = alertsOf(d, 'new-off-tiktok-source');
    expect(sources.map((x) => x.params)).toContainEqual({ source: 'com.newbrand.shop', count: 1 });
    const seenBefore = new Set(a.records.off_tiktok_activity.map((r) => r.source));
    for (const s of sources) expect(seenBefore.has(s.params.source as string)).toBe(false);
    expect(alertsOf(d, 'new-share-method').map((x) => x.params)).toContainEqual({ method: 'telegram', count: 1 });
    expect(alertsOf(d, 'blocked-added')[0]!.params).toEqual({ count: 1, names: ['spam_account_1'], more: 0 });
    const lost = alertsOf(d, 'followers-lost')[0]!;
    expect(lost.params).toEqual({ count: 1, names: [removed.follower], more: 0 });
    expect(lost.evidence.snapshotId).toBe(1);
    expect(kinds(d)).toEqual(expect.arrayContaining(['followers-gained', 'following-removed']));
    service.close();
  });

  it('every alert and highlight of a real diff is a code the catalog words in both languages', async () => {
    const { a, b } = accounts();
    const service = await importPair(tempDir(), a, b);
    const d = await service.call('diffSnapshots', {});
    const t = await service.call('timeline', {});
    expect(d.alerts.length).toBeGreaterThan(10);
    for (const lang of LANGS) {
      const tr = translator(lang);
      for (const x of d.alerts) expect(wordChange(tr, `alert.${x.kind}`, x.params), `${lang} ${x.kind}`).not.toMatch(/[{}]|undefined/);
      for (const h of t.flatMap((e) => e.highlights)) expect(wordChange(tr, `highlight.${h.code}`, h.params), `${lang} ${h.code}`).not.toMatch(/[{}]|undefined/);
    }
    const en = translator('en');
    expect(d.alerts.filter((x) => x.kind === 'new-carrier').map((x) => wordChange(en, 'alert.new-carrier', x.params))).toEqual([
      'Login through a mobile carrier not seen before: Fresh Carrier Ltd (once).',
    ]);
    service.close();
  });

  it('raises a new-advertiser alert from the partner lists of older layouts', async () => {
    const { a, b } = accounts();
    const withPartners = (acc: Account, advertisers: string) => {
      const doc = renderJson(acc, 'L2');
      const visit = (o: unknown): void => {
        if (!o || typeof o !== 'object') return;
        for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
          if (k === 'Ads Based On Data Received From Partners') (o as Record<string, unknown>)[k] = { DataPartnerList: 'Acme Data', AdvertiserList: advertisers };
          else visit(v);
        }
      };
      visit(doc);
      return doc;
    };
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await service.importExport({ path: await writeZip(withPartners(a, 'Brand A|Brand B'), join(dir, 'a'), { epoch: exportEpoch(a) }) });
    await service.importExport({ path: await writeZip(withPartners(b, 'Brand A|Brand B|Brand C'), join(dir, 'b'), { epoch: exportEpoch(b) }) });
    const d = await service.call('diffSnapshots', {});
    expect(alertsOf(d, 'new-ad-partner').map((x) => x.params)).toEqual([{ partner: 'Brand C', list: 'advertiser' }]);
    service.close();
  });

  it('flags a deleted comment and a recently deleted post that a later export still holds', async () => {
    const { a, b, deletedComment } = accounts();
    const service = await importPair(tempDir(), a, b);
    const id = (service.db.prepare(`SELECT id FROM records WHERE dataset = 'comments' AND at = ?`).get(timeMs(deletedComment)) as { id: number }).id;
    const mark = await service.call('markDeleted', { recordId: id, deletedAt: '2026-02-01', note: 'deleted in the app' });
    expect(mark).toMatchObject({ recordId: id, dataset: 'comments', deletedAt: Date.UTC(2026, 1, 1), note: 'deleted in the app' });

    const findings = await service.call('stillThere', {});
    const marked = findings.filter((f) => f.source === 'mark');
    // Snapshot 1 was exported before the deletion: only snapshot 2 counts.
    expect(marked).toEqual([
      { source: 'mark', recordId: id, dataset: 'comments', deletedAt: Date.UTC(2026, 1, 1), foundRecordId: id, snapshotId: 2, exportedAt: timeMs(b.asOf), daysAfterDeletion: 38 },
    ]);
    const posts = findings.filter((f) => f.source === 'deleted_posts');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ dataset: 'posts', snapshotId: 2, deletedAt: timeMs(b.records.deleted_posts[0]!.dateDeleted) });

    const d = await service.call('diffSnapshots', {});
    const still = alertsOf(d, 'still-there-after-deletion');
    expect(still.map((s) => s.evidence.recordIds[0]).sort()).toEqual([id, posts[0]!.foundRecordId].sort());

    expect((await service.call('unmarkDeleted', { recordId: id })).unmarked).toBe(true);
    expect((await service.call('stillThere', {})).filter((f) => f.source === 'mark')).toEqual([]);
    await expect(service.call('markDeleted', { recordId: id, deletedAt: 'yesterday-ish' })).rejects.toMatchObject({ code: 'BAD_INPUT', params: { field: 'deletedAt' } });
    await expect(service.call('markDeleted', { recordId: 999999, deletedAt: '2026-02-01' })).rejects.toMatchObject({ code: 'NO_SUCH_RECORD', params: { id: 999999 } });
    service.close();
  });

  it('orders by export time, not import time, and lists a timeline', async () => {
    const { a, b } = accounts();
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    // the later export first
    await service.importExport({ path: await writeZip(renderJson(b, 'L4'), join(dir, 'b'), { epoch: exportEpoch(b) }) });
    await service.importExport({ path: await writeZip(renderJson(a, 'L4'), join(dir, 'a'), { epoch: exportEpoch(a) }) });
    const d = await service.call('diffSnapshots', {});
    expect([d.from, d.to]).toEqual([2, 1]);
    expect(d.settings.find((s) => s.key === 'Private Account')?.direction).toBe('more-private');

    const t = await service.call('timeline', {});
    expect(t.map((e) => e.snapshotId)).toEqual([2, 1]);
    expect(t[0]!.headline).toBeNull();
    expect(t[1]!.previousId).toBe(2);
    const vanished = Object.values(d.datasets).reduce((n, c) => n + c.vanished, 0);
    expect(vanished).toBeGreaterThanOrEqual(4);
    expect(t[1]!.headline).toMatchObject({ morePrivate: 3, lessPrivate: 2, vanished });
    expect(t[1]!.headline!.alerts['new-country']).toBe(2);
    expect(t[0]!.highlights).toEqual([{ code: 'first-snapshot', params: {} }]);
    expect(t[1]!.highlights).toContainEqual({ code: 'alert', params: expect.objectContaining({ kind: 'new-country', others: 1 }) });
    expect(t[1]!.highlights).toContainEqual({ code: 'less-private', params: { key: 'Personalized Ads', from: 'Disabled', to: 'Enabled' } });
    await expect(service.call('diffSnapshots', { from: 1, to: 99 })).rejects.toMatchObject({ code: 'NO_SUCH_SNAPSHOT', params: { id: 99 } });
    service.close();
  });
});

describe('footprint diff (CLI)', () => {
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints exactly the documented JSON, and a human summary', async () => {
    const { a, b } = accounts();
    const dir = tempDir();
    (await importPair(dir, a, b)).close();
    const db = join(dir, 'fp.db');
    const r = await run(['diff', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['from', 'to', 'datasets', 'settings', 'profile', 'alerts']);
    expect([json.from, json.to]).toEqual([1, 2]);
    for (const c of Object.values(json.datasets)) expect(Object.keys(c as object)).toEqual(['added', 'gone', 'agedOut', 'vanished']);
    for (const s of json.settings) expect(Object.keys(s)).toEqual(['key', 'from', 'to', 'direction', 'fromLevel', 'toLevel']);
    for (const x of json.alerts) {
      expect(Object.keys(x)).toEqual(['kind', 'params', 'evidence', 'key', 'decisionKind', 'severity', 'decision']);
      expect(x.decision).toBeNull();
      expect(Object.keys(x.evidence)).toEqual(['snapshotId', 'recordIds', 'at']);
    }
    expect((await run(['diff', '2', '1', '--db', db, '--json'])).code).toBe(0);

    const human = await run(['diff', '--db', db]);
    expect(human.code).toBe(0);
    expect(human.out).toContain('Private Account: Off -> On  [more private]');
    expect(human.out).toContain('[new-country]');

    const timeline = await run(['timeline', '--db', db, '--json']);
    expect(JSON.parse(timeline.out)).toHaveLength(2);
  });

  it('exits 2 for usage errors and 1 for bad input, with one line', async () => {
    const { a, b } = accounts();
    const dir = tempDir();
    (await importPair(dir, a, b)).close();
    const db = join(dir, 'fp.db');
    expect((await run(['diff', '1', '--db', db])).code).toBe(2);
    expect((await run(['diff', 'x', 'y', '--db', db])).code).toBe(2);
    const missing = await run(['diff', '1', '99', '--db', db, '--json']);
    expect(missing.code).toBe(1);
    expect(missing.err.split('\n')).toHaveLength(1);
    expect(JSON.parse(missing.out).error.code).toBe('NO_SUCH_SNAPSHOT');
    expect((await run(['forget', '999999', '--db', db])).code).toBe(1);
    expect((await run(['forget', '--db', db])).code).toBe(2);
    expect((await run(['mark-deleted', '5', '--db', db])).code).toBe(2);
    expect((await run(['mark-deleted', '5', '--on', 'soon', '--db', db])).code).toBe(1);
    expect((await run(['archive', 'nope', '--db', db])).code).toBe(2);

    const empty = join(tempDir(), 'empty.db');
    createService({ dbPath: empty }).close(); // an archive with no snapshot (diff creates none: NO_DATABASE)
    const none = await run(['diff', '--db', empty, '--json']);
    expect(none.code).toBe(1);
    expect(none.err.split('\n')).toHaveLength(1);
    expect(JSON.parse(none.out).error.code).toBe('NOTHING_TO_COMPARE');
  });
});
