// Two imports into one archive: while another connection holds the write lock for longer than the
// busy timeout, the second import fails with DB_BUSY and a plain sentence (never INTERNAL "database
// is locked"), the archive unchanged; once the lock is gone, the same import goes through.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createService } from '../src/main/service';
import { toApiError } from '../src/main/service/errors';
import { main } from '../src/main/cli/main';
import { smallExport, tempDir, writeJson } from './helpers';

describe('an import while another holds the write lock', () => {
  it('fails with DB_BUSY, then succeeds once the lock is released', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const first = createService({ dbPath });
    await first.importExport({ path: writeJson(join(dir, 'a'), smallExport({ from: 1 })) });
    first.close();

    const holder = new Database(dbPath);
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN IMMEDIATE'); // another import's write transaction, as seen from the file

    const second = createService({ dbPath });
    const path = writeJson(join(dir, 'b'), smallExport({ from: 500 }));
    let error: unknown;
    const t0 = performance.now();
    try {
      await second.importExport({ path });
    } catch (e) {
      error = e;
    }
    const waited = performance.now() - t0;
    expect(toApiError(error)).toEqual({ code: 'DB_BUSY', params: {} });
    expect(waited).toBeGreaterThan(4000); // it waited the busy timeout first

    // the CLI words it in one plain line, exit 1
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['import', path, '--db', dbPath], { out: (s) => out.push(s), err: (s) => err.push(s) }, { LANG: 'C' });
    expect(code).toBe(1);
    expect(err.join('\n')).not.toMatch(/INTERNAL|database is locked|\n/);

    holder.exec('ROLLBACK');
    holder.close();
    const r = await second.importExport({ path });
    expect(r.alreadyImported).toBe(false);
    second.close();
  }, 30_000);
});
