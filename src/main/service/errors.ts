// Any failure, as the {code, message} every door shows.
import type { ApiError } from '../../shared/contract';
import { SchemaError } from '../../shared/schema';
import { ImportError } from '../export/errors';
import { StoreError } from '../store/db';

export function toApiError(e: unknown): ApiError {
  if (e instanceof ImportError || e instanceof StoreError) return { code: e.code, message: e.message };
  if (e instanceof SchemaError) return { code: 'BAD_INPUT', message: e.message };
  return { code: 'INTERNAL', message: `Something went wrong inside Footprint: ${(e as Error)?.message ?? String(e)}` };
}

/** Bad input from the user (exit 1) as opposed to a bug (also 1, but worth a report). */
export function isUserError(e: unknown): boolean {
  return e instanceof ImportError || e instanceof StoreError || e instanceof SchemaError;
}
