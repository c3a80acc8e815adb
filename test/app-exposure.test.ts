// What a set of scopes would hand an app, measured on an archive's facts
// (src/main/analysis/app-exposure.ts).
import { describe, expect, it } from 'vitest';
import { exposure, type ArchiveFacts } from '../src/main/analysis/app-exposure';
import { DATASETS } from '../src/shared/catalog';

const T = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** A small archive, as the store would describe it. */
const FACTS: ArchiveFacts = {
  profile: { records: 12, oldest: null, newest: null },
  followers: { records: 340, oldest: T('2021-03-01'), newest: T('2026-05-20') },
  following: { records: 210, oldest: T('2020-11-02'), newest: T('2026-05-28') },
  posts: { records: 57, oldest: T('2021-01-05'), newest: T('2026-05-30') },
  messages: { records: 4_812, oldest: T('2022-02-14'), newest: T('2026-05-31'), partners: 23 },
  watch_history: { records: 9_950, oldest: T('2025-12-01'), newest: T('2026-05-31') },
  likes: { records: 1_204, oldest: T('2021-06-01'), newest: T('2026-05-30') },
  searches: { records: 388, oldest: T('2023-01-01'), newest: T('2026-05-29') },
  login_history: { records: 96, oldest: T('2025-02-01'), newest: T('2026-05-31'), countries: 3 },
  device_status: { records: 2, oldest: null, newest: null },
};

describe('exposure', () => {
  it('direct messages once: every message, the span and how many people, handed over one time', () => {
    const e = exposure(['portability.directmessages.single'], FACTS);
    expect(e).toEqual({
      access: 'one-time',
      repeats: false,
      datasets: [
        {
          dataset: 'messages',
          category: 'messages',
          part: 'all',
          access: 'one-time',
          scopes: ['portability.directmessages.single'],
          records: 4_812,
          exact: true,
          oldest: T('2022-02-14'),
          newest: T('2026-05-31'),
          partners: 23,
        },
      ],
      totals: { datasets: 1, records: 4_812, categories: ['messages'] },
      writes: [],
    });
  });

  it('ongoing activity repeats: each new pull holds all of it again', () => {
    const e = exposure(['portability.activity.ongoing'], FACTS);
    expect(e.access).toBe('ongoing');
    expect(e.repeats).toBe(true);
    const present = e.datasets.filter((d) => d.records > 0);
    expect(present.map((d) => d.dataset)).toEqual(['watch_history', 'likes', 'searches']);
    expect(e.totals).toEqual({ datasets: 3, records: 9_950 + 1_204 + 388, categories: ['activity'] });
    // reached but empty in this archive: still listed, with nothing counted
    expect(e.datasets.find((d) => d.dataset === 'comments')).toMatchObject({ records: 0, oldest: null, access: 'ongoing' });
    // TikTok keeps about 183 days of watch history per export; repeated pulls can add up to more
    expect(e.datasets.find((d) => d.dataset === 'watch_history')!.windowDays).toBe(183);
  });

  it('the full archive reaches every dataset, login countries and device ids included', () => {
    const e = exposure(['portability.all.single'], FACTS);
    expect(e.datasets.map((d) => d.dataset)).toEqual(DATASETS.map((d) => d.id));
    expect(e.datasets.find((d) => d.dataset === 'login_history')).toMatchObject({ records: 96, countries: 3, part: 'all' });
    expect(e.totals.datasets).toBe(Object.keys(FACTS).length);
    expect(e.totals.records).toBe(Object.values(FACTS).reduce((n, f) => n + f.records, 0));
    expect(e.repeats).toBe(false);
  });

  it('counts only: the app learns a number, not the people, nor when', () => {
    const e = exposure(['user.info.stats'], FACTS);
    expect(e.datasets.map((d) => [d.dataset, d.part, d.records, d.oldest])).toEqual([
      ['followers', 'count', 340, null],
      ['following', 'count', 210, null],
      ['posts', 'count', 57, null],
    ]);
    expect(e.totals.records).toBe(0); // no record is copied
    expect(e.totals.datasets).toBe(3);
  });

  it('takes the widest part and the longest access when scopes overlap', () => {
    const e = exposure(['user.info.stats', 'video.list', 'portability.postsandprofile.single'], FACTS);
    const posts = e.datasets.find((d) => d.dataset === 'posts')!;
    expect(posts).toMatchObject({ part: 'all', exact: true, scopes: ['user.info.stats', 'video.list', 'portability.postsandprofile.single'] });
    expect(posts.access).toBe('ongoing'); // video.list and stats keep a renewable login
    const onlyPublic = exposure(['video.list'], FACTS).datasets[0]!;
    expect(onlyPublic).toMatchObject({ dataset: 'posts', part: 'public', exact: false, records: 57 });
  });

  it('a posting-only app reaches no data but writes', () => {
    expect(exposure(['video.publish', 'video.upload'], FACTS)).toMatchObject({ datasets: [], writes: ['drafts', 'posts'], repeats: false });
  });

  it('mixed grants: messages once, activity again and again', () => {
    const e = exposure(['portability.directmessages.single', 'portability.activity.ongoing'], FACTS);
    expect(e.access).toBe('ongoing');
    expect(e.datasets.find((d) => d.dataset === 'messages')!.access).toBe('one-time');
    expect(e.datasets.find((d) => d.dataset === 'likes')!.access).toBe('ongoing');
    expect(e.totals.categories).toEqual(['activity', 'messages']);
  });

  it('an empty archive or unknown scopes hand over nothing', () => {
    expect(exposure(['portability.all.ongoing'], {}).totals).toEqual({ datasets: 0, records: 0, categories: [] });
    expect(exposure(['no.such.scope'], FACTS)).toMatchObject({ datasets: [], totals: { records: 0 }, repeats: false });
  });
});
