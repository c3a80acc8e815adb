// `npm run bench:sharing`: what the Sharing page asks the service for, on two archives: a heavy but
// realistic personal export (test/fixtures/heavy-account.ts: about 25,000 records, messages,
// logins from many addresses) and bench/large-export.ts's mix at BENCH_SHARING_RECORDS (default
// 200,000). Each archive gets a register of 4 apps. Timed in this process: "first" is the first
// call on a new service (statements prepared, the archive read), "warm" the median of 5 more: what
// every later call pays, a register change included, since the archive's facts and parties are
// kept until an import, a deleted snapshot or forgotten records change it. The page loads `scopes`
// once and `listApps` on every change; the parties tab asks `parties` (each kind's first 50, then 50
// more of one kind, or a search); `previewExposure` runs on every tick of the preview's checkboxes,
// so it should stay well under 100 ms. Printed, never asserted.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createService, type Service } from '../src/main/service';
import type { OperationName } from '../src/shared/contract';
import { heavyAccount } from '../test/fixtures/heavy-account';
import { exportEpoch, renderJson, writeZip } from '../test/fixtures/json';
import { writeLargeExport } from './large-export';
import { DATA, fmt, machine, median, removeDb } from './lib';

const LARGE = Number(process.env.BENCH_SHARING_RECORDS ?? 200_000);
const WARM = 5;

const APPS = [
  { name: 'Chat Saver', scopes: ['portability.directmessages.ongoing'], grantedOn: '2025-06-01' },
  { name: 'Stats Board', scopes: ['user.info.basic', 'user.info.stats', 'video.list'], grantedOn: '2025-01-10', reviewIntervalDays: 30 },
  { name: 'Full Backup', scopes: ['portability.all.ongoing'], grantedOn: '2025-09-01' },
  { name: 'Scheduler', scopes: ['video.upload', 'video.publish'], grantedOn: '2024-11-11' },
];

async function time(dbPath: string, label: string, operation: OperationName, input: unknown): Promise<void> {
  const service = createService({ dbPath });
  let t = performance.now();
  await service.call(operation, input);
  const first = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < WARM; i++) {
    t = performance.now();
    await service.call(operation, input);
    warm.push(performance.now() - t);
  }
  service.close();
  console.log(`  ${label.padEnd(44)} first ${fmt(first, 1).padStart(7)} ms  warm ${fmt(median(warm), 1).padStart(7)} ms`);
}

async function measure(title: string, dbPath: string, importPath: string): Promise<void> {
  const service: Service = createService({ dbPath });
  const t = performance.now();
  const r = await service.importExport({ path: importPath });
  const records = Object.values(r.datasets).reduce((n, d) => n + d.records, 0);
  console.log(`${title}: ${records.toLocaleString('en')} records, imported in ${fmt((performance.now() - t) / 1000)} s`);
  for (const app of APPS) await service.addApp(app);
  service.close();
  await time(dbPath, 'scopes (catalog and guide)', 'scopes', {});
  await time(dbPath, 'parties (each kind: count, first 50)', 'parties', { limit: 50 });
  await time(dbPath, 'parties (off-TikTok, 50 from 2,000)', 'parties', { kind: 'off-tiktok-source', offset: 2000, limit: 50 });
  await time(dbPath, 'parties (search "unnamed", English)', 'parties', { query: 'unnamed', lang: 'en' });
  await time(dbPath, 'partyDetail (one party)', 'partyDetail', { keys: ['ad-interests:'] });
  await time(dbPath, 'listApps', 'listApps', {});
  await time(dbPath, 'previewExposure, direct messages', 'previewExposure', { scopes: ['portability.directmessages.single'] });
  await time(dbPath, 'previewExposure, everything', 'previewExposure', { scopes: ['portability.all.ongoing'] });
  const file = join(DATA, 'sharing-apps.json');
  await time(dbPath, 'saveApps (4 apps to a file)', 'saveApps', { path: file, replace: 'yes' });
  rmSync(file, { force: true });
}

async function main(): Promise<void> {
  console.log('Footprint sharing benchmark');
  console.log(machine());
  mkdirSync(DATA, { recursive: true });

  const heavy = heavyAccount({ seed: 7, asOf: '2026-03-01 12:00:00' });
  const zip = await writeZip(renderJson(heavy, 'L4'), join(DATA, 'sharing-heavy'), { epoch: exportEpoch(heavy) });
  const heavyDb = join(DATA, 'sharing-heavy.db');
  removeDb(heavyDb);
  await measure('heavy personal export', heavyDb, zip);
  removeDb(heavyDb);
  rmSync(join(DATA, 'sharing-heavy'), { recursive: true, force: true });

  const json = join(DATA, `sharing-large-${LARGE}.json`);
  await writeLargeExport(json, LARGE, 'a');
  const largeDb = join(DATA, `sharing-large-${LARGE}.db`);
  removeDb(largeDb);
  await measure(`large export (${LARGE.toLocaleString('en')} records)`, largeDb, json);
  removeDb(largeDb);
  rmSync(json, { force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
