// Shared test plumbing: temp folders, real files, real ZIPs.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, expect } from 'vitest';
import type { DB } from '../src/main/store/db';
import { tableCounts } from '../src/main/store/cipher';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
/** SQL for the last snapshot holding record `r` (a record with no record_last row was last seen in its first). */
export const LAST_SEEN = 'coalesce((SELECT snapshot_id FROM record_last WHERE record_id = r.id), r.first_snapshot)';

/**
 * The importer's stored fingerprints (fingerprint_chunks) are either exactly the records' (hi, lo,
 * id) per dataset, or visibly stale (their count or id sum differs), never silently wrong.
 */
export function expectFingerprintChunksTrue(db: DB): void {
  const datasets = db.prepare('SELECT DISTINCT dataset FROM fingerprint_chunks').pluck().all() as string[];
  for (const dataset of datasets) {
    const stored: string[] = [];
    let n = 0;
    let idSum = 0;
    for (const c of db.prepare('SELECT n, id_sum, fps FROM fingerprint_chunks WHERE dataset = ? ORDER BY seq').all(dataset) as { n: number; id_sum: number; fps: Buffer }[]) {
      const t = new Float64Array(new Uint8Array(c.fps).buffer);
      expect(t.length).toBe(3 * c.n);
      for (let i = 0; i < t.length; i += 3) stored.push(`${t[i]}:${t[i + 1]}:${t[i + 2]}`);
      n += c.n;
      idSum += c.id_sum;
    }
    const rows = db.prepare('SELECT fp_hi, fp_lo, id FROM records WHERE dataset = ?').raw().all(dataset) as number[][];
    const actualSum = rows.reduce((a, r) => a + r[2]!, 0);
    if (n !== rows.length || idSum !== actualSum) continue; // stale: the next import rebuilds it
    expect(stored.sort(), dataset).toEqual(rows.map((r) => r.join(':')).sort());
  }
}

/**
 * Rows per table as "nothing was lost" means it: the tables the background fills (field values and
 * places of addresses, import/prepare.ts; kept answers, service/keep-answers.ts) are left out, since
 * the desktop service's worker may fill them at any moment after it opens the archive, and reading
 * a comparison or the charts keeps them.
 */
export function archiveCounts(db: Parameters<typeof tableCounts>[0]): Record<string, number> {
  const counts = tableCounts(db);
  for (const derived of ['record_values', 'record_value_fields', 'ip_places', 'kept_answers']) delete counts[derived];
  return counts;
}

/**
 * Waits until `check` holds (polled every 10 ms, at most `ms`): an import on the worker starts
 * only once the background preparation has stopped, a moment after the call.
 */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 10));
}

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'footprint-test-'));
  dirs.push(d);
  return d;
}

export function writeFile(path: string, content: string | Buffer): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

export function writeJson(dir: string, doc: unknown, name = 'user_data_tiktok.json'): string {
  return writeFile(join(dir, name), JSON.stringify(doc, null, 2));
}

export async function writeZip(path: string, files: Record<string, string | Buffer>): Promise<string> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

const video = (n: number) => `https://www.tiktokv.com/share/video/74287482831719${String(n).padStart(5, '0')}/`;
const at = (day: number, sec = 0) => new Date(Date.UTC(2024, 10, 1) + day * 86_400_000 + sec * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** A small L3 export with `watch` watch-history rows starting at day `from`. */
/**
 * The archive's "new" is true to its definition, computed here independently of store/new-counts.ts:
 * each record's first and last snapshot are the earliest and latest in export order holding it;
 * a dataset's new count in a snapshot is its records (or key/value pairs) held by no snapshot
 * exported earlier; a snapshot's new_count is the sum. Returns {snapshot id: new_count}.
 */
export function expectNewCountsTrue(db: DB): Record<number, number> {
  const order = db.prepare('SELECT id FROM snapshots ORDER BY coalesce(exported_at, imported_at), id').pluck().all() as number[];
  const pos = new Map(order.map((id, i) => [id, i]));
  const holders = new Map<number, number[]>();
  for (const [s, r] of db.prepare('SELECT snapshot_id, record_id FROM record_snapshots').raw().all() as [number, number][]) {
    const h = holders.get(r) ?? [];
    h.push(pos.get(s)!);
    holders.set(r, h);
  }
  const expected = new Map<string, number>();
  const records = db.prepare(`SELECT id, dataset, first_snapshot, ${LAST_SEEN} AS last FROM records r`).all() as { id: number; dataset: string; first_snapshot: number; last: number }[];
  for (const r of records) {
    const h = holders.get(r.id)!;
    expect(h, `record ${r.id} is held`).toBeDefined();
    const first = order[Math.min(...h)]!;
    expect({ id: r.id, first: r.first_snapshot, last: r.last }).toEqual({ id: r.id, first, last: order[Math.max(...h)] });
    expected.set(`${first}:${r.dataset}`, (expected.get(`${first}:${r.dataset}`) ?? 0) + 1);
  }
  const seen = new Set<string>();
  for (const id of order) {
    for (const v of db.prepare('SELECT dataset, key, value FROM snapshot_values WHERE snapshot_id = ?').all(id) as { dataset: string; key: string; value: string | null }[]) {
      const pair = JSON.stringify([v.dataset, v.key, v.value]);
      if (!seen.has(pair)) expected.set(`${id}:${v.dataset}`, (expected.get(`${id}:${v.dataset}`) ?? 0) + 1);
      seen.add(pair);
    }
  }
  const totals: Record<number, number> = {};
  for (const d of db.prepare('SELECT snapshot_id, dataset, new FROM snapshot_datasets').all() as { snapshot_id: number; dataset: string; new: number }[]) {
    expect({ snapshot: d.snapshot_id, dataset: d.dataset, new: d.new }).toEqual({ snapshot: d.snapshot_id, dataset: d.dataset, new: expected.get(`${d.snapshot_id}:${d.dataset}`) ?? 0 });
    totals[d.snapshot_id] = (totals[d.snapshot_id] ?? 0) + d.new;
  }
  for (const s of db.prepare('SELECT id, new_count FROM snapshots').all() as { id: number; new_count: number }[]) expect([s.id, s.new_count]).toEqual([s.id, totals[s.id] ?? 0]);
  return totals;
}

export function smallExport(opts: { from?: number; watch?: number; likes?: number; privateAccount?: 'Enabled' | 'Disabled' } = {}) {
  const from = opts.from ?? 0;
  return {
    'Your Activity': {
      'Watch History': {
        VideoList: Array.from({ length: opts.watch ?? 5 }, (_, i) => ({ Date: at(from + i, from + i), Link: video(from + i) })),
      },
      'Like List': {
        ItemFavoriteList: Array.from({ length: opts.likes ?? 2 }, (_, i) => ({ date: at(from + i, 7), link: video(900 + from + i) })),
      },
      Searches: { SearchList: [{ Date: at(from, 3), SearchTerm: 'cats 🥺' }] },
    },
    'App Settings': { Settings: { App: 1, SettingsMap: { 'Private Account': opts.privateAccount ?? 'Disabled' } } },
    Profile: { 'Profile Info': { ProfileMap: { userName: 'user_4821', PlatformInfo: [] } } },
  };
}
