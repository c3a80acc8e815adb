// What each group of scopes would hand an app, measured on generated exports of several layouts
// (the newest JSON, the oldest JSON, a TXT folder export) imported into real SQLite files. The
// expected figures come from the account model and the layout's own expected counts, never from
// the reader or the exposure code: per dataset the records, the time span, how many people the
// messages are with; counts-only scopes learn a number and no dates; ongoing grants repeat.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService, type Service } from '../src/main/service';
import { DATASETS } from '../src/shared/catalog';
import { generateAccount, timeMs, type Account, type RecordDatasetId } from './fixtures/account';
import { defaultJsonName, expectedCounts, exportEpoch, liveComments, renderJson, writeZip, type Layout } from './fixtures/json';
import { expectedTxtCounts, renderTxt, writeTxtZip, type Generation } from './fixtures/txt';
import { tempDir } from './helpers';

const account = generateAccount({ seed: 23, scale: 1, asOf: '2026-03-01 12:00:00' });

const ACTIVITY = [
  'watch_history',
  'likes',
  'comments',
  'favorite_videos',
  'favorite_sounds',
  'favorite_effects',
  'favorite_hashtags',
  'searches',
  'purchases',
  'hashtags_used',
  'location_data',
  'location_reviews',
];
const POSTS_AND_PROFILE = ['profile', 'followers', 'following', 'posts'];

/**
 * Each scope group as the issue and TikTok's documentation describe it: the datasets it reaches
 * (in catalog order), with how much of each, and whether it is handed over again and again.
 * Written out here, not read from the catalog, so a change to the catalog shows up as a failure.
 */
const GROUPS: { scopes: string[]; reach: Record<string, 'all' | 'some' | 'public' | 'count'>; repeats: boolean; writes?: string[] }[] = [
  { scopes: ['user.info.basic'], reach: { profile: 'some' }, repeats: true },
  { scopes: ['user.info.basic', 'user.info.profile'], reach: { profile: 'some' }, repeats: true },
  { scopes: ['user.info.stats'], reach: { followers: 'count', following: 'count', posts: 'count' }, repeats: true },
  { scopes: ['video.list'], reach: { posts: 'public' }, repeats: true },
  { scopes: ['video.upload', 'video.publish'], reach: {}, repeats: false, writes: ['drafts', 'posts'] },
  { scopes: ['portability.postsandprofile.single'], reach: Object.fromEntries(POSTS_AND_PROFILE.map((d) => [d, 'all'])), repeats: false },
  { scopes: ['portability.postsandprofile.ongoing'], reach: Object.fromEntries(POSTS_AND_PROFILE.map((d) => [d, 'all'])), repeats: true },
  { scopes: ['portability.activity.single'], reach: Object.fromEntries(ACTIVITY.map((d) => [d, 'all'])), repeats: false },
  { scopes: ['portability.activity.ongoing'], reach: Object.fromEntries(ACTIVITY.map((d) => [d, 'all'])), repeats: true },
  { scopes: ['portability.directmessages.single'], reach: { messages: 'all' }, repeats: false },
  { scopes: ['portability.directmessages.ongoing'], reach: { messages: 'all' }, repeats: true },
  { scopes: ['portability.all.single'], reach: Object.fromEntries(DATASETS.map((d) => [d.id, 'all'])), repeats: false },
  { scopes: ['portability.all.ongoing'], reach: Object.fromEntries(DATASETS.map((d) => [d.id, 'all'])), repeats: true },
];

/** The model's time span of a dataset's records (those with a time), or nulls. */
function span(acc: Account, dataset: string): [number | null, number | null] {
  // the comments written in watched LIVEs are records of their own
  const recs = dataset === 'live_comments' ? liveComments(acc) : (acc.records as unknown as Record<string, { date?: string | null }[] | undefined>)[dataset as RecordDatasetId];
  const ms = (recs ?? []).map((r) => r.date).filter((d): d is string => typeof d === 'string').map(timeMs);
  return ms.length ? [Math.min(...ms), Math.max(...ms)] : [null, null];
}

const EXPORTS: { name: string; write: (dir: string) => Promise<string>; counts: Record<string, number> }[] = [
  {
    name: 'JSON, newest layout (L4)',
    write: (dir) => writeZip(renderJson(account, 'L4'), dir, { epoch: exportEpoch(account), jsonName: defaultJsonName('L4' as Layout, account.asOf) }),
    counts: expectedCounts(account, 'L4'),
  },
  {
    name: 'JSON, oldest layout (L1)',
    write: (dir) => writeZip(renderJson(account, 'L1'), dir, { epoch: exportEpoch(account), jsonName: defaultJsonName('L1' as Layout, account.asOf) }),
    counts: expectedCounts(account, 'L1'),
  },
  { name: 'TXT, generation C', write: (dir) => writeTxtZip(renderTxt(account, 'C' as Generation), join(dir, 'txt')), counts: expectedTxtCounts(account, 'C') },
  { name: 'TXT, generation A (oldest)', write: (dir) => writeTxtZip(renderTxt(account, 'A' as Generation), join(dir, 'txt')), counts: expectedTxtCounts(account, 'A') },
];

describe.each(EXPORTS)('exposure of each scope group on $name', ({ write, counts }) => {
  let service: Service;
  /** datasets the service found times in (a layout may write none for a dataset, e.g. profile values) */
  let timed: Set<string>;

  beforeAll(async () => {
    const dir = tempDir();
    service = createService({ dbPath: join(dir, 'fp.db'), today: () => '2026-03-02' });
    await service.importExport({ path: await write(dir) });
    // the archive's own spans per dataset, from the records as listed (not from exposure)
    timed = new Set();
    for (const d of DATASETS) {
      const page = await service.listRecords({ dataset: d.id, limit: 1 });
      if (page.rows.some((r) => r.at !== null)) timed.add(d.id);
    }
  }, 60_000);
  afterAll(() => service?.close());

  it.each(GROUPS.map((g) => [g.scopes.join(' + '), g] as const))('%s', async (_name, group) => {
    const { exposure, access } = await service.previewExposure({ scopes: group.scopes });
    // every dataset the group reaches is listed, in catalog order, held or not; nothing else
    const order = DATASETS.map((d) => d.id).filter((id) => id in group.reach);
    expect(Object.keys(exposure.datasets)).toEqual(order);
    let copied = 0;
    let present = 0;
    let spans = 0;
    for (const [dataset, part] of Object.entries(group.reach)) {
      const e = exposure.datasets[dataset]!;
      const records = counts[dataset] ?? 0;
      expect([dataset, e.part, e.records], dataset).toEqual([dataset, part, records]);
      expect(e.exact, dataset).toBe(part === 'all' || part === 'count');
      expect(e.access, dataset).toBe(group.repeats ? 'ongoing' : 'one-time');
      if (records > 0) {
        present++;
        if (part !== 'count') copied += records;
      }
      if (part === 'count' || records === 0 || !timed.has(dataset)) {
        if (part === 'count' || records === 0) expect([e.oldest, e.newest], dataset).toEqual([null, null]);
        continue;
      }
      expect([e.oldest, e.newest], dataset).toEqual(span(account, dataset));
      spans++;
    }
    // the spans were checked where it matters, not skipped: every dated dataset the export holds has times
    for (const d of ['messages', 'watch_history', 'likes', 'login_history', 'followers']) {
      if (d in group.reach && group.reach[d] !== 'count' && (counts[d] ?? 0) > 0) expect(timed.has(d), d).toBe(true);
    }
    if (group.scopes[0]!.startsWith('portability.all')) expect(spans).toBeGreaterThanOrEqual(10);
    if ('messages' in group.reach && (counts.messages ?? 0) > 0) {
      expect(exposure.datasets.messages!.partners).toBe(new Set(account.records.messages.map((m) => m.conversation)).size);
    }
    expect(exposure.totals.datasets).toBe(present);
    expect(exposure.totals.records).toBe(copied);
    expect(exposure.repeats).toBe(group.repeats);
    expect(exposure.writes).toEqual(group.writes ?? []);
    expect(access.access).toBe(group.scopes.some((s) => s.startsWith('portability.') && s.endsWith('.single')) ? 'one-time' : 'ongoing');
  });
});
