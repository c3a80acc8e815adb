// `npm run bench:charts`: the charts operation on a 1,000,000-record archive (BENCH_RECORDS): bench/
// large-export.ts's mix (watch history 40%, likes 20%, off-TikTok 15% from 5,000 sources, logins
// 5% from 50,000 addresses, …), imported once and kept in bench/.data for the next run.
// Each case runs in a fresh process (bench/query-once.ts): "cold" is its first call (new connection,
// nothing cached; the OS file cache is warm), "repeat" the median of 5 calls each on a new
// connection in that warm process (what another time zone or a reopened archive pays), "cached" the
// median of 5 more on the same connection (the answer is kept until the archive changes).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeLargeExport } from './large-export';
import { DATA, RECORDS, TSX, fmt, machine, median, removeDb } from './lib';

interface Once {
  openMs: number;
  firstMs: number;
  warmMs: number[];
}

const BUDGET = 1000;

function query(db: string, input: unknown, fresh: boolean): Once {
  const args = [join(__dirname, 'query-once.ts'), db, 'charts', JSON.stringify(input), ...(fresh ? ['fresh'] : [])];
  return JSON.parse(execFileSync(TSX, args, { encoding: 'utf8', maxBuffer: 1 << 28 }));
}

async function archive(): Promise<string> {
  mkdirSync(DATA, { recursive: true });
  const db = join(DATA, `charts-${RECORDS}.db`);
  if (existsSync(db)) return db;
  const json = join(DATA, `charts-export-${RECORDS}.json`);
  await writeLargeExport(json, RECORDS, 'a');
  removeDb(db);
  const r = JSON.parse(execFileSync(TSX, [join(__dirname, 'import-once.ts'), json, db, 'import'], { encoding: 'utf8' })) as { records: number; seconds: number };
  rmSync(json);
  console.log(`archive             imported ${r.records.toLocaleString('en')} records in ${fmt(r.seconds)} s, ${fmt(statSync(db).size / 1e6, 0)} MB`);
  return db;
}

async function main(): Promise<void> {
  console.log(`Footprint charts benchmark (${RECORDS.toLocaleString('en')} records)`);
  console.log(machine());
  const db = await archive();
  console.log('cold: first call in a fresh process; repeat: median of 5 on new connections; cached: median of 5 on the same connection');
  const cases: [label: string, input: unknown][] = [
    ['whole archive, Europe/Stockholm', { timeZone: 'Europe/Stockholm' }],
    ['whole archive, Asia/Kolkata (+05:30)', { timeZone: 'Asia/Kolkata' }],
    ['one export, America/New_York', { timeZone: 'America/New_York', snapshotId: 1 }],
  ];
  for (const [label, input] of cases) {
    const fresh = query(db, input, true);
    const same = query(db, input, false);
    const cold = median([fresh.firstMs, same.firstMs]);
    const repeat = median(fresh.warmMs);
    const verdict = cold <= BUDGET && repeat <= BUDGET ? 'ok' : 'OVER';
    console.log(
      `${label.padEnd(40)} cold ${fmt(cold, 0).padStart(6)} ms  repeat ${fmt(repeat, 0).padStart(6)} ms  cached ${fmt(median(same.warmMs), 2).padStart(6)} ms  (budget ${BUDGET} ms: ${verdict})`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
