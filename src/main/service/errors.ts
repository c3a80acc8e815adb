// Any failure, as the {code, message} every door shows.
import type { ApiError } from '../../shared/contract';
import { SchemaError } from '../../shared/schema';
import { ImportError, type ImportErrorCode } from '../reader/errors';
import { FootprintError, isErrorCode } from '../../shared/errors';

export function toApiError(e: unknown): ApiError {
  // the door words it from the catalog (error.<code>); until then the log form "CODE {params}"
  if (e instanceof FootprintError) return { code: e.code, message: e.message };
  if (e instanceof ImportError) return { code: e.code, message: e.message };
  if (e instanceof SchemaError) return { code: 'BAD_INPUT', message: e.message };
  return { code: 'INTERNAL', message: `Something went wrong inside Footprint: ${(e as Error)?.message ?? String(e)}` };
}

/** Bad input from the user (exit 1) as opposed to a bug (also 1, but worth a report). */
export function isUserError(e: unknown): boolean {
  return e instanceof ImportError || e instanceof FootprintError || e instanceof SchemaError;
}

/** An error as it crosses between threads (structured clone keeps no class). */
export type SerializedError = { name: string; code?: string; message: string; params?: FootprintError['params'] };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof FootprintError) return { name: e.name, code: e.code, message: e.message, params: e.params };
  if (e instanceof ImportError) return { name: e.name, code: e.code, message: e.message };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

/** Turns another thread's error back into the class the same failure throws on this one. */
export function reviveError(e: SerializedError): Error {
  if (e.name === 'ImportError' && e.code) return new ImportError(e.code as ImportErrorCode, e.message);
  if (e.name === 'FootprintError' && isErrorCode(e.code)) return new FootprintError(e.code, e.params ?? {});
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
