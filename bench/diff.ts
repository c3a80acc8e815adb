// `npm run bench:diff`: the diff of two 1,000,000-record snapshots against DESIGN.md's budget
// (under 2 s on a 2-core machine), and DESIGN's query budgets on that 2M-row archive. Two
// overlapping exports are written straight to disk as JSON and imported by the CLI, as a user
// would (`node bin/footprint.cjs import <file> --db <db> --json`, timed from outside, with its peak
// RSS). Every query is then timed in new processes (bench/query-once.ts): cold is the first call
// in a new process on the existing file (its own connection, no statement or result cache; the
// OS file cache stays warm, emptying it needs root), warm the calls after it. Printed, never asserted.
//   BENCH_RECORDS=200000 npm run bench:diff   for a smaller run
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { ImportResult, SnapshotDiff } from '../src/shared/contract';
import { DATA, RECORDS, RUNS, TSX, cli, fmt, importedRecords, int, machine, removeDb, spread } from './lib';
/** how far the second export's window moved on, as a share of each dataset */
const SHIFT = 0.05;
/** one in this many records inside the overlap is missing from the second export (vanished) */
const VANISH_EVERY = 500;
const STEP_MS = 15_000;
const T0 = Date.UTC(2025, 0, 1);

type Item = (i: number, t: string) => unknown;
// a real account logs in from a few hundred addresses at most; 2,000 here, in a few countries
const ip = (i: number) => {
  const k = (i * 7919) % 2000;
  return `${[81, 8, 1, 85, 151][k % 5]}.${(k >> 3) & 255}.${k & 7}.${(k * 7) & 255}`;
};
const MIX: [category: string, section: string, listKey: string, share: number, item: Item][] = [
  ['Your Activity', 'Watch History', 'VideoList', 0.4, (i, t) => ({ Date: t, Link: `https://www.tiktokv.com/share/video/${7000000000000000000 + i}/` })],
  ['Your Activity', 'Like List', 'ItemFavoriteList', 0.2, (i, t) => ({ date: t, link: `https://www.tiktokv.com/share/video/${7100000000000000000 + i}/` })],
  ['Your Activity', 'Searches', 'SearchList', 0.05, (i, t) => ({ Date: t, SearchTerm: `search term ${i}` })],
  ['Your Activity', 'Login History', 'LoginHistoryList', 0.05, (i, t) => ({ Date: t, IP: ip(i), DeviceModel: `iPhone1${i % 4},4`, DeviceSystem: 'iOS 17.6.1', NetworkType: ['Wi-Fi', '4G'][i % 2], Carrier: '' })],
  ['Your Activity', 'Off TikTok Activity', 'OffTikTokActivityDataList', 0.15, (i, t) => ({ TimeStamp: t, Source: String(100000000 + (i % 5000)), Event: ['ViewContent', 'Purchase', 'LaunchAPP'][i % 3] })],
  ['Your Activity', 'Share History', 'ShareHistoryList', 0.05, (i, t) => ({ Date: t, SharedContent: 'share_video', Link: `https://www.tiktokv.com/share/video/${7300000000000000000 + i}/`, Method: ['copy', 'chat', 'whatsapp'][i % 3] })],
  ['Profile And Settings', 'Follower', 'FansList', 0.05, (i, t) => ({ Date: t, UserName: `user_${i}` })],
  ['Comment', 'Comments', 'CommentsList', 0.05, (i, t) => ({ date: t, comment: `comment number ${i}`, photo: 'N/A', url: '' })],
];

const time = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** Snapshot 0 holds indices [0, n) of each dataset; snapshot 1 holds [shift, n + shift) less the vanished ones. */
async function writeExport(path: string, which: 0 | 1): Promise<number> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const byCategory = new Map<string, typeof MIX>();
  for (const m of MIX) byCategory.set(m[0], [...(byCategory.get(m[0]) ?? []), m]);
  let base = 0;
  let newest = 0;
  await write('{\n');
  let firstCategory = true;
  for (const [category, sections] of byCategory) {
    await write(`${firstCategory ? '' : ',\n'}${JSON.stringify(category)}: {\n`);
    firstCategory = false;
    for (let s = 0; s < sections.length; s++) {
      const [, section, listKey, share, item] = sections[s]!;
      const n = Math.round(RECORDS * share);
      const shift = Math.round(n * SHIFT);
      const from = which === 0 ? 0 : shift;
      const to = which === 0 ? n : n + shift;
      await write(`${JSON.stringify(section)}: {${JSON.stringify(listKey)}: [\n`);
      let chunk = '';
      let first = true;
      for (let k = from; k < to; k++) {
        if (which === 1 && k < n && k % VANISH_EVERY === 1) continue;
        const i = base + k;
        // each dataset spans the same period, so every dataset's window moves by the same time
        const t = T0 + Math.round((k / n) * RECORDS) * STEP_MS;
        newest = Math.max(newest, t);
        chunk += `${first ? '' : ',\n'}${JSON.stringify(item(i, time(t)))}`;
        first = false;
        if (chunk.length > 1 << 20) {
          await write(chunk);
          chunk = '';
        }
      }
      await write(`${chunk}\n]}${s + 1 < sections.length ? ',' : ''}\n`);
      base += n + shift + 1;
    }
    await write('}');
  }
  await write(
    `,\n"Profile": {"Profile Info": {"ProfileMap": {"userName": "bench_user", "bioDescription": "export ${which}"}}},\n` +
      `"App Settings": {"Settings": {"SettingsMap": {"Private Account": "${which === 0 ? 'Disabled' : 'Enabled'}", "Personalized Ads": "Enabled", "Who Can Send Me Message": "${which === 0 ? 'Friends' : 'Everyone'}"}}}\n}\n`,
  );
  out.end();
  await once(out, 'finish');
  return newest;
}

/** warm calls per process; bench/query-once.ts makes this many */
const WARM = 5;

interface QueryRun {
  openMs: number;
  firstMs: number;
  warmMs: number[];
  result?: SnapshotDiff;
}

/** RUNS new processes, each timing `operation` once cold and then warm. */
function query(db: string, operation: string, input: object, fresh = false): QueryRun[] {
  return Array.from({ length: RUNS }, () =>
    JSON.parse(execFileSync(TSX, [join(__dirname, 'query-once.ts'), db, operation, JSON.stringify(input), ...(fresh ? ['fresh'] : [])], { encoding: 'utf8' })),
  );
}

async function main(): Promise<void> {
  const dir = join(DATA, 'diff');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log(`Footprint diff benchmark: two snapshots of ${int(RECORDS)} records each; median (min–max) of ${RUNS} runs`);
  console.log(machine());

  const t = performance.now();
  const newest0 = await writeExport(join(dir, 'tmp0.json'), 0);
  const newest1 = await writeExport(join(dir, 'tmp1.json'), 1);
  // the export time comes from TikTok's file name (TikTok_Data_<epoch>)
  const file0 = join(dir, `TikTok_Data_${Math.floor(newest0 / 1000) + 3600}.json`);
  const file1 = join(dir, `TikTok_Data_${Math.floor(newest1 / 1000) + 3600}.json`);
  renameSync(join(dir, 'tmp0.json'), file0);
  renameSync(join(dir, 'tmp1.json'), file1);
  console.log(`generated both exports in ${fmt((performance.now() - t) / 1000)} s`);

  const db = join(dir, 'bench.db');
  try {
    // RUNS times: both imports into a fresh database; the last database stays for the queries
    const runs = Array.from({ length: RUNS }, () => {
      removeDb(db);
      return [file0, file1].map((file) => {
        const r = cli(['import', file, '--db', db, '--json'], { rss: true });
        const result = JSON.parse(r.stdout) as ImportResult;
        return { ...r, ...importedRecords(result), result };
      });
    });
    for (const k of [0, 1]) {
      const rs = runs.map((pair) => pair[k]!);
      const { records, result } = rs[0]!;
      console.log(
        `import snapshot ${result.snapshot.id} (CLI, own process): ${int(records)} records (${int(rs[0]!.new)} new) in ${spread(rs.map((r) => r.ms / 1000), 's')}, ` +
          `peak RSS ${spread(rs.map((r) => r.peakRssMb), 'MB', 0)}`,
      );
    }
    const [first, second] = runs.at(-1)!;
    const from = first!.result.snapshot.id;
    const to = second!.result.snapshot.id;
    const watched = first!.result.datasets.watch_history!.records + second!.result.datasets.watch_history!.new;
    // page 1,000 where the archive has it (1M records: yes; a small BENCH_RECORDS run: the last page)
    const page = Math.min(1000, Math.ceil(watched / 100));

    const diff = query(db, 'diffSnapshots', {}, true);
    const d = diff[0]!.result!;
    const total = (k: 'added' | 'gone' | 'agedOut' | 'vanished') => Object.values(d.datasets).reduce((s, x) => s + x[k], 0);
    console.log(
      `diff #${d.from} -> #${d.to}: +${total('added')} added, ${total('gone')} gone (${total('agedOut')} aged out, ${total('vanished')} vanished), ` +
        `${d.settings.length} settings, ${d.alerts.length} alerts`,
    );
    const rows: [label: string, runs: QueryRun[], budget: string, note: string][] = [
      [`diff of the two snapshots`, diff, '2000 ms', 'warm: recomputed on a new connection each time (the same connection caches it)'],
      ['overview', query(db, 'datasetOverview', {}), '50 ms', 'warm: archive counts cached until the next write'],
      ['archive table, page 1', query(db, 'listRecords', { dataset: 'watch_history', limit: 100 }), '30 ms', ''],
      [`archive table, page ${int(page)}`, query(db, 'listRecords', { dataset: 'watch_history', offset: (page - 1) * 100, limit: 100 }), '30 ms', ''],
      ['snapshot table, page 1', query(db, 'listRecords', { dataset: 'watch_history', snapshotId: to, limit: 100 }), '30 ms', ''],
      ['vanished watch history, page 1', query(db, 'diffRecords', { from, to, dataset: 'watch_history', kind: 'vanished', limit: 100 }), '-', 'warm: the connection keeps the diff sets'],
      ['timeline', query(db, 'timeline', {}), '-', 'warm: diff cached'],
    ];
    console.log(`queries on the ${int(first!.records + second!.new)}-record archive, each timed in ${RUNS} new processes (tsx bench/query-once.ts):`);
    console.log(`  cold = the first call in a new process on the existing file: its own connection, no statement or result cache (the OS file cache stays warm)`);
    console.log(`  warm = the ${WARM} calls after it in the same process, all runs pooled`);
    const col = (s: string, w: number) => s.padEnd(w);
    console.log(`  ${col('', 32)}${col('cold (first call)', 28)}${col('warm', 28)}budget`);
    for (const [label, runs, budget, note] of rows) {
      const cold = spread(runs.map((r) => r.firstMs), 'ms', 1);
      const warm = spread(runs.flatMap((r) => r.warmMs), 'ms', 1);
      console.log(`  ${col(label, 32)}${col(cold, 28)}${col(warm, 28)}${col(budget, 9)}${note}`.trimEnd());
    }
    const opens = rows.flatMap(([, runs]) => runs.map((r) => r.openMs));
    console.log(`  opening the database in a new process (before the first call): ${spread(opens, 'ms', 1)}, ${opens.length} processes`);
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
