// Finding and starting the app's worker threads, the same way in a build and from source.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

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
