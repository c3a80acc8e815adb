// Deprecated: the store throws FootprintError (src/shared/errors.ts). This shim remains only for
// src/main/cli/main.ts, which still names StoreError; delete it once the CLI throws FootprintError.
import { FootprintError, type ErrorCode } from '../../shared/errors';

/** @deprecated throw `new FootprintError(code, params)`; the message is dropped (no sentences leave the main process). */
export class StoreError extends FootprintError {
  constructor(code: ErrorCode, _message?: string) {
    super(code);
  }
}
