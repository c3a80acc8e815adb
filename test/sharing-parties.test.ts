// Parties and exposure from generated exports of every layout (JSON L1–L4, TXT generations A–C),
// imported into real SQLite files. Expected counts come from the account model, never from the
// reader: off-TikTok sources per event (numeric ones unnamed), share methods, linked platforms,
// ad interests and visits, per snapshot; and what a set of scopes would hand an app.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { openDatabase } from '../src/main/store/db';
import { datasetFacts } from '../src/main/store/parties';
import { lookupIp } from '../src/main/analysis/iplookup';
import type { Party } from '../src/shared/contract';
import { datasetSpec } from '../src/shared/catalog';
import { generateAccount, laterAccount, timeMs, type Account } from './fixtures/account';
import { LAYOUTS, defaultJsonName, expectedCounts, exportEpoch, identities, renderJson, writeZip } from './fixtures/json';
import { GENERATIONS, expectedTxtCounts, renderTxt, writeTxtZip } from './fixtures/txt';
import { everyParty } from './fixtures/parties';
import { tempDir } from './helpers';

const account = generateAccount({ seed: 11, scale: 1, asOf: '2026-03-01 12:00:00' });

const countBy = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
};
const span = (dates: (string | null)[]) => {
  const ms = dates.filter((d): d is string => d !== null).map(timeMs);
  return ms.length ? [Math.min(...ms), Math.max(...ms)] : [null, null];
};
const total = (p: Party) => p.evidence.reduce((n, e) => n + e.records, 0);

/** What the parties must say about an account, for the datasets a layout holds (counts > 0). */
function expectParties(parties: Party[], acc: Account, counts: Record<string, number>): void {
  const R = acc.records;
  const of = (kind: Party['kind']) => parties.filter((p) => p.kind === kind);

  const off = of('off-tiktok-source');
  if ((counts.off_tiktok_activity ?? 0) === 0) expect(off).toEqual([]);
  else {
    const bySource = countBy(R.off_tiktok_activity, (r) => r.source);
    expect(off.length).toBe(bySource.size);
    for (const [source, n] of bySource) {
      const numeric = /^\d+$/.test(source);
      const p = off.find((x) => (numeric ? x.unnamed?.reason === 'numeric-id' && x.unnamed.id === source : x.name === source))!;
      expect(p, source).toBeDefined();
      expect(p).toMatchObject({ name: numeric ? null : source, direction: 'from-party' });
      expect(total(p)).toBe(n);
      const rows = R.off_tiktok_activity.filter((r) => r.source === source);
      expect([p.firstSeen, p.lastSeen]).toEqual(span(rows.map((r) => r.date)));
      const events = Object.fromEntries(p.events!.map((e) => [e.event, e.records]));
      expect(events).toEqual(Object.fromEntries(countBy(rows, (r) => r.event)));
      expect(p.evidence[0]!.recordIds.length).toBe(Math.min(5, n));
    }
  }

  const shares = of('share-destination');
  if ((counts.shares ?? 0) === 0) expect(shares).toEqual([]);
  else expect(Object.fromEntries(shares.map((p) => [p.name, total(p)]))).toEqual(Object.fromEntries(countBy(R.shares, (r) => r.method)));

  const linked = of('linked-platform');
  if ((counts.linked_platforms ?? 0) === 0) expect(linked).toEqual([]);
  else expect(linked.map((p) => [p.name, total(p)])).toEqual(acc.linkedPlatforms.map((l) => [l.platform, 1]));

  const interests = of('ad-interests');
  if ((counts.ad_interests ?? 0) === 0) expect(interests).toEqual([]);
  else expect(interests.map(total)).toEqual([R.ad_interests.length]);

  const visits = of('ad-visits');
  if ((counts.ads_visits ?? 0) === 0) expect(visits).toEqual([]);
  else expect(visits.map((p) => [p.name, total(p), p.direction])).toEqual([['ads.example.com', R.ads_visits.length, 'to-party']]);
}

/** What the full-archive scope would hand over, checked against the model. */
async function expectExposure(service: ReturnType<typeof createService>, acc: Account, counts: Record<string, number>) {
  const { exposure, access, risk } = await service.previewExposure({ scopes: ['portability.all.ongoing'] });
  expect(access).toEqual({ access: 'ongoing', derived: true, editable: false });
  expect(exposure.repeats).toBe(true);
  expect(risk.level).toBe('high');
  const dm = exposure.datasets.messages!;
  expect(dm.records).toBe(counts.messages);
  expect(dm.partners).toBe(new Set(acc.records.messages.map((m) => m.conversation)).size);
  expect([dm.oldest, dm.newest]).toEqual(span(acc.records.messages.map((m) => m.date)));
  const logins = exposure.datasets.login_history!;
  expect(logins.records).toBe(counts.login_history);
  const countries = new Set(acc.records.login_history.map((l) => lookupIp(l.ip)?.country).filter(Boolean));
  expect(logins.countries).toBe(countries.size);
  expect(exposure.totals.records).toBeGreaterThan(counts.messages! + counts.login_history!);
  // a narrower grant reaches only its datasets; a counts-only one learns numbers, not records
  const stats = (await service.previewExposure({ scopes: ['user.info.stats'] })).exposure;
  expect(Object.keys(stats.datasets)).toEqual(['followers', 'following', 'posts']);
  expect(stats.datasets.followers).toMatchObject({ part: 'count', records: counts.followers, oldest: null, newest: null });
  expect(stats.totals.records).toBe(0);
}

describe('parties and exposure from generated exports', () => {
  it.each(LAYOUTS)('JSON %s', async (layout) => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const zip = await writeZip(renderJson(account, layout), dir, { epoch: exportEpoch(account), jsonName: defaultJsonName(layout, account.asOf) });
    await service.importExport({ path: zip });
    const counts = expectedCounts(account, layout);
    const { apps, dueForReview } = await service.listApps({});
    expect([apps, dueForReview]).toEqual([[], []]);
    expectParties(await everyParty(service), account, counts);
    await expectExposure(service, account, counts);
    service.close();
  });

  it.each(GENERATIONS)('TXT generation %s', async (gen) => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    await service.importExport({ path: await writeTxtZip(renderTxt(account, gen), join(dir, 'txt')) });
    const counts = expectedTxtCounts(account, gen);
    expectParties(await everyParty(service), account, counts);
    await expectExposure(service, account, counts);
    service.close();
  });

  it('counts each source and event per snapshot across two exports', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const later = laterAccount(account, { days: 40 });
    for (const [acc, name] of [[account, 'a'], [later, 'b']] as const) {
      await service.importExport({ path: await writeZip(renderJson(acc, 'L4'), join(dir, name), { epoch: exportEpoch(acc) }) });
    }
    const off = (await everyParty(service)).filter((p) => p.kind === 'off-tiktok-source');
    for (const p of off) {
      const source = p.name ?? (p.unnamed as { id: string }).id;
      for (const [snapshotId, acc] of [[1, account], [2, later]] as const) {
        const rows = acc.records.off_tiktok_activity.filter((r) => r.source === source);
        const per = p.perSnapshot.find((s) => s.snapshotId === snapshotId);
        expect(per?.records ?? 0, `${source} in ${snapshotId}`).toBe(rows.length);
        if (rows.length) expect([per!.firstSeen, per!.lastSeen]).toEqual(span(rows.map((r) => r.date)));
        for (const e of p.events!) {
          const n = rows.filter((r) => r.event === e.event).length;
          expect(e.perSnapshot.find((s) => s.snapshotId === snapshotId)?.records ?? 0).toBe(n);
        }
      }
      // across the archive: every distinct record once
      const all = new Set([...account.records.off_tiktok_activity, ...later.records.off_tiktok_activity].filter((r) => r.source === source).map((r) => `${r.date}|${r.event}`));
      expect(total(p)).toBe(all.size);
      expect(p.evidence[0]!.snapshots).toEqual([...new Set(p.perSnapshot.map((s) => s.snapshotId))]);
    }
    service.close();
  });

  it('keeps what the archive says until the archive changes: an import, forgotten records and a deleted snapshot show at once, a register change reads nothing again', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db'), today: () => '2026-06-01' });
    const later = laterAccount(account, { days: 40 });
    await service.importExport({ path: await writeZip(renderJson(account, 'L4'), join(dir, 'a'), { epoch: exportEpoch(account) }) });
    const offTotal = (ps: Party[]) => ps.filter((p) => p.kind === 'off-tiktok-source').reduce((n, p) => n + total(p), 0);
    const dm = async () => (await service.previewExposure({ scopes: ['portability.directmessages.single'] })).exposure.datasets.messages!.records;
    const first = { parties: await everyParty(service) };
    expect(offTotal(first.parties)).toBe(account.records.off_tiktok_activity.length);
    expect(await dm()).toBe(account.records.messages.length);

    // the register changes; the archive's parties are the same, the app appears with its exposure
    await service.addApp({ name: 'DM Backup', scopes: ['portability.directmessages.ongoing'], grantedOn: '2026-01-01' });
    const withApp = { parties: await everyParty(service) };
    expect(withApp.parties.filter((p) => p.kind !== 'app')).toEqual(first.parties);
    expect(withApp.parties.find((p) => p.kind === 'app')!.evidence).toEqual([{ dataset: 'messages', records: account.records.messages.length, snapshots: [], recordIds: [] }]);
    // what a caller does with an answer does not change the next one
    withApp.parties[0]!.evidence[0]!.records = -1;
    expect((await everyParty(service))[0]!.evidence[0]!.records).not.toBe(-1);

    // a second export: its records count at once, in parties and in exposure
    await service.importExport({ path: await writeZip(renderJson(later, 'L4'), join(dir, 'b'), { epoch: exportEpoch(later) }) });
    const [ids1, ids2] = [identities(account, 'L4'), identities(later, 'L4')];
    const union = (dataset: string) => new Set([...(ids1[dataset] ?? []), ...(ids2[dataset] ?? [])]).size;
    const distinctOff = union('off_tiktok_activity');
    const second = { parties: await everyParty(service), apps: (await service.listApps({})).apps };
    expect(offTotal(second.parties)).toBe(distinctOff);
    const messages = union('messages');
    expect(await dm()).toBe(messages);
    expect(second.apps[0]!.exposure.datasets.messages!.records).toBe(messages);

    // records forgotten: gone from the counts
    const some = second.parties.find((p) => p.kind === 'off-tiktok-source' && total(p) >= 2)!;
    const forget = some.evidence[0]!.recordIds.slice(0, 2);
    await service.forgetRecords({ ids: forget });
    expect(offTotal(await everyParty(service))).toBe(distinctOff - forget.length);

    // the later snapshot deleted: what only it held is gone again
    await service.deleteSnapshot({ id: 2 });
    const third = { parties: await everyParty(service) };
    expect(offTotal(third.parties)).toBeLessThan(distinctOff - forget.length);
    expect(await dm()).toBe(account.records.messages.length);
    service.close();
  });

  it('counts each dataset’s records from the stored new counts exactly as counting them does: an older export imported late, records forgotten, a snapshot deleted', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const service = createService({ dbPath });
    const later = laterAccount(account, { days: 40 });
    const counted = () => {
      const db = openDatabase(dbPath);
      try {
        const rows = db.prepare('SELECT dataset, count(*) AS n, min(at) AS oldest, max(at) AS newest FROM records GROUP BY dataset').all() as { dataset: string; n: number; oldest: number | null; newest: number | null }[];
        // values datasets (profile, settings) count the latest export's values, not records
        const facts = Object.fromEntries([...datasetFacts(db)].filter(([d]) => datasetSpec(d)?.shape !== 'values'));
        return [facts, Object.fromEntries(rows.map((r) => [r.dataset, { records: r.n, oldest: r.oldest, newest: r.newest }]))] as const;
      } finally {
        db.close();
      }
    };
    for (const [acc, name] of [[later, 'b'], [account, 'a']] as const) {
      await service.importExport({ path: await writeZip(renderJson(acc, 'L4'), join(dir, name), { epoch: exportEpoch(acc) }) });
      const [facts, expected] = counted();
      expect(Object.keys(expected).length).toBeGreaterThan(5);
      expect(facts).toEqual(expected);
    }
    const some = (await everyParty(service)).find((p) => p.kind === 'off-tiktok-source' && total(p) >= 3)!;
    await service.forgetRecords({ ids: some.evidence[0]!.recordIds.slice(0, 3) });
    expect(counted()[0]).toEqual(counted()[1]);
    await service.deleteSnapshot({ id: 1 });
    const [facts, expected] = counted();
    expect(facts).toEqual(expected);
    service.close();
  });

  it('names data partners, advertisers, instant forms, shop sellers and third-party info when an export lists them', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db'), today: () => '2026-06-01' });
    const doc = renderJson(account, 'L3') as Record<string, unknown>;
    const set = (node: unknown, key: string, value: unknown): number => {
      if (typeof node !== 'object' || node === null) return 0;
      let n = 0;
      for (const [k, v] of Object.entries(node)) {
        if (k === key) {
          (node as Record<string, unknown>)[k] = value;
          n++;
        } else n += set(v, key, value);
      }
      return n;
    };
    // replace the section where the layout writes it, else add it: sections are found by name anywhere
    const put = (key: string, value: unknown) => {
      if (set(doc, key, value) === 0) doc[key] = value;
    };
    put('Ads Based On Data Received From Partners', { DataPartnerList: '1234567|Acme Data', AdvertiserList: 'Example Shoes|Example Bank' });
    put('Instant Form Ads Responses', { ResponsesList: [{ Date: '2025-11-02 10:00:00', Advertiser: 'Example Gym', Email: 'me@example.com' }] });
    put('Communication With Shops', {
      CommunicationHistories: { 'Chat History with Example Home:': [{ send_time: '2025-10-03 09:00:00', content: 'Where is my parcel?' }, { send_time: '2025-10-04 09:00:00', content: 'Thanks' }] },
    });
    put('UserThirdPlatformInformation', { UserThirdPlatformInformationList: [{ Date: '2024-05-01 08:00:00', Platform: 'Example Fitness', Data: 'steps' }] });
    // public addresses, so the offline lookup finds their countries (the generator's are private)
    put('Login History', {
      LoginHistoryList: [
        { Date: '2026-01-01 10:00:00', IP: '8.8.8.8', DeviceModel: 'x', DeviceSystem: 'y', NetworkType: 'Wi-Fi', Carrier: '' },
        { Date: '2026-01-02 10:00:00', IP: '8.8.4.4', DeviceModel: 'x', DeviceSystem: 'y', NetworkType: 'Wi-Fi', Carrier: '' },
        { Date: '2026-01-03 10:00:00', IP: '81.2.69.142', DeviceModel: 'x', DeviceSystem: 'y', NetworkType: 'Wi-Fi', Carrier: '' },
        { Date: '2026-01-04 10:00:00', IP: '10.0.0.1', DeviceModel: 'x', DeviceSystem: 'y', NetworkType: 'Wi-Fi', Carrier: '' },
      ],
    });
    await service.importExport({ path: await writeZip(doc, dir, { epoch: exportEpoch(account) }) });
    await service.addApp({ name: 'DM Backup', scopes: ['portability.directmessages.ongoing'], grantedOn: '2026-01-01' });
    const parties = await everyParty(service);
    const { dueForReview } = await service.listApps({});
    const pick = (kind: Party['kind']) => parties.filter((p) => p.kind === kind).map((p) => [p.name ?? (p.unnamed && 'id' in p.unnamed ? `#${p.unnamed.id}` : null), total(p), p.direction]);
    expect(pick('data-partner').sort()).toEqual([['#1234567', 1, 'from-party'], ['Acme Data', 1, 'from-party']]);
    expect(pick('advertiser').sort()).toEqual([['Example Bank', 1, 'from-party'], ['Example Shoes', 1, 'from-party']]);
    expect(pick('instant-forms')).toEqual([[null, 1, 'to-party']]);
    expect(pick('shop-seller')).toContainEqual(['Example Home', 2, 'to-party']);
    const third = parties.find((p) => p.kind === 'third-party-info')!;
    expect(third.raw).toEqual([expect.objectContaining({ Platform: 'Example Fitness' })]);
    const app = parties.find((p) => p.kind === 'app')!;
    expect(app).toMatchObject({ name: 'DM Backup', direction: 'to-party', appId: 1, evidence: [{ dataset: 'messages', records: account.records.messages.length }] });
    expect(dueForReview).toEqual([1]);
    const logins = (await service.previewExposure({ scopes: ['portability.all.single'] })).exposure.datasets.login_history;
    expect(logins).toMatchObject({ records: 4, countries: 2, oldest: Date.UTC(2026, 0, 1, 10), newest: Date.UTC(2026, 0, 4, 10) });
    service.close();
  });
});
