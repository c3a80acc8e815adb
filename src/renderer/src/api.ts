// The renderer's thin client over window.footprint (the preload bridge): unwraps envelopes into
// values or ApiCallError, so components just `await api.listSnapshots({})`.
import type { ApiError, FootprintBridge, ImportProgress, OperationInput, OperationName, OperationResults } from '../../shared/contract';

declare global {
  interface Window {
    footprint?: FootprintBridge;
  }
}

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

function bridge(): FootprintBridge {
  const b = window.footprint;
  if (!b) throw new ApiCallError('NO_BRIDGE', 'Footprint could not reach its engine. Restart the app.');
  return b;
}

export async function call<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationResults[K]> {
  const fn = bridge()[name] as unknown as (i: OperationInput<K>) => ReturnType<FootprintBridge[K]>;
  let envelope: Awaited<ReturnType<FootprintBridge[K]>>;
  try {
    envelope = await fn(input);
  } catch (e) {
    throw new ApiCallError('IPC', `Footprint could not reach its engine: ${(e as Error)?.message ?? String(e)}`);
  }
  if (!envelope || typeof envelope !== 'object') throw new ApiCallError('IPC', 'Footprint received an empty answer.');
  if (envelope.ok) return envelope.value as OperationResults[K];
  throw new ApiCallError(envelope.error.code, envelope.error.message);
}

/** api.<operation>(input): the same, one property per operation. */
export const api = new Proxy({} as { [K in OperationName]: (input: OperationInput<K>) => Promise<OperationResults[K]> }, {
  get: (_t, name: string) => (input: unknown) => call(name as OperationName, input as never),
});

export function onImportProgress(cb: (p: ImportProgress) => void): () => void {
  return window.footprint?.onImportProgress(cb) ?? (() => {});
}

export function pathForFile(file: File): string {
  return window.footprint?.pathForFile(file) ?? '';
}

const TITLES: Record<string, string> = {
  NOT_FOUND: 'File not found',
  UNREADABLE: 'Cannot read this file',
  EMPTY_FILE: 'The file is empty',
  NOT_ZIP: 'Not a ZIP archive',
  CORRUPT_ZIP: 'The ZIP archive is damaged',
  ZIP_BOMB: 'The archive is suspiciously large',
  UNSAFE_ZIP: 'The archive is unsafe',
  ENCRYPTED_ZIP: 'The archive is password-protected',
  NOT_JSON: 'Not a valid JSON file',
  NOT_TIKTOK: 'This does not look like a TikTok export',
  NO_EXPORT_IN_FOLDER: 'No TikTok export in this folder',
  TOO_LARGE: 'The file is too large',
  CANCELLED: 'Import cancelled',
  DB_NEWER: 'Footprint needs an update',
  DB_UNREADABLE: 'The database cannot be opened',
  BAD_INPUT: 'Invalid request',
  FORBIDDEN: 'Request refused',
};

/** A short title and a sentence for people, from any error. */
export function humanError(e: unknown): ApiError & { title: string } {
  if (e instanceof ApiCallError) {
    return { code: e.code, title: TITLES[e.code] ?? 'Something went wrong', message: e.message };
  }
  return { code: 'INTERNAL', title: 'Something went wrong', message: (e as Error)?.message ?? String(e) };
}
