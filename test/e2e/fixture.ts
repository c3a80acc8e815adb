// A small synthetic TikTok JSON export (layout L2) for the desktop tests: watch history, likes,
// searches, comments, one section Footprint does not know. Sizes are parameters so the worker test
// can make one large enough to cancel halfway.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureOptions {
  watch?: number;
  likes?: number;
  searches?: number;
  comments?: number;
  /** shifts the watch history (and searches, comments) by this many entries: two fixtures with
   * different seeds overlap, so the second import has duplicates and new records */
  seed?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (i: number) => {
  const t = new Date(Date.UTC(2024, 0, 1) + i * 37 * 60_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
};
const video = (prefix: number, i: number) => `https://www.tiktokv.com/share/video/${prefix}${String(i).padStart(18, '0')}/`;

export function fixtureJson(o: FixtureOptions = {}): string {
  const seed = o.seed ?? 0;
  const data = {
    Activity: {
      'Video Browsing History': { VideoList: Array.from({ length: o.watch ?? 260 }, (_, i) => ({ Date: stamp(i + seed), Link: video(7, i + seed) })) },
      'Like List': { ItemFavoriteList: Array.from({ length: o.likes ?? 40 }, (_, i) => ({ date: stamp(i * 3), link: video(8, i) })) },
      'Search History': {
        SearchList: Array.from({ length: o.searches ?? 12 }, (_, i) => ({ Date: stamp(i * 11 + seed), SearchTerm: ['cats', 'sourdough', 'bouldering', 'synth'][i % 4] + ` ${i}` })),
      },
    },
    Comment: {
      Comments: {
        CommentsList: Array.from({ length: o.comments ?? 5 }, (_, i) => ({ date: stamp(i * 50 + seed), comment: `nice one #${i}`, photo: 'N/A', url: '' })),
      },
    },
    'Mystery Section': { 'Something New': { List: [{ a: 1, b: 'two' }] } },
  };
  return JSON.stringify(data);
}

/** Writes user_data_tiktok.json into dir and returns its path. */
export function writeFixture(dir: string, o: FixtureOptions = {}, name = 'user_data_tiktok.json'): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, fixtureJson(o));
  return file;
}

/** The computer's local day, offsetDays from today, as YYYY-MM-DD (what a date field holds). */
export function localDay(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
