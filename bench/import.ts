// `npm run bench`: import speed and memory against DESIGN.md's budget, figures printed.
//   1,000,000 records: import < 6 s, peak RSS < 600 MB, re-import (all duplicates) < 4 s;
//   a real-sized export (~20k records, ~4 MB): < 0.5 s. Also the floor (parse + bare inserts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { writeLargeExport, writeLargeTxtZip } from './large-export';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
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

  reset();
  const real = run(small, db);
  console.log(`real-sized export   ${real.records} records in ${fmt(real.seconds)} s (budget 0.5 s)`);

  reset();
  const floor = run(a, db, 'floor');
  reset();
  const first = run(a, db);
  const second = run(b, db);
  console.log(`import              ${first.records} records in ${fmt(first.seconds)} s = ${Math.round(first.records / first.seconds).toLocaleString('en')} records/s (budget 6 s)`);
  console.log(`peak RSS            ${fmt(first.peakRssMb, 0)} MB (budget 600 MB)`);
  console.log(`re-import           ${second.records} records, ${second.new} new, in ${fmt(second.seconds)} s (budget 4 s), peak RSS ${fmt(second.peakRssMb, 0)} MB`);
  console.log(`floor               parse + bare insert of ${floor.records} rows in ${fmt(floor.seconds)} s, peak RSS ${fmt(floor.peakRssMb, 0)} MB`);
  console.log(`ratio to floor      ${fmt(first.seconds / floor.seconds)}x (import), ${fmt(second.seconds / floor.seconds)}x (re-import)`);
  console.log(`database size       ${fmt(statSync(db).size / 1e6, 0)} MB`);

  const txt = await prepareTxt(RECORDS);
  reset();
  const txtFirst = run(txt, db);
  console.log(`TXT import          ${txtFirst.records} records in ${fmt(txtFirst.seconds)} s = ${Math.round(txtFirst.records / txtFirst.seconds).toLocaleString('en')} records/s, peak RSS ${fmt(txtFirst.peakRssMb, 0)} MB (ZIP ${mb(txt)} MB)`);
  reset();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
