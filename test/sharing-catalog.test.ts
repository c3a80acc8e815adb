// The scope catalog (resources/sharing/scopes.json): its shape, every cross-reference (datasets,
// reasons, sources, message keys in both languages), what each scope reaches as the research
// describes it, and proof that the checks catch a planted mistake.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATASETS, DATASET_IDS } from '../src/shared/catalog';
import { CATALOGS, LANGS, translator, type MessageKey } from '../src/shared/i18n';
import * as sharingMessages from '../src/shared/i18n/messages/sharing';
import { ACCESS, PARTS, RISK_LEVELS, SOURCE_KINDS, catalogProblems, highestLevel, parseScopeCatalog, scopeCatalogSchema } from '../src/shared/sharing';
import { FootprintError } from '../src/shared/errors';
import { PARTY_ACTIONS, PARTY_DIRECTIONS, PARTY_KINDS } from '../src/shared/contract';
import { SCOPE_CATALOG } from '../src/main/analysis/app-scopes';

const JSON_PATH = resolve(__dirname, '../resources/sharing/scopes.json');
const fresh = (): Record<string, unknown> & { scopes: Record<string, unknown>[] } => JSON.parse(readFileSync(JSON_PATH, 'utf8'));
const cat = SCOPE_CATALOG;
const reach = (id: string) => cat.scope(id)!.datasets.map((d) => d.dataset);

const USER_SCOPES = ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list', 'video.upload', 'video.publish'];
const PORTABILITY = ['all', 'postsandprofile', 'activity', 'directmessages'].flatMap((c) => [`portability.${c}.single`, `portability.${c}.ongoing`]);

/** Every string in the JSON with its path. */
function* strings(v: unknown, path = ''): Generator<[string, string]> {
  if (typeof v === 'string') yield [path, v];
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* strings(x, `${path}[${i}]`);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) yield* strings(x, path ? `${path}.${k}` : k);
}

describe('the scope catalog', () => {
  it('holds exactly the scopes a user can grant: Login Kit, Display, Content Posting and the eight portability scopes', () => {
    expect(cat.scopes.map((s) => s.id).sort()).toEqual([...USER_SCOPES, ...PORTABILITY].sort());
    expect(PORTABILITY).toHaveLength(8);
  });

  it('has no problem in its cross-references', () => {
    expect(catalogProblems(scopeCatalogSchema.parse(fresh()))).toEqual([]);
  });

  it('names every scope and its meaning in Swedish and English, worded for each language', () => {
    for (const sc of cat.scopes) {
      for (const key of [sc.title, sc.meaning]) {
        for (const lang of LANGS) expect(CATALOGS[lang][key as MessageKey], `${key} ${lang}`).toMatch(/\S/);
        expect(CATALOGS.sv[key as MessageKey], `${key} is not translated`).not.toBe(CATALOGS.en[key as MessageKey]);
      }
    }
  });

  it('refers only to message keys that exist in both languages, and holds no sentences itself', () => {
    const raw = fresh();
    const keys = [...strings(raw)].filter(([, v]) => /^(scope|app|party|revoke)\./.test(v));
    expect(keys.length).toBeGreaterThan(60);
    for (const [path, key] of keys) for (const lang of LANGS) expect(Object.hasOwn(CATALOGS[lang], key), `${path}: ${key} (${lang})`).toBe(true);
    // the only text with spaces is TikTok's own menu labels, shown verbatim
    const spaced = [...strings(raw)].filter(([, v]) => / /.test(v)).map(([p]) => p);
    for (const p of spaced) expect(p).toMatch(/^revoke\.steps\[\d+\]\.(label|variants\[\d+\]\.label)$/);
  });

  it('reaches only dataset ids Footprint knows', () => {
    for (const sc of cat.scopes) for (const d of sc.datasets) expect(DATASET_IDS, `${sc.id}: ${d.dataset}`).toContain(d.dataset);
  });

  it('gives every scope at least one risk reason, and the highest of them is its level', () => {
    for (const sc of cat.scopes) {
      expect(sc.reasons.length, sc.id).toBeGreaterThan(0);
      expect(highestLevel(sc.reasons.map((r) => cat.reason(r)!.level)), sc.id).toBe(sc.risk);
    }
  });

  it('maps portability categories to the datasets of TikTok’s Data Types page', () => {
    expect(reach('portability.directmessages.single')).toEqual(['messages']);
    expect(reach('portability.postsandprofile.single').sort()).toEqual(['followers', 'following', 'posts', 'profile']);
    for (const id of ['watch_history', 'likes', 'favorite_videos', 'searches', 'comments', 'purchases', 'location_reviews'])
      expect(reach('portability.activity.ongoing')).toContain(id);
    // login IPs, device ids and share history are listed only under the full archive
    for (const id of ['login_history', 'device_status', 'shares', 'messages']) expect(reach('portability.activity.ongoing')).not.toContain(id);
    for (const id of ['portability.all.single', 'portability.all.ongoing']) {
      expect(reach(id)).toEqual(DATASETS.map((d) => d.id));
      expect(cat.scope(id)!.categories).toEqual([...new Set(DATASETS.map((d) => d.category))]);
    }
    expect(cat.scope('portability.directmessages.ongoing')!.categories).toEqual(['messages']);
  });

  it('reaches the same data with a single and an ongoing grant of one category, and says which is which', () => {
    for (const c of ['all', 'postsandprofile', 'activity', 'directmessages']) {
      const single = cat.scope(`portability.${c}.single`)!;
      const ongoing = cat.scope(`portability.${c}.ongoing`)!;
      expect(ongoing.datasets, c).toEqual(single.datasets);
      expect([single.access, ongoing.access]).toEqual(['one-time', 'ongoing']);
      expect(ongoing.reasons, c).toContain('repeated-full-copies');
      expect(single.reasons, c).not.toContain('repeated-full-copies');
    }
  });

  it('marks the grants the research calls out as high risk, for the reasons it gives', () => {
    expect(cat.scope('video.publish')!.reasons).toContain('posts-on-your-behalf');
    expect(cat.scope('user.info.basic')!.reasons).toContain('cross-app-id');
    expect(cat.scope('portability.directmessages.ongoing')!.reasons).toContain('ongoing-direct-messages');
    expect(cat.scope('portability.all.ongoing')!.reasons).toEqual(expect.arrayContaining(['full-archive', 'ongoing-direct-messages']));
    for (const id of ['video.publish', 'portability.directmessages.single', 'portability.all.single', 'portability.activity.ongoing'])
      expect(cat.scope(id)!.risk, id).toBe('high');
    for (const id of ['user.info.basic', 'user.info.stats', 'video.list']) expect(cat.scope(id)!.risk, id).toBe('low');
  });

  it('says user.info.basic cannot be declined, and writes-only scopes reach no data', () => {
    expect(cat.scopes.filter((s) => !s.declinable).map((s) => s.id)).toEqual(['user.info.basic']);
    expect(cat.scope('video.publish')!).toMatchObject({ writes: 'posts', datasets: [] });
    expect(cat.scope('video.upload')!).toMatchObject({ writes: 'drafts', datasets: [] });
    expect(cat.scope('user.info.stats')!.datasets.every((d) => d.part === 'count')).toBe(true);
  });

  it('lists the APIs that need no grant as not revocable, with scopes no user can grant', () => {
    expect(cat.noGrant.apis.map((a) => a.id)).toEqual(['research-api', 'commercial-content-api']);
    for (const a of cat.noGrant.apis) {
      expect(a.revocable).toBe(false);
      for (const s of a.scopes) expect(cat.scope(s)).toBeUndefined();
    }
  });

  it('gives the revoke path in order, with the label variants the research lists', () => {
    const steps = cat.revoke.steps;
    expect(steps.map((s) => s.id)).toEqual(['profile', 'menu', 'settings', 'security', 'apps', 'app', 'remove']);
    expect(steps.map((s) => s.label)).toEqual(['Profile', '☰', 'Settings and privacy', 'Security and permissions', 'Apps and services permissions', null, 'Remove access']);
    expect(steps[3]!.variants.map((v) => v.label)).toEqual(['Security', 'Security & permissions']);
    expect(steps[4]!.variants).toEqual([expect.objectContaining({ label: 'Manage app permissions', uncertain: true })]);
    expect(cat.revoke.after).toEqual(expect.arrayContaining(['revoke.after.keeps-copies', 'revoke.after.ask-deletion']));
  });

  it('words each revoke step with its label in both languages', () => {
    for (const lang of LANGS) {
      const tr = translator(lang);
      for (const st of cat.revoke.steps) {
        const text = tr.t(st.text as MessageKey, { label: st.label });
        if (st.label) expect(text, `${lang} ${st.id}`).toContain(st.label);
      }
    }
  });

  it('words every level, access, part and source kind, and has no message nothing refers to', () => {
    const families = [
      ...RISK_LEVELS.map((l) => `app.level.${l}`),
      ...ACCESS.map((a) => `app.access.${a}`),
      ...PARTS.map((p) => `scope.part.${p}`),
      ...SOURCE_KINDS.map((k) => `scope.source.${k}`),
      // the parties the exports show (analysis/parties.ts): every kind, direction and action worded
      ...PARTY_KINDS.map((k) => `party.kind.${k}`),
      ...PARTY_DIRECTIONS.map((d) => `party.direction.${d}`),
      ...PARTY_ACTIONS.map((a) => `party.action.${a}`),
      'party.unnamed',
      'party.unnamed.why',
    ];
    for (const key of families) expect(Object.hasOwn(sharingMessages.en, key), key).toBe(true);
    // texts for the window's page, built on the analysis results (review states, exposure rows)
    const forThePage = /^(app\.review\.|app\.exposure\.|app\.access\.(derived|editable)$|revoke\.variants$)/;
    const fromData = new Set([...strings(fresh())].map(([, v]) => v));
    const stray = Object.keys(sharingMessages.en).filter((k) => !fromData.has(k) && !families.includes(k) && !forThePage.test(k));
    expect(stray).toEqual([]);
    for (const key of Object.keys(sharingMessages.en)) expect(key).toMatch(/^(scope|app|party|revoke)\./);
  });

  it('cites only sources it lists, each an https address', () => {
    for (const src of cat.sources) expect(src.url).toMatch(/^https:\/\//);
    const ids = new Set(cat.sources.map((s) => s.id));
    for (const sc of cat.scopes) for (const id of sc.sources) expect(ids.has(id), `${sc.id} ${id}`).toBe(true);
  });
});

describe('the catalog checks catch planted mistakes', () => {
  const problemsOf = (mutate: (raw: ReturnType<typeof fresh>) => void) => {
    const raw = fresh();
    mutate(raw);
    return catalogProblems(scopeCatalogSchema.parse(raw));
  };
  const scopeOf = (raw: ReturnType<typeof fresh>, id: string) => raw.scopes.find((s) => s.id === id)!;

  it('an unknown dataset, message key, reason, source or unclear note', () => {
    expect(problemsOf((r) => (scopeOf(r, 'video.list').reaches = [{ dataset: 'videos', part: 'public' }]))).toEqual(['scope video.list: unknown dataset videos']);
    expect(problemsOf((r) => (scopeOf(r, 'video.list').meaning = 'scope.video.list.meening'))).toEqual(['scope video.list: no message "scope.video.list.meening"']);
    expect(problemsOf((r) => (scopeOf(r, 'video.list').reasons = ['public-videoz']))).toEqual(['scope video.list: unknown reason public-videoz']);
    expect(problemsOf((r) => (scopeOf(r, 'video.list').sources = ['S99']))).toEqual(['scope video.list: unknown source S99']);
    expect(problemsOf((r) => (scopeOf(r, 'video.list').unclear = ['nope']))).toEqual(['scope video.list: unknown unclear note nope']);
  });

  it('a level that is not the highest of its reasons, and an access that contradicts the name', () => {
    expect(problemsOf((r) => (scopeOf(r, 'video.publish').risk = 'medium'))).toEqual(['scope video.publish: risk medium but its reasons reach high']);
    expect(problemsOf((r) => (scopeOf(r, 'portability.all.single').access = 'ongoing'))).toEqual(['scope portability.all.single: access ongoing contradicts its name']);
  });

  it('a duplicate scope, a missing claim, a no-grant API that lists a grantable scope', () => {
    expect(problemsOf((r) => r.scopes.push(scopeOf(r, 'video.list')))).toContain('scopes: video.list twice');
    expect(problemsOf((r) => ((r.claims as unknown[]).length = 2))).toContain('claim asked-password: missing');
    expect(problemsOf((r) => (r.noGrant as { apis: { scopes: string[] }[] }).apis[0]!.scopes.push('video.list'))).toContain(
      'noGrant research-api: video.list is a user-granted scope',
    );
  });

  it('parseScopeCatalog refuses a bad shape and a bad reference alike', () => {
    const extra = fresh();
    scopeOf(extra, 'video.list').description = 'Reads your videos.'; // a sentence in the data
    expect(() => parseScopeCatalog(extra)).toThrow(/"field":"scopes\.json\.scopes\[3\]\.description","expected":"absent"/);
    const badAccess = fresh();
    scopeOf(badAccess, 'video.list').access = 'forever';
    expect(() => parseScopeCatalog(badAccess)).toThrow(FootprintError);
    const badRef = fresh();
    scopeOf(badRef, 'video.list').reaches = [{ dataset: 'videos', part: 'public' }];
    expect(() => parseScopeCatalog(badRef)).toThrow(/unknown dataset videos/);
  });
});
