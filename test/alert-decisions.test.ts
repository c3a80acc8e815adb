// Alerts that can be acted on, over real imports of generated exports: new addresses grouped by
// network and country, the order by severity, and decisions ("this was me", "resolved") remembered
// in the archive across later imports, comparisons of any two exports, snapshot deletion and
// forgetting records; bad input leaves the decisions as they were. Plus the CLI's `alerts decide`.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService, type Service } from '../src/main/service';
import { main } from '../src/main/cli/main';
import type { ChangeAlert, FoundAlert, SnapshotDiff } from '../src/shared/contract';
import { ALERT_KINDS } from '../src/shared/contract';
import { ALERT_SEVERITY, decisionKind, setKey, triage } from '../src/main/analysis/alert-triage';
import { ALERT_ADVICE } from '../src/shared/alert-advice';
import { LANGS, translator } from '../src/shared/i18n';
import { generateAccount, laterAccount, type Account } from './fixtures/account';
import { exportEpoch, renderJson, writeZip } from './fixtures/json';
import { tempDir } from './helpers';

const HOME = '81.2.69.160'; // GB, AS20712
const GOOGLE = 'AS15169|US';

type Login = Account['records']['login_history'][number];

/** A, then B 40 days later with logins from three new Google addresses in the US, then C 40 days later with two more. */
function exports(): { a: Account; b: Account; c: Account } {
  const a = generateAccount({ seed: 21, asOf: '2026-01-10 12:00:00' });
  for (const l of a.records.login_history) l.ip = HOME;
  const known = a.records.login_history[0]!;
  const login = (date: string, ip: string): Login => ({ date, ip, deviceModel: known.deviceModel, deviceSystem: known.deviceSystem, networkType: known.networkType, carrier: known.carrier });
  const b = laterAccount(a, { days: 40, seed: 'decide-b' });
  for (const l of b.records.login_history) l.ip = HOME;
  b.records.login_history.push(login('2026-02-01 08:00:00', '8.8.8.8'), login('2026-02-02 08:00:00', '8.8.4.4'), login('2026-02-03 08:00:00', '8.8.8.9'));
  const c = laterAccount(b, { days: 40, seed: 'decide-c' });
  for (const l of c.records.login_history) if (!b.records.login_history.some((x) => x.date === l.date)) l.ip = HOME;
  c.records.login_history.push(login('2026-03-01 08:00:00', '8.8.4.5'), login('2026-03-02 08:00:00', '2001:4860:4860::8888'));
  return { a, b, c };
}

async function importAll(dir: string, accounts: Account[]): Promise<Service> {
  const service = createService({ dbPath: join(dir, 'fp.db') });
  for (const [i, acc] of accounts.entries()) await service.importExport({ path: await writeZip(renderJson(acc, 'L4'), join(dir, `x${i}`), { epoch: exportEpoch(acc) }) });
  return service;
}

const ipGroups = (d: SnapshotDiff) => d.alerts.filter((x) => x.decisionKind === 'new-ip');
const decisions = (s: Service) => s.db.prepare('SELECT * FROM alert_decisions ORDER BY kind, key').all();

describe('alert grouping and order (real imports)', () => {
  it('makes three new addresses in one network one alert, the addresses listed and counted', async () => {
    const { a, b } = exports();
    const service = await importAll(tempDir(), [a, b]);
    const d = await service.call('diffSnapshots', {});
    const groups = ipGroups(d);
    expect(groups.map((g) => g.key)).toEqual([GOOGLE]);
    const [g] = groups;
    expect(g).toMatchObject({ kind: 'new-country', severity: 'high', decision: null });
    expect(g!.params).toMatchObject({ where: 'found', asn: 15169, country: 'US', addresses: 3, count: 3, more: 0 });
    expect([...(g!.params.ips as string[])].sort()).toEqual(['8.8.4.4', '8.8.8.8', '8.8.8.9']);
    expect(g!.evidence.recordIds).toHaveLength(3);
    // the same people, most severe first: the new device and the new country before the rest
    const rank = { high: 0, medium: 1, low: 2, info: 3 };
    expect(d.alerts.map((x) => rank[x.severity])).toEqual([...d.alerts.map((x) => rank[x.severity])].sort((x, y) => x - y));
    expect(d.alerts[0]!.severity).toBe('high');
    service.close();
  });
});

describe('grouping of one event (real imports)', () => {
  it("makes a known model's new systems one alert, and new off-TikTok events one alert", async () => {
    const { a, b } = exports();
    const known = a.records.login_history[0]!;
    for (const system of ['Zeta OS 1', 'Zeta OS 2']) b.records.login_history.push({ ...known, date: `2026-02-1${system.at(-1)} 09:00:00`, deviceSystem: system });
    const source = a.records.off_tiktok_activity[0]!.source;
    for (const event of ['EventNeverSeenA', 'EventNeverSeenB', 'EventNeverSeenC']) b.records.off_tiktok_activity.push({ date: '2026-02-05 10:00:00', source, event });
    const service = await importAll(tempDir(), [a, b]);
    const d = await service.call('diffSnapshots', {});
    const systems = d.alerts.filter((x) => x.kind === 'new-device-system' && x.key === known.deviceModel);
    expect(systems).toHaveLength(1);
    expect(systems[0]).toMatchObject({ decisionKind: 'new-device', severity: 'low', params: { model: known.deviceModel, count: 2 } });
    expect([...(systems[0]!.params.systems as string[])].sort()).toEqual(['Zeta OS 1', 'Zeta OS 2']);
    const events = d.alerts.filter((x) => x.kind === 'new-off-tiktok-event');
    expect(events).toHaveLength(1);
    // the later account brings one new kind of its own (its first event) besides the three planted
    const p = events[0]!.params as { events: string[]; more: number; n: number; count: number };
    expect(p.events).toEqual(expect.arrayContaining(['EventNeverSeenA', 'EventNeverSeenB', 'EventNeverSeenC']));
    expect(p.events.length + p.more).toBe(p.n);
    expect(p.n).toBe(4);
    expect(p.count).toBeGreaterThanOrEqual(p.n);
    expect(events[0]!.key).toBe(setKey([...p.events].reverse()));
    service.close();
  });
});

describe('alert triage (pure)', () => {
  const found = (kind: FoundAlert['kind'], params: FoundAlert['params'], key?: string): FoundAlert => ({ kind, params, evidence: { snapshotId: 2, recordIds: [1], at: null }, ...(key ? { key } : {}) });

  it('orders by severity, then kind, then the bigger group, and keys alerts by their subject', () => {
    const out = triage([
      found('followers-gained', { count: 3, names: ['a'], more: 2 }, 'x'),
      found('new-ip', { addresses: 2 }, 'AS1|SE'),
      found('new-ip', { addresses: 9 }, 'AS2|SE'),
      found('new-device', { model: 'Pixel 9', systems: [], count: 1 }),
      found('new-ad-partner', { partner: 'Acme', list: 'partner' }),
      found('setting-regressed', { step: 'private-account', key: 'Private Account', from: 'Enabled', to: 'Disabled' }),
    ]);
    expect(out.map((a) => [a.kind, a.key])).toEqual([
      ['new-device', 'Pixel 9'],
      ['setting-regressed', 'private-account'],
      ['new-ad-partner', 'partner:Acme'],
      ['new-ip', 'AS2|SE'],
      ['new-ip', 'AS1|SE'],
      ['followers-gained', 'x'],
    ]);
    expect(out.every((a) => a.decision === null && a.severity === ALERT_SEVERITY[a.kind])).toBe(true);
  });

  it('a set key does not depend on order or repeats, and differs for another set', () => {
    expect(setKey(['b', 'a', 'a'])).toBe(setKey(['a', 'b']));
    expect(setKey(['a', 'b'])).toMatch(/^2:[0-9a-f]{8}$/);
    expect(setKey(['a', 'c'])).not.toBe(setKey(['a', 'b']));
  });

  it('gives every kind a severity, a decision kind and advice worded in both languages', () => {
    for (const kind of ALERT_KINDS) {
      expect(ALERT_SEVERITY[kind], kind).toMatch(/^(high|medium|low|info)$/);
      expect(ALERT_KINDS).toContain(decisionKind(kind));
      const advice = ALERT_ADVICE[kind];
      for (const lang of LANGS) for (const key of [advice.intro, ...advice.steps]) expect(translator(lang).has(key), `${lang} ${key}`).toBe(true);
    }
    expect(decisionKind('new-country')).toBe('new-ip');
    expect(decisionKind('new-device-system')).toBe('new-device');
  });
});

describe('decisions remembered across imports (real SQLite)', () => {
  it('"this was me" on a network: a later export with the same network again does not re-alert', async () => {
    const { a, b, c } = exports();
    const dir = tempDir();
    const service = await importAll(dir, [a, b]);
    const first = await service.call('diffSnapshots', {});
    const g = ipGroups(first)[0]!;
    const before = (await service.call('timeline', {})).at(-1)!.headline!;
    expect(before.alerts['new-country']).toBe(1);
    expect(before.decidedAlerts).toBe(0);

    const saved = await service.call('decideAlert', { kind: g.kind, key: g.key, decision: 'me', note: '  on holiday ' });
    expect(saved).toMatchObject({ kind: 'new-ip', key: GOOGLE, decision: { decision: 'me', note: 'on holiday' } });
    const again = await service.call('diffSnapshots', {});
    expect(ipGroups(again)[0]!.decision).toMatchObject({ decision: 'me', note: 'on holiday' });
    const after = (await service.call('timeline', {})).at(-1)!.headline!;
    expect(after.alerts['new-country']).toBeUndefined();
    expect(after.decidedAlerts).toBe(1);
    service.close();

    // a third export, imported by a fresh service on the same file: the network is known, and decided
    const reopened = createService({ dbPath: join(dir, 'fp.db') });
    await reopened.importExport({ path: await writeZip(renderJson(c, 'L4'), join(dir, 'c'), { epoch: exportEpoch(c) }) });
    const latest = await reopened.call('diffSnapshots', {});
    expect([latest.from, latest.to]).toEqual([2, 3]);
    const google = ipGroups(latest).filter((x) => x.key === GOOGLE);
    expect(google).toHaveLength(1);
    expect(google[0]!.kind).toBe('new-ip'); // seen in B: only the addresses are new now
    expect(google[0]!.params.addresses).toBe(2);
    expect(google[0]!.decision).toMatchObject({ decision: 'me' });
    expect(latest.alerts.filter((x) => x.decision === null && x.decisionKind === 'new-ip')).toEqual([]);
    const timeline = await reopened.call('timeline', {});
    expect(timeline.at(-1)!.headline!.alerts['new-ip']).toBeUndefined();
    expect(timeline.at(-1)!.highlights.some((h) => h.code === 'alert' && h.params.kind === 'new-ip')).toBe(false);

    // any two exports: A against C sees the network as new-country, still decided
    const skip = await reopened.call('diffSnapshots', { from: 1, to: 3 });
    expect(ipGroups(skip).find((x) => x.key === GOOGLE)).toMatchObject({ kind: 'new-country', decision: { decision: 'me' } });

    // undo: still to check again
    expect(await reopened.call('decideAlert', { kind: 'new-ip', key: GOOGLE, decision: null })).toEqual({ kind: 'new-ip', key: GOOGLE, decision: null });
    expect(ipGroups(await reopened.call('diffSnapshots', {})).find((x) => x.key === GOOGLE)!.decision).toBeNull();
    expect(decisions(reopened)).toEqual([]);
    reopened.close();
  });

  it('keeps decisions when a snapshot is deleted or records are forgotten', async () => {
    const { a, b, c } = exports();
    const service = await importAll(tempDir(), [a, b, c]);
    const d = await service.call('diffSnapshots', { from: 1, to: 2 });
    const device = d.alerts.find((x) => x.kind === 'new-device')!;
    await service.call('decideAlert', { kind: 'new-device', key: device.key, decision: 'resolved' });
    await service.call('decideAlert', { kind: 'new-country', key: GOOGLE, decision: 'me' });
    const kept = decisions(service);
    expect(kept).toHaveLength(2);
    await service.call('forgetRecords', { ids: ipGroups(d)[0]!.evidence.recordIds });
    await service.call('deleteSnapshot', { id: 2 });
    expect(decisions(service)).toEqual(kept);
    // B is gone, so A → C brings the device and the network: both still decided
    const now = await service.call('diffSnapshots', {});
    expect([now.from, now.to]).toEqual([1, 3]);
    expect(now.alerts.find((x) => x.decisionKind === 'new-device' && x.key === device.key)?.decision).toMatchObject({ decision: 'resolved' });
    expect(ipGroups(now).find((x) => x.key === GOOGLE)?.decision).toMatchObject({ decision: 'me' });
    service.close();
  });

  it('refuses an unknown kind, a bad decision or key, and leaves the decisions as they were', async () => {
    const { a, b } = exports();
    const service = await importAll(tempDir(), [a, b]);
    await service.call('decideAlert', { kind: 'new-ip', key: GOOGLE, decision: 'me' });
    const kept = decisions(service);
    const bad: unknown[] = [
      { kind: 'new-spaceship', key: GOOGLE, decision: 'me' },
      { kind: 'new-ip', key: GOOGLE, decision: 'maybe' },
      { kind: 'new-ip', key: '', decision: 'resolved' },
      { kind: 'new-ip', key: 'x'.repeat(501), decision: 'resolved' },
      { kind: 'new-ip', key: GOOGLE },
      { kind: 'new-ip', key: GOOGLE, decision: 'resolved', note: 'n'.repeat(501) },
    ];
    for (const input of bad) await expect(service.call('decideAlert', input as never), JSON.stringify(input).slice(0, 80)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(decisions(service)).toEqual(kept);
    service.close();
  });
});

describe('footprint alerts decide (CLI)', () => {
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('decides with the kind and key diff shows, shows it in diff, and undoes it', async () => {
    const { a, b } = exports();
    const dir = tempDir();
    (await importAll(dir, [a, b])).close();
    const db = join(dir, 'fp.db');
    const json = JSON.parse((await run(['diff', '--db', db, '--json'])).out) as { alerts: ChangeAlert[] };
    const g = json.alerts.find((x) => x.key === GOOGLE)!;
    expect(g.decisionKind).toBe('new-ip');
    const human = await run(['diff', '--db', db]);
    expect(human.out).toContain(`footprint alerts decide new-ip '${GOOGLE}' me|resolved`); // quoted: '|' is the shell's

    const decided = await run(['alerts', 'decide', g.decisionKind, g.key, 'resolved', '--db', db]);
    expect(decided).toMatchObject({ code: 0, out: `Remembered: new-ip ${GOOGLE} is resolved.` });
    const after = JSON.parse((await run(['diff', '--db', db, '--json'])).out) as { alerts: ChangeAlert[] };
    expect(after.alerts.find((x) => x.key === GOOGLE)!.decision).toMatchObject({ decision: 'resolved' });
    const text = (await run(['diff', '--db', db, '--lang', 'sv'])).out;
    expect(text).toContain('Redan bedömda:');
    expect(text).toMatch(/åtgärdat \(.+\); ångra: footprint alerts decide new-ip 'AS15169\|US' clear/);

    expect((await run(['alerts', 'decide', 'new-spaceship', GOOGLE, 'me', '--db', db])).code).toBe(1);
    expect((await run(['alerts', 'decide', 'new-ip', GOOGLE, 'maybe', '--db', db])).code).toBe(2);
    expect((await run(['alerts', 'remember', 'new-ip', GOOGLE, 'me', '--db', db])).code).toBe(2);
    const cleared = await run(['alerts', 'decide', 'new-ip', GOOGLE, 'clear', '--db', db, '--json']);
    expect(JSON.parse(cleared.out)).toEqual({ kind: 'new-ip', key: GOOGLE, decision: null });
    const last = JSON.parse((await run(['diff', '--db', db, '--json'])).out) as { alerts: ChangeAlert[] };
    expect(last.alerts.find((x) => x.key === GOOGLE)!.decision).toBeNull();
  });
});
