// Every sentence the window makes of what the main process sends: errors, alerts, timeline
// highlights, import warnings and the reason behind the start-up screens. The wording itself is the
// doors' shared one (src/shared/i18n/words.ts), so the window and the CLI say the same thing; this
// adds what only the window knows (where an error is shown).
import type { AlertKind, ChangeAlert, ImportWarning, TimelineHighlight, UnlockStatus } from '@shared/contract';
import { alertMessage, errorMessage, errorTitle as sharedErrorTitle, highlightMessage, warningMessage } from '@shared/i18n/words';
import { ApiCallError } from './api';
import { i18n, t, tMaybe } from './i18n.svelte';

// ---- errors ----

/** Where an error is shown: some codes mean something more precise there. */
export type ErrorContext = 'general' | 'unlock' | 'encryption';

export function errorCode(e: unknown): string {
  return e instanceof ApiCallError ? e.code : 'INTERNAL';
}

const asApiError = (e: unknown) => (e instanceof ApiCallError ? { code: e.code, params: e.params } : { code: 'INTERNAL' as const, params: { reason: (e as Error)?.message ?? String(e) } });

export function errorText(e: unknown, context: ErrorContext = 'general'): string {
  const code = errorCode(e);
  if (context === 'unlock' && code === 'DB_LOCKED') return t('window.unlock.wrong.text');
  if (context !== 'general' && code === 'BAD_INPUT') return t('error.BAD_PASSPHRASE', { reason: 'other' });
  return errorMessage(i18n.tr, asApiError(e));
}

/** A few words for a heading. `fallback`: what was being done, for an error without a title of its own. */
export function errorTitle(e: unknown, context: ErrorContext = 'general', fallback?: string): string {
  const code = errorCode(e);
  if (context === 'unlock' && code === 'DB_LOCKED') return t('window.unlock.wrong.title');
  if (context !== 'general' && code === 'BAD_INPUT') return t('error.BAD_PASSPHRASE.title');
  if (context === 'encryption' && (code === 'DB_UNREADABLE' || code === 'INTERNAL')) return t('window.settings.failed');
  if (fallback && code === 'INTERNAL') return fallback;
  return sharedErrorTitle(i18n.tr, asApiError(e));
}

// ---- alerts, highlights, warnings ----

export const alertText = (alert: Pick<ChangeAlert, 'kind' | 'params'>): string => alertMessage(i18n.tr, alert);

/** The heading over alerts of one kind ("3 new login devices"). */
export function alertGroupTitle(kind: AlertKind | string, n: number): string {
  return tMaybe(`window.alerts.kind.${kind}`, { n }) ?? `${kind} (${n})`;
}

export const highlightText = (h: TimelineHighlight): string => highlightMessage(i18n.tr, h);

export const warningText = (w: ImportWarning): string => warningMessage(i18n.tr, w);

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
