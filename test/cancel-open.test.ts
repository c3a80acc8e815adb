// Cancel while an export is still being opened and hashed (issue 15): a large folder or ZIP takes
// seconds to walk and fingerprint before any record is parsed, and Cancel must stop that phase too —
// CANCELLED, nothing written, the archive exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ImportProgress } from '../src/shared/contract';
import { FootprintError } from '../src/shared/errors';
import { createService } from '../src/main/service';
import { openDatabase } from '../src/main/store/db';
import { importExport } from '../src/main/import/run';
import { resolveImportWorkerEntry, startWorkerImport } from '../src/main/import/worker-import';
import { toApiError } from '../src/main/service/errors';
import { sha256File, writeJson } from './helpers';
import { writeFixture } from './e2e/fixture';

const entry = resolveImportWorkerEntry(resolve(__dirname, '../src/main/import'));
let dir: string;
let bigTxt: string;
let mediumTxt: string;
let small: string;

/** A TXT export of `files` comment files of `mb` MB each (what is in them does not matter to the hash). */
function writeTxtExport(root: string, files: number, mb: number): string {
  const block = `Date: 2024-03-01 10:00:00 UTC\nComment: ${'la '.repeat(300)}\n\n`;
  const text = block.repeat(Math.ceil((mb * 1e6) / block.length));
  mkdirSync(join(root, 'TikTok', 'Your Activity'), { recursive: true });
  writeFileSync(join(root, 'TikTok', 'Your Activity', 'Searches.txt'), 'Date: 2024-03-01 10:00:00 UTC\nSearch Term: cats\n');
  for (let i = 0; i < files; i++) {
    mkdirSync(join(root, 'TikTok', `Comments ${i}`), { recursive: true });
    writeFileSync(join(root, 'TikTok', `Comments ${i}`, 'Comments.txt'), text);
  }
  return root;
}

const tables = (dbPath: string) => {
  const s = createService({ dbPath });
  try {
    const count = (t: string) => (s.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { snapshots: count('snapshots'), records: count('records'), presence: count('record_snapshots'), sections: count('snapshot_sections'), values: count('snapshot_values') };
  } finally {
    s.close();
  }
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fp-cancel-open-'));
  small = writeFixture(join(dir, 'small'), { watch: 50, likes: 5 });
  // about 300 MB: hashing it takes a good part of a second even on a fast disk
  bigTxt = writeTxtExport(join(dir, 'big-txt'), 30, 10);
  mediumTxt = writeTxtExport(join(dir, 'medium-txt'), 10, 1);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Cancel while the export is opened and hashed', () => {
  it('a worker import cancelled as soon as it starts reading a large folder ends CANCELLED before parsing, the archive as it was', async () => {
    const dbPath = join(dir, 'worker.db');
    const earlier = startWorkerImport({ entry, dbPath, path: small }); // an earlier snapshot that must survive
    await earlier.result;
    await earlier.ended; // its background work (preparation, kept answers) done: the file is at rest
    const before = tables(dbPath);
    const fileBefore = sha256File(dbPath);

    const seen: ImportProgress['phase'][] = [];
    let cancelledAt = 0;
    const job = startWorkerImport({
      entry,
      dbPath,
      path: bigTxt,
      onProgress: (p) => {
        seen.push(p.phase);
        if (p.phase === 'reading') {
          cancelledAt = Date.now();
          job.cancel();
        }
      },
    });
    const err = await job.result.then(
      () => null,
      (e: unknown) => e,
    );
    const took = Date.now() - cancelledAt;
    expect(err).toBeInstanceOf(FootprintError);
    expect(toApiError(err)).toEqual({ code: 'CANCELLED', params: {} });
    // stopped in the open/hash phase: the parser never started
    expect(seen).toEqual(['reading']);
    expect(tables(dbPath)).toEqual(before);
    expect(sha256File(dbPath)).toBe(fileBefore);
    console.log(`cancelled while hashing 300 MB: ended ${took} ms after Cancel`);
  }, 120_000);

  it('is polled while the folder is walked and between the files hashed: in-process, the import ends CANCELLED at the poll that says so', () => {
    const dbPath = join(dir, 'in-process.db');
    const db = openDatabase(dbPath);
    try {
      for (const cancelAt of [1, 2, 5, 20]) {
        let polls = 0;
        const seen: string[] = [];
        let err: unknown;
        try {
          importExport(db, mediumTxt, { isCancelled: () => ++polls >= cancelAt, onProgress: (p) => seen.push(p.phase) });
        } catch (e) {
          err = e;
        }
        expect(toApiError(err)).toEqual({ code: 'CANCELLED', params: {} });
        expect(polls).toBe(cancelAt); // stopped at once, at the first poll that said cancel
        expect(seen).toEqual(['reading']);
      }
      expect((db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number }).n).toBe(0);
      // never cancelled, the same export imports
      const result = importExport(db, mediumTxt, { isCancelled: () => false });
      expect(result.datasets.comments?.records).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }, 120_000);

  it('a large JSON export is hashed a few MiB at a time, Cancel heard between', () => {
    const jsonDir = join(dir, 'json');
    mkdirSync(jsonDir, { recursive: true });
    const items = Array.from({ length: 120_000 }, (_, i) => ({ Date: `2024-01-01 00:00:${String(i % 60).padStart(2, '0')}`, Link: `https://www.tiktokv.com/share/video/74287482831${String(i).padStart(8, '0')}/` }));
    const path = writeJson(jsonDir, { Activity: { 'Video Browsing History': { VideoList: items } } });
    const db = openDatabase(join(dir, 'json.db'));
    try {
      let polls = 0;
      let err: unknown;
      const seen: string[] = [];
      try {
        importExport(db, path, { isCancelled: () => ++polls >= 2, onProgress: (p) => seen.push(p.phase) });
      } catch (e) {
        err = e;
      }
      expect(toApiError(err)).toEqual({ code: 'CANCELLED', params: {} });
      expect(polls).toBe(2);
      expect(seen).toEqual(['reading']); // stopped while hashing, before parsing
      expect((db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  });
});
