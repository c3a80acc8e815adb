// The message catalog (src/shared/i18n): every key in both languages, valid ICU in both, the same
// placeholders in both, no key defined by two areas, and every key the code uses exists. The
// checks are functions so that a planted mistake shows they can fail.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { AREAS } from '../src/shared/i18n/messages';
import { CATALOGS, LANGS, langFromEnv, pickLang, translator, type Lang } from '../src/shared/i18n';
import { ERROR_CODES } from '../src/shared/errors';
import { DATASETS } from '../src/shared/catalog';

const ROOT = resolve(__dirname, '..');
type Catalog = Record<string, string>;

function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (els: MessageFormatElement[]): void => {
    for (const el of els) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      if ('value' in el && typeof el.value === 'string') names.add(el.value);
      if ('options' in el) for (const o of Object.values(el.options)) walk(o.value);
      if ('children' in el) walk(el.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...names].sort();
}

/** Everything wrong with a pair of catalogs, as readable lines. */
function catalogProblems(catalogs: Record<Lang, Catalog>): string[] {
  const problems: string[] = [];
  const keys = new Set(LANGS.flatMap((l) => Object.keys(catalogs[l])));
  for (const key of keys) {
    const seen: Partial<Record<Lang, string[]>> = {};
    for (const lang of LANGS) {
      const text = catalogs[lang][key];
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push(`${key}: missing in ${lang}`);
        continue;
      }
      try {
        seen[lang] = placeholders(text);
      } catch (e) {
        problems.push(`${key} (${lang}): not valid ICU: ${(e as Error).message}`);
      }
    }
    if (seen.en && seen.sv && seen.en.join() !== seen.sv.join()) problems.push(`${key}: placeholders differ: en {${seen.en}} sv {${seen.sv}}`);
  }
  return problems;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|svelte)$/.test(name)) yield full;
  }
}

/** Literal keys passed to t(…) anywhere in src that the catalog lacks. */
function unknownKeysUsed(catalog: Catalog, files: { path: string; text: string }[]): string[] {
  const missing: string[] = [];
  for (const f of files) {
    for (const m of f.text.matchAll(/\bt\(\s*['"]([a-z][\w.-]*)['"]/g)) if (!Object.hasOwn(catalog, m[1]!)) missing.push(`${f.path}: ${m[1]}`);
  }
  return missing;
}

describe('the message catalog', () => {
  it('has every key in Swedish and English, valid ICU, the same placeholders', () => {
    expect(catalogProblems(CATALOGS)).toEqual([]);
  });

  it('catches a missing translation, broken ICU and a changed placeholder (planted)', () => {
    const en = { ...CATALOGS.en, 'planted.one': 'Hello {name}', 'planted.two': '{n, plural, one {# day} other {# days}}' } as Catalog;
    const sv = { ...CATALOGS.sv, 'planted.two': '{n, plural, one {# dag} other {# dagar}' } as Catalog; // planted.one missing, two broken
    const problems = catalogProblems({ en, sv: { ...sv, 'planted.three': 'Hej {namn}' } } as Record<Lang, Catalog>);
    expect(problems.some((p) => p.startsWith('planted.one: missing in sv'))).toBe(true);
    expect(problems.some((p) => p.startsWith('planted.two (sv): not valid ICU'))).toBe(true);
    expect(problems.some((p) => p.startsWith('planted.three: missing in en'))).toBe(true);
    const swapped = catalogProblems({ en: { ...en, 'planted.one': 'Hello {name}' }, sv: { ...sv, 'planted.one': 'Hej {namn}', 'planted.two': 'x {n}' } } as Record<Lang, Catalog>);
    expect(swapped).toContain('planted.one: placeholders differ: en {name} sv {namn}');
  });

  it('defines no key in two areas', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, mod] of Object.entries(AREAS)) {
      for (const key of Object.keys(mod.en)) {
        if (owner.has(key)) twice.push(`${key}: ${owner.get(key)} and ${area}`);
        owner.set(key, area);
      }
    }
    expect(twice).toEqual([]);
  });

  it('words every error code, dataset and category', () => {
    const keys = [
      ...ERROR_CODES.flatMap((c) => [`error.${c}`, `error.${c}.title`]),
      ...DATASETS.map((d) => `dataset.${d.id}`),
      ...[...new Set(DATASETS.map((d) => d.category))].map((c) => `category.${c}`),
    ];
    for (const lang of LANGS) expect(keys.filter((k) => !Object.hasOwn(CATALOGS[lang], k)), lang).toEqual([]);
  });

  it('has every key the code uses (and notices one it lacks)', () => {
    const files = [...sourceFiles(join(ROOT, 'src'))].map((f) => ({ path: f.slice(ROOT.length + 1), text: readFileSync(f, 'utf8') }));
    expect(unknownKeysUsed(CATALOGS.en, files)).toEqual([]);
    expect(unknownKeysUsed(CATALOGS.en, [{ path: 'planted.ts', text: "tr.t('no.such.key')" }])).toEqual(['planted.ts: no.such.key']);
  });
});

describe('choosing and using a language', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG; Swedish for any Swedish locale', () => {
    expect(langFromEnv({ LANG: 'sv_SE.UTF-8' })).toBe('sv');
    expect(langFromEnv({ LANG: 'sv_SE.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'en_GB.UTF-8', LC_MESSAGES: 'sv_FI' })).toBe('sv');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'sv_SE' })).toBe('sv');
    expect(langFromEnv({})).toBe('en');
    expect(pickLang(['de-DE', 'sv-SE'])).toBe('en');
    expect(pickLang(['sv'])).toBe('sv');
  });

  it('formats plurals and numbers the way each language writes them', () => {
    const en = translator('en');
    const sv = translator('sv');
    expect(en.number(1234567)).toBe('1,234,567');
    expect(sv.number(1234567)).toBe('1\u00a0234\u00a0567');
    expect(sv.t('error.NO_SUCH_SNAPSHOT', { id: 7 })).toContain('7');
    expect(en.t('error.BAD_PASSPHRASE', { reason: 'short' })).toBe('A passphrase needs at least 8 characters.');
    expect(sv.t('error.BAD_PASSPHRASE', { reason: 'short' })).toBe('En lösenfras behöver minst 8 tecken.');
    expect(en.list(['a', 'b', 'c'])).toBe('a, b and c');
    expect(sv.list(['a', 'b', 'c'])).toBe('a, b och c');
  });
});
