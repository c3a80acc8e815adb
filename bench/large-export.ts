// Writes a large, realistic L3 export straight to disk (never holding it in memory), for benchmarks.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

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
  let first = true;
  let next = 0;
  for (const [category, sections] of byCategory) {
    await write(`${first ? '' : ',\n'}  ${JSON.stringify(category)}: {\n`);
    first = false;
    for (let s = 0; s < sections.length; s++) {
      const [section, , listKey, share, item] = sections[s]!;
      const n = Math.round(total * share);
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
