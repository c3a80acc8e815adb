// `npx tsx bench/alerts.ts`: what grouping, triage and remembered decisions cost. The analysis
// part is pure (2,000 new addresses in a few hundred networks, looked up offline and grouped; 5,000
// alerts ordered and laid over 10,000 decisions); the service part times, on a real archive of two
// generated exports, a cached diff with decisions read from SQLite, a decision saved, and the
// timeline. Printed, never asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FoundAlert } from '../src/shared/contract';
import { ALERT_KINDS } from '../src/shared/contract';
import { changeAlerts, type AlertAnswers, type Group } from '../src/main/analysis/alerts';
import { decisionIndex, triage, withDecisions, type DecisionRow } from '../src/main/analysis/alert-triage';
import { createService } from '../src/main/service';
import { generateAccount, laterAccount } from '../test/fixtures/account';
import { exportEpoch, renderJson, writeZip } from '../test/fixtures/json';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(label: string, runs: number, work: () => unknown): void {
  work(); // warm
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    ms.push(performance.now() - t);
  }
  console.log(`${label.padEnd(58)} median ${median(ms).toFixed(2)} ms  (max ${Math.max(...ms).toFixed(2)}, ${runs} runs)`);
}

async function timeAsync(label: string, runs: number, work: () => Promise<unknown>): Promise<void> {
  await work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    ms.push(performance.now() - t);
  }
  console.log(`${label.padEnd(58)} median ${median(ms).toFixed(2)} ms  (max ${Math.max(...ms).toFixed(2)}, ${runs} runs)`);
}

// ---- analysis ----
const ips: Group[] = Array.from({ length: 2000 }, (_, i) => ({
  value: `${[81, 8, 1, 85, 151, 31, 212][i % 7]}.${(i * 37) & 255}.${(i >> 3) & 255}.${(i * 11) & 255}`,
  count: 1 + (i % 4),
  ids: [i + 1],
  at: 1_700_000_000_000 + i * 1000,
}));
const seen = Array.from({ length: 300 }, (_, i) => `81.2.${i & 255}.${(i * 7) & 255}`);
const answers: AlertAnswers = {
  newValues: new Map([['login_history', { fresh: { ip: ips, model: [], device: [], network: [], carrier: [] }, seen: { ip: seen } }]]),
  membership: new Map(),
  stillThere: [],
};
const snap = (id: number) => ({ id, exportedAt: id * 1000, importedAt: id * 1000, sourceName: `s${id}`, records: 0, time: id * 1000 });
let groups = 0;
time('group 2,000 new addresses by network and country', 20, () => {
  groups = changeAlerts(snap(1), snap(2), answers).length;
});
console.log(`  -> ${groups} alerts instead of 2,000`);

const found: FoundAlert[] = Array.from({ length: 5000 }, (_, i) => ({
  kind: ALERT_KINDS[i % ALERT_KINDS.length]!,
  params: { count: i % 17 },
  evidence: { snapshotId: 2, recordIds: [i], at: null },
  key: `k${i}`,
}));
const rows: DecisionRow[] = Array.from({ length: 10_000 }, (_, i) => ({ kind: ALERT_KINDS[i % ALERT_KINDS.length]!, key: `k${i}`, decision: i % 2 ? 'me' : 'resolved', decidedAt: i, note: null }));
const triaged = triage(found);
time('triage (key, severity, order) of 5,000 alerts', 20, () => triage(found));
time('lay 10,000 decisions over 5,000 alerts', 20, () => withDecisions(triaged, decisionIndex(rows)));

// ---- service, real SQLite ----
async function serviceBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fp-bench-alerts-'));
  try {
    const a = generateAccount({ seed: 3, asOf: '2026-01-10 12:00:00' });
    const b = laterAccount(a, { days: 60, seed: 'bench' });
    const service = createService({ dbPath: join(dir, 'fp.db') });
    for (const [i, acc] of [a, b].entries()) await service.importExport({ path: await writeZip(renderJson(acc, 'L4'), join(dir, `x${i}`), { epoch: exportEpoch(acc) }) });
    for (let i = 0; i < 1000; i++) await service.call('decideAlert', { kind: 'new-ip', key: `AS${i}|SE`, decision: 'me' });
    const d = await service.call('diffSnapshots', {});
    console.log(`archive: 2 exports, ${d.alerts.length} alerts, 1,000 decisions`);
    await timeAsync('diffSnapshots (cached pair, decisions read and laid over)', 50, () => service.call('diffSnapshots', {}));
    const first = d.alerts[0]!;
    let n = 0;
    await timeAsync('decideAlert (one row, upsert)', 50, () => service.call('decideAlert', { kind: first.decisionKind, key: first.key, decision: ++n % 2 ? 'me' : 'resolved' }));
    await timeAsync('timeline (cached diffs, decisions laid over)', 20, () => service.call('timeline', {}));
    service.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
void serviceBench();
