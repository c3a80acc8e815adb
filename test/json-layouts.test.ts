// Every JSON layout TikTok has shipped (research §2.1), clean and with real-world quirks, imported
// end to end through the service into a real SQLite file. Expected counts come from the account
// model and the catalog's key semantics (test/fixtures/json.ts), never from the reader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { generateAccount, laterAccount, timeMs, type Account } from './fixtures/account';
import {
  LAYOUTS,
  defaultJsonName,
  expectedCounts,
  exportEpoch,
  identities,
  renderJson,
  writeFolder,
  writeJsonFile,
  writeZip,
  type Layout,
} from './fixtures/json';
import { tempDir } from './helpers';

type Service = ReturnType<typeof createService>;
type ImportResult = Awaited<ReturnType<Service['importExport']>>;

// Times must be read as UTC whatever the machine's zone is.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const account = generateAccount({ seed: 42, scale: 1, asOf: '2026-05-20 12:00:00' });
const ASTRAL = /[\u{10000}-\u{10FFFF}]/u;

async function importPath(path: string, dir = tempDir()): Promise<{ service: Service; result: ImportResult }> {
  const service = createService({ dbPath: join(dir, 'footprint.db') });
  const result = await service.importExport({ path });
  return { service, result };
}

async function importDoc(doc: unknown, layout: Layout, acc: Account = account) {
  const dir = tempDir();
  const zip = await writeZip(doc, dir, { epoch: exportEpoch(acc), jsonName: defaultJsonName(layout, acc.asOf) });
  return importPath(zip, dir);
}

function counts(result: ImportResult): Record<string, number> {
  return Object.fromEntries(Object.entries(result.datasets).map(([id, c]) => [id, c.records]));
}

function values(service: Service, snapshot: number, dataset: string): Map<string, string | null> {
  const rows = service.db.prepare('SELECT key, value FROM snapshot_values WHERE snapshot_id = ? AND dataset = ?').all(snapshot, dataset) as {
    key: string;
    value: string | null;
  }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

function records(service: Service, dataset: string): { at: number | null; fields: Record<string, unknown> }[] {
  const rows = service.db.prepare('SELECT at, data FROM records WHERE dataset = ?').all(dataset) as { at: number | null; data: string }[];
  return rows.map((r) => ({ at: r.at, fields: JSON.parse(r.data) as Record<string, unknown> }));
}

describe.each(LAYOUTS.flatMap((layout) => [false, true].map((quirks) => ({ layout, quirks }))))(
  'JSON layout $layout (quirks: $quirks)',
  ({ layout, quirks }) => {
    it('imports with the expected counts, layout, values, conversations, emoji and UTC times', async () => {
      const { service, result } = await importDoc(renderJson(account, layout, { quirks }), layout);
      try {
        expect(result.snapshot.layout).toBe(layout);
        expect(result.snapshot.format).toBe('json');
        expect(result.snapshot.exportedAt).toBe('2026-05-20T12:00:00Z');
        expect(counts(result)).toEqual(expectedCounts(account, layout));

        // quirks add exact duplicate rows, which are counted once and reported
        const dups = Object.values(result.datasets).reduce((n, c) => n + c.duplicates, 0);
        if (quirks) expect(result.datasets.watch_history!.duplicates).toBeGreaterThan(0);
        else expect(dups).toBe(0);

        // settings and profile: keys as TikTok names them, nested maps flattened, colons stripped
        const id = result.snapshot.id;
        const settings = values(service, id, 'settings');
        expect(settings.get('Private Account')).toBe(account.settings['Private Account']);
        expect(settings.get('Push Notification › New Fans')).toBe('Default');
        expect(settings.get('Allow DownLoad')).toBe('Everyone');
        expect([...settings.keys()].filter((k) => /[:\s]$/.test(k))).toEqual([]);
        if (layout === 'L4') expect(settings.get('Who can see your following list')).toBe('Everyone');
        if (layout !== 'L1') expect(settings.get('Content Preferences › Keyword filters for videos in For You feed')).toBe('["spoilers","crypto 🚀"]');
        const profile = values(service, id, 'profile');
        expect(profile.get('userName')).toBe(account.profile.userName);
        expect(profile.get('birthDate')).toBe(account.profile.birthDate);
        expect(profile.has('PlatformInfo')).toBe(false);

        // messages keep who the conversation was with
        const msgs = records(service, 'messages');
        const convs = new Set(account.records.messages.map((m) => m.conversation));
        expect(new Set(msgs.map((m) => m.fields.conversation))).toEqual(convs);
        for (const m of msgs) expect(m.fields.from === account.profile.userName || m.fields.from === m.fields.conversation).toBe(true);

        // astral-plane emoji survive byte for byte
        const withEmoji = (xs: string[]) => xs.filter((s) => ASTRAL.test(s)).sort();
        expect(withEmoji(records(service, 'comments').map((r) => String(r.fields.comment)))).toEqual(
          withEmoji(account.records.comments.map((c) => c.comment)),
        );
        expect(withEmoji(msgs.map((r) => String(r.fields.content)))).toEqual(withEmoji(account.records.messages.map((m) => m.content)));
        expect(withEmoji(records(service, 'searches').map((r) => String(r.fields.term)))).toEqual(
          withEmoji(account.records.searches.map((s) => s.term)),
        );
        expect(withEmoji(account.records.comments.map((c) => c.comment)).length).toBeGreaterThan(0);

        // stored times are UTC instants (L4 comments end in " UTC"; web shares' placeholder is no time)
        for (const ds of ['searches', 'comments', 'login_history', 'watch_history'] as const) {
          const want = account.records[ds].map((r) => timeMs(r.date)).sort((a, b) => a - b);
          expect(records(service, ds).map((r) => r.at).sort((a, b) => a! - b!), ds).toEqual(want);
        }
        const webShares = records(service, 'shares').filter((r) => r.fields.content === 'video');
        expect(webShares.length).toBe(account.records.shares.filter((s) => s.date === null).length);
        for (const s of webShares) expect(s.at).toBeNull();
      } finally {
        service.close();
      }
    });
  },
);

describe('containers', () => {
  it('a ZIP (in a subfolder), an unzipped folder and the bare JSON give the same counts', async () => {
    const layout: Layout = 'L3';
    const doc = renderJson(account, layout, { quirks: true });
    const dir = tempDir();
    const zip = await writeZip(doc, join(dir, 'zip'), { epoch: exportEpoch(account), subfolder: 'TikTok_Data' });
    const folder = writeFolder(doc, join(dir, 'folder', 'TikTok_Data_1779278400'), { subfolder: 'export' });
    const bare = writeJsonFile(doc, join(dir, 'bare'));
    const want = expectedCounts(account, layout);
    const kinds: string[] = [];
    for (const [i, path] of [zip, folder, bare].entries()) {
      const { service, result } = await importPath(path, join(dir, String(i)));
      kinds.push(result.snapshot.layout);
      expect(counts(result)).toEqual(want);
      service.close();
    }
    expect(kinds).toEqual([layout, layout, layout]);
  });

  it('L1 and 2022-era L2 exports name the file user_data.json', async () => {
    const old = generateAccount({ seed: 7, asOf: '2022-02-15 09:30:00' });
    expect(defaultJsonName('L1')).toBe('user_data.json');
    expect(defaultJsonName('L2', old.asOf)).toBe('user_data.json');
    expect(defaultJsonName('L2', '2024-12-08 18:05:00')).toBe('user_data_tiktok.json');
    const { service, result } = await importDoc(renderJson(old, 'L2'), 'L2', old);
    expect(counts(result)).toEqual(expectedCounts(old, 'L2'));
    service.close();
  });

  it('a document written twice back to back imports once', async () => {
    const dir = tempDir();
    const file = writeJsonFile(renderJson(account, 'L4'), join(dir, 'user_data_tiktok.json'), { doubled: true });
    const { service, result } = await importPath(file, dir);
    expect(counts(result)).toEqual(expectedCounts(account, 'L4'));
    expect(result.warnings.some((w) => w.code === 'export-twice')).toBe(true);
    service.close();
  });
});

describe('empty sections', () => {
  it.each(LAYOUTS)('%s: every empty encoding (null, [], {}, "", "N/A", "None") means no data, without warnings', async (layout) => {
    const empty = generateAccount({ seed: 5, scale: 0, asOf: '2026-05-20 12:00:00' });
    const { service, result } = await importDoc(renderJson(empty, layout, { quirks: true }), layout, empty);
    const want = expectedCounts(empty, layout);
    expect(counts(result)).toEqual(want);
    expect(Object.entries(want).filter(([id, n]) => n > 0 && !['profile', 'settings', 'linked_platforms', 'autofill', 'activity_summary', 'live_settings'].includes(id))).toEqual([]);
    expect(result.warnings).toEqual([]);
    // an L1 export without a single VideoLink row or device status cannot be told from L2
    expect(result.snapshot.layout).toBe(layout === 'L1' ? 'L2' : layout);
    service.close();
  });
});

describe('partial and duplicated sections', () => {
  it('an export holding only "Your Activity" imports what it has', async () => {
    const full = renderJson(account, 'L3') as Record<string, unknown>;
    const { service, result } = await importDoc({ 'Your Activity': full['Your Activity'] }, 'L3');
    const all = expectedCounts(account, 'L3');
    const inYourActivity = [
      'watch_history', 'likes', 'favorite_videos', 'favorite_sounds', 'favorite_effects', 'favorite_hashtags', 'searches',
      'shares', 'login_history', 'device_status', 'followers', 'following', 'hashtags_used', 'purchases',
      'activity_summary', 'location_data',
    ];
    expect(counts(result)).toEqual(Object.fromEntries(inYourActivity.map((id) => [id, all[id]])));
    expect(result.snapshot.layout).toBe('L3');
    service.close();
  });

  it('L4 repeats Off TikTok Activity under two parents; it is read once', async () => {
    const doc = renderJson(account, 'L4') as Record<string, Record<string, unknown>>;
    expect(doc['Profile And Settings']!['Off TikTok Activity']).toEqual(doc['Your Activity']!['Off TikTok Activity']);
    const { service, result } = await importDoc(doc, 'L4');
    const off = result.datasets.off_tiktok_activity!;
    expect(off.records).toBe(account.records.off_tiktok_activity.length);
    expect(off.duplicates).toBe(0);
    expect(records(service, 'off_tiktok_activity').length).toBe(account.records.off_tiktok_activity.length);
    expect(result.warnings.filter((w) => w.path === 'off_tiktok_activity')).toEqual([]);
    service.close();
  });

  it('L2 location reviews nested "Poi Review" → "POI Review" are read (reader fix)', async () => {
    const doc = renderJson(account, 'L2') as Record<string, Record<string, unknown>>;
    expect(Object.keys(doc['Poi Review']!)).toEqual(['POI Review']);
    const { service, result } = await importDoc(doc, 'L2');
    expect(result.datasets.location_reviews!.records).toBe(account.records.location_reviews.length);
    expect(result.unknownSections.map((u) => u.path)).not.toContain('Poi Review');
    expect(result.warnings.filter((w) => w.path.startsWith('Poi Review'))).toEqual([]);
    const place = records(service, 'location_reviews').map((r) => r.fields.place);
    expect(place.sort()).toEqual(account.records.location_reviews.map((r) => r.place).sort());
    service.close();
  });
});

describe('overlapping exports of one account', () => {
  it('a later export adds only what is new; records past the history window stay stored', async () => {
    const later = laterAccount(account, { days: 60, seed: 9 });
    const dir = tempDir();
    const first = await writeZip(renderJson(account, 'L4'), join(dir, 'a'), { epoch: exportEpoch(account) });
    const second = await writeZip(renderJson(later, 'L4', { quirks: true }), join(dir, 'b'), { epoch: exportEpoch(later) });
    const service = createService({ dbPath: join(dir, 'footprint.db') });
    try {
      await service.importExport({ path: first });
      const result = await service.importExport({ path: second });
      expect(counts(result)).toEqual(expectedCounts(later, 'L4'));
      const before = identities(account, 'L4');
      const after = identities(later, 'L4');
      for (const [id, keys] of Object.entries(after)) {
        const fresh = [...keys].filter((k) => !before[id]!.has(k)).length;
        expect(result.datasets[id]!.new, id).toBe(fresh);
      }
      // posts are re-signed and re-counted but keep their identity (their date)
      expect(result.datasets.posts!.new).toBe(later.records.posts.length - account.records.posts.length);
      expect(later.records.watch_history.length).toBeLessThan(account.records.watch_history.length + result.datasets.watch_history!.new);
      const stored = records(service, 'watch_history').length;
      expect(stored).toBe(new Set([...before.watch_history!, ...after.watch_history!]).size);
      // a setting flipped between the two snapshots
      expect(values(service, result.snapshot.id, 'settings').get('Private Account')).toBe(later.settings['Private Account']);
      expect(later.settings['Private Account']).not.toBe(account.settings['Private Account']);
    } finally {
      service.close();
    }
  });
});

describe('the account model', () => {
  it('is deterministic and realistic', () => {
    const again = generateAccount({ seed: 42, scale: 1, asOf: '2026-05-20 12:00:00' });
    expect(again).toEqual(account);
    expect(generateAccount({ seed: 43, asOf: '2026-05-20 12:00:00' })).not.toEqual(account);
    expect(account.profile.userName).toMatch(/^[a-z0-9._]+$/);
    for (const r of account.records.watch_history) expect(r.link).toMatch(/^https:\/\/www\.tiktokv\.com\/share\/video\/\d{19}\/$/);
    for (const l of account.records.login_history) expect(l.ip).toMatch(/^(10\.|192\.0\.2\.|198\.51\.100\.|203\.0\.113\.)/);
    const asOf = timeMs(account.asOf);
    for (const r of account.records.watch_history) expect(asOf - timeMs(r.date)).toBeLessThan(183 * 86_400_000);
    const later = laterAccount(account, { days: 200 });
    for (const r of later.records.watch_history) expect(timeMs(later.asOf) - timeMs(r.date)).toBeLessThan(183 * 86_400_000);
    expect(later.records.login_history.at(-1)!.deviceModel).not.toBe(account.records.login_history.at(-1)!.deviceModel);
    expect(later.records.device_status.length).toBe(account.records.device_status.length + 1);
  });
});
