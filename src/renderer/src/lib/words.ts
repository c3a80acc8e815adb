// Every sentence the window makes of what the main process sends: errors, alerts, timeline
// highlights, import warnings and the reason behind the start-up screens. The main process is
// moving from English sentences to codes and parameters:
//   errors      {code, message}        →  {code, params}          catalog `error.<CODE>` (+ `.title`)
//   alerts      {kind, detail}         →  {kind, params}          catalog `alert.<kind>`
//   highlights  "sentence"             →  {code, params}          catalog `highlight.<code>`
//   warnings    {path, message}        →  {path, code, params}    catalog `warning.<code>`
//   UnlockStatus.message (English)     →  worded from `reason`    catalog `window.unlock.reason.*`
// Each function reads the new fields when they are there and falls back to the old ones, so the
// switch happens here and nowhere else.
import type { AlertKind, UnlockStatus } from '@shared/contract';
import { CATALOGS, type MessageParams } from '@shared/i18n';
import { ApiCallError } from './api';
import { t, tMaybe } from './i18n.svelte';

type Params = Record<string, unknown>;
const asParams = (p: unknown): MessageParams | null => (p && typeof p === 'object' && !Array.isArray(p) ? (p as MessageParams) : null);

// ---- errors ----

/** Where an error is shown: some codes mean something more precise there. */
export type ErrorContext = 'general' | 'unlock' | 'encryption';

export function errorCode(e: unknown): string {
  return e instanceof ApiCallError ? e.code : 'INTERNAL';
}

/** Whether a catalog sentence needs parameters (the old envelope has none to give it). */
const needsParams = (key: string) => /\{/.test((CATALOGS.en as Record<string, string>)[key] ?? '');

export function errorText(e: unknown, context: ErrorContext = 'general'): string {
  const code = errorCode(e);
  if (context === 'unlock' && code === 'DB_LOCKED') return t('window.unlock.wrong.text');
  if (context !== 'general' && code === 'BAD_INPUT') return t('error.BAD_PASSPHRASE', { reason: 'other' });
  if (e instanceof ApiCallError) {
    const key = `error.${code}`;
    if (e.params) return tMaybe(key, e.params) ?? e.legacyMessage ?? t('window.error.unknown', { code });
    // the old envelope: the catalog when the sentence needs no parameters, else the English one sent
    if (!needsParams(key)) return tMaybe(key) ?? e.legacyMessage ?? t('window.error.unknown', { code });
    return e.legacyMessage ?? tMaybe(key, {}) ?? t('window.error.unknown', { code });
  }
  return t('error.INTERNAL', { reason: (e as Error)?.message ?? String(e) });
}

/** A few words for a heading. `fallback`: what was being done, for an error without a title of its own. */
export function errorTitle(e: unknown, context: ErrorContext = 'general', fallback?: string): string {
  const code = errorCode(e);
  if (context === 'unlock' && code === 'DB_LOCKED') return t('window.unlock.wrong.title');
  if (context !== 'general' && code === 'BAD_INPUT') return t('error.BAD_PASSPHRASE.title');
  if (context === 'encryption' && (code === 'DB_UNREADABLE' || code === 'INTERNAL')) return t('window.settings.failed');
  if (fallback && code === 'INTERNAL') return fallback;
  return tMaybe(`error.${code}.title`) ?? fallback ?? t('error.INTERNAL.title');
}

// ---- alerts ----

export interface AnyAlert {
  kind: AlertKind | string;
  /** old: an English sentence */
  detail?: string;
  /** new: the catalog's parameters for `alert.<kind>` */
  params?: Params;
}

export function alertText(alert: AnyAlert): string {
  const params = asParams(alert.params);
  if (params) return tMaybe(`alert.${alert.kind}`, params) ?? alert.detail ?? String(alert.kind);
  return alert.detail ?? tMaybe(`alert.${alert.kind}`, {}) ?? String(alert.kind);
}

/** The heading over alerts of one kind ("3 new login devices"). */
export function alertGroupTitle(kind: AlertKind | string, n: number): string {
  return tMaybe(`window.alerts.kind.${kind}`, { n }) ?? `${kind} (${n})`;
}

// ---- timeline highlights ----

export type AnyHighlight = string | { code: string; params?: Params };

export function highlightText(h: AnyHighlight): string {
  if (typeof h === 'string') return h;
  return tMaybe(`highlight.${h.code}`, asParams(h.params) ?? {}) ?? h.code;
}

// ---- import warnings ----

export interface AnyWarning {
  path: string;
  /** old */
  message?: string;
  /** new */
  code?: string;
  params?: Params;
}

export function warningText(w: AnyWarning): string {
  if (w.code) return tMaybe(`warning.${w.code}`, { path: w.path, ...(asParams(w.params) ?? {}) }) ?? w.message ?? w.code;
  return w.message ?? '';
}

// ---- the start-up screens ----

/** Why the window asks for a passphrase (or offers one), from the status's `reason`. */
export function unlockReasonText(status: Pick<UnlockStatus, 'state' | 'reason'>): string {
  if (status.state === 'passphrase-needed') {
    switch (status.reason) {
      case 'keychain-unavailable':
        return t('window.unlock.reason.keychainUnavailable');
      case 'device-key-mismatch':
        return t('window.unlock.reason.keyMismatch');
      default:
        return t('window.unlock.reason.passphrase');
    }
  }
  return status.reason === 'basic_text' ? t('window.choice.reason.basicText') : t('window.choice.reason.noKeychain');
}
