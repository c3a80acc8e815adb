// Times one service operation in a fresh process, for bench/diff.ts, and prints JSON:
//   openMs   opening the database (createService) in this new process
//   firstMs  the first call: what a user opening the page gets (cold JIT, statement and result caches)
//   warmMs   WARM more calls: on the same connection, or with `fresh` each on a new connection
//            in this (now warm) process, for operations whose same-connection repeat is a cache hit
//   covered  the (dataset.field)s the first call covered (store/field-values.ts: a query covers the
//            fields it needs on first use, so its time includes that one sorted pass)
// No answer kept in the archive is read (service/kept-answers.ts): they are forgotten before the
// first call and before each `fresh` one, so every figure is the answer worked out.
//   tsx bench/query-once.ts <db> <operation> '<input JSON>' [fresh]
import { createService, type Service } from '../src/main/service';
import type { OperationName } from '../src/shared/contract';
import { clearKeptAnswers } from '../src/main/store/kept-answers';

const WARM = 5;

async function main(): Promise<void> {
  const [, , dbPath, operation, inputJson, mode] = process.argv as [string, string, string, OperationName, string, string | undefined];
  const input: unknown = JSON.parse(inputJson);
  let t = performance.now();
  const service = createService({ dbPath });
  const openMs = performance.now() - t;
  clearKeptAnswers(service.db);

  const coveredNow = (): string[] => service.db.prepare("SELECT dataset || '.' || field FROM record_value_fields").pluck().all() as string[];
  const before = new Set(coveredNow());
  t = performance.now();
  const result = await service.call(operation, input);
  const firstMs = performance.now() - t;
  const covered = coveredNow().filter((f) => !before.has(f));

  const warmMs: number[] = [];
  for (let i = 0; i < WARM; i++) {
    const s: Service = mode === 'fresh' ? createService({ dbPath }) : service;
    if (s !== service) clearKeptAnswers(s.db);
    t = performance.now();
    await s.call(operation, input);
    warmMs.push(performance.now() - t);
    if (s !== service) s.close();
  }
  service.close();
  // the diff is small and the bench prints what it found; pages are not needed
  process.stdout.write(JSON.stringify({ openMs, firstMs, warmMs, covered, result: operation === 'diffSnapshots' ? result : undefined }) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
