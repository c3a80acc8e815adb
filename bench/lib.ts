// Shared by the bench scripts: run counts, "median (min–max)" formatting and timed child processes.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const DATA = join(__dirname, '.data');
export const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
export const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** The CLI as users start it; spawned with this Node, whatever the bin does inside. */
export const BIN = join(ROOT, 'bin', 'footprint.cjs');

/** Printed under each bench's title: figures from a busy shared machine read differently. */
export function machine(): string {
  const load = loadavg()[0]!; // 0 on Windows, which has no load average
  return `${cpus().length} cores, load average ${load.toFixed(1)} at start, Node ${process.version}`;
}

export const fmt = (n: number, d = 2): string => n.toFixed(d);
export const int = (n: number): string => Math.round(n).toLocaleString('en');
export const megabytes = (bytes: number): string => `${fmt(bytes / 1e6, 1)} MB`;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median and range of a figure, e.g. "4.63 s (4.41–5.02)"; one run prints just the figure. */
export function spread(xs: number[], unit: string, d = 2): string {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 1 ? `${fmt(s[0]!, d)} ${unit}` : `${fmt(median(s), d)} ${unit} (${fmt(s[0]!, d)}–${fmt(s.at(-1)!, d)})`;
}

export interface Timed {
  /** wall time from spawn to exit, as seen by the parent */
  ms: number;
  /** the child's peak resident set (MB): the largest any Node process of the command reported */
  peakRssMb: number;
  stdout: string;
}

const RSS_PRELOAD = join(__dirname, 'report-rss.cjs');

/**
 * Runs `command args` to completion and times it from the outside. With `rss`, every Node process
 * it starts preloads report-rss.cjs (through NODE_OPTIONS, so it follows the command however it is
 * implemented), which appends its own peak RSS to a file at exit. A failed command stops the bench
 * with its stderr: a figure for a run that failed would be meaningless.
 */
export function timed(command: string, args: string[], opts: { rss?: boolean; env?: NodeJS.ProcessEnv } = {}): Timed {
  const rssFile = join(DATA, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const env = { ...process.env, ...opts.env };
  if (opts.rss) {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(RSS_PRELOAD)}`.trim();
    env.FOOTPRINT_BENCH_RSS = rssFile;
  }
  const started = performance.now();
  const r = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (r.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}):\n${r.stderr}`);
  }
  let peakRssMb = NaN;
  if (opts.rss) {
    const kb = readFileSync(rssFile, 'utf8').split('\n').filter(Boolean).map(Number);
    peakRssMb = Math.max(...kb) / 1024;
    rmSync(rssFile, { force: true });
  }
  return { ms, peakRssMb, stdout: r.stdout };
}

/** Runs `node bin/footprint.cjs …`, timed, with its peak RSS. */
export function cli(args: string[], opts: { rss?: boolean; env?: NodeJS.ProcessEnv } = {}): Timed {
  return timed(process.execPath, [BIN, ...args], opts);
}

/** Records an ImportResult reports (every dataset, values included). */
export function importedRecords(result: { datasets: Record<string, { records: number; new: number }> }): { records: number; new: number } {
  const all = Object.values(result.datasets);
  return { records: all.reduce((s, d) => s + d.records, 0), new: all.reduce((s, d) => s + d.new, 0) };
}

export function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}
