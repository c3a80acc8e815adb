// Finding and starting the app's worker threads, the same way in a build and from source, and
// carrying errors between them.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FootprintError, isErrorCode, type ErrorParams } from '../../shared/errors';

/**
 * Where a worker entry lives, given the folder of the app's main code:
 * - built (electron-vite): `<dir>/<name>.js`, next to out/main/index.js;
 * - source (vitest, tsx): `<dir>/<name>.ts`, run through tsx.
 * The compiled file wins, so a build never runs TypeScript. Undefined when there is neither.
 */
export function findWorkerEntry(dir: string, name: string): string | undefined {
  for (const ext of ['.js', '.cjs', '.mjs', '.ts']) {
    const file = join(dir, name + ext);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** The folder of the worker entries when running from source: src/main/import. A build passes its own (out/main). */
export const SOURCE_MAIN_DIR = __dirname;

export function spawnWorker(entry: string, options: WorkerOptions): Worker {
  if (!entry.endsWith('.ts')) return new Worker(entry, options);
  // Source mode (tests, tsx): register tsx's CommonJS hooks in the worker, then load the entry.
  // tsx is resolved from the source tree, wherever the process was started; a build never needs it.
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  const code = `require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`;
  return new Worker(code, { ...options, eval: true });
}

// ---- Errors across threads ----

/** An error as it crosses between threads (structured clone keeps no class). */
export type SerializedError = { name: string; code?: string; params?: ErrorParams; message: string };

/**
 * A FootprintError keeps its code and params; so does any error carrying a code from ERROR_CODES
 * (the store's errors until they are FootprintErrors). Anything else is a bug: name and message.
 */
export function serializeError(e: unknown): SerializedError {
  const code = (e as { code?: unknown } | null)?.code;
  if (e instanceof Error && isErrorCode(code)) {
    return { name: 'FootprintError', code, params: { ...((e as { params?: ErrorParams }).params ?? {}) }, message: e.message };
  }
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

/** Another thread's error as the FootprintError it was (code and params intact), or a plain Error. */
export function reviveError(e: SerializedError): Error {
  if (e.name === 'FootprintError' && isErrorCode(e.code)) return new FootprintError(e.code, e.params ?? {});
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
