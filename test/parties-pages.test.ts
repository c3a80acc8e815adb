// The parties a kind at a time (the `parties` and `partyDetail` operations), on a real SQLite file
// with a generated export naming some hundred off-TikTok partners: every party appears exactly once
// across the pieces, in one stable order, each kind's count is right, the list's light shape says
// what the detail says, the search works in the person's words, the register's apps follow every
// register change, bad input is refused with its field, and an empty archive answers nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService, type Service } from '../src/main/service';
import { PARTY_KINDS, type PartyListItem } from '../src/shared/contract';
import { translator } from '../src/shared/i18n';
import { generateAccount } from './fixtures/account';
import { exportEpoch, renderJson, writeZip } from './fixtures/json';
import { everyListItem, everyParty } from './fixtures/parties';
import { tempDir } from './helpers';

const account = generateAccount({ seed: 6, scale: 12, asOf: '2026-02-10 12:00:00' });
const sources = new Set(account.records.off_tiktok_activity.map((r) => r.source));
const total = (p: { evidence: { records: number }[] }) => p.evidence.reduce((n, e) => n + e.records, 0);

describe('parties, a kind at a time', () => {
  let dbPath: string;
  let service: Service;

  beforeAll(async () => {
    // kept for the whole describe (helpers' tempDir is emptied after each test)
    const dir = mkdtempSync(join(tmpdir(), 'footprint-parties-'));
    dbPath = join(dir, 'fp.db');
    service = createService({ dbPath, today: () => '2026-06-01' });
    await service.importExport({ path: await writeZip(renderJson(account, 'L4'), dir, { epoch: exportEpoch(account) }) });
    await service.addApp({ name: 'Chat Backup', scopes: ['portability.directmessages.ongoing'], grantedOn: '2026-01-01' });
    return () => {
      service.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }, 120_000);

  it('answers each kind’s count and its first piece, in the kinds’ order, and the pieces of a kind hold every party once', async () => {
    const first = await service.parties({ limit: 7 });
    expect(sources.size).toBeGreaterThan(100);
    const kinds = first.groups.map((g) => g.kind);
    expect(kinds).toEqual(PARTY_KINDS.filter((k) => kinds.includes(k)));
    expect(kinds).toContain('off-tiktok-source');
    expect(kinds.at(-1)).toBe('app');
    expect(first.groups.find((g) => g.kind === 'off-tiktok-source')!.count).toBe(sources.size);
    expect(first.groups.reduce((n, g) => n + g.count, 0)).toBe(first.total);
    expect(first.matched).toBe(first.total);
    for (const g of first.groups) {
      expect(g.offset).toBe(0);
      expect(g.parties).toHaveLength(Math.min(7, g.count));
      expect(g.parties.every((p) => p.kind === g.kind)).toBe(true);
    }

    // pieces of 7 and pieces of 1000 list the same parties in the same order, each once
    const small = await everyListItem(service, 7);
    const big = await everyListItem(service);
    expect(small.map((p) => p.key)).toEqual(big.map((p) => p.key));
    expect(new Set(big.map((p) => p.key)).size).toBe(first.total);
    expect(big).toHaveLength(first.total);
    // a piece past the end is empty, the count still right
    const off = await service.parties({ kind: 'off-tiktok-source', offset: sources.size, limit: 50 });
    expect(off.groups).toEqual([{ kind: 'off-tiktok-source', count: sources.size, offset: sources.size, parties: [] }]);
    const last = await service.parties({ kind: 'off-tiktok-source', offset: sources.size - 3, limit: 50 });
    expect(last.groups[0]!.parties.map((p) => p.key)).toEqual(big.filter((p) => p.kind === 'off-tiktok-source').slice(-3).map((p) => p.key));
    // a kind the archive does not show: that kind, empty
    const absent = PARTY_KINDS.find((k) => !kinds.includes(k))!;
    expect((await service.parties({ kind: absent })).groups).toEqual([{ kind: absent, count: 0, offset: 0, parties: [] }]);
  });

  it('lists the same way in a new service over the same file (the order is the archive’s, not the cache’s)', async () => {
    const again = createService({ dbPath });
    try {
      expect((await everyListItem(again, 13)).map((p) => p.key)).toEqual((await everyListItem(service)).map((p) => p.key));
    } finally {
      again.close();
    }
  });

  it('the list’s light shape says what the detail says, without per-snapshot spans, record ids or raw records', async () => {
    const items = await everyListItem(service);
    const detail = await everyParty(service);
    expect(detail).toHaveLength(items.length);
    items.forEach((item, i) => {
      const d = detail[i]!;
      expect([item.name, item.kind, item.direction, item.firstSeen, item.lastSeen, item.actions, item.categories, item.appId]).toEqual([
        d.name,
        d.kind,
        d.direction,
        d.firstSeen,
        d.lastSeen,
        d.actions,
        d.categories,
        d.appId,
      ]);
      expect(item.evidence).toEqual(d.evidence.map((e) => ({ dataset: e.dataset, records: e.records, snapshots: e.snapshots })));
      expect(item.events).toEqual(d.events?.map((e) => ({ event: e.event, records: e.records })));
      expect(Object.keys(item)).not.toContain('perSnapshot');
      expect(Object.keys(item)).not.toContain('raw');
    });
    // the off-TikTok partners' records add up to the export's
    expect(items.filter((p) => p.kind === 'off-tiktok-source').reduce((n, p) => n + total(p), 0)).toBe(account.records.off_tiktok_activity.length);
    // the first piece of every kind is a small part of everything
    const page = JSON.stringify(await service.parties({}));
    expect(page.length * 2).toBeLessThan(JSON.stringify(detail).length);
    // detail by key, in the keys' order; a key no one has: null
    const picked = [items.at(-1)!.key, 'off-tiktok-source:nobody', items[0]!.key];
    expect((await service.partyDetail({ keys: picked })).parties).toEqual([detail.at(-1), null, detail[0]]);
  });

  it('searches names ignoring case and accents, unnamed partners by their words in the person’s language or by their id', async () => {
    const items = await everyListItem(service);
    const named = items.find((p) => p.kind === 'off-tiktok-source' && p.name && p.name.length > 6)!;
    const q = named.name!.slice(1, 6).toUpperCase();
    const hits = await service.parties({ query: `  ${q} ` });
    const plain = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const expected = items.filter((p) => plain(p.name ?? (p.unnamed?.reason === 'numeric-id' ? p.unnamed.id : '')).includes(plain(q)));
    expect(hits.matched).toBe(expected.length);
    expect(hits.total).toBe(items.length);
    expect(hits.groups.flatMap((g) => g.parties).map((p) => p.key)).toEqual(expected.slice(0, 50).map((p) => p.key));

    const unnamed = items.filter((p) => p.unnamed?.reason === 'numeric-id');
    expect(unnamed.length).toBeGreaterThan(0);
    const one = unnamed[0]!.unnamed as { id: string };
    // the words the window shows: "an unnamed partner (id …)" / Swedish
    expect((await service.parties({ query: 'unnamed', lang: 'en', limit: 1000 })).matched).toBe(unnamed.length);
    const sv = translator('sv').t('party.unnamed', { id: one.id }).split(' ')[1]!;
    expect((await service.parties({ query: sv, lang: 'sv', limit: 1000 })).matched).toBeGreaterThanOrEqual(unnamed.length);
    // without a language, by the id alone
    expect((await service.parties({ query: 'unnamed', limit: 1000 })).matched).toBe(0);
    const byId = await service.parties({ query: one.id });
    expect(byId.groups.flatMap((g) => g.parties).map((p) => p.key)).toContain(unnamed[0]!.key);
    // accents: "Bäckup" finds "Backup"
    expect((await service.parties({ query: 'CHAT BÄCKUP' })).groups.map((g) => [g.kind, g.parties.map((p) => p.name)])).toEqual([['app', ['Chat Backup']]]);
    // a search with a kind: that kind's matches from the offset
    const q2 = (await service.parties({ kind: 'off-tiktok-source', query: q, offset: 1, limit: 2 })).groups[0]!;
    expect([q2.count, q2.parties.map((p) => p.key)]).toEqual([expected.filter((p) => p.kind === 'off-tiktok-source').length, expected.filter((p) => p.kind === 'off-tiktok-source').slice(1, 3).map((p) => p.key)]);
    // nothing matches
    expect(await service.parties({ query: 'no such party at all' })).toEqual({ total: items.length, matched: 0, groups: [] });
  });

  it('follows the register at once: an app added, renamed, revoked and removed', async () => {
    const apps = async () => (await service.parties({ kind: 'app' })).groups[0]!.parties;
    const added = await service.addApp({ name: 'Photo Printer', scopes: ['video.list'], grantedOn: '2026-02-01' });
    const before = await apps();
    expect(before.map((p) => [p.key, p.name, p.appId, p.direction])).toEqual([
      ['app:1', 'Chat Backup', 1, 'to-party'],
      [`app:${added.id}`, 'Photo Printer', added.id, 'to-party'],
    ]);
    expect(before[0]!.evidence).toEqual([{ dataset: 'messages', records: account.records.messages.length, snapshots: [] }]);
    await service.editApp({ id: added.id, name: 'Sticker Printer' });
    expect((await apps()).map((p) => p.name)).toEqual(['Chat Backup', 'Sticker Printer']);
    expect((await service.partyDetail({ keys: [`app:${added.id}`] })).parties[0]).toMatchObject({ name: 'Sticker Printer', kind: 'app', appId: added.id });
    await service.revokeApp({ id: added.id, on: '2026-05-01' });
    expect((await apps()).map((p) => p.name)).toEqual(['Chat Backup']);
    await service.removeApp({ id: added.id });
    expect((await service.partyDetail({ keys: [`app:${added.id}`] })).parties).toEqual([null]);
    const all = await service.parties({});
    expect(all.groups.find((g) => g.kind === 'app')!.count).toBe(1);
  });

  it('refuses bad input with the field it is about', async () => {
    const bad: [unknown, string][] = [
      [{ limit: 0 }, 'limit'],
      [{ limit: 1001 }, 'limit'],
      [{ limit: 1.5 }, 'limit'],
      [{ offset: -1 }, 'offset'],
      [{ kind: 'nobody' }, 'kind'],
      [{ lang: 'de' }, 'lang'],
      [{ query: 'x'.repeat(201) }, 'query'],
      [{ page: 2 }, 'page'],
    ];
    for (const [input, field] of bad) await expect(service.call('parties', input), JSON.stringify(input).slice(0, 60)).rejects.toMatchObject({ code: 'BAD_INPUT', params: { field } });
    await expect(service.call('partyDetail', { keys: [] })).rejects.toMatchObject({ code: 'BAD_INPUT', params: { field: 'keys' } });
    await expect(service.call('partyDetail', { keys: Array(1001).fill('x') })).rejects.toMatchObject({ code: 'BAD_INPUT', params: { field: 'keys' } });
    await expect(service.call('partyDetail', { keys: [''] })).rejects.toMatchObject({ code: 'BAD_INPUT', params: { field: 'keys[0]' } });
  });
});

describe('parties of an empty archive', () => {
  it('answers no parties, and an empty kind when one is asked', async () => {
    const service = createService({ dbPath: join(tempDir(), 'fp.db') });
    try {
      expect(await service.parties({})).toEqual({ total: 0, matched: 0, groups: [] });
      expect(await service.parties({ kind: 'off-tiktok-source', offset: 50 })).toEqual({ total: 0, matched: 0, groups: [{ kind: 'off-tiktok-source', count: 0, offset: 50, parties: [] }] });
      expect(await service.partyDetail({ keys: ['off-tiktok-source:x'] })).toEqual({ parties: [null] });
      // an app noted before any import is a party already
      await service.addApp({ name: 'Early', scopes: ['user.info.basic'], grantedOn: '2025-01-01' });
      const { groups } = await service.parties({});
      expect(groups.map((g) => [g.kind, g.count, g.parties.map((p: PartyListItem) => p.name)])).toEqual([['app', 1, ['Early']]]);
    } finally {
      service.close();
    }
  });
});
