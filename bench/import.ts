// `npm run bench`: import speed and memory against DESIGN.md's budget, figures printed.
//   1,000,000 records: import < 6 s, peak RSS < 600 MB, re-import (all duplicates) < 4 s;
//   a real-sized export (~20k records, ~4 MB): < 0.5 s. Also the floor (parse + bare inserts).
// Every figure is measured BENCH_RUNS times (default 3), each in a fresh process, and printed as
// the median with the range: on a shared two-core machine one run proves little.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { writeLargeExport, writeLargeTxtZip } from './large-export';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const dir = join(__dirname, '.data');
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

function run(exportPath: string, dbPath: string, mode = 'import'): { records: number; new?: number; seconds: number; peakRssMb: number } {
  const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  return JSON.parse(execFileSync(tsx, [join(__dirname, 'import-once.ts'), exportPath, dbPath, mode], { encoding: 'utf8' }));
}

const fmt = (n: number, d = 2) => n.toFixed(d);

type Run = ReturnType<typeof run>;

/** Median and range of a figure over the runs, e.g. "4.63 s (4.41–5.02)". */
function spread(runs: Run[], pick: (r: Run) => number, unit: string, d = 2): string {
  const xs = runs.map(pick).sort((a, b) => a - b);
  const median = xs[Math.floor(xs.length / 2)]!;
  return xs.length === 1 ? `${fmt(median, d)} ${unit}` : `${fmt(median, d)} ${unit} (${fmt(xs[0]!, d)}–${fmt(xs.at(-1)!, d)})`;
}

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
  const small = await prepare(20_000, 'a');
  const a = await prepare(RECORDS, 'a');
  const b = await prepare(RECORDS, 'b');
  const mb = (p: string) => fmt(statSync(p).size / 1e6, 1);
  console.log(`Footprint import benchmark (${RECORDS.toLocaleString('en')} records; ZIP ${mb(a)} MB)`);

  const db = join(dir, 'bench.db');
  const reset = () => ['', '-wal', '-shm'].forEach((s) => rmSync(db + s, { force: true }));
  const rate = (runs: Run[]) => `${Math.round(runs[0]!.records / (runs.map((r) => r.seconds).sort((x, y) => x - y)[Math.floor(runs.length / 2)]!)).toLocaleString('en')} records/s`;
  console.log(`median (min–max) of ${RUNS} runs, each in a fresh process`);

  const real = repeat(reset, () => run(small, db));
  console.log(`real-sized export   ${real[0]!.records} records in ${spread(real, (r) => r.seconds, 's')} (budget 0.5 s)`);

  const floor = repeat(reset, () => run(a, db, 'floor'));
  const pairs = repeat(reset, () => [run(a, db), run(b, db)] as const);
  const first = pairs.map((p) => p[0]);
  const second = pairs.map((p) => p[1]);
  const median = (runs: Run[]) => runs.map((r) => r.seconds).sort((x, y) => x - y)[Math.floor(runs.length / 2)]!;
  console.log(`import              ${first[0]!.records} records in ${spread(first, (r) => r.seconds, 's')} = ${rate(first)} (budget 6 s)`);
  console.log(`peak RSS            ${spread(first, (r) => r.peakRssMb, 'MB', 0)} (budget 600 MB)`);
  console.log(`re-import           ${second[0]!.records} records, ${second[0]!.new} new, in ${spread(second, (r) => r.seconds, 's')} (budget 4 s), peak RSS ${spread(second, (r) => r.peakRssMb, 'MB', 0)}`);
  console.log(`floor               parse + bare insert of ${floor[0]!.records} rows in ${spread(floor, (r) => r.seconds, 's')}, peak RSS ${spread(floor, (r) => r.peakRssMb, 'MB', 0)}`);
  console.log(`ratio to floor      ${fmt(median(first) / median(floor))}x (import), ${fmt(median(second) / median(floor))}x (re-import)`);
  console.log(`database size       ${fmt(statSync(db).size / 1e6, 0)} MB`);

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
