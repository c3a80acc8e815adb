// Deprecated: the store throws FootprintError (src/shared/errors.ts). This shim remains only for
// src/main/cli/main.ts, which still names StoreError; delete it once the CLI throws FootprintError.
import { FootprintError, type ErrorCode, type ErrorParams } from '../../shared/errors';

/** @deprecated throw `new FootprintError(code, params)`; the sentence is dropped (no sentences leave the main process). */
export class StoreError extends FootprintError {
  constructor(code: ErrorCode, message = '') {
    super(code, code === 'BAD_PASSPHRASE' ? passphraseFileParams(message) : {});
  }
}

/** The CLI's passphrase-file failures, as BAD_PASSPHRASE's params. */
function passphraseFileParams(message: string): ErrorParams {
  return { reason: /is empty/.test(message) ? 'empty' : 'unreadable', file: /"([^"]*)"/.exec(message)?.[1] ?? '' };
}
