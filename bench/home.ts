// `npm run bench:home`: how long the home page's operation takes on a large archive of two exports
// (BENCH_RECORDS records in the newer one, 90 % of that in the older, written straight to disk and
// imported in process). Cold: the first `home` of a new service on the file (the diff of the two
// exports built afresh, the checklists verified, the register read); warm: the calls after it (the
// diff cached by the changes service). Printed, never asserted.
//   BENCH_RECORDS=200000 npm run bench:home   for a smaller run
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createService } from '../src/main/service';
import { writeTwoExports } from './large-export';
import { DATA, RECORDS, RUNS, int, machine, removeDb, spread } from './lib';

async function main(): Promise<void> {
  const dir = join(DATA, 'home');
  const { older, newer } = await writeTwoExports(dir, RECORDS);
  const db = join(dir, 'home.db');
  removeDb(db);
  console.log(`Footprint home benchmark: two exports of ${int(RECORDS * 0.9)} and ${int(RECORDS)} records`);
  console.log(machine());

  const s = createService({ dbPath: db });
  for (const path of [older, newer]) {
    const t = performance.now();
    await s.importExport({ path });
    console.log(`import ${path.includes('newer') ? 'newer' : 'older'}: ${int(performance.now() - t)} ms`);
  }
  s.close();

  const cold: number[] = [];
  const warm: number[] = [];
  let latest = 0;
  for (let r = 0; r < RUNS; r++) {
    const svc = createService({ dbPath: db });
    let t = performance.now();
    const home = await svc.home({});
    cold.push(performance.now() - t);
    latest = home.latest?.records ?? 0;
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      await svc.home({});
      warm.push(performance.now() - t);
    }
    svc.close();
  }
  console.log(`latest export: ${int(latest)} records`);
  console.log(`home, cold (new service, diff built): ${spread(cold, 'ms', 0)}`);
  console.log(`home, warm (diff cached):             ${spread(warm, 'ms', 0)}`);
}

void main();
