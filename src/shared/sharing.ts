// The third-party access catalog (resources/sharing/scopes.json): every scope a TikTok user can
// grant an app, what each reaches in Footprint's terms (dataset ids), how risky it is and why, and
// how to take access back. The file holds ids and message keys only; people read the sentences in
// i18n/messages/sharing.ts. This module validates the file (shape, then every cross-reference), so
// a typo in the data fails at load and in test/sharing-catalog.test.ts, not in front of a user.
//
// It imports nothing but src/shared: src/shared may not import resources/ (the layer rules), so the
// JSON is read by src/main/analysis/app-scopes.ts and handed to parseScopeCatalog() here.
import { DATASETS, type Category } from './catalog';
import { CATALOGS, type MessageKey } from './i18n';
import { s, ContentError, type Schema } from './schema';

export const ACCESS = ['one-time', 'ongoing'] as const;
export type Access = (typeof ACCESS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const CLAIMS = ['who-viewed', 'free-followers', 'asked-password'] as const;
/** What an app promised or did that the user reports (the docs cannot see it). */
export type Claim = (typeof CLAIMS)[number];

/** How much of a dataset a scope hands over. */
export const PARTS = ['all', 'some', 'public', 'count'] as const;
export type Part = (typeof PARTS)[number];

export const SOURCE_KINDS = ['tiktok-developers', 'tiktok-help', 'tiktok-newsroom', 'tiktok-rules', 'privacy-guide', 'integrator', 'research', 'news'] as const;

/** The category values of the Data Portability API's Add Data Request (category_selection_list). */
export const REQUEST_CATEGORIES = ['all_data', 'video', 'profile', 'activity', 'direct_message'] as const;

const nullable = <T>(inner: Schema<T>): Schema<T | null> => ({
  describe: `${inner.describe}|null`,
  parse: (v, path) => (v === null ? null : inner.parse(v, path)),
});
const bool: Schema<boolean> = {
  describe: 'boolean',
  parse: (v, path = '') => {
    if (typeof v !== 'boolean') throw new ContentError(`${path || 'input'} must be true or false`);
    return v;
  },
};
const id = s.string({ min: 1, max: 80 });
const ids = s.array(id, { max: 50 });
const key = s.string({ min: 1, max: 120 });

const scopeSchema = s.object({
  id,
  product: id,
  access: s.oneOf(ACCESS),
  /** false where TikTok grants it with no choice (user.info.basic comes with every Login Kit app) */
  declinable: bool,
  title: key,
  meaning: key,
  requestCategories: s.array(s.oneOf(REQUEST_CATEGORIES)),
  reaches: s.array(s.object({ dataset: id, part: s.oneOf(PARTS) })),
  /** what the app can put on the account, not read from it */
  writes: s.optional(s.oneOf(['drafts', 'posts'] as const)),
  /** everything TikTok's export holds: every dataset Footprint knows */
  fullArchive: bool,
  risk: s.oneOf(RISK_LEVELS),
  reasons: s.array(id, { min: 1 }),
  unclear: ids,
  sources: s.array(id, { min: 1 }),
});

export const scopeCatalogSchema = s.object({
  version: s.int({ min: 1 }),
  access: s.object({
    ongoingIfAnyScope: bool,
    editableWhenNoScopes: bool,
    defaultWhenUnknown: s.oneOf(ACCESS),
    sources: ids,
  }),
  review: s.object({ defaultIntervalDays: s.int({ min: 1 }), minIntervalDays: s.int({ min: 1 }), maxIntervalDays: s.int({ min: 1 }), sources: ids }),
  sources: s.array(s.object({ id, kind: s.oneOf(SOURCE_KINDS), url: s.string({ min: 8, max: 400 }) }), { min: 1 }),
  products: s.array(s.object({ id, title: key, regions: s.array(s.oneOf(['EEA', 'UK'] as const)), sources: ids }), { min: 1 }),
  riskReasons: s.array(s.object({ id, level: s.oneOf(RISK_LEVELS), text: key, sources: s.array(id, { min: 1 }) }), { min: 1 }),
  claims: s.array(s.object({ id: s.oneOf(CLAIMS), label: key, reason: id })),
  unclear: s.array(s.object({ id, text: key, sources: s.array(id, { min: 1 }) })),
  scopes: s.array(scopeSchema, { min: 1 }),
  noGrant: s.object({
    intro: key,
    advice: key,
    apis: s.array(
      s.object({ id, title: key, text: key, scopes: s.array(id, { min: 1 }), revocable: bool, unclear: ids, sources: s.array(id, { min: 1 }) }),
      { min: 1 },
    ),
  }),
  revoke: s.object({
    where: key,
    steps: s.array(
      s.object({
        id,
        /** TikTok's own (English) menu label, shown verbatim; null where the step names the app */
        label: nullable(s.string({ min: 1, max: 80 })),
        text: key,
        variants: s.array(s.object({ label: s.string({ min: 1, max: 80 }), seen: nullable(s.string({ min: 4, max: 10 })), uncertain: bool, sources: ids })),
        sources: ids,
      }),
      { min: 1 },
    ),
    after: s.array(key, { min: 1 }),
    unclear: ids,
    sources: ids,
  }),
});

type Raw = ReturnType<typeof scopeCatalogSchema.parse>;
export type RawScope = Raw['scopes'][number];

/** A scope as the rest of the code sees it: its data plus what follows from it. */
export interface ScopeSpec extends RawScope {
  /** the datasets it reaches, with fullArchive expanded to every dataset Footprint knows */
  datasets: { dataset: string; part: Part }[];
  /** Footprint's categories of those datasets, in catalog order */
  categories: Category[];
}

export interface ScopeCatalog extends Omit<Raw, 'scopes'> {
  scopes: ScopeSpec[];
  scope(id: string): ScopeSpec | undefined;
  reason(id: string): Raw['riskReasons'][number] | undefined;
}

const LEVEL_ORDER: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

/** The higher of risk levels (low < medium < high); null for none. */
export function highestLevel(levels: Iterable<RiskLevel>): RiskLevel | null {
  let top: RiskLevel | null = null;
  for (const l of levels) if (top === null || LEVEL_ORDER[l] > LEVEL_ORDER[top]) top = l;
  return top;
}

/**
 * Everything wrong with a catalog's cross-references, as readable lines (empty when sound):
 * unknown dataset, source, reason, unclear-note or product ids, message keys missing from the
 * catalog, duplicates, a scope whose level is not the highest of its reasons', a one-time
 * portability scope named `.ongoing` (or the reverse).
 */
export function catalogProblems(raw: Raw, messages: Record<string, string> = CATALOGS.en): string[] {
  const problems: string[] = [];
  const datasetIds = new Set(DATASETS.map((d) => d.id));
  const sourceIds = new Set(raw.sources.map((x) => x.id));
  const reasonLevels = new Map(raw.riskReasons.map((r) => [r.id, r.level]));
  const unclearIds = new Set(raw.unclear.map((u) => u.id));
  const productIds = new Set(raw.products.map((p) => p.id));
  const need = (what: string, keyName: string) => {
    if (!Object.hasOwn(messages, keyName)) problems.push(`${what}: no message "${keyName}"`);
  };
  const sources = (what: string, list: string[]) => {
    for (const x of list) if (!sourceIds.has(x)) problems.push(`${what}: unknown source ${x}`);
  };
  const unclear = (what: string, list: string[]) => {
    for (const x of list) if (!unclearIds.has(x)) problems.push(`${what}: unknown unclear note ${x}`);
  };
  const unique = (what: string, list: string[]) => {
    const seen = new Set<string>();
    for (const x of list) {
      if (seen.has(x)) problems.push(`${what}: ${x} twice`);
      seen.add(x);
    }
  };

  unique('sources', raw.sources.map((x) => x.id));
  unique('scopes', raw.scopes.map((x) => x.id));
  unique('riskReasons', raw.riskReasons.map((x) => x.id));
  unique('unclear', raw.unclear.map((x) => x.id));
  unique('claims', raw.claims.map((x) => x.id));
  sources('access', raw.access.sources);
  sources('review', raw.review.sources);
  if (!(raw.review.minIntervalDays <= raw.review.defaultIntervalDays && raw.review.defaultIntervalDays <= raw.review.maxIntervalDays))
    problems.push('review: the default interval is outside min–max');
  for (const p of raw.products) {
    need(`product ${p.id}`, p.title);
    sources(`product ${p.id}`, p.sources);
  }
  for (const r of raw.riskReasons) {
    need(`reason ${r.id}`, r.text);
    sources(`reason ${r.id}`, r.sources);
  }
  for (const c of raw.claims) {
    need(`claim ${c.id}`, c.label);
    if (!reasonLevels.has(c.reason)) problems.push(`claim ${c.id}: unknown reason ${c.reason}`);
  }
  for (const c of CLAIMS) if (!raw.claims.some((x) => x.id === c)) problems.push(`claim ${c}: missing`);
  for (const u of raw.unclear) {
    need(`unclear ${u.id}`, u.text);
    sources(`unclear ${u.id}`, u.sources);
  }
  for (const sc of raw.scopes) {
    const what = `scope ${sc.id}`;
    if (!productIds.has(sc.product)) problems.push(`${what}: unknown product ${sc.product}`);
    need(what, sc.title);
    need(what, sc.meaning);
    sources(what, sc.sources);
    unclear(what, sc.unclear);
    unique(`${what} reaches`, sc.reaches.map((r) => r.dataset));
    for (const r of sc.reaches) if (!datasetIds.has(r.dataset)) problems.push(`${what}: unknown dataset ${r.dataset}`);
    if (sc.fullArchive && sc.reaches.length > 0) problems.push(`${what}: fullArchive reaches every dataset; list none`);
    if (!sc.fullArchive && sc.reaches.length === 0 && !sc.writes) problems.push(`${what}: reaches nothing and writes nothing`);
    const levels: RiskLevel[] = [];
    for (const r of sc.reasons) {
      const level = reasonLevels.get(r);
      if (level) levels.push(level);
      else problems.push(`${what}: unknown reason ${r}`);
    }
    const top = highestLevel(levels);
    if (top && top !== sc.risk) problems.push(`${what}: risk ${sc.risk} but its reasons reach ${top}`);
    // portability scopes say their access in their name; the data must agree with it
    const suffix = /\.(single|ongoing)$/.exec(sc.id)?.[1];
    if (sc.product === 'data-portability' && suffix !== (sc.access === 'ongoing' ? 'ongoing' : 'single'))
      problems.push(`${what}: access ${sc.access} contradicts its name`);
  }
  need('noGrant', raw.noGrant.intro);
  need('noGrant', raw.noGrant.advice);
  for (const a of raw.noGrant.apis) {
    need(`noGrant ${a.id}`, a.title);
    need(`noGrant ${a.id}`, a.text);
    sources(`noGrant ${a.id}`, a.sources);
    unclear(`noGrant ${a.id}`, a.unclear);
    for (const x of a.scopes) if (raw.scopes.some((sc) => sc.id === x)) problems.push(`noGrant ${a.id}: ${x} is a user-granted scope`);
  }
  need('revoke', raw.revoke.where);
  unique('revoke steps', raw.revoke.steps.map((x) => x.id));
  for (const st of raw.revoke.steps) {
    need(`revoke step ${st.id}`, st.text);
    sources(`revoke step ${st.id}`, st.sources);
    for (const v of st.variants) sources(`revoke step ${st.id} variant ${v.label}`, v.sources);
  }
  for (const a of raw.revoke.after) need('revoke after', a);
  unclear('revoke', raw.revoke.unclear);
  sources('revoke', raw.revoke.sources);
  return problems;
}

/** Datasets a scope reaches, in catalog order (full-archive scopes reach every one, whole). */
function reachOf(sc: RawScope): { dataset: string; part: Part }[] {
  if (sc.fullArchive) return DATASETS.map((d) => ({ dataset: d.id, part: 'all' as const }));
  const order = new Map(DATASETS.map((d, i) => [d.id, i]));
  return [...sc.reaches].sort((a, b) => (order.get(a.dataset) ?? 0) - (order.get(b.dataset) ?? 0));
}

/** The catalog from its JSON, checked whole; throws ContentError listing every problem. */
export function parseScopeCatalog(json: unknown, messages: Record<string, string> = CATALOGS.en): ScopeCatalog {
  const raw = scopeCatalogSchema.parse(json, 'scopes.json');
  const problems = catalogProblems(raw, messages);
  if (problems.length) throw new ContentError(`scopes.json: ${problems.join('; ')}`);
  const categoryOf = new Map(DATASETS.map((d) => [d.id, d.category]));
  const allCategories = [...new Set(DATASETS.map((d) => d.category))];
  const scopes: ScopeSpec[] = raw.scopes.map((sc) => {
    const datasets = reachOf(sc);
    const used = new Set(datasets.map((r) => categoryOf.get(r.dataset)));
    return { ...sc, datasets, categories: allCategories.filter((c) => used.has(c)) };
  });
  const byId = new Map(scopes.map((sc) => [sc.id, sc]));
  const reasons = new Map(raw.riskReasons.map((r) => [r.id, r]));
  return { ...raw, scopes, scope: (x) => byId.get(x), reason: (x) => reasons.get(x) };
}

/** A message key from the catalog, typed for t(); parseScopeCatalog has checked it exists. */
export const messageKey = (k: string): MessageKey => k as MessageKey;
