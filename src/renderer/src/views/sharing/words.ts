// What only the Sharing page words: exposure amounts, the field an app-entry error belongs to,
// days, and the revoke guide. Errors themselves are worded by lib/words.ts (the shared catalog).
import type { ExposureEntry } from '@shared/contract';
import { parseScopeCatalog, messageKey } from '@shared/sharing';
// The service offers the scopes but not the catalog's guide (how to revoke, access that needs no
// grant), which is static content: the window reads those two sections from the same file, checked
// by the same parser the main process uses.
import catalogText from '../../../../../resources/sharing/scopes.json?raw';
import { ApiCallError } from '../../lib/api';
import { fmtDate, fmtNumber, t } from '../../lib/i18n.svelte';
import { errorText } from '../../lib/words';

const catalog = parseScopeCatalog(JSON.parse(catalogText));
export const revokeGuide = catalog.revoke;
export const noGrant = catalog.noGrant;
export const unclearText = (id: string): string => {
  const u = catalog.unclear.find((x) => x.id === id);
  return u ? t(messageKey(u.text)) : id;
};
export const key = messageKey;

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
