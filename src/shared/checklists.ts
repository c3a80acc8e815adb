// The checklists' content: hardening steps, guides and the rights requests, shipped as JSON under
// resources/checklists/ and validated here with the project's schema (`s`). The JSON holds ids and
// message keys only; every sentence is in src/shared/i18n/messages/checklists.ts.
//
// This file only validates: src/shared may import nothing outside itself (ARCHITECTURE.md, checked
// by dependency-cruiser), so the JSON is read by src/main/analysis/checklist-content.ts and handed
// to parseChecklistContent().
import { s, ContentError, type Schema } from './schema';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const AREAS = ['visibility', 'interactions', 'ads-data', 'security', 'third-party-apps', 'wellbeing-family', 'device-os'] as const;
export type Area = (typeof AREAS)[number];

export const PLATFORMS = ['ios', 'android', 'web'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The normalised meaning of a settings value, whatever vocabulary or language the export used. */
export const LEVELS = ['on', 'off', 'everyone', 'suggested', 'friends', 'only-me', 'no-one', 'default'] as const;
export type Level = (typeof LEVELS)[number];

/** States a person can give a step (the store keeps them; verification proposes the last two). */
export const STEP_STATES = ['todo', 'done', 'skipped', 'not-applicable', 'needs-attention'] as const;
export type StepState = (typeof STEP_STATES)[number];

export const AGE_GROUPS = ['13-15', '16-17', '18-plus'] as const;
export const REGIONS = ['eea-uk', 'us', 'elsewhere'] as const;
export const ROLES = ['creator', 'viewer'] as const;
export const PHONES = ['ios', 'android'] as const;

/** The short questionnaire that tailors the checklist. */
export interface Answers {
  ageGroup: (typeof AGE_GROUPS)[number];
  region: (typeof REGIONS)[number];
  role: (typeof ROLES)[number];
  usesDms: boolean;
  phone: (typeof PHONES)[number];
  /** an adult who is a parent of a teen on TikTok (Family Pairing) */
  parent?: boolean;
}

/** Places in the app a step or a guide leads to; the window maps each to a page. */
export const CHECKLIST_LINKS = ['sharing.register', 'sharing.before-authorize', 'checklist.get-your-data', 'rights.deletion'] as const;
export type ChecklistLinkId = (typeof CHECKLIST_LINKS)[number];

/** The reminder id (beside the areas') under which the person's fresh-export interval is kept. */
export const FRESH_EXPORT_REMINDER_ID = 'fresh-export';

/** The numbers a guide's texts may name, by the fact they come from (see guides.json `params`). */
export const GUIDE_FACTS = ['downloadAvailableDays', 'mayMissHours.from', 'mayMissHours.to', 'deactivationDays', 'freshExportIntervalDays', 'teenDailyLimitMinutes'] as const;
export type GuideFact = (typeof GUIDE_FACTS)[number];

/** Ways the logic can decide a check from a value (see checklist-verify.ts). */
export const EVALUATORS = ['level', 'present'] as const;

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MESSAGE_KEY = /^(checklist|step|rights)\.[a-z0-9.-]+$/;

// ---------------------------------------------------------------------------------------------
// Small schemas `s` lacks

const bool: Schema<boolean> = {
  describe: 'boolean',
  parse: (v, path = '') => {
    if (typeof v !== 'boolean') throw new ContentError(`${path || 'input'} must be true or false`);
    return v;
  },
};

const matching = (re: RegExp, what: string): Schema<string> => ({
  describe: what,
  parse: (v, path = '') => {
    const str = s.string({ max: 200 }).parse(v, path);
    if (!re.test(str)) throw new ContentError(`${path || 'input'} must be ${what} (got "${str}")`);
    return str;
  },
});

const id = matching(KEBAB, 'a kebab-case id');
const messageKey = matching(MESSAGE_KEY, 'a checklists message key');

/** A map from the given keys (any subset) to values. */
function partialRecord<K extends string, T>(keys: readonly K[], inner: Schema<T>): Schema<Partial<Record<K, T>>> {
  return {
    describe: `{${keys.join('|')}: ${inner.describe}}`,
    parse: (v, path = '') => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ContentError(`${path || 'input'} must be an object`);
      const out: Partial<Record<K, T>> = {};
      for (const [k, x] of Object.entries(v)) {
        if (!(keys as readonly string[]).includes(k)) throw new ContentError(`${path}.${k} is not expected`);
        out[k as K] = inner.parse(x, `${path}.${k}`);
      }
      return out;
    },
  };
}

/** A map with free keys (checked by the given key schema). */
function record<T>(key: Schema<string>, inner: Schema<T>): Schema<Record<string, T>> {
  return {
    describe: `{${key.describe}: ${inner.describe}}`,
    parse: (v, path = '') => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ContentError(`${path || 'input'} must be an object`);
      const out: Record<string, T> = {};
      for (const [k, x] of Object.entries(v)) out[key.parse(k, `${path} key`)] = inner.parse(x, `${path}.${k}`);
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The JSON files' shapes

/** One menu path: label message keys in order; unconfirmed when no official page confirms it. */
const path = s.object({ labels: s.array(messageKey, { min: 1, max: 12 }), unconfirmed: s.optional(bool) });

/**
 * One setting that verifies a step. `key` is the settings key as Footprint stores it (trailing
 * colons gone, nested keys joined with " › "); `alternatives` are older keys for the same switch,
 * read when the newer is absent. `field` reads one field of a list value (ScreenTime[]).
 * `locations` are where TikTok has written it: JSON paths down to the map, or the TXT file names.
 * `seen` is every raw value met in exports and research, so a test can show each is understood.
 */
const check = s.object({
  dataset: s.oneOf(['settings'] as const),
  key: s.string({ min: 1, max: 200 }),
  alternatives: s.optional(s.array(s.string({ min: 1, max: 200 }), { max: 8 })),
  field: s.optional(s.string({ min: 1, max: 100 })),
  evaluator: s.oneOf(EVALUATORS),
  pass: s.optional(s.array(s.oneOf(LEVELS), { min: 1 })),
  fail: s.optional(s.array(s.oneOf(LEVELS), { min: 1 })),
  locations: s.array(s.array(s.string({ min: 1, max: 100 }), { min: 1, max: 6 }), { min: 1, max: 8 }),
  seen: s.array(s.string({ min: 1, max: 100 }), { min: 1, max: 40 }),
});

const condition = s.object({
  ageGroup: s.optional(s.array(s.oneOf(AGE_GROUPS), { min: 1 })),
  region: s.optional(s.array(s.oneOf(REGIONS), { min: 1 })),
  role: s.optional(s.array(s.oneOf(ROLES), { min: 1 })),
  usesDms: s.optional(bool),
  phone: s.optional(s.array(s.oneOf(PHONES), { min: 1 })),
  parent: s.optional(bool),
});

/** Facts from other datasets that help a person decide a step (see checklist-evidence.ts). */
export const EVIDENCE_KINDS = [
  'public-posts-with-location',
  'login-devices',
  'off-tiktok-advertisers',
  'dms-open-to-everyone',
  'apps-with-ongoing-access',
  'blocked-accounts',
  'recovery-contacts',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

const step = s.object({
  id,
  area: s.oneOf(AREAS),
  severity: s.oneOf(SEVERITIES),
  title: messageKey,
  why: messageKey,
  tradeoff: messageKey,
  desired: messageKey,
  paths: partialRecord(PLATFORMS, path),
  checks: s.optional(s.array(check, { min: 1, max: 6 })),
  evidence: s.optional(s.array(s.oneOf(EVIDENCE_KINDS), { min: 1 })),
  /** a page of the app this step leads to */
  link: s.optional(s.oneOf(CHECKLIST_LINKS)),
  notApplicableWhen: s.optional(s.array(condition, { min: 1 })),
  sources: s.array(id, { min: 1 }),
});

const hardening = s.object({
  /** days after which a verification from an export is stale */
  staleAfterDays: s.int({ min: 1, max: 3650 }),
  steps: s.array(step, { min: 30 }),
});

const guideItem = s.object({
  id,
  title: messageKey,
  body: messageKey,
  paths: s.optional(partialRecord(PLATFORMS, path)),
  link: s.optional(s.oneOf(CHECKLIST_LINKS)),
  /** the placeholders of the title and body, each filled from a fact ({"days": "downloadAvailableDays"}) */
  params: s.optional(record(matching(/^[a-z][a-zA-Z]*$/, 'a placeholder name'), s.oneOf(GUIDE_FACTS))),
  notApplicableWhen: s.optional(s.array(condition, { min: 1 })),
  sources: s.array(id, { min: 1 }),
});

const guide = s.object({ id, title: messageKey, intro: messageKey, items: s.array(guideItem, { min: 1 }) });

/** Numbers the guides' texts and the reminders use, as data. */
const facts = s.object({
  downloadAvailableDays: s.int({ min: 1 }),
  mayMissHours: s.array(s.int({ min: 1 }), { min: 2, max: 2 }),
  deactivationDays: s.int({ min: 1 }),
  freshExportIntervalDays: s.int({ min: 1 }),
  teenDailyLimitMinutes: s.int({ min: 1 }),
});

const guides = s.object({ facts, guides: s.array(guide, { min: 1 }) });

const period = s.object({ months: s.optional(s.int({ min: 1, max: 12 })), days: s.optional(s.int({ min: 1, max: 366 })) });

export const RIGHTS_REQUESTS = ['access', 'deletion', 'copy'] as const;
export type RightsRequestKind = (typeof RIGHTS_REQUESTS)[number];
export const LAWS = ['gdpr', 'ccpa'] as const;
export type Law = (typeof LAWS)[number];

const law = s.object({
  id: s.oneOf(LAWS),
  name: messageKey,
  /** which answer of the questionnaire's region this law is for */
  regions: s.array(s.oneOf(REGIONS), { min: 1 }),
  answerWithin: period,
  extendableBy: period,
  /** the article or section each request rests on */
  basis: s.object({ access: s.string({ min: 1, max: 40 }), deletion: s.string({ min: 1, max: 40 }), copy: s.string({ min: 1, max: 40 }) }),
  templates: s.object({
    access: s.object({ subject: messageKey, body: messageKey }),
    deletion: s.object({ subject: messageKey, body: messageKey }),
    copy: s.object({ subject: messageKey, body: messageKey }),
  }),
  sources: s.array(id, { min: 1 }),
});

const rights = s.object({ laws: s.array(law, { min: 2 }), identity: s.object({ username: messageKey, email: messageKey }), signoff: messageKey });

const source = s.object({ url: matching(/^https:\/\/\S+$/, 'an https address'), kind: s.oneOf(['tiktok-help', 'tiktok-newsroom', 'tiktok-developers', 'tiktok-privacy', 'law', 'guide', 'press'] as const) });

const vocabulary = record(s.oneOf(['en', 'nl', 'de', 'sv'] as const), record(s.oneOf(LEVELS), s.array(s.string({ min: 1, max: 60 }), { min: 1 })));

const labels = s.object({ variants: record(messageKey, s.array(messageKey, { min: 1, max: 6 })) });

// ---------------------------------------------------------------------------------------------
// Types the rest of the app uses

type Parsed<S> = S extends Schema<infer T> ? T : never;
export type MenuPath = Parsed<typeof path>;
export type Check = Parsed<typeof check>;
export type Condition = Parsed<typeof condition>;
export type GuideItem = Parsed<typeof guideItem>;
export type Guide = Parsed<typeof guide>;
export type GuideFacts = Parsed<typeof facts>;
export type LawSpec = Parsed<typeof law>;
export type Source = Parsed<typeof source>;
export type Vocabulary = Parsed<typeof vocabulary>;
export type Step = Parsed<typeof step>;

/** One label of a menu path with the other names TikTok has used for it. */
export interface ResolvedLabel {
  label: string;
  variants: string[];
}

export interface ChecklistContent {
  staleAfterDays: number;
  steps: Step[];
  facts: GuideFacts;
  guides: Guide[];
  laws: LawSpec[];
  identity: { username: string; email: string };
  signoff: string;
  sources: Record<string, Source>;
  vocabulary: Vocabulary;
  labelVariants: Record<string, string[]>;
}

/** The raw JSON files, as src/main/analysis/checklist-content.ts imports them. */
export interface ChecklistFiles {
  hardening: unknown;
  guides: unknown;
  rights: unknown;
  sources: unknown;
  vocabulary: unknown;
  labels: unknown;
}

/**
 * Validated content, or a ContentError naming the first problem. Beyond the shapes it checks what
 * ties the files together: unique ids, every source cited exists, every level vocabulary has words,
 * no word means two levels, and a level check says which levels pass.
 */
export function parseChecklistContent(files: ChecklistFiles): ChecklistContent {
  const h = hardening.parse(files.hardening, 'hardening');
  const g = guides.parse(files.guides, 'guides');
  const r = rights.parse(files.rights, 'rights');
  const src = record(id, source).parse(files.sources, 'sources');
  const vocab = vocabulary.parse(files.vocabulary, 'vocabulary');
  const l = labels.parse(files.labels, 'labels');

  const unique = (ids: string[], what: string): void => {
    const seen = new Set<string>();
    for (const x of ids) {
      if (seen.has(x)) throw new ContentError(`${what}: "${x}" is used twice`);
      seen.add(x);
    }
  };
  unique(h.steps.map((x) => x.id), 'hardening steps');
  unique(g.guides.map((x) => x.id), 'guides');
  for (const gd of g.guides) unique(gd.items.map((x) => x.id), `guide ${gd.id}`);
  unique(r.laws.map((x) => x.id), 'laws');

  const cited = [...h.steps.flatMap((x) => x.sources), ...g.guides.flatMap((x) => x.items.flatMap((i) => i.sources)), ...r.laws.flatMap((x) => x.sources)];
  for (const c of cited) if (!Object.hasOwn(src, c)) throw new ContentError(`source "${c}" is cited but not listed in sources`);

  for (const st of h.steps) {
    if (Object.keys(st.paths).length === 0) throw new ContentError(`step ${st.id}: no menu path`);
    for (const c of st.checks ?? []) {
      if (c.evaluator === 'level' && !c.pass) throw new ContentError(`step ${st.id}: check ${c.key} says no passing levels`);
      const both = (c.pass ?? []).filter((x) => (c.fail ?? []).includes(x));
      if (both.length) throw new ContentError(`step ${st.id}: check ${c.key} both passes and fails ${both.join(', ')}`);
    }
  }

  const owner = new Map<string, string>();
  for (const [lang, levels] of Object.entries(vocab)) {
    for (const [level, words] of Object.entries(levels)) {
      for (const w of words) {
        const k = normalizeWord(w);
        const prev = owner.get(k);
        if (prev && prev !== level) throw new ContentError(`vocabulary ${lang}: "${w}" means both ${prev} and ${level}`);
        owner.set(k, level);
      }
    }
  }
  for (const lv of LEVELS) if (lv !== 'default' && !vocab.en?.[lv]) throw new ContentError(`vocabulary en: no words for ${lv}`);

  return {
    staleAfterDays: h.staleAfterDays,
    steps: h.steps,
    facts: g.facts,
    guides: g.guides,
    laws: r.laws,
    identity: r.identity,
    signoff: r.signoff,
    sources: src,
    vocabulary: vocab,
    labelVariants: l.variants,
  };
}

/** The number a guide fact names. */
export function guideFact(facts: GuideFacts, fact: GuideFact): number {
  if (fact === 'mayMissHours.from') return facts.mayMissHours[0]!;
  if (fact === 'mayMissHours.to') return facts.mayMissHours[1]!;
  return facts[fact];
}

/** Case, spacing and trailing punctuation do not change what a value means. */
export function normalizeWord(w: string): string {
  return w.trim().toLowerCase().normalize('NFC').replace(/\s+/g, ' ').replace(/[.!]+$/, '');
}

/** A menu path with each label's variants, for display ("Security and permissions (or: Security)"). */
export function resolvePath(p: MenuPath, variants: Record<string, string[]>): ResolvedLabel[] {
  return p.labels.map((label) => ({ label, variants: variants[label] ?? [] }));
}

/** Every message key the content names (the catalog test checks each exists in both languages). */
export function contentMessageKeys(c: ChecklistContent): string[] {
  const keys = new Set<string>();
  const paths = (ps: Partial<Record<Platform, MenuPath>> | undefined): void => {
    for (const p of Object.values(ps ?? {})) for (const k of p.labels) keys.add(k);
  };
  for (const st of c.steps) {
    for (const k of [st.title, st.why, st.tradeoff, st.desired]) keys.add(k);
    paths(st.paths);
  }
  for (const gd of c.guides) {
    keys.add(gd.title);
    keys.add(gd.intro);
    for (const it of gd.items) {
      keys.add(it.title);
      keys.add(it.body);
      paths(it.paths);
    }
  }
  for (const lw of c.laws) {
    keys.add(lw.name);
    for (const t of Object.values(lw.templates)) {
      keys.add(t.subject);
      keys.add(t.body);
    }
  }
  keys.add(c.identity.username);
  keys.add(c.identity.email);
  keys.add(c.signoff);
  for (const [k, vs] of Object.entries(c.labelVariants)) [k, ...vs].forEach((x) => keys.add(x));
  return [...keys];
}
