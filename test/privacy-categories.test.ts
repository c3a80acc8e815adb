// The home page's content: TikTok's privacy-policy categories hold every dataset exactly once, every
// category, missing item, claim and source is worded in both languages, every fact names a listed
// source, and categorySummary orders, totals and sets empty datasets apart.
import { describe, expect, it } from 'vitest';
import { DATASET_IDS } from '../src/shared/catalog';
import { CATALOGS, LANGS } from '../src/shared/i18n';
import * as home from '../src/shared/i18n/messages/home';
import {
  PRIVACY_CATEGORIES,
  SOURCES,
  TIKTOK_CLAIMS,
  WHAT_EXPORT_DOES_NOT_SHOW,
  categoryAboutKey,
  categoryKey,
  categorySummary,
  checkPlacement,
  type PrivacyCategory,
} from '../src/shared/privacy-categories';

const NONE = { unplaced: [], twice: [], unknown: [] };

describe('privacy categories', () => {
  it('places every dataset of the catalog in exactly one category', () => {
    expect(checkPlacement(DATASET_IDS)).toEqual(NONE);
    expect(PRIVACY_CATEGORIES.flatMap((c) => c.datasets).sort()).toEqual([...DATASET_IDS].sort());
  });

  it('catches a dataset in no category, in two, or unknown to the catalog (planted)', () => {
    expect(checkPlacement([...DATASET_IDS, 'planted_dataset'])).toEqual({ ...NONE, unplaced: ['planted_dataset'] });
    const twice: PrivacyCategory[] = [...PRIVACY_CATEGORIES, { id: 'x', sensitivity: 99, source: 'privacy-guide', datasets: ['messages', 'ghost'] }];
    expect(checkPlacement(DATASET_IDS, twice)).toEqual({ unplaced: [], twice: ['messages'], unknown: ['ghost'] });
  });

  it('is ordered most sensitive first, with unique kebab-case ids and ranks 1..n', () => {
    const ids = PRIVACY_CATEGORIES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(PRIVACY_CATEGORIES.map((c) => c.sensitivity)).toEqual(ids.map((_, i) => i + 1));
    expect(ids).toEqual([
      'proof-of-identity',
      'location',
      'your-content',
      'purchases',
      'contacts',
      'personal-information',
      'usage',
      'third-parties',
      'device',
    ]);
    // the facts the home page leans on
    const of = (d: string): string | undefined => PRIVACY_CATEGORIES.find((c) => c.datasets.includes(d))?.id;
    expect(of('messages')).toBe('your-content');
    expect(of('shop_payment_cards')).toBe('purchases');
    expect(of('off_tiktok_activity')).toBe('third-parties');
    expect(of('device_status')).toBe('device');
  });

  it('words every category, missing item, claim and source in Swedish and English', () => {
    const keys = [
      ...PRIVACY_CATEGORIES.flatMap((c) => [categoryKey(c.id), categoryAboutKey(c.id)]),
      ...WHAT_EXPORT_DOES_NOT_SHOW.map((m) => m.key),
      ...TIKTOK_CLAIMS.map((c) => c.key),
      ...SOURCES.map((s) => s.key),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    for (const lang of LANGS) {
      const catalog: Record<string, string> = CATALOGS[lang];
      expect(keys.filter((k) => !catalog[k]?.trim()), lang).toEqual([]);
    }
    // and the area's data keys are exactly what the data uses (the home page's own words sit beside them), all under its prefix
    expect(Object.keys(home.en).filter((k) => /^home\.(category|missing|claim|source)\./.test(k)).sort()).toEqual([...keys].sort());
    for (const k of Object.keys(home.en)) expect(k.startsWith('home.')).toBe(true);
    // Swedish is written, not copied
    const same = Object.keys(home.en).filter((k) => home.en[k as keyof typeof home.en] === home.sv[k as keyof typeof home.en]);
    expect(same).toEqual([]);
  });

  it('names a listed source for every category, missing item and claim', () => {
    const listed = new Set<string>(SOURCES.map((s) => s.id));
    const used = [
      ...PRIVACY_CATEGORIES.map((c) => [c.id, c.source] as const),
      ...WHAT_EXPORT_DOES_NOT_SHOW.flatMap((m) => m.sources.map((s) => [m.id, s] as const)),
      ...TIKTOK_CLAIMS.flatMap((c) => c.sources.map((s) => [c.id, s] as const)),
    ];
    expect(used.filter(([, s]) => !listed.has(s))).toEqual([]);
    for (const m of [...WHAT_EXPORT_DOES_NOT_SHOW, ...TIKTOK_CLAIMS]) expect(m.sources.length, m.id).toBeGreaterThan(0);
  });

  it('ties missing items to a category and claims to known datasets', () => {
    const categories = new Set(PRIVACY_CATEGORIES.map((c) => c.id));
    expect(WHAT_EXPORT_DOES_NOT_SHOW.filter((m) => !categories.has(m.category)).map((m) => m.id)).toEqual([]);
    const known = new Set(DATASET_IDS);
    const bad = TIKTOK_CLAIMS.flatMap((c) => (c.datasets === 'all' ? [] : c.datasets.filter((d) => !known.has(d))));
    expect(bad).toEqual([]);
    const ids = [...WHAT_EXPORT_DOES_NOT_SHOW, ...TIKTOK_CLAIMS].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    // TikTok's own claims the dataset notes must carry
    expect(TIKTOK_CLAIMS.find((c) => c.id === 'dm-not-end-to-end')?.datasets).toEqual(['messages']);
    expect(TIKTOK_CLAIMS.find((c) => c.id === 'storage-location')?.datasets).toBe('all');
  });
});

describe('categorySummary', () => {
  const DAY = 86_400_000;
  const counts = {
    messages: { records: 40, oldest: 10 * DAY, newest: 50 * DAY },
    posts: { records: 40, oldest: 5 * DAY, newest: 20 * DAY }, // tie with messages: category order
    comments: { records: 100, oldest: 30 * DAY, newest: 90 * DAY },
    ai_chats: { records: 0, oldest: null, newest: null }, // zero: empty
    profile: { records: 12, oldest: null, newest: null }, // values without times
    settings: { records: 3, oldest: 7 * DAY, newest: 8 * DAY },
    device_status: { records: 2, oldest: null, newest: null },
    not_a_dataset: { records: 999, oldest: 1, newest: 2 }, // outside every category: not counted
  };
  const summary = categorySummary(counts);
  const get = (id: string) => summary.find((s) => s.id === id)!;

  it('lists every category, most sensitive first', () => {
    expect(summary.map((s) => s.id)).toEqual(PRIVACY_CATEGORIES.map((c) => c.id));
    expect(summary.map((s) => s.sensitivity)).toEqual(PRIVACY_CATEGORIES.map((c) => c.sensitivity));
  });

  it('totals records and spans the oldest to the newest record', () => {
    const content = get('your-content');
    expect(content.records).toBe(180);
    expect([content.oldest, content.newest]).toEqual([5 * DAY, 90 * DAY]);
    const personal = get('personal-information');
    expect(personal.records).toBe(15);
    expect([personal.oldest, personal.newest]).toEqual([7 * DAY, 8 * DAY]); // profile's nulls ignored
    const device = get('device');
    expect([device.records, device.oldest, device.newest]).toEqual([2, null, null]);
    expect(summary.reduce((s, c) => s + c.records, 0)).toBe(197);
  });

  it('lists the datasets with records, most first, and sets empty ones apart', () => {
    const content = get('your-content');
    expect(content.datasets.map((d) => d.id)).toEqual(['comments', 'messages', 'posts']);
    expect(content.datasets[0]).toEqual({ id: 'comments', records: 100, oldest: 30 * DAY, newest: 90 * DAY });
    expect(content.empty).toContain('ai_chats');
    expect(content.empty).not.toContain('messages');
    const spec = PRIVACY_CATEGORIES.find((c) => c.id === 'your-content')!;
    expect([...content.datasets.map((d) => d.id), ...content.empty].sort()).toEqual([...spec.datasets].sort());
    expect(content.empty).toEqual(spec.datasets.filter((d) => !['comments', 'messages', 'posts'].includes(d)));
    const identity = get('proof-of-identity');
    expect(identity).toEqual({ id: 'proof-of-identity', sensitivity: 1, records: 0, oldest: null, newest: null, datasets: [], empty: [] });
    const purchases = get('purchases');
    expect([purchases.records, purchases.datasets, purchases.oldest]).toEqual([0, [], null]);
    expect(purchases.empty).toHaveLength(PRIVACY_CATEGORIES.find((c) => c.id === 'purchases')!.datasets.length);
  });

  it('gives an empty archive every category with nothing in it', () => {
    const empty = categorySummary({});
    expect(empty.every((c) => c.records === 0 && c.datasets.length === 0 && c.oldest === null)).toBe(true);
    expect(empty.flatMap((c) => c.empty).sort()).toEqual([...DATASET_IDS].sort());
  });
});
