// Any failure, as the ApiError {code, params} every door shows (and words from the catalog).
import { FootprintError, isErrorCode, type ApiError, type ErrorParams } from '../../shared/errors';

export { reviveError, serializeError, type SerializedError } from '../import/threads';

export function toApiError(e: unknown): ApiError {
  if (e instanceof FootprintError) return { code: e.code, params: { ...e.params } };
  // Errors from code not yet converted to FootprintError (the store's StoreError) carry a code from
  // the list: taken at their code, their English sentence left out. No class is named here, so the
  // conversion needs no change in this file.
  const code = (e as { code?: unknown } | null)?.code;
  if (e instanceof Error && isErrorCode(code)) return { code, params: { ...((e as { params?: ErrorParams }).params ?? {}) } };
  return { code: 'INTERNAL', params: { reason: e instanceof Error ? e.message : String(e) } };
}
