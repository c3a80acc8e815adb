// `npm run bench:home`: how long the home page's operation takes on a large archive of two exports
// (BENCH_RECORDS records in the newer one, 90 % of that in the older, written straight to disk and
// imported in process). Worked out: the first `home` of a new service on a file that keeps no answers
// (the diff of the two exports built afresh, the evidence read); kept: the first `home` of a new
// service reading the answers the previous one kept (service/kept-answers.ts), as the app starts
// after its worker kept them; warm: the calls after it (cached in memory). Printed, never asserted.
//   BENCH_RECORDS=200000 npm run bench:home   for a smaller run
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createService } from '../src/main/service';
import { clearKeptAnswers } from '../src/main/store/kept-answers';
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

  const workedOut: number[] = [];
  const kept: number[] = [];
  const warm: number[] = [];
  let latest = 0;
  for (let r = 0; r < RUNS; r++) {
    for (const clear of [true, false]) {
      const svc = createService({ dbPath: db });
      if (clear) clearKeptAnswers(svc.db);
      let t = performance.now();
      const home = await svc.home({});
      (clear ? workedOut : kept).push(performance.now() - t);
      latest = home.latest?.records ?? 0;
      for (let i = 0; !clear && i < 3; i++) {
        t = performance.now();
        await svc.home({});
        warm.push(performance.now() - t);
      }
      svc.close();
    }
  }
  console.log(`latest export: ${int(latest)} records`);
  console.log(`home, worked out (new service, nothing kept): ${spread(workedOut, 'ms', 0)}`);
  console.log(`home, kept (new service, answers kept):       ${spread(kept, 'ms', 0)}`);
  console.log(`home, warm (cached in memory):                ${spread(warm, 'ms', 0)}`);
}

void main();
