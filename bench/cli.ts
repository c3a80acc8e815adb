// `npm run bench:cli`: how long the CLI takes as a user sees it, from spawn to exit.
//   `node bin/footprint.cjs --help` (start-up goal: well under 150 ms), bare `node -e ""` beside
//   it as the floor, --help again as on a machine's first run (an empty temp folder each time, so
//   no compile cache of tsx or Node survives from an earlier run), and `footprint import <real-sized export> --db <fresh db> --json` with its
//   peak RSS. Only the bin is spawned, so the figures follow whatever bin/footprint.cjs does
//   (tsx or built JavaScript) without this script changing.
// Each figure is the median and range of BENCH_CLI_RUNS runs (default 10; start-up is short and
// noisy on a shared machine).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeavyExport } from './heavy-export';
import { DATA, ROOT, cli, importedRecords, int, machine, removeDb, spread, timed } from './lib';

const RUNS = Math.max(1, Number(process.env.BENCH_CLI_RUNS ?? 10));

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'bin', 'src', 'out'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head}, with local changes` : head;
  } catch {
    return 'not a git checkout';
  }
}

async function main(): Promise<void> {
  const dir = join(DATA, 'cli');
  mkdirSync(dir, { recursive: true });
  const heavy = await writeHeavyExport(join(DATA, 'heavy'));
  console.log(`Footprint CLI benchmark: bin/footprint.cjs at ${commit()}`);
  console.log(machine());
  console.log(`median (min–max) of ${RUNS} runs, wall time from spawn to exit`);

  // one untimed run each, so the first timed run does not pay for a cold OS file cache
  timed(process.execPath, ['-e', '']);
  cli(['--help']);

  const bare = Array.from({ length: RUNS }, () => timed(process.execPath, ['-e', '']).ms);
  const help = Array.from({ length: RUNS }, () => cli(['--help']).ms);
  console.log(`node -e ""           ${spread(bare, 'ms', 0)} (Node's own start-up, the floor)`);
  console.log(`footprint --help     ${spread(help, 'ms', 0)} (goal: well under 150 ms)`);
  const firstRun = Array.from({ length: RUNS }, () => {
    const tmp = mkdtempSync(join(dir, 'tmp-'));
    try {
      return cli(['--help'], { env: { TMPDIR: tmp, TMP: tmp, TEMP: tmp } }).ms;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
  console.log(`  on a first run     ${spread(firstRun, 'ms', 0)} (empty temp folder: no tsx or Node compile cache yet)`);

  const db = join(dir, 'cli.db');
  const imports = Array.from({ length: RUNS }, () => {
    removeDb(db);
    const r = cli(['import', heavy.zip, '--db', db, '--json'], { rss: true });
    return { ...r, ...importedRecords(JSON.parse(r.stdout)) };
  });
  removeDb(db);
  console.log(
    `footprint import     ${heavy.describe}, into a fresh database: ${int(imports[0]!.records)} imported in ` +
      `${spread(imports.map((r) => r.ms), 'ms', 0)}, peak RSS ${spread(imports.map((r) => r.peakRssMb), 'MB', 0)}`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
