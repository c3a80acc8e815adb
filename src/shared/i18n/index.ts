// The one message catalog, Swedish and English, used by the window and the CLI alike. Messages are
// ICU MessageFormat strings (plurals, numbers, selects) formatted by intl-messageformat; numbers,
// dates and lists go through Intl in the chosen language. The main process never words anything
// for people: it returns codes and parameters, and the door that shows them calls t().
import { IntlMessageFormat } from 'intl-messageformat';
import { en, sv, type MessageKey } from './messages';

export type { MessageKey } from './messages';

export const LANGS = ['en', 'sv'] as const;
export type Lang = (typeof LANGS)[number];

export const CATALOGS: Record<Lang, Record<MessageKey, string>> = { en, sv };

/** The Intl locale for each language (dates and numbers as people there write them). */
const LOCALES: Record<Lang, string> = { en: 'en-GB', sv: 'sv-SE' };

export type MessageParams = Record<string, string | number | boolean | null | undefined | Date>;

export interface Translator {
  readonly lang: Lang;
  /** the message for `key` with its parameters filled in */
  t(key: MessageKey, params?: MessageParams): string;
  /** whether a key built at run time (`error.${code}`) exists */
  has(key: string): key is MessageKey;
  number(n: number): string;
  /** a day (epoch ms), in the given time zone (default: the system's) */
  date(ms: number, timeZone?: string): string;
  /** a day and time (epoch ms) */
  dateTime(ms: number, timeZone?: string): string;
  /** "a, b and c" */
  list(items: string[]): string;
}

interface Compiled {
  format: IntlMessageFormat;
  /** every placeholder the message names, in any branch: a parameter a branch needs but the code did not send reads as '' instead of throwing */
  names: string[];
}

const cache = new Map<string, Compiled>();

function placeholderNames(elements: ReturnType<IntlMessageFormat['getAst']>, into: Set<string>): Set<string> {
  for (const el of elements) {
    if ('value' in el && typeof el.value === 'string' && el.type !== 0 /* literal */) into.add(el.value);
    if ('options' in el) for (const o of Object.values(el.options as Record<string, { value: typeof elements }>)) placeholderNames(o.value, into);
  }
  return into;
}

function compiled(lang: Lang, key: MessageKey): Compiled {
  const id = `${lang}\u0000${key}`;
  let c = cache.get(id);
  if (!c) {
    const format = new IntlMessageFormat(CATALOGS[lang][key], LOCALES[lang], undefined, { ignoreTag: true });
    c = { format, names: [...placeholderNames(format.getAst(), new Set())] };
    cache.set(id, c);
  }
  return c;
}

// Building an Intl.DateTimeFormat costs about as much as formatting a hundred dates: a table or a
// CLI page of a thousand rows formats with one per locale, style and time zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, style: 'date' | 'dateTime', timeZone: string | undefined): Intl.DateTimeFormat {
  const id = `${locale}\u0000${style}\u0000${timeZone ?? ''}`;
  let f = dateFormats.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, style === 'date' ? { dateStyle: 'medium', timeZone } : { dateStyle: 'medium', timeStyle: 'short', timeZone });
    dateFormats.set(id, f);
  }
  return f;
}

export function translator(lang: Lang): Translator {
  const locale = LOCALES[lang];
  const numbers = new Intl.NumberFormat(locale);
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return {
    lang,
    t(key, params) {
      const c = compiled(lang, key);
      const values: Record<string, unknown> = {};
      for (const name of c.names) values[name] = '';
      for (const [k, v] of Object.entries(params ?? {})) values[k] = v ?? '';
      return String(c.format.format(values));
    },
    has: (key): key is MessageKey => Object.hasOwn(CATALOGS[lang], key),
    number: (n) => numbers.format(n),
    date: (ms, timeZone) => dateFormat(locale, 'date', timeZone).format(ms),
    dateTime: (ms, timeZone) => dateFormat(locale, 'dateTime', timeZone).format(ms),
    list: (items) => lists.format(items),
  };
}

/**
 * The language for a list of preferences, most preferred first: locale tags or POSIX locale names
 * (`sv_SE.UTF-8`, `sv-SE`, `sv`). Swedish for any Swedish locale, English otherwise.
 */
export function pickLang(preferences: readonly (string | undefined | null)[]): Lang {
  for (const p of preferences) {
    if (!p) continue;
    const tag = p.trim().toLowerCase().replace(/[.@].*$/, '').replace('_', '-');
    if (tag === '' || tag === 'c' || tag === 'posix') continue;
    const primary = tag.split('-')[0];
    return (LANGS as readonly string[]).includes(primary!) ? (primary as Lang) : 'en';
  }
  return 'en';
}

/** The CLI's language from the environment, as POSIX orders it: LC_ALL, then LC_MESSAGES, then LANG. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  return pickLang([env.LC_ALL, env.LC_MESSAGES, env.LANG]);
}
