// `npm run bench`: import speed and memory against DESIGN.md's budget, figures printed.
//   1,000,000 records: import < 6 s, peak RSS < 600 MB, re-import (all duplicates) < 4 s;
//   a real-sized export (a heavy account: ~20k records, ~4 MB of JSON): < 0.5 s. Also the floor
//   (parse + bare inserts). Each import runs in a fresh process (bench/import-once.ts) that times
//   the import up to its result, then the preparation for browsing the desktop app's worker does
//   after it; `npm run bench:cli` times the whole CLI process instead.
// Every figure is measured BENCH_RUNS times (default 3) and printed as the median with the range:
// on a shared two-core machine one run proves little.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { writeLargeExport, writeLargeTxtZip } from './large-export';
import { writeHeavyExport } from './heavy-export';
import { DATA as dir, RECORDS, RUNS, TSX, fmt, machine, median as mid, removeDb, spread as spreadOf } from './lib';

mkdirSync(dir, { recursive: true });

async function zipped(jsonPath: string, zipPath: string): Promise<void> {
  const zip = new JSZip();
  zip.file('TikTok_Data/user_data_tiktok.json', readFileSync(jsonPath));
  writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } }));
}

async function prepare(n: number, variant: string): Promise<string> {
  const json = join(dir, `export-${n}-${variant}.json`);
  const zip = join(dir, `TikTok_Data_${n}_${variant}.zip`);
  if (!existsSync(zip)) {
    await writeLargeExport(json, n, variant);
    await zipped(json, zip);
    rmSync(json);
  }
  return zip;
}

function run(exportPath: string, dbPath: string, mode = 'import'): { records: number; new?: number; seconds: number; prepareSeconds?: number; peakRssMb: number } {
  return JSON.parse(execFileSync(TSX, [join(__dirname, 'import-once.ts'), exportPath, dbPath, mode], { encoding: 'utf8' }));
}

type Run = ReturnType<typeof run>;

/** Median and range of a figure over the runs, e.g. "4.63 s (4.41–5.02)". */
const spread = (runs: Run[], pick: (r: Run) => number, unit: string, d = 2): string => spreadOf(runs.map(pick), unit, d);

/** Runs `measure` RUNS times, each on a fresh database. */
function repeat<T>(reset: () => void, measure: () => T): T[] {
  return Array.from({ length: RUNS }, () => {
    reset();
    return measure();
  });
}

async function prepareTxt(n: number): Promise<string> {
  const zip = join(dir, `TikTok_Data_${n}_txt.zip`);
  if (!existsSync(zip)) await writeLargeTxtZip(zip, n);
  return zip;
}

async function main(): Promise<void> {
  const heavy = await writeHeavyExport(join(dir, 'heavy'));
  const a = await prepare(RECORDS, 'a');
  const b = await prepare(RECORDS, 'b');
  const mb = (p: string) => fmt(statSync(p).size / 1e6, 1);
  console.log(`Footprint import benchmark (${RECORDS.toLocaleString('en')} records; ZIP ${mb(a)} MB)`);
  console.log(machine());

  const db = join(dir, 'bench.db');
  const reset = () => removeDb(db);
  const median = (runs: Run[]) => mid(runs.map((r) => r.seconds));
  const rate = (runs: Run[]) => `${Math.round(runs[0]!.records / median(runs)).toLocaleString('en')} records/s`;
  console.log(`median (min–max) of ${RUNS} runs, each in a fresh process; times are the import inside it`);

  const real = repeat(reset, () => run(heavy.zip, db));
  console.log(
    `real-sized export   ${heavy.describe}: ${real[0]!.records.toLocaleString('en')} imported in ${spread(real, (r) => r.seconds, 's')} (budget 0.5 s), ` +
      `peak RSS ${spread(real, (r) => r.peakRssMb, 'MB', 0)}`,
  );

  const floor = repeat(reset, () => run(a, db, 'floor'));
  const pairs = repeat(reset, () => [run(a, db), run(b, db)] as const);
  const first = pairs.map((p) => p[0]);
  const second = pairs.map((p) => p[1]);
  console.log(`import              ${first[0]!.records} records in ${spread(first, (r) => r.seconds, 's')} = ${rate(first)} (budget 6 s)`);
  console.log(`peak RSS            ${spread(first, (r) => r.peakRssMb, 'MB', 0)} (budget 600 MB)`);
  console.log(`re-import           ${second[0]!.records} records, ${second[0]!.new} new, in ${spread(second, (r) => r.seconds, 's')} (budget 4 s), peak RSS ${spread(second, (r) => r.peakRssMb, 'MB', 0)}`);
  console.log(`floor               parse + bare insert of ${floor[0]!.records} rows in ${spread(floor, (r) => r.seconds, 's')}, peak RSS ${spread(floor, (r) => r.peakRssMb, 'MB', 0)}`);
  console.log(`ratio to floor      ${fmt(median(first) / median(floor))}x (import), ${fmt(median(second) / median(floor))}x (re-import)`);
  console.log(
    `prepared after      the import ${spread(first, (r) => r.prepareSeconds ?? 0, 's')}, the re-import ${spread(second, (r) => r.prepareSeconds ?? 0, 's')} ` +
      `(every field of every dataset covered for browsing, in the background after the result; peak RSS above includes it)`,
  );
  console.log(`database size       ${fmt(statSync(db).size / 1e6, 0)} MB (both imports, prepared)`);

  const txt = await prepareTxt(RECORDS);
  const txtRuns = repeat(reset, () => run(txt, db));
  console.log(
    `TXT import          ${txtRuns[0]!.records} records in ${spread(txtRuns, (r) => r.seconds, 's')} = ${rate(txtRuns)}, peak RSS ${spread(txtRuns, (r) => r.peakRssMb, 'MB', 0)} (ZIP ${mb(txt)} MB)`,
  );
  reset();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
