// Writes a large, realistic L3 export straight to disk (never holding it in memory), for benchmarks.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import JSZip from 'jszip';

/** Share of the records each dataset gets; adds up to 1. */
const MIX: [section: string, category: string, listKey: string, share: number, item: (i: number, t: string) => unknown][] = [
  ['Watch History', 'Your Activity', 'VideoList', 0.4, (i, t) => ({ Date: t, Link: `https://www.tiktokv.com/share/video/${7000000000000000000 + i}/` })],
  ['Like List', 'Your Activity', 'ItemFavoriteList', 0.2, (i, t) => ({ date: t, link: `https://www.tiktokv.com/share/video/${7100000000000000000 + i}/` })],
  ['Favorite Videos', 'Your Activity', 'FavoriteVideoList', 0.05, (i, t) => ({ Date: t, Link: `https://www.tiktokv.com/share/video/${7200000000000000000 + i}/` })],
  ['Searches', 'Your Activity', 'SearchList', 0.05, (i, t) => ({ Date: t, SearchTerm: `search term ${i} 🥺` })],
  [
    'Login History',
    'Your Activity',
    'LoginHistoryList',
    0.05,
    (i, t) => ({ Date: t, IP: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, DeviceModel: 'iPhone14,4', DeviceSystem: 'iOS 17.6.1', NetworkType: 'Wi-Fi', Carrier: '' }),
  ],
  ['Off TikTok Activity', 'Ads and data', 'OffTikTokActivityDataList', 0.15, (i, t) => ({ TimeStamp: t, Source: String(100000000 + (i % 5000)), Event: 'ViewContent' })],
  ['Share History', 'Your Activity', 'ShareHistoryList', 0.05, (i, t) => ({ Date: t, SharedContent: 'share_video', Link: `https://www.tiktokv.com/share/video/${7300000000000000000 + i}/`, Method: 'copy' })],
  ['Comments', 'Comment', 'CommentsList', 0.05, (i, t) => ({ date: t, comment: `comment number ${i} so cute 🥺`, photo: 'N/A', url: '' })],
];

/** Where each mix entry's record numbers start, so the JSON and TXT forms hold the same records. */
function firstIndex(total: number): number[] {
  let next = 0;
  return MIX.map(([, , , share]) => {
    const start = next;
    next += Math.round(total * share);
    return start;
  });
}

function time(i: number): string {
  return new Date(Date.UTC(2024, 0, 1) + i * 13_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Writes `total` records; `variant` changes the profile so two files differ while their records do not. */
export async function writeLargeExport(path: string, total: number, variant = 'a'): Promise<void> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const byCategory = new Map<string, typeof MIX>();
  for (const m of MIX) byCategory.set(m[1], [...(byCategory.get(m[1]) ?? []), m]);
  await write('{\n');
  const starts = firstIndex(total);
  let first = true;
  for (const [category, sections] of byCategory) {
    await write(`${first ? '' : ',\n'}  ${JSON.stringify(category)}: {\n`);
    first = false;
    for (let s = 0; s < sections.length; s++) {
      const [section, , listKey, share, item] = sections[s]!;
      const n = Math.round(total * share);
      let next = starts[MIX.findIndex((m) => m[0] === section)]!;
      await write(`    ${JSON.stringify(section)}: {\n      ${JSON.stringify(listKey)}: [\n`);
      let chunk = '';
      for (let i = 0; i < n; i++, next++) {
        chunk += `        ${JSON.stringify(item(next, time(next)))}${i + 1 < n ? ',' : ''}\n`;
        if (chunk.length > 1 << 20) {
          await write(chunk);
          chunk = '';
        }
      }
      await write(`${chunk}      ]\n    }${s + 1 < sections.length ? ',' : ''}\n`);
    }
    await write('  }');
  }
  await write(`,\n  "Profile": {"Profile Info": {"ProfileMap": {"userName": "bench_user", "bioDescription": ${JSON.stringify(variant)}}}}\n}\n`);
  out.end();
  await once(out, 'finish');
}

/** TXT form of the same mix (generation C): one file per dataset, `Label: value` blocks. */
const TXT_FILES: Record<string, string> = {
  'Watch History': 'TikTok/Your Activity/Watch History.txt',
  'Like List': 'TikTok/Likes and Favorites/Like List.txt',
  'Favorite Videos': 'TikTok/Likes and Favorites/Favorite Videos.txt',
  Searches: 'TikTok/Your Activity/Searches.txt',
  'Login History': 'TikTok/Your Activity/Login History.txt',
  'Off TikTok Activity': 'TikTok/Ads and data/Off TikTok Activity.txt',
  'Share History': 'TikTok/Your Activity/Share History.txt',
  Comments: 'TikTok/Comments/Comments.txt',
};
const TXT_LABELS: Record<string, string> = {
  Date: 'Date', date: 'Date', TimeStamp: 'Date', Link: 'Link', link: 'Link', SearchTerm: 'Search Term', IP: 'IP',
  DeviceModel: 'Device Model', DeviceSystem: 'Device System', NetworkType: 'Network Type', Carrier: 'Carrier',
  Source: 'Source', Event: 'Event', SharedContent: 'Shared Content', Method: 'Method', comment: 'Comment', photo: 'Photo', url: 'Url',
};

/** The TXT export's files (path → text) for `total` records. */
export function largeTxtFiles(total: number): Map<string, string> {
  const files = new Map<string, string>();
  const starts = firstIndex(total);
  for (const [m, [section, , , share, item]] of MIX.entries()) {
    const n = Math.round(total * share);
    let next = starts[m]!;
    const blocks: string[] = [];
    for (let i = 0; i < n; i++, next++) {
      const row = item(next, `${time(next)} UTC`) as Record<string, string>;
      blocks.push(Object.entries(row).map(([k, v]) => `${TXT_LABELS[k] ?? k}: ${v === '' ? 'N/A' : v}`).join('\n'));
    }
    files.set(TXT_FILES[section]!, blocks.join('\n\n') + '\n');
  }
  files.set('TikTok/Profile and Settings/Profile Info.txt', 'Username: bench_user\n');
  return files;
}

export async function writeLargeTxtZip(path: string, total: number): Promise<void> {
  const zip = new JSZip();
  for (const [name, text] of largeTxtFiles(total)) zip.file(name, text);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } }));
}

/**
 * Two overlapping exports in `dir` (older/ and newer/, each a user_data_tiktok.json): `records`
 * in the newer, 90 % of that in the older, as an account exported twice some weeks apart.
 */
export async function writeTwoExports(dir: string, records: number): Promise<{ older: string; newer: string }> {
  mkdirSync(join(dir, 'older'), { recursive: true });
  mkdirSync(join(dir, 'newer'), { recursive: true });
  const older = join(dir, 'older', 'user_data_tiktok.json');
  const newer = join(dir, 'newer', 'user_data_tiktok.json');
  await writeLargeExport(older, Math.round(records * 0.9), 'a');
  await writeLargeExport(newer, records, 'b');
  return { older, newer };
}

