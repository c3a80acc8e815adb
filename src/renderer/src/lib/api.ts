// The renderer's thin client over window.footprint (the preload bridge): unwraps envelopes into
// values or ApiCallError, so pages just `await api.listSnapshots({})`. No wording here: an error
// keeps its code and parameters, and lib/words.ts turns it into sentences.
import type {
  Envelope,
  FootprintBridge,
  ImportProgress,
  OperationInput,
  OperationName,
  OperationResults,
  UnlockPreference,
  UnlockStatus,
  UnlockSubmit,
} from '@shared/contract';
import { isErrorCode, type ErrorCode, type ErrorParams } from '@shared/errors';

declare global {
  interface Window {
    footprint?: FootprintBridge;
  }
}

export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(code);
    this.name = 'ApiCallError';
  }
}

/** An envelope's error ({code, params}) as an ApiCallError; anything malformed is INTERNAL. */
function fromEnvelope(error: unknown): ApiCallError {
  const e = (error ?? {}) as { code?: unknown; params?: unknown };
  if (!isErrorCode(e.code)) return new ApiCallError('INTERNAL', { reason: 'malformed error' });
  return new ApiCallError(e.code, e.params && typeof e.params === 'object' ? (e.params as ErrorParams) : {});
}

const ipcFailure = (e: unknown) => new ApiCallError('IPC', { reason: (e as Error)?.message ?? String(e) });

function bridge(): FootprintBridge {
  const b = window.footprint;
  if (!b) throw new ApiCallError('IPC', { reason: 'window.footprint is missing' });
  return b;
}

async function unwrap<T>(work: () => Promise<Envelope<T>>): Promise<T> {
  let envelope: Envelope<T>;
  try {
    envelope = await work();
  } catch (e) {
    throw ipcFailure(e);
  }
  if (!envelope || typeof envelope !== 'object') throw ipcFailure(new Error('empty answer'));
  if (envelope.ok) return envelope.value;
  throw fromEnvelope(envelope.error);
}

export function call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationResults[K]> {
  return unwrap(() => {
    const fn = bridge()[name] as unknown as (i: OperationInput<K>) => Promise<Envelope<OperationResults[K]>>;
    return fn(input);
  });
}

/** api.<operation>(input): the same, one property per operation. */
export const api = new Proxy({} as { [K in OperationName]: (input: OperationInput<K>) => Promise<OperationResults[K]> }, {
  get: (_t, name: string) => (input: unknown) => call(name as OperationName, input as never),
});

/** The unlock door: answers before the database is open (see src/main/vault/unlock.ts). */
export const unlockApi = {
  /** null: a bridge without the unlock door (treated as "ready") */
  async status(): Promise<UnlockStatus | null> {
    const b = bridge();
    if (typeof b.unlockStatus !== 'function') return null;
    return unwrap(() => b.unlockStatus());
  },
  submit: (input: UnlockSubmit): Promise<UnlockStatus> => unwrap(() => bridge().unlock(input)),
  setPreference: (input: UnlockPreference): Promise<UnlockStatus> => unwrap(() => bridge().setEncryptionPreference(input)),
};

export function onImportProgress(cb: (p: ImportProgress) => void): () => void {
  return window.footprint?.onImportProgress(cb) ?? (() => {});
}

export function pathForFile(file: File): string {
  return window.footprint?.pathForFile(file) ?? '';
}
