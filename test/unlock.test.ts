// The unlock door before the service exists (src/main/vault/unlock.ts), in plain Node with real SQLite
// files: the start-up decision, the gate (wrong passphrase → DB_LOCKED and retry, right one → a
// usable service), the "no keychain" choice (encrypt in place or continue, remembered), and the
// IPC binding (sender check, schema, envelopes) on a stand-in for ipcMain.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UNLOCK_CHANNELS, type Envelope, type UnlockStatus } from '../src/shared/contract';
import { createService, type Service } from '../src/main/service';
import { resolveImportWorkerEntry, workerImportRunner } from '../src/main/import/worker-import';
import { bindContract, bindUnlock, FORBIDDEN, type IpcMainLike } from '../src/main/shell/ipc-binding';
import { encryptDatabaseFile, isEncrypted } from '../src/main/vault/file-encryption';
import { unlockDatabase } from '../src/main/vault/device-key';
import {
  createUnlockGate,
  decideStartup,
  defaultFailureDelay,
  filePreferences,
  memoryPreferences,
  serviceSecret,
  type OpenSecret,
  type PreferenceStore,
} from '../src/main/vault/unlock';
import { fakeKeyStore } from './e2e/fake-keychain';
import { archiveCounts, smallExport, tempDir, writeJson } from './helpers';

const PASS = 'correct horse battery';
const WORKER = resolveImportWorkerEntry(resolve(__dirname, '..', 'src', 'main', 'import'));

/** A database with one imported export, then encrypted with PASS; returns its path and row counts. */
async function passphraseDatabase(dir: string): Promise<{ dbPath: string; counts: Record<string, number> }> {
  const dbPath = join(dir, 'footprint.db');
  const s = createService({ dbPath });
  await s.importExport({ path: writeJson(join(dir, 'export'), smallExport({ watch: 7, likes: 3 })) });
  const counts = archiveCounts(s.db);
  s.close();
  encryptDatabaseFile(dbPath, { passphrase: PASS });
  return { dbPath, counts };
}

async function plainDatabase(dir: string): Promise<{ dbPath: string; counts: Record<string, number> }> {
  const dbPath = join(dir, 'footprint.db');
  const s = createService({ dbPath });
  await s.importExport({ path: writeJson(join(dir, 'export'), smallExport({ watch: 7, likes: 3 })) });
  const counts = archiveCounts(s.db);
  s.close();
  return { dbPath, counts };
}

/** The gate the desktop app builds (index.ts), with a worker import and a recorded delay. */
async function gateFor(dir: string, dbPath: string, kind: 'keychain' | 'basic_text', prefs: PreferenceStore = memoryPreferences()) {
  const store = fakeKeyStore(join(dir, 'footprint.key'), kind);
  const startup = await decideStartup(dbPath, store, prefs);
  const delays: number[] = [];
  const opened: OpenSecret[] = [];
  const gate = createUnlockGate<Service>({
    dbPath,
    startup,
    prefs,
    keychainAvailable: (await store.availability()).available,
    open: (secret) => {
      opened.push(secret);
      return createService({ dbPath, ...serviceSecret(secret), deviceKeys: store, runner: workerImportRunner({ entry: WORKER }) });
    },
    failureDelay: (n) => (delays.push(n), 1),
  });
  return { gate, startup, delays, opened, store, prefs };
}

const errorOf = async (p: Promise<unknown>) => p.then(
  () => null,
  (e: { code?: string; params?: object; message: string }) => ({ code: e.code, params: e.params, message: e.message }),
);

describe('decideStartup', () => {
  it('no keychain: a new or plain database gets a passphrase suggested, unless the user declined', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'footprint.db');
    const store = fakeKeyStore(join(dir, 'k'), 'basic_text');
    await expect(decideStartup(dbPath, store, memoryPreferences())).resolves.toMatchObject({ status: 'passphrase-suggested', database: 'new', reason: 'basic_text' });
    await expect(decideStartup(dbPath, store, memoryPreferences({ encryption: 'declined' }))).resolves.toEqual({ status: 'ready', database: 'new' });
    await plainDatabase(dir);
    await expect(decideStartup(dbPath, store, memoryPreferences())).resolves.toMatchObject({ status: 'passphrase-suggested', database: 'plaintext' });
    await expect(decideStartup(dbPath, store, memoryPreferences({ encryption: 'declined' }))).resolves.toEqual({ status: 'ready', database: 'plaintext' });
  });

  it('a keychain: a plain database is encrypted with a device key, unless the user declined (then it stays plain)', async () => {
    const dir = tempDir();
    const { dbPath } = await plainDatabase(dir);
    const store = fakeKeyStore(join(dir, 'k'), 'keychain');
    await expect(decideStartup(dbPath, store, memoryPreferences({ encryption: 'declined' }))).resolves.toEqual({ status: 'ready', database: 'plaintext' });
    expect(isEncrypted(dbPath)).toBe(false);
    const r = await decideStartup(dbPath, store, memoryPreferences());
    expect(r).toMatchObject({ status: 'ready', database: 'plaintext', encryptedNow: true });
    expect(isEncrypted(dbPath)).toBe(true);
  });

  it('a passphrase database needs its passphrase, keychain or not, declined or not', async () => {
    const dir = tempDir();
    const { dbPath } = await passphraseDatabase(dir);
    for (const kind of ['keychain', 'basic_text'] as const) {
      for (const encryption of ['suggest', 'declined'] as const) {
        const r = await decideStartup(dbPath, fakeKeyStore(join(dir, `k-${kind}`), kind), memoryPreferences({ encryption }));
        expect(r.status, `${kind} ${encryption}`).toBe('passphrase-needed');
      }
    }
  });
});

describe('the gate: passphrase-needed', () => {
  it('refuses every operation until unlocked; a wrong passphrase is DB_LOCKED (after a delay) and a retry works', async () => {
    const dir = tempDir();
    const { dbPath, counts } = await passphraseDatabase(dir);
    const { gate, delays, opened } = await gateFor(dir, dbPath, 'basic_text');
    expect(gate.status()).toMatchObject({ state: 'passphrase-needed', database: 'encrypted', reason: 'keychain-unavailable', keychainAvailable: false, failures: 0 });
    expect(gate.service).toBeNull();
    await expect(errorOf(gate.call('listSnapshots', {}))).resolves.toMatchObject({ code: 'DB_LOCKED' });

    await expect(errorOf(gate.submit({ action: 'unlock', passphrase: 'not it at all' }))).resolves.toMatchObject({ code: 'DB_LOCKED' });
    await expect(errorOf(gate.submit({ action: 'unlock', passphrase: PASS.toUpperCase() }))).resolves.toMatchObject({ code: 'DB_LOCKED' });
    expect(delays).toEqual([1, 2]);
    expect(gate.status()).toMatchObject({ state: 'passphrase-needed', failures: 2 });
    expect(opened).toEqual([]); // a wrong passphrase never creates the service
    await expect(errorOf(gate.call('listSnapshots', {}))).resolves.toMatchObject({ code: 'DB_LOCKED' });

    await expect(gate.submit({ action: 'unlock', passphrase: PASS })).resolves.toMatchObject({ state: 'ready' });
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ fromPassphrase: true });
    const service = gate.service!;
    expect(archiveCounts(service.db)).toEqual(counts);
    await expect(gate.call('listSnapshots', {})).resolves.toHaveLength(1);
    // reported as a passphrase unlock (the key was derived off the main thread)
    await expect(gate.call('encryptionStatus', {})).resolves.toEqual({ encrypted: true, unlockedWith: 'passphrase', deviceKeyAvailable: false });
    // the worker import gets the derived key and writes to the encrypted file
    const more = writeJson(join(dir, 'more'), smallExport({ from: 30, watch: 4 }));
    await expect(gate.call('importExport', { path: more })).resolves.toMatchObject({ snapshot: { id: 2 } });
    // a second submit after success changes nothing
    await expect(gate.submit({ action: 'unlock', passphrase: 'whatever' })).resolves.toMatchObject({ state: 'ready' });
    expect(opened).toHaveLength(1);
    service.close();
  });

  it('changing the passphrase, then a restart: the old one is refused, the new one opens', async () => {
    const dir = tempDir();
    const { dbPath, counts } = await passphraseDatabase(dir);
    const first = await gateFor(dir, dbPath, 'basic_text');
    await first.gate.submit({ action: 'unlock', passphrase: PASS });
    await expect(first.gate.call('changeKey', { passphrase: 'a brand new one' })).resolves.toMatchObject({ encrypted: true, unlockedWith: 'passphrase' });
    await expect(first.gate.call('encryptionStatus', {})).resolves.toMatchObject({ unlockedWith: 'passphrase' });
    first.gate.service!.close();

    const second = await gateFor(dir, dbPath, 'basic_text');
    await expect(errorOf(second.gate.submit({ action: 'unlock', passphrase: PASS }))).resolves.toMatchObject({ code: 'DB_LOCKED' });
    await second.gate.submit({ action: 'unlock', passphrase: 'a brand new one' });
    expect(archiveCounts(second.gate.service!.db)).toEqual(counts);
    second.gate.service!.close();
  });

  it('with a keychain: unlocked by passphrase, switching to a device key opens by itself at the next start', async () => {
    const dir = tempDir();
    const { dbPath } = await passphraseDatabase(dir);
    const first = await gateFor(dir, dbPath, 'keychain');
    expect(first.gate.status()).toMatchObject({ state: 'passphrase-needed', reason: 'no-device-key', keychainAvailable: true });
    await first.gate.submit({ action: 'unlock', passphrase: PASS });
    await expect(first.gate.call('encryptionStatus', {})).resolves.toEqual({ encrypted: true, unlockedWith: 'passphrase', deviceKeyAvailable: true });
    await expect(first.gate.call('changeKey', {})).resolves.toEqual({ encrypted: true, unlockedWith: 'key', deviceKeyAvailable: true });
    first.gate.service!.close();
    // the same "OS" is needed to read the key file back: reuse the store
    const r = await unlockDatabase(dbPath, first.store);
    expect(r).toMatchObject({ status: 'ready', database: 'encrypted' });
  });

  it('the submit input is validated; the wrong action for the state is refused', async () => {
    const dir = tempDir();
    const { dbPath } = await passphraseDatabase(dir);
    const { gate } = await gateFor(dir, dbPath, 'basic_text');
    await expect(errorOf(gate.submit({ action: 'open', passphrase: PASS }))).resolves.toMatchObject({ code: 'BAD_INPUT', params: { field: 'action', expected: 'oneOf', allowed: 'unlock, encrypt, skip' } });
    await expect(errorOf(gate.submit({ action: 'unlock', passphrase: PASS, extra: 1 }))).resolves.toMatchObject({ code: 'BAD_INPUT', params: { field: 'extra', expected: 'absent' } });
    await expect(errorOf(gate.submit({ action: 'unlock', passphrase: 42 }))).resolves.toMatchObject({ code: 'BAD_INPUT', params: { field: 'passphrase', expected: 'text', min: 1, max: 1024 } });
    await expect(errorOf(gate.submit({ action: 'unlock' }))).resolves.toMatchObject({ code: 'DB_LOCKED' });
    await expect(errorOf(gate.submit({ action: 'skip' }))).resolves.toMatchObject({ code: 'DB_ENCRYPTED' });
    await expect(errorOf(gate.submit({ action: 'encrypt', passphrase: 'something long' }))).resolves.toMatchObject({ code: 'DB_ENCRYPTED' });
    expect(gate.status().failures).toBe(0);
  });

  it('one unlock at a time', async () => {
    const dir = tempDir();
    const { dbPath } = await passphraseDatabase(dir);
    const { gate, opened } = await gateFor(dir, dbPath, 'basic_text');
    const a = gate.submit({ action: 'unlock', passphrase: PASS });
    await expect(errorOf(gate.submit({ action: 'unlock', passphrase: PASS }))).resolves.toMatchObject({ code: 'DB_BUSY' });
    await expect(a).resolves.toMatchObject({ state: 'ready' });
    expect(opened).toHaveLength(1);
    gate.service!.close();
  });
});

describe('the gate: passphrase-suggested (no secure keychain)', () => {
  it('a new database created with the chosen passphrase, encrypted from its first page', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'footprint.db');
    const prefs = memoryPreferences();
    const { gate } = await gateFor(dir, dbPath, 'basic_text', prefs);
    expect(gate.status()).toMatchObject({ state: 'passphrase-suggested', database: 'new', reason: 'basic_text', encryptionPreference: 'suggest' });
    await expect(errorOf(gate.submit({ action: 'encrypt', passphrase: 'short' }))).resolves.toMatchObject({ code: 'BAD_PASSPHRASE' });
    expect(existsSync(dbPath)).toBe(false);
    await expect(gate.submit({ action: 'encrypt', passphrase: PASS })).resolves.toMatchObject({ state: 'ready' });
    expect(isEncrypted(dbPath)).toBe(true);
    expect(readFileSync(dbPath).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    await expect(gate.call('encryptionStatus', {})).resolves.toEqual({ encrypted: true, unlockedWith: 'passphrase', deviceKeyAvailable: false });
    gate.service!.close();
    // next start: the passphrase is needed
    await expect(decideStartup(dbPath, fakeKeyStore(join(dir, 'k'), 'basic_text'), prefs)).resolves.toMatchObject({ status: 'passphrase-needed' });
  });

  it('an existing plain database is encrypted in place, no record lost', async () => {
    const dir = tempDir();
    const { dbPath, counts } = await plainDatabase(dir);
    const { gate } = await gateFor(dir, dbPath, 'basic_text');
    expect(gate.status()).toMatchObject({ state: 'passphrase-suggested', database: 'plaintext' });
    await gate.submit({ action: 'encrypt', passphrase: PASS });
    expect(isEncrypted(dbPath)).toBe(true);
    expect(archiveCounts(gate.service!.db)).toEqual(counts);
    await expect(gate.call('encryptionStatus', {})).resolves.toMatchObject({ encrypted: true, unlockedWith: 'passphrase' });
    gate.service!.close();
  });

  it('continue without encryption: remembered, so the next start opens directly; Settings can undo it', async () => {
    const dir = tempDir();
    const { dbPath } = await plainDatabase(dir);
    const prefs = filePreferences(join(dir, 'userData', 'preferences.json'));
    const { gate } = await gateFor(dir, dbPath, 'basic_text', prefs);
    await expect(gate.submit({ action: 'skip' })).resolves.toMatchObject({ state: 'ready', encryptionPreference: 'declined' });
    expect(isEncrypted(dbPath)).toBe(false);
    await expect(gate.call('listSnapshots', {})).resolves.toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, 'userData', 'preferences.json'), 'utf8'))).toEqual({ encryption: 'declined' });
    if (process.platform !== 'win32') expect(statSync(join(dir, 'userData', 'preferences.json')).mode & 0o777).toBe(0o600);
    gate.service!.close();

    const again = await gateFor(dir, dbPath, 'basic_text', filePreferences(join(dir, 'userData', 'preferences.json')));
    expect(again.startup).toEqual({ status: 'ready', database: 'plaintext' });
    expect(again.gate.status()).toMatchObject({ state: 'ready', encryptionPreference: 'declined' });
    // Settings: "ask me again"
    await expect(again.gate.setPreference({ encryption: 'suggest' })).resolves.toMatchObject({ encryptionPreference: 'suggest' });
    await expect(errorOf(again.gate.setPreference({ encryption: 'maybe' }))).resolves.toMatchObject({ code: 'BAD_INPUT', params: { field: 'encryption', expected: 'oneOf' } });
    again.gate.service!.close();
    await expect(decideStartup(dbPath, fakeKeyStore(join(dir, 'k'), 'basic_text'), prefs)).resolves.toMatchObject({ status: 'passphrase-suggested' });
  });

  it('encrypting then decrypting in Settings updates the preference (no device key slipped back in at start)', async () => {
    const dir = tempDir();
    const { dbPath, counts } = await plainDatabase(dir);
    const prefs = memoryPreferences({ encryption: 'declined' });
    const { gate, store } = await gateFor(dir, dbPath, 'keychain', prefs);
    expect(gate.status()).toMatchObject({ state: 'ready', database: 'plaintext', keychainAvailable: true });
    await gate.call('encryptDatabase', { passphrase: PASS });
    expect(prefs.current.encryption).toBe('suggest');
    await gate.call('decryptDatabase', {});
    expect(prefs.current.encryption).toBe('declined');
    expect(archiveCounts(gate.service!.db)).toEqual(counts);
    gate.service!.close();
    await expect(decideStartup(dbPath, store, prefs)).resolves.toEqual({ status: 'ready', database: 'plaintext' });
    expect(isEncrypted(dbPath)).toBe(false);
  });

  it('a damaged preferences file means the defaults', () => {
    const dir = tempDir();
    const file = join(dir, 'preferences.json');
    writeFileSync(file, '{nope');
    expect(filePreferences(file).get()).toEqual({ encryption: 'suggest' });
    writeFileSync(file, JSON.stringify({ encryption: 'sure', other: 1 }));
    expect(filePreferences(file).get()).toEqual({ encryption: 'suggest' });
  });

  it('the failure delay is short and grows a little', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(defaultFailureDelay)).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
  });
});

describe('the unlock channels on a stand-in ipcMain', () => {
  type Event = { trusted: boolean };
  class FakeIpc implements IpcMainLike<Event> {
    readonly handlers = new Map<string, (event: Event, ...args: unknown[]) => unknown>();
    handle(channel: string, listener: (event: Event, ...args: unknown[]) => unknown): void {
      if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      this.handlers.set(channel, listener);
    }
    removeHandler(channel: string): void {
      this.handlers.delete(channel);
    }
    invoke<T>(event: Event, channel: string, ...args: unknown[]): Promise<Envelope<T>> {
      return this.handlers.get(channel)!(event, ...args) as Promise<Envelope<T>>;
    }
  }

  it('exist before the service, check the sender and the input, answer envelopes; the contract answers DB_LOCKED until unlocked', async () => {
    const dir = tempDir();
    const { dbPath } = await passphraseDatabase(dir);
    const { gate } = await gateFor(dir, dbPath, 'basic_text');
    const ipc = new FakeIpc();
    const own: Event = { trusted: true };
    const stranger: Event = { trusted: false };
    const unbindUnlock = bindUnlock(ipc, gate, (e) => e.trusted);
    const unbindContract = bindContract(ipc, gate, (e) => e.trusted);
    expect([...ipc.handlers.keys()].filter((c) => c.startsWith('unlock:')).sort()).toEqual(Object.values(UNLOCK_CHANNELS).sort());

    await expect(ipc.invoke(stranger, UNLOCK_CHANNELS.status, {})).resolves.toEqual({ ok: false, error: FORBIDDEN });
    await expect(ipc.invoke(stranger, UNLOCK_CHANNELS.submit, { action: 'unlock', passphrase: PASS })).resolves.toEqual({ ok: false, error: FORBIDDEN });
    expect(gate.service).toBeNull();
    const other = new FakeIpc();
    bindUnlock(other, gate, () => {
      throw new Error('no frame'); // a sender check that throws counts as untrusted
    });
    await expect(other.invoke(own, UNLOCK_CHANNELS.submit, { action: 'unlock', passphrase: PASS })).resolves.toEqual({ ok: false, error: FORBIDDEN });

    const st = await ipc.invoke<UnlockStatus>(own, UNLOCK_CHANNELS.status, {});
    expect(st).toMatchObject({ ok: true, value: { state: 'passphrase-needed' } });
    await expect(ipc.invoke(own, UNLOCK_CHANNELS.status, { x: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await expect(ipc.invoke(own, UNLOCK_CHANNELS.submit, { action: 'unlock', passphrase: PASS }, 'extra')).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await expect(ipc.invoke(own, UNLOCK_CHANNELS.submit, null)).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await expect(ipc.invoke(own, UNLOCK_CHANNELS.submit, { action: 'unlock', passphrase: 'x'.repeat(1025) })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await expect(ipc.invoke(own, 'fp:listSnapshots', {})).resolves.toMatchObject({ ok: false, error: { code: 'DB_LOCKED' } });

    await expect(ipc.invoke(own, UNLOCK_CHANNELS.submit, { action: 'unlock', passphrase: 'wrong wrong' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'DB_LOCKED' },
    });
    await expect(ipc.invoke(own, UNLOCK_CHANNELS.submit, { action: 'unlock', passphrase: PASS })).resolves.toMatchObject({ ok: true, value: { state: 'ready', failures: 1 } });
    await expect(ipc.invoke(own, 'fp:listSnapshots', {})).resolves.toMatchObject({ ok: true, value: [{ id: 1 }] });
    await expect(ipc.invoke(own, UNLOCK_CHANNELS.preference, { encryption: 'declined' })).resolves.toMatchObject({ ok: true, value: { encryptionPreference: 'declined' } });

    unbindUnlock();
    unbindContract();
    expect(ipc.handlers.size).toBe(0);
    gate.service!.close();
  });
});
