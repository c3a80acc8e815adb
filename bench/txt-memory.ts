// `npm run bench:txt`: peak memory of TXT imports, which must not grow with the number of TXT files
// (issue 15: TXT files were all inflated up front). Prints time and peak RSS (each import in a fresh
// process, bench/import-once.ts) for:
//   - the 1M-record TXT export as a ZIP and unzipped into a folder;
//   - a hostile one: several large TXT files (BENCH_TXT_FILES × BENCH_TXT_MB, default 5 × 100 MB of
//     long comments that do not compress away), as a folder and as a ZIP.
// Budget: peak RSS < 600 MB for each.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { largeTxtFiles } from './large-export';
import { DATA as dir, RECORDS, RUNS, TSX, fmt, machine, removeDb, spread } from './lib';

const FILES = Number(process.env.BENCH_TXT_FILES ?? 5);
const FILE_MB = Number(process.env.BENCH_TXT_MB ?? 100);

type Run = { records: number; seconds: number; peakRssMb: number };

function run(exportPath: string, dbPath: string): Run {
  return JSON.parse(execFileSync(TSX, [join(__dirname, 'import-once.ts'), exportPath, dbPath], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

function writeFolder(root: string, files: Map<string, string>): void {
  rmSync(root, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

async function writeZip(path: string, files: Map<string, string>): Promise<void> {
  const zip = new JSZip();
  for (const [name, text] of files) zip.file(name, text);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } }));
}

/** Words from a small xorshift generator: text that deflates about as well as real comments (~3×), never past the ratio limit. */
function words(seed: number): () => string {
  let x = seed | 1;
  const syllables = ['ka', 'lo', 'mi', 'su', 'ne', 'ri', 'to', 'va', 'qe', 'zu', 'po', 'dy', 'fa', 'gi', 'hu', 'je'];
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    let w = '';
    for (let n = 2 + ((x >>> 28) & 3), y = x; n > 0; n--, y >>>= 4) w += syllables[y & 15];
    return w;
  };
}

/** FILES comment files of about FILE_MB each, under the dataset names TikTok uses for comments in different languages. */
function hostileFiles(): Map<string, string> {
  const names = ['Comments', 'Reacties', 'Kommentare', 'Favorite Comments', 'Searches', 'Post'];
  const files = new Map<string, string>([['TikTok/Profile and Settings/Profile Info.txt', 'Username: bench_user\n']]);
  let i = 0;
  for (let f = 0; f < FILES; f++) {
    const next = words(f + 1);
    const parts: string[] = [];
    let size = 0;
    while (size < FILE_MB * 1e6) {
      const text: string[] = [];
      for (let w = 0; w < 300; w++) text.push(next());
      const t = new Date(Date.UTC(2024, 0, 1) + i++ * 13_000).toISOString().slice(0, 19).replace('T', ' ');
      const block = `Date: ${t} UTC\nComment: ${text.join(' ')}\n\n`;
      parts.push(block);
      size += block.length;
    }
    const name = names[f % names.length]!;
    files.set(`TikTok/Comments ${Math.floor(f / names.length)}/${name}.txt`, parts.join(''));
  }
  return files;
}

async function main(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  console.log(`Footprint TXT memory benchmark (${RECORDS.toLocaleString('en')} records; ${FILES} × ${FILE_MB} MB hostile files)`);
  console.log(machine());
  console.log(`median (min–max) of ${RUNS} runs, each in a fresh process; budget: peak RSS < 600 MB`);
  const db = join(dir, 'bench-txt.db');
  const cases: [label: string, path: string][] = [];

  const txtZip = join(dir, `TikTok_Data_${RECORDS}_txt.zip`);
  const txtFolder = join(dir, `txt-${RECORDS}`);
  if (!existsSync(txtZip) || !existsSync(txtFolder)) {
    const files = largeTxtFiles(RECORDS);
    if (!existsSync(txtZip)) await writeZip(txtZip, files);
    writeFolder(txtFolder, files);
  }
  cases.push([`${RECORDS.toLocaleString('en')} records, ZIP`, txtZip], [`${RECORDS.toLocaleString('en')} records, folder`, txtFolder]);

  const bigFolder = join(dir, `txt-large-${FILES}x${FILE_MB}`);
  const bigZip = join(dir, `txt-large-${FILES}x${FILE_MB}.zip`);
  if (!existsSync(bigZip) || !existsSync(bigFolder)) {
    const files = hostileFiles();
    writeFolder(bigFolder, files);
    await writeZip(bigZip, files);
  }
  cases.push([`${FILES} × ${FILE_MB} MB TXT, folder`, bigFolder], [`${FILES} × ${FILE_MB} MB TXT, ZIP (${fmt(statSync(bigZip).size / 1e6, 0)} MB)`, bigZip]);

  for (const [label, path] of cases) {
    const runs = Array.from({ length: RUNS }, () => {
      removeDb(db);
      return run(path, db);
    });
    console.log(
      `${label.padEnd(36)} ${runs[0]!.records.toLocaleString('en')} records in ${spread(runs.map((r) => r.seconds), 's')}, ` +
        `peak RSS ${spread(runs.map((r) => r.peakRssMb), 'MB', 0)}`,
    );
  }
  removeDb(db);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
