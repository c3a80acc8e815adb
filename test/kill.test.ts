// Crash safety: the CLI is SIGKILLed in the middle of writing a large import (no chance to clean
// up, as with a power cut or a force-quit). Afterwards the database opens, passes SQLite's integrity
// check, holds exactly the snapshots it held before, and the same export imports cleanly.
//
// The moment to kill is found from the CLI's progress lines (FOOTPRINT_PROGRESS=1 prints
// "progress writing <records>" on stderr from inside the write transaction), never from timing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createService } from '../src/main/service';
import { writeLargeExport } from '../bench/large-export';
import { smallExport, writeJson } from './helpers';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'footprint.cjs');
const RECORDS = 300_000;

let dir: string;
let big: string;
let dbPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'footprint-kill-'));
  big = join(dir, 'user_data_tiktok.json');
  await writeLargeExport(big, RECORDS);
  dbPath = join(dir, 'footprint.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The same import the CLI runs (the service, on its own connection), with a page cache of 1 MiB so
 * that the open transaction spills into the WAL long before it commits: killing it then leaves
 * uncommitted frames on disk, which recovery must ignore.
 */
const SMALL_CACHE_DRIVER = `
require(${JSON.stringify(require.resolve('tsx/cjs', { paths: [ROOT] }))});
const { createService } = require(${JSON.stringify(join(ROOT, 'src/main/service/index.ts'))});
const [dbPath, path] = process.argv.slice(1);
const service = createService({ dbPath, onImportProgress: (p) => process.stderr.write('progress ' + p.phase + ' ' + p.records + '\\n') });
service.db.pragma('cache_size = -1024');
service.importExport({ path }).then(() => service.close());
`;

interface Killed {
  signal: NodeJS.Signals | null;
  lastProgress: number;
  /** the WAL's size when the kill was sent */
  walBytes: number;
  stderr: string;
}

/**
 * Runs an import in a child process and SIGKILLs it once it has reported `atRecords` written (from
 * inside its write transaction) and its WAL holds at least `walBytes`.
 */
function importAndKill(args: string[], atRecords: number, walBytes = 0): Promise<Killed> {
  const wal = `${dbPath}-wal`;
  const walSize = () => (existsSync(wal) ? statSync(wal).size : 0);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, FOOTPRINT_PROGRESS: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let lastProgress = -1;
    let killedAt = -1;
    const maybeKill = () => {
      if (killedAt < 0 && lastProgress >= atRecords && walSize() >= walBytes) {
        killedAt = walSize();
        child.kill('SIGKILL');
      }
    };
    const poll = setInterval(maybeKill, 10);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      for (const m of chunk.matchAll(/^progress writing (\d+)$/gm)) lastProgress = Number(m[1]);
      maybeKill();
    });
    child.on('error', fail);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      done({ signal, lastProgress, walBytes: killedAt, stderr });
    });
  });
}

function state() {
  const service = createService({ dbPath });
  try {
    const count = (table: string) => (service.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      integrity: service.db.pragma('integrity_check', { simple: true }),
      snapshots: service.db.prepare('SELECT id, sha256, record_count FROM snapshots ORDER BY id').all(),
      records: count('records'),
      presence: count('record_snapshots'),
      datasets: count('snapshot_datasets'),
      values: count('snapshot_values'),
      warnings: count('snapshot_warnings'),
    };
  } finally {
    service.close();
  }
}

describe('killing the CLI in the middle of an import', () => {
  it('leaves a database that opens, is intact, holds the snapshots it held, and imports the export again', async () => {
    // one small snapshot first
    const service = createService({ dbPath });
    await service.importExport({ path: writeJson(join(dir, 'small'), smallExport()) });
    service.close();
    const before = state();
    expect(before.integrity).toBe('ok');
    expect(before.snapshots).toHaveLength(1);

    // the CLI itself, killed early in its write phase and again later on
    for (const at of [25_000, 200_000]) {
      const run = await importAndKill([BIN, 'import', big, '--db', dbPath, '--json'], at);
      expect(run.signal, `the import should have been killed, not finished:\n${run.stderr}`).toBe('SIGKILL');
      expect(run.lastProgress).toBeGreaterThanOrEqual(at);
      expect(run.lastProgress).toBeLessThan(RECORDS);
      expect(state()).toEqual(before);
    }

    // killed while its uncommitted transaction has spilled into the WAL (several MB of frames on disk)
    const spilled = await importAndKill(['-e', SMALL_CACHE_DRIVER, dbPath, big], 25_000, 8 * 1024 * 1024);
    expect(spilled.signal, `the import should have been killed, not finished:\n${spilled.stderr}`).toBe('SIGKILL');
    expect(spilled.walBytes).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    expect(spilled.lastProgress).toBeLessThan(RECORDS);
    expect(state()).toEqual(before);

    // the same export imports cleanly afterwards: nothing half-written blocks it ("already imported")
    const again = createService({ dbPath });
    try {
      const result = await again.importExport({ path: big });
      expect(result.alreadyImported).toBe(false);
      expect(result.datasets.watch_history?.records).toBe(RECORDS * 0.4);
      expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(await again.listSnapshots({})).toHaveLength(2);
    } finally {
      again.close();
    }
  }, 300_000);
});
