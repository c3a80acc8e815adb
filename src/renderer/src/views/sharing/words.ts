// What only the Sharing page words: exposure amounts, the field an app-entry error belongs to,
// days, and the revoke guide. Errors themselves are worded by lib/words.ts (the shared catalog).
import type { ExposureEntry, ScopeGuide } from '@shared/contract';
import { messageKey } from '@shared/sharing';
import { ApiCallError } from '../../lib/api';
import { fmtDate, fmtNumber, t } from '../../lib/i18n.svelte';
import { errorText } from '../../lib/words';

export const key = messageKey;

/** What TikTok's documentation leaves unclear, by note id (the guide comes with the `scopes` answer). */
export const unclearText = (guide: ScopeGuide, id: string): string => {
  const k = guide.unclear[id];
  return k ? t(messageKey(k)) : id;
};

/** Today on the person's calendar, YYYY-MM-DD (register days are local days, as the service's). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A register day (YYYY-MM-DD) as the language writes dates; noon UTC so no zone moves it a day. */
export function fmtDay(day: string | null | undefined): string {
  if (!day) return '—';
  const ms = Date.parse(`${day}T12:00:00Z`);
  return Number.isNaN(ms) ? day : fmtDate(ms);
}

/** How much of one dataset an app gets: "1,240 records", "at most 30 records", "Only the number: 12". */
export function amountText(e: ExposureEntry): string {
  if (e.part === 'count') return t('app.exposure.count', { records: e.records });
  const n = t('window.count.records', { n: e.records });
  return e.exact ? n : t('window.sharing.exposure.atMost', { n });
}

export function spanText(e: { oldest: number | null; newest: number | null }): string {
  if (e.oldest === null || e.newest === null) return '—';
  return t('window.common.range', { from: fmtDate(e.oldest), to: fmtDate(e.newest) });
}

/** The one-line highlights people understand at once: messages with how many people, logins from how many countries. */
export function highlights(datasets: Record<string, ExposureEntry>): string[] {
  const out: string[] = [];
  const m = datasets.messages;
  if (m && m.records > 0 && m.partners !== undefined) out.push(t('window.sharing.exposure.messages', { records: m.records, partners: m.partners }));
  const l = datasets.login_history;
  if (l && l.records > 0 && l.countries) out.push(t('window.sharing.exposure.logins', { countries: l.countries }));
  return out;
}

export const countText = (n: number): string => fmtNumber(n);

/**
 * An error from the register as { field, text }: BAD_APP_ENTRY (and a schema's BAD_INPUT) name the
 * field in params.field, so a form shows the sentence next to that field; anything else has none.
 */
export function fieldError(e: unknown): { field: string | null; text: string } {
  const field = e instanceof ApiCallError && (e.code === 'BAD_APP_ENTRY' || e.code === 'BAD_INPUT') && typeof e.params.field === 'string' ? e.params.field.split('.').pop()! : null;
  return { field, text: errorText(e) };
}

/** The message a form shows for an empty date before asking the service (same words as its own). */
export const missingDay = (field: string): ApiCallError => new ApiCallError('BAD_APP_ENTRY', { field, reason: 'not_a_date' });

/** The form's labels of the register's fields, for history lines and errors about a saved list. */
export const FIELD_KEYS: Record<string, string> = {
  name: 'window.sharing.field.name',
  website: 'window.sharing.field.website',
  purpose: 'window.sharing.field.purpose',
  note: 'window.sharing.field.note',
  scopes: 'window.sharing.app.scopes',
  claims: 'window.sharing.field.claims',
  access: 'window.sharing.field.access',
  grantedOn: 'window.sharing.field.grantedOn',
  revokedOn: 'window.sharing.field.revokedOn',
  lastReviewedOn: 'window.sharing.field.lastReviewedOn',
  reviewIntervalDays: 'window.sharing.field.reviewIntervalDays',
};

/**
 * Why a saved list was not read, naming the file and, when one app in it is wrong, which one
 * (1 = the first) and which field, in the person's words; importApps is all or nothing, so
 * nothing was added.
 */
export function readFailedText(e: unknown, file: string): string {
  let reason: string;
  if (e instanceof SyntaxError) reason = t('window.sharing.register.notList');
  else if (e instanceof ApiCallError) {
    const field = typeof e.params.field === 'string' ? e.params.field : '';
    // a schema problem inside one app: document.apps[2].grantedOn
    const inApp = /^document\.apps\[(\d+)\](?:\.(\w+))?/.exec(field);
    const DAYS = ['grantedOn', 'revokedOn', 'lastReviewedOn'];
    if (e.code === 'BAD_INPUT' && inApp && DAYS.includes(inApp[2] ?? '')) {
      // a day that is not a YYYY-MM-DD text: the register's own words for it
      reason = t('error.inEntry', { entry: Number(inApp[1]) + 1, text: errorText(new ApiCallError('BAD_APP_ENTRY', { field: inApp[2]!, reason: 'not_a_date' })) });
    } else if (e.code === 'BAD_INPUT' && inApp) {
      const name = inApp[2] && FIELD_KEYS[inApp[2]] ? t(key(FIELD_KEYS[inApp[2]]!)) : (inApp[2] ?? field);
      reason = t('error.inEntry', { entry: Number(inApp[1]) + 1, text: errorText(new ApiCallError('BAD_INPUT', { ...e.params, field: name })) });
    } else if (e.code === 'BAD_INPUT') reason = t('window.sharing.register.notList');
    // an app the register refuses: errorText names it (error.inEntry)
    else reason = errorText(e);
  } else reason = t('window.sharing.register.unreadable');
  return t('window.sharing.register.failed', { file, reason });
}
