// The one place the CLI words what the main process reports: errors, alerts, timeline highlights
// and import warnings. The main process is moving from sentences to codes and parameters
// (FootprintError {code, params}, alerts {kind, params}, highlights {code, params}, warnings
// {path, code, params}); until every part has, each function reads the new fields when they are
// there and the old sentence otherwise. Switching over means deleting the fallbacks here.
import { isErrorCode, type ErrorCode, type ErrorParams } from '../../shared/errors';
import type { MessageParams, Translator } from '../../shared/i18n';

/** An error as the CLI prints it and as `--json` writes it: {"error": {code, params, message}}. */
export interface CliError {
  code: ErrorCode;
  params: ErrorParams;
  message: string;
}

type Params = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Only plain values reach the translator and the JSON output. */
function plainParams(p: unknown): ErrorParams {
  const out: ErrorParams = {};
  if (!isObject(p)) return out;
  for (const [k, v] of Object.entries(p)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

/** The catalog's sentence for `prefix.code`, or undefined when the catalog has none. */
function worded(tr: Translator, key: string, params: Params): string | undefined {
  return tr.has(key) ? tr.t(key, params as MessageParams) : undefined;
}

/**
 * Any failure as {code, params, message}. New: FootprintError (code + params) worded from
 * `error.<CODE>`. Old: ImportError / StoreError (code + English message), SchemaError (BAD_INPUT;
 * the validator's "(got string)" is cut), anything else INTERNAL with its reason.
 */
export function errorText(tr: Translator, e: unknown): CliError {
  const code = isObject(e) ? e.code : undefined;
  if (isObject(e) && isErrorCode(code) && isObject(e.params)) {
    const params = plainParams(e.params);
    const fallback = typeof e.message === 'string' ? e.message : code;
    return { code, params, message: worded(tr, `error.${code}`, params) ?? fallback };
  }
  const message = isObject(e) && typeof e.message === 'string' ? e.message : String(e);
  if (isErrorCode(code)) return { code, params: {}, message };
  if (e instanceof Error && e.name === 'SchemaError') return { code: 'BAD_INPUT', params: {}, message: message.replace(/\s*\(got \w+\)$/, '') };
  const params = { reason: message };
  return { code: 'INTERNAL', params, message: tr.t('error.INTERNAL', params) };
}

/** A change alert: `alert.<kind>` with its params (new), else its `detail` sentence (old). */
export function alertText(tr: Translator, alert: { kind: string; params?: unknown; detail?: string }): string {
  if (isObject(alert.params)) return worded(tr, `alert.${alert.kind}`, alert.params) ?? alert.detail ?? alert.kind;
  return alert.detail ?? alert.kind;
}

/** A timeline highlight: {code, params} worded from `highlight.<code>` (new), else the string itself (old). */
export function highlightText(tr: Translator, h: string | { code: string; params?: unknown }): string {
  if (typeof h === 'string') return h;
  return worded(tr, `highlight.${h.code}`, isObject(h.params) ? h.params : {}) ?? h.code;
}

/** An import warning (without its path): `warning.<code>` with params (new), else its message (old). */
export function warningText(tr: Translator, w: { path: string; code?: string; params?: unknown; message?: string }): string {
  if (typeof w.code === 'string') return worded(tr, `warning.${w.code}`, { path: w.path, ...(isObject(w.params) ? w.params : {}) }) ?? w.message ?? w.code;
  return w.message ?? '';
}
