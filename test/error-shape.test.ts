// The shape of a failure, at every door (in the spirit of datasette's tests/test_error_shape.py):
// the service throws a FootprintError, the IPC door answers {ok: false, error: {code, params}}, the
// CLI prints {"error": {...}} with --json and exits 1. Whatever the failure, its code is one of
// ERROR_CODES and its params are plain values (no sentence, no nested objects, no stack), which the
// catalog words in both languages. Real SQLite files, a real worker thread, no mocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { ERROR_CODES, type ApiError } from '../src/shared/errors';
import { LANGS, translator, type MessageKey } from '../src/shared/i18n';
import type { Envelope, OperationName } from '../src/shared/contract';
import { createService } from '../src/main/service';
import { toApiError } from '../src/main/service/errors';
import { bindContract, type ContractCaller, type IpcMainLike } from '../src/main/shell/ipc-binding';
import { resolveImportWorkerEntry, workerImportRunner } from '../src/main/import/worker-import';
import { MIGRATIONS } from '../src/main/store/migrations';
import { main } from '../src/main/cli/main';
import { writeFixture } from './e2e/fixture';
import { sha256File, smallExport, until, writeJson } from './helpers';

const PASS = 'correct horse battery staple';
const WORKER = resolveImportWorkerEntry(resolve(__dirname, '../src/main/import'));

/** An ApiError as every door must give it: a listed code, plain params only. */
function expectShape(error: ApiError, code: string): void {
  expect(Object.keys(error).sort()).toEqual(['code', 'params']);
  expect(ERROR_CODES).toContain(error.code);
  expect(error.code).toBe(code);
  for (const [k, v] of Object.entries(error.params)) {
    expect(v === null || ['string', 'number', 'boolean'].includes(typeof v), `param ${k}`).toBe(true);
  }
  // no sentence travels in the params: nothing a validator or the store says in English
  expect(JSON.stringify(error.params)).not.toMatch(/ must be | \(got |is not expected|Something went wrong|passphrase is wrong/);
}

/** The catalog words it, in both languages, from these params alone. */
function expectWorded(error: ApiError): void {
  for (const lang of LANGS) {
    const text = translator(lang).t(`error.${error.code}` as MessageKey, error.params);
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toMatch(/[{}]|undefined/);
  }
}

/** The service door: what a call rejects (or a factory throws) with, as the doors see it. */
async function serviceError(fn: () => unknown): Promise<ApiError> {
  try {
    await fn();
  } catch (e) {
    return toApiError(e);
  }
  throw new Error('expected a failure');
}

type Event = { trusted: boolean };
class StandInIpc implements IpcMainLike<Event> {
  readonly handlers = new Map<string, (event: Event, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: Event, ...args: unknown[]) => unknown): void {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(channel: string, ...args: unknown[]): Promise<Envelope<unknown>> {
    return (await this.handlers.get(channel)!({ trusted: true }, ...args)) as Envelope<unknown>;
  }
}

/** The IPC door over `caller`: the envelope's error. */
async function ipcError(caller: ContractCaller, name: OperationName, input: unknown): Promise<ApiError> {
  const ipc = new StandInIpc();
  bindContract(ipc, caller, (e) => e.trusted);
  const r = await ipc.invoke(`fp:${name}`, input);
  expect(r.ok).toBe(false);
  return (r as { ok: false; error: ApiError }).error;
}

/** A door that opens the archive per call (as the desktop app's unlock gate does before it is unlocked). */
const opening = (dbPath: string, passphrase?: string): ContractCaller => ({
  call: async (name, input) => {
    const service = createService({ dbPath, passphrase });
    try {
      return await service.call(name, input);
    } finally {
      service.close();
    }
  },
});

/** The CLI door: exit code, and the JSON error it printed. */
async function cliError(argv: string[], env: Record<string, string> = {}): Promise<{ exit: number; error: { code: string } }> {
  const out: string[] = [];
  const exit = await main([...argv, '--json'], { out: (s) => out.push(s), err: () => {} }, env);
  const line = out.find((s) => s.startsWith('{"error"'));
  return { exit, error: line ? (JSON.parse(line) as { error: { code: string } }).error : { code: '(none)' } };
}

let dir: string;
let plainDb: string;
let encryptedDb: string;
let newerDb: string;
let large: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fp-error-shape-'));
  plainDb = join(dir, 'plain.db');
  const plain = createService({ dbPath: plainDb });
  await plain.importExport({ path: writeJson(join(dir, 'small'), smallExport()) });
  plain.close();
  encryptedDb = join(dir, 'encrypted.db');
  createService({ dbPath: encryptedDb, passphrase: PASS }).close();
  newerDb = join(dir, 'newer.db');
  createService({ dbPath: newerDb }).close();
  const raw = new Database(newerDb);
  raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  raw.close();
  large = writeFixture(join(dir, 'large'), { watch: 120_000, likes: 20_000, seed: 3 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the shape of every failure', () => {
  it('bad input: BAD_INPUT {field, expected, …} at the service and IPC, never the value', async () => {
    const service = createService({ dbPath: plainDb });
    try {
      const atService = await serviceError(() => service.call('listRecords', { dataset: 'secret_value', limit: 5 }));
      expectShape(atService, 'BAD_INPUT');
      expect(atService.params).toMatchObject({ field: 'dataset', expected: 'oneOf' });
      expect(JSON.stringify(atService)).not.toContain('secret_value');
      expectWorded(atService);
      for (const input of [{ id: 'x' }, { id: 0 }, { id: 1, extra: 1 }, 'text', null]) {
        const e = await serviceError(() => service.call('getSnapshot', input));
        expectShape(e, 'BAD_INPUT');
        expectWorded(e);
      }
      const atIpc = await ipcError(service, 'listRecords', { dataset: 'likes', limit: 5000 });
      expectShape(atIpc, 'BAD_INPUT');
      expect(atIpc.params).toEqual({ field: 'limit', expected: 'integerRange', min: 1, max: 1000 });
      expectWorded(atIpc);
    } finally {
      service.close();
    }
  });

  it('an import running: IMPORT_RUNNING {} at the service and IPC, for every exclusive operation', async () => {
    const dbPath = join(dir, 'busy.db');
    const service = createService({ dbPath, runner: workerImportRunner({ entry: WORKER }) });
    try {
      const running = service.importExport({ path: large });
      await until(() => service.importing); // once the preparation started with the service has stopped
      expect(service.importing).toBe(true);
      for (const [name, input] of [
        ['importExport', { path: large }],
        ['importSample', {}],
        ['deleteSnapshot', { id: 1 }],
        ['forgetRecords', { ids: [1] }],
        ['encryptDatabase', { passphrase: PASS }],
        ['changeKey', { passphrase: PASS }],
        ['decryptDatabase', {}],
      ] as [OperationName, unknown][]) {
        const atService = await serviceError(() => service.call(name, input));
        expect(atService, name).toEqual({ code: 'IMPORT_RUNNING', params: {} });
        expectShape(atService, 'IMPORT_RUNNING');
        expectWorded(atService);
      }
      expect(await ipcError(service, 'deleteSnapshot', { id: 1 })).toEqual({ code: 'IMPORT_RUNNING', params: {} });
      // bad input is still bad input, import or not
      expectShape(await ipcError(service, 'deleteSnapshot', { id: -1 }), 'BAD_INPUT');
      await service.cancelImport({});
      expectShape(await serviceError(() => running), 'CANCELLED');
    } finally {
      await service.stopImports();
      service.close();
    }
  });

  it('no keychain: NO_KEYCHAIN at the service and IPC, and the archive stays as it was', async () => {
    // the vault's keychain conversion is in progress: this checks what exists (a service with no
    // device-key store, as in the CLI) and only the code and the shape of its params
    const hash = sha256File(plainDb);
    const service = createService({ dbPath: plainDb });
    try {
      const atService = await serviceError(() => service.encryptDatabase({}));
      expectShape(atService, 'NO_KEYCHAIN');
      expectWorded(atService);
      expectShape(await ipcError(service, 'encryptDatabase', {}), 'NO_KEYCHAIN');
    } finally {
      service.close();
    }
    expect(sha256File(plainDb)).toBe(hash);
  });

  it('a wrong passphrase: DB_LOCKED at the service and IPC', async () => {
    const atService = await serviceError(() => createService({ dbPath: encryptedDb, passphrase: 'not the passphrase' }));
    expectShape(atService, 'DB_LOCKED');
    expectWorded(atService);
    expectShape(await ipcError(opening(encryptedDb, 'not the passphrase'), 'listSnapshots', {}), 'DB_LOCKED');
  });

  it('an archive from a newer Footprint: DB_NEWER at the service and IPC, the file untouched', async () => {
    const hash = sha256File(newerDb);
    const atService = await serviceError(() => createService({ dbPath: newerDb }));
    expectShape(atService, 'DB_NEWER');
    // its params {found, supported} come with the store's FootprintError conversion; then add expectWorded here
    expectShape(await ipcError(opening(newerDb), 'listSnapshots', {}), 'DB_NEWER');
    expect(sha256File(newerDb)).toBe(hash);
  });

  it('desktop-only operations and unexpected failures keep the shape too', async () => {
    const service = createService({ dbPath: plainDb });
    try {
      const desktopOnly = await ipcError(service, 'chooseExport', {});
      expect(desktopOnly).toEqual({ code: 'DESKTOP_ONLY', params: { operation: 'chooseExport' } });
      expectWorded(desktopOnly);
      const missingSample = await serviceError(() => service.importSample({}));
      expect(missingSample).toEqual({ code: 'NO_SAMPLE', params: {} });
      expectWorded(missingSample);
    } finally {
      service.close();
    }
    const bug = await ipcError({ call: async () => Promise.reject(new TypeError('x is not a function')) }, 'listSnapshots', {});
    expect(bug).toEqual({ code: 'INTERNAL', params: { reason: 'x is not a function' } });
    expectShape(bug, 'INTERNAL');
    expectWorded(bug);
  });
});

// The CLI prints {"error": {"code", "params", "message"}} with --json and exits 1 (its wording is
// being rewritten elsewhere: only the code is checked here). An import cannot be running in another
// CLI process's service, and the CLI has no keychain: those two are the service's and IPC's.
describe('the CLI door', () => {
  it('bad input: BAD_INPUT (and BAD_PASSPHRASE for a short passphrase), exit 1, the archive untouched', async () => {
    const hash = sha256File(plainDb);
    const short = join(dir, 'short-passphrase.txt');
    writeFileSync(short, 'short\n');
    expect(await cliError(['encrypt', '--db', plainDb, '--new-passphrase-file', short])).toEqual({ exit: 1, error: expect.objectContaining({ code: 'BAD_PASSPHRASE', params: expect.objectContaining({ reason: 'short' }) }) });
    expect(await cliError(['mark-deleted', '1', '--on', 'someday', '--db', plainDb])).toEqual({ exit: 1, error: expect.objectContaining({ code: 'BAD_INPUT', params: { field: '--on', expected: 'date' } }) });
    expect(sha256File(plainDb)).toBe(hash);
  });

  it('a wrong passphrase: DB_LOCKED, exit 1', async () => {
    expect(await cliError(['snapshots', '--db', encryptedDb], { FOOTPRINT_PASSPHRASE: 'not the passphrase' })).toEqual({
      exit: 1,
      error: expect.objectContaining({ code: 'DB_LOCKED' }),
    });
  });

  it('an archive from a newer Footprint: DB_NEWER, exit 1, the file untouched', async () => {
    const hash = sha256File(newerDb);
    expect(await cliError(['snapshots', '--db', newerDb])).toEqual({ exit: 1, error: expect.objectContaining({ code: 'DB_NEWER' }) });
    expect(sha256File(newerDb)).toBe(hash);
  });
});
