// The CLI's side of wording what the main process reports: errors become the `{"error": {code,
// params, message}}` the CLI prints; alerts, highlights and warnings are worded by the shared
// words (src/shared/i18n/words.ts) that the window uses too.
import { toApiError } from '../service/errors';
import type { ErrorCode, ErrorParams } from '../../shared/errors';
import type { Translator } from '../../shared/i18n';
import { alertMessage, errorMessage, highlightMessage, warningMessage } from '../../shared/i18n/words';

/** An error as the CLI prints it and as `--json` writes it: {"error": {code, params, message}}. */
export interface CliError {
  code: ErrorCode;
  params: ErrorParams;
  message: string;
}

/** Any failure as {code, params, message}, worded in the CLI's language. */
export function errorText(tr: Translator, e: unknown): CliError {
  const error = toApiError(e);
  return { ...error, message: errorMessage(tr, error) };
}

export { alertMessage as alertText, highlightMessage as highlightText, warningMessage as warningText };
