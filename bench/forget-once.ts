// Times forgetting records in a fresh process, on a copy of an archive, and prints JSON:
//   tsx bench/forget-once.ts <db> <dataset> <count>   → {"forgotten", "seconds"} (the compaction included)
import { copyFileSync } from 'node:fs';
import { createService } from '../src/main/service';
import { removeDb } from './lib';

async function main(): Promise<void> {
  const [, , source, dataset, count] = process.argv as [string, string, string, string, string];
  const copy = `${source}.forget-copy`;
  removeDb(copy);
  copyFileSync(source, copy);
  const service = createService({ dbPath: copy });
  const ids = (await service.explorePage({ dataset: dataset as 'comments', limit: 1 })).rows.map((r) => r.id);
  // the newest `count` records of the dataset, page by page
  let after: string | null = null;
  while (ids.length < Number(count)) {
    const page = await service.explorePage({ dataset: dataset as 'comments', limit: 1000, ...(after ? { after } : {}) });
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) break;
    after = page.next;
  }
  const wanted = [...new Set(ids)].slice(0, Number(count));
  const t = performance.now();
  const { forgotten } = await service.forgetRecords({ ids: wanted });
  const seconds = (performance.now() - t) / 1000;
  service.close();
  removeDb(copy);
  process.stdout.write(JSON.stringify({ forgotten, seconds }) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
