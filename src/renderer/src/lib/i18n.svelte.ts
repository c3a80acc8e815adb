// The window's language: the OS locale (navigator.languages) unless the user picked one in
// Settings (remembered in localStorage). Everything the window shows goes through t() and the
// formatters below, which read the current translator, so a switch re-renders every string.
import { LANGS, pickLang, translator, type Lang, type MessageKey, type MessageParams, type Translator } from '@shared/i18n';

export type LangChoice = Lang | 'auto';

const STORAGE_KEY = 'footprint.lang';

function stored(): LangChoice {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v && (LANGS as readonly string[]).includes(v) ? (v as Lang) : 'auto';
  } catch {
    return 'auto';
  }
}

class I18n {
  /** what the user chose in Settings ('auto': follow the OS) */
  choice = $state<LangChoice>(stored());
  readonly lang: Lang = $derived(this.choice === 'auto' ? pickLang(typeof navigator === 'undefined' ? [] : navigator.languages) : this.choice);
  readonly tr: Translator = $derived(translator(this.lang));

  choose(choice: LangChoice): void {
    this.choice = choice;
    try {
      if (choice === 'auto') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      /* storage refused: the choice lasts until the window closes */
    }
  }
}

export const i18n = new I18n();

/** The message for `key` in the window's language. */
export const t = (key: MessageKey, params?: MessageParams): string => i18n.tr.t(key, params);

/** A key built at run time (`dataset.${id}`): its message, or null when the catalog lacks it. */
export function tMaybe(key: string, params?: MessageParams): string | null {
  return i18n.tr.has(key) ? i18n.tr.t(key, params) : null;
}

const DASH = '—';
export const fmtNumber = (n: number | null | undefined): string => (n === null || n === undefined ? DASH : i18n.tr.number(n));
export const fmtDate = (ms: number | null | undefined): string => (ms === null || ms === undefined ? DASH : i18n.tr.date(ms));
export const fmtDateTime = (ms: number | null | undefined): string => (ms === null || ms === undefined ? DASH : i18n.tr.dateTime(ms));
export const fmtList = (items: string[]): string => i18n.tr.list(items);
export function fmtBytes(n: number): string {
  if (n < 1024) return t('window.unit.bytes', { n });
  const digits = { maximumFractionDigits: 1, minimumFractionDigits: 1 };
  const f = new Intl.NumberFormat(i18n.lang === 'sv' ? 'sv-SE' : 'en-GB', digits);
  return n < 1024 * 1024 ? t('window.unit.kb', { n: f.format(n / 1024) }) : t('window.unit.mb', { n: f.format(n / 1024 / 1024) });
}

/** A dataset's name (catalog key `dataset.<id>`), readable even for an id the catalog lacks. */
export const datasetLabel = (id: string): string => tMaybe(`dataset.${id}`) ?? readableKey(id);
export const categoryLabel = (id: string): string => tMaybe(`category.${id}`) ?? readableKey(id);

/**
 * A key from an export ("searchTerm", "video_link", "lemon8Link", "Allow DownLoad") as words.
 * Keys that already read as a label (they hold a space) are kept as TikTok wrote them.
 */
export function readableKey(key: string): string {
  if (/\s/.test(key.trim())) return key.trim();
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim();
  // lower-case ordinary words, keep acronyms ("IP", "GPS") as they are
  const out = words
    .split(/\s+/)
    .map((w) => (/^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase()))
    .join(' ');
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** The catalog key part for a setting or profile field: "Allow DownLoad" → "allow_download". */
const slug = (key: string) =>
  key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/**
 * A setting's name: known settings from the catalog (`window.setting.<slug>`), others as TikTok
 * wrote them. Nested settings ("Content Preferences › Video Languages Preferences") part by part.
 */
export function settingLabel(key: string): string {
  return key
    .split(/\s*(?:\/|›|>|\|)\s*|\.(?=\S)/)
    .filter(Boolean)
    .map((part) => tMaybe(`window.setting.${slug(part)}`) ?? readableKey(part.replace(/:+$/, '')))
    .join(' › ');
}

/** A field of a values dataset (profile, settings, autofill…) or a record's column. */
export function fieldLabel(key: string): string {
  return tMaybe(`window.field.${slug(key)}`) ?? settingLabel(key);
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined || v === '') return DASH;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
