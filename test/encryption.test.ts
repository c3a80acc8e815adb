// Encryption at rest on real SQLite files: what is on disk, wrong secrets, encrypt/rekey/decrypt in
// place without losing a row, owner-only permissions, and the CLI's passphrase doors.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { createService } from '../src/main/service';
import { openDatabase } from '../src/main/store/db';
import { FootprintError } from '../src/shared/errors';
import { connectionKey, tableCounts } from '../src/main/store/cipher';
import {
  changeDatabaseKey,
  databaseFileState,
  decryptDatabaseFile,
  encryptDatabaseFile,
  fileSalt,
  isEncrypted,
  keyForPassphrase,
  openArchive,
  secretOpens,
} from '../src/main/vault/file-encryption';
import { main } from '../src/main/cli/main';
import { resolveImportWorkerEntry, workerImportRunner } from '../src/main/import/worker-import';
import { resolve } from 'node:path';
import { sha256File, smallExport, tempDir, writeFile, writeJson } from './helpers';

const MARKER = 'secret-marker-123';
const USERNAME = 'user_4821'; // smallExport's profile userName
const PASS = 'correct horse battery staple';

/** A tiny L3 export with one direct message holding MARKER. */
function exportWithMessage(dir: string): string {
  return writeJson(dir, {
    ...smallExport(),
    'Direct Messages': {
      'Chat History': {
        ChatHistory: {
          'Chat History with friend_77:': [
            { Date: '2024-11-02 10:00:00', From: 'friend_77', Content: MARKER },
            { Date: '2024-11-02 10:01:00', From: USERNAME, Content: 'see you tomorrow' },
          ],
        },
      },
    },
  });
}

/** Every file of the database (main, -wal, -shm, -journal) as one buffer. */
function onDisk(dbPath: string): Buffer {
  const dir = join(dbPath, '..');
  const base = dbPath.slice(dir.length + 1);
  return Buffer.concat(
    readdirSync(dir)
      .filter((f) => f.startsWith(base))
      .map((f) => readFileSync(join(dir, f))),
  );
}

function expectLocked(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FootprintError);
    expect((e as FootprintError).code).toBe('DB_LOCKED');
    return;
  }
  throw new Error('expected DB_LOCKED');
}

function countsOf(dbPath: string, secret?: { key?: Buffer; passphrase?: string }) {
  const db = openArchive(dbPath, secret);
  try {
    return tableCounts(db);
  } finally {
    db.close();
  }
}

async function plainDatabaseWithData(dir: string): Promise<string> {
  const dbPath = join(dir, 'fp.db');
  const s = createService({ dbPath });
  await s.importExport({ path: exportWithMessage(join(dir, 'export')) });
  s.close();
  expect(onDisk(dbPath).includes(MARKER)).toBe(true); // the premise: plain SQLite shows it
  return dbPath;
}

describe('the file probe', () => {
  it('tells missing, empty, plain, encrypted and foreign files apart', async () => {
    const dir = tempDir();
    expect(databaseFileState(join(dir, 'none.db'))).toBe('missing');
    expect(databaseFileState(writeFile(join(dir, 'empty.db'), ''))).toBe('empty');
    expect(databaseFileState(writeFile(join(dir, 'notes.txt'), 'just some text, not a database at all, long enough'))).toBe('unknown');
    const dbPath = await plainDatabaseWithData(dir);
    expect(readFileSync(dbPath).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(databaseFileState(dbPath)).toBe('plaintext');
    expect(isEncrypted(dbPath)).toBe(false);
    encryptDatabaseFile(dbPath, { passphrase: PASS });
    expect(databaseFileState(dbPath)).toBe('encrypted');
    expect(isEncrypted(dbPath)).toBe(true);
    expect(fileSalt(dbPath)).toHaveLength(16);
  });
});

describe('an encrypted database', () => {
  it('is unreadable without the key: no known plaintext on disk, plain SQLite cannot read it', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const service = createService({ dbPath, passphrase: PASS }); // a new file is created encrypted
    const result = await service.importExport({ path: exportWithMessage(join(dir, 'export')) });
    expect(result.datasets.messages!.records).toBe(2);
    const found = await service.call('listRecords', { dataset: 'messages' });
    expect(found.rows.map((r) => r.fields.content)).toContain(MARKER);
    // while open, the WAL is encrypted too
    expect(existsSync(`${dbPath}-wal`)).toBe(true);
    for (const text of [MARKER, USERNAME, 'friend_77', 'SQLite format 3']) expect(onDisk(dbPath).includes(text)).toBe(false);
    service.close();
    for (const text of [MARKER, USERNAME, 'friend_77', 'SQLite format 3']) expect(onDisk(dbPath).includes(text)).toBe(false);

    const plain = new Database(dbPath, { fileMustExist: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/file is not a database/);
    plain.close();

    const again = createService({ dbPath, passphrase: PASS });
    expect((await again.call('listRecords', { dataset: 'messages' })).rows.map((r) => r.fields.content)).toContain(MARKER);
    expect(await again.encryptionStatus({})).toEqual({ encrypted: true, unlockedWith: 'passphrase', deviceKeyAvailable: false });
    again.close();
  });

  it('a wrong passphrase or key, or none, gives DB_LOCKED and changes nothing', async () => {
    const dir = tempDir();
    const dbPath = await plainDatabaseWithData(dir);
    encryptDatabaseFile(dbPath, { passphrase: PASS });
    const before = sha256File(dbPath);
    const files = readdirSync(dir).sort();

    expectLocked(() => openArchive(dbPath, { passphrase: 'not the passphrase' }));
    expectLocked(() => createService({ dbPath, key: randomBytes(32) }));
    expectLocked(() => createService({ dbPath }));
    expect(secretOpens(dbPath, { passphrase: 'nope' })).toBe(false);

    expect(sha256File(dbPath)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(secretOpens(dbPath, { passphrase: PASS })).toBe(true);
  });

  it('a passphrase for a plain database is refused rather than ignored', async () => {
    const dir = tempDir();
    const dbPath = await plainDatabaseWithData(dir);
    const before = sha256File(dbPath);
    expect(() => openArchive(dbPath, { passphrase: PASS })).toThrow(expect.objectContaining({ code: 'DB_NOT_ENCRYPTED' }));
    expect(sha256File(dbPath)).toBe(before);
  });

  it('db, wal and shm are owner-only (0600) after use', async () => {
    if (process.platform === 'win32') return;
    const dir = tempDir();
    const dbPath = join(dir, 'profile', 'fp.db');
    const service = createService({ dbPath, passphrase: PASS });
    await service.importExport({ path: exportWithMessage(join(dir, 'export')) });
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) expect((statSync(f).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(join(dir, 'profile')).mode & 0o777).toString(8)).toBe('700');
    await service.changeKey({ passphrase: 'another passphrase' });
    await service.deleteSnapshot({ id: 1 }); // writes after the re-key make a new WAL
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) expect((statSync(f).mode & 0o777).toString(8)).toBe('600');
    service.close();
    expect((statSync(dbPath).mode & 0o777).toString(8)).toBe('600');
  });

  it('a second connection (the import worker) opens with the connection key, no passphrase stretching', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const service = createService({ dbPath, passphrase: PASS });
    await service.importExport({ path: exportWithMessage(join(dir, 'export')) });
    const key = connectionKey(service.db)!;
    expect(key).toHaveLength(32);
    expect(key.equals(await keyForPassphrase(dbPath, PASS))).toBe(true);
    const worker = openDatabase(dbPath, { key: new Uint8Array(key) }); // as structured-cloned into a worker
    expect(tableCounts(worker)).toEqual(tableCounts(service.db));
    worker.close();
    service.close();
  });
});

describe('the import worker on an encrypted database', () => {
  it('gets the raw key from the host connection (also after a re-key), never the passphrase', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const entry = resolveImportWorkerEntry(resolve(__dirname, '../src/main/import'));
    const service = createService({ dbPath, passphrase: PASS, runner: workerImportRunner({ entry }) });
    const first = await service.importExport({ path: exportWithMessage(join(dir, 'a')) });
    expect(first.datasets.messages!.records).toBe(2);
    await service.changeKey({ passphrase: 'a brand new passphrase' });
    const second = await service.importExport({ path: writeJson(join(dir, 'b'), smallExport({ from: 3, watch: 4 })) });
    expect(second.alreadyImported).toBe(false);
    expect((await service.listSnapshots({})).length).toBe(2);
    service.close();
    expect(onDisk(dbPath).includes(MARKER)).toBe(false);
    expect(countsOf(dbPath, { passphrase: 'a brand new passphrase' }).snapshots).toBe(2);
  });
});

describe('encrypt, rekey and decrypt in place', () => {
  it('encrypting a plain database keeps every row and leaves no plaintext behind', async () => {
    const dir = tempDir();
    const dbPath = await plainDatabaseWithData(dir);
    const before = countsOf(dbPath);
    expect(before.records).toBeGreaterThan(0);

    const service = createService({ dbPath });
    const snapshotsBefore = await service.listSnapshots({});
    expect(await service.encryptDatabase({ passphrase: PASS })).toEqual({ encrypted: true, unlockedWith: 'passphrase', deviceKeyAvailable: false });
    // the same connection keeps working, and writes stay encrypted
    expect(tableCounts(service.db)).toEqual(before);
    expect(await service.listSnapshots({})).toEqual(snapshotsBefore);
    service.close();

    expect(isEncrypted(dbPath)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('fp.db'))).toEqual(['fp.db']); // no journal left
    for (const text of [MARKER, USERNAME, 'SQLite format 3']) expect(onDisk(dbPath).includes(text)).toBe(false);
    expect(countsOf(dbPath, { passphrase: PASS })).toEqual(before);
    expectLocked(() => openArchive(dbPath));
  });

  it('re-keying keeps every row, draws a new salt, and only the new secret opens it', async () => {
    const dir = tempDir();
    const dbPath = await plainDatabaseWithData(dir);
    const before = countsOf(dbPath);
    encryptDatabaseFile(dbPath, { passphrase: PASS });
    const salt1 = fileSalt(dbPath)!;

    const service = createService({ dbPath, passphrase: PASS });
    await service.changeKey({ passphrase: 'a brand new passphrase' });
    expect(tableCounts(service.db)).toEqual(before);
    service.close();
    const salt2 = fileSalt(dbPath)!;
    expect(salt2.equals(salt1)).toBe(false);
    expectLocked(() => openArchive(dbPath, { passphrase: PASS }));
    expect(countsOf(dbPath, { passphrase: 'a brand new passphrase' })).toEqual(before);

    // passphrase → raw device key, and back
    const key = randomBytes(32);
    changeDatabaseKey(dbPath, { passphrase: 'a brand new passphrase' }, { key });
    expect(countsOf(dbPath, { key })).toEqual(before);
    expectLocked(() => openArchive(dbPath, { passphrase: 'a brand new passphrase' }));
    changeDatabaseKey(dbPath, { key }, { passphrase: PASS });
    expect(countsOf(dbPath, { passphrase: PASS })).toEqual(before);
    expect(onDisk(dbPath).includes(MARKER)).toBe(false);
  });

  it('decrypting gives back a plain SQLite file with every row', async () => {
    const dir = tempDir();
    const dbPath = await plainDatabaseWithData(dir);
    const before = countsOf(dbPath);
    encryptDatabaseFile(dbPath, { passphrase: PASS });
    decryptDatabaseFile(dbPath, { passphrase: PASS });
    expect(databaseFileState(dbPath)).toBe('plaintext');
    const plain = new Database(dbPath, { fileMustExist: true });
    expect((plain.prepare('SELECT count(*) n FROM records').get() as { n: number }).n).toBe(before.records);
    plain.close();
    expect(countsOf(dbPath)).toEqual(before);

    // through the service too
    encryptDatabaseFile(dbPath, { passphrase: PASS });
    const service = createService({ dbPath, passphrase: PASS });
    expect(await service.decryptDatabase({})).toEqual({ encrypted: false, unlockedWith: null, deviceKeyAvailable: false });
    service.close();
    expect(countsOf(dbPath)).toEqual(before);
  });

  it('refuses what makes no sense, and a database in use elsewhere, without changing it', async () => {
    const dir = tempDir();
    const dbPath = await plainDatabaseWithData(dir);
    const service = createService({ dbPath });
    await expect(service.changeKey({ passphrase: PASS })).rejects.toMatchObject({ code: 'DB_NOT_ENCRYPTED' });
    await expect(service.decryptDatabase({})).rejects.toMatchObject({ code: 'DB_NOT_ENCRYPTED' });
    await expect(service.call('encryptDatabase', { passphrase: 'short' })).rejects.toMatchObject({ code: 'BAD_INPUT', params: { field: 'passphrase', expected: 'text', min: 8, max: 1024 } });
    await expect(service.call('encryptDatabase', {})).rejects.toMatchObject({ code: 'NO_KEYCHAIN' }); // no device-key store here

    // another connection (another window, a CLI run) holds the file: nothing happens
    const other = openDatabase(dbPath);
    other.prepare('SELECT count(*) FROM records').get();
    const before = sha256File(dbPath);
    await expect(service.encryptDatabase({ passphrase: PASS })).rejects.toMatchObject({ code: 'DB_BUSY' });
    expect(isEncrypted(dbPath)).toBe(false);
    expect(sha256File(dbPath)).toBe(before);
    expect(service.db.pragma('journal_mode', { simple: true })).toBe('wal');
    other.close();

    await service.encryptDatabase({ passphrase: PASS });
    await expect(service.encryptDatabase({ passphrase: PASS })).rejects.toMatchObject({ code: 'DB_ENCRYPTED' });
    service.close();
  });
});

describe('the CLI', () => {
  const run = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('opens a passphrase-protected database with --passphrase-file or FOOTPRINT_PASSPHRASE', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'fp.db');
    const passFile = writeFile(join(dir, 'pass.txt'), `${PASS}\n`);
    const file = exportWithMessage(join(dir, 'export'));

    const imported = await run(['import', file, '--db', dbPath, '--passphrase-file', passFile, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out).datasets.messages.records).toBe(2);
    expect(isEncrypted(dbPath)).toBe(true);
    expect(onDisk(dbPath).includes(MARKER)).toBe(false);

    const viaFile = await run(['snapshots', '--db', dbPath, '--passphrase-file', passFile, '--json']);
    expect(viaFile.code).toBe(0);
    expect(JSON.parse(viaFile.out)).toHaveLength(1);
    const viaEnv = await run(['export', 'messages', '--db', dbPath], { FOOTPRINT_PASSPHRASE: PASS });
    expect(viaEnv.code).toBe(0);
    expect(viaEnv.out).toContain(MARKER);
  });

  it('without the passphrase: exit 1 and one line saying how to give it; a wrong one says so', async () => {
    const dir = tempDir();
    const dbPath = await plainDatabaseWithData(dir);
    encryptDatabaseFile(dbPath, { passphrase: PASS });
    const before = sha256File(dbPath);

    const none = await run(['snapshots', '--db', dbPath]);
    expect(none.code).toBe(1);
    expect(none.out).toBe('');
    expect(none.err.split('\n')).toHaveLength(1);
    expect(none.err).toMatch(/^footprint: .* Give it with --passphrase-file FILE or FOOTPRINT_PASSPHRASE\.$/);

    const wrong = await run(['snapshots', '--db', dbPath, '--json'], { FOOTPRINT_PASSPHRASE: 'wrong passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.err.split('\n')).toHaveLength(1);
    expect(JSON.parse(wrong.out)).toMatchObject({ error: { code: 'DB_LOCKED' } });

    const missingFile = await run(['snapshots', '--db', dbPath, '--passphrase-file', join(dir, 'nope.txt')]);
    expect(missingFile.code).toBe(1);
    expect(missingFile.err.split('\n')).toHaveLength(1);

    // a passphrase is never an argument
    expect((await run(['snapshots', '--db', dbPath, '--passphrase', PASS])).code).toBe(2);
    expect(sha256File(dbPath)).toBe(before);
  });

  it('encrypt, rekey and decrypt take the new passphrase from --new-passphrase-file only', async () => {
    const dir = tempDir();
    const dbPath = await plainDatabaseWithData(dir);
    const before = countsOf(dbPath);
    const first = writeFile(join(dir, 'first.txt'), `${PASS}\r\n`);
    const second = join(dir, 'second.txt');
    writeFileSync(second, 'the second passphrase');

    expect((await run(['encrypt', '--db', dbPath])).code).toBe(2); // no --new-passphrase-file
    expect(isEncrypted(dbPath)).toBe(false);
    const enc = await run(['encrypt', '--db', dbPath, '--new-passphrase-file', first, '--json']);
    expect(enc.code).toBe(0);
    expect(JSON.parse(enc.out)).toEqual({ encrypted: true, unlockedWith: 'passphrase', deviceKeyAvailable: false });
    expect(countsOf(dbPath, { passphrase: PASS })).toEqual(before);
    expect((await run(['encrypt', '--db', dbPath, '--new-passphrase-file', first])).err).toMatch(/already encrypted/);

    const rekey = await run(['rekey', '--db', dbPath, '--new-passphrase-file', second], { FOOTPRINT_PASSPHRASE: PASS });
    expect(rekey.code).toBe(0);
    expect(rekey.out).toMatch(/^Re-keyed /);
    expectLocked(() => openArchive(dbPath, { passphrase: PASS }));
    expect(countsOf(dbPath, { passphrase: 'the second passphrase' })).toEqual(before);

    const dec = await run(['decrypt', '--db', dbPath, '--passphrase-file', second]);
    expect(dec.code).toBe(0);
    expect(isEncrypted(dbPath)).toBe(false);
    expect(countsOf(dbPath)).toEqual(before);
  });
});
