// The checklist content (resources/checklists/): its schema holds, every step is complete in both
// languages, every settings key it verifies is one TikTok's exports really carry (tied to the
// catalog's `settings` dataset through the synthetic exports of test/fixtures), every value seen is
// understood, and broken content is refused.
import { describe, expect, it } from 'vitest';
import { CHECKLIST_CONTENT as C } from '../src/main/analysis/checklist-content';
import {
  contentMessageKeys,
  EVIDENCE_KINDS,
  parseChecklistContent,
  AREAS,
  SEVERITIES,
  STEP_STATES,
  resolvePath,
  CHECKLIST_LINKS,
  LEVELS,
  normalizeWord,
  type Answers,
  type ChecklistFiles,
} from '../src/shared/checklists';
import { CATALOGS, LANGS } from '../src/shared/i18n';
import { datasetSpec, normalizeName } from '../src/shared/catalog';
import { generateAccount, type SettingsMap } from './fixtures/account';
import { LAYOUTS, settingsFor } from './fixtures/json';
import { levelOf, normalizeKey } from '../src/main/analysis/checklist-verify';
import { EVIDENCE_SOURCES } from '../src/main/analysis/checklist-evidence';
import { REGRESSION_ALERT } from '../src/main/analysis/checklist-regress';
import { FRESH_EXPORT_REMINDER } from '../src/main/analysis/checklist-stale';
import { contentView } from '../src/main/analysis/checklist-texts';
import hardening from '../resources/checklists/hardening.json';
import guides from '../resources/checklists/guides.json';
import rights from '../resources/checklists/rights.json';
import sources from '../resources/checklists/sources.json';
import vocabulary from '../resources/checklists/vocabulary.json';
import labels from '../resources/checklists/labels.json';

const FILES: ChecklistFiles = { hardening, guides, rights, sources, vocabulary, labels };
const stepById = new Map(C.steps.map((s) => [s.id, s]));

/** Settings keys and their values as Footprint stores them: trailing colons gone, nested maps joined with " › ". */
function stored(map: SettingsMap): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (m: SettingsMap, prefix: string): void => {
    for (const [k, v] of Object.entries(m)) {
      const key = `${prefix}${k.replace(/[\s:]+$/, '').trim()}`;
      if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) walk(v, `${key} › `);
      else out.set(key, v);
    }
  };
  walk(map, '');
  return out;
}

/** Every settings key the synthetic exports of every layout write, for a few accounts. */
const EXPORTED = new Map<string, unknown[]>();
for (const seed of [1, 2, 3]) {
  const account = generateAccount({ seed, scale: 0 });
  for (const layout of LAYOUTS) {
    for (const [k, v] of stored(settingsFor(account, layout))) EXPORTED.set(normalizeKey(k), [...(EXPORTED.get(normalizeKey(k)) ?? []), v]);
  }
}

/**
 * Keys the content reads that no synthetic export writes. The only one: a linked Family Pairing
 * account's username (the research names the field; every sample had an empty FamilyPairing list).
 */
const NOT_TIED = ['FamilyPairing › LinkedAccountUsername'];

describe('the hardening checklist', () => {
  it('has at least 30 steps, each with a stable kebab-case id, and private-account among them', () => {
    expect(C.steps.length).toBeGreaterThanOrEqual(30);
    expect(stepById.has('private-account')).toBe(true);
    for (const s of C.steps) expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    // the steps the brief names
    for (const id of [
      'suggest-contacts', 'suggest-facebook', 'suggest-mutual', 'suggest-links', 'sync-contacts', 'activity-status', 'direct-messages',
      'comments', 'comment-filters', 'mentions-tags', 'reuse-of-content', 'duet', 'stitch', 'downloads', 'following-list', 'liked-videos',
      'profile-views', 'post-views', 'blocked-accounts', 'post-audience', 'post-location', 'personalized-ads', 'off-tiktok-ads',
      'disconnect-advertisers', 'browser-autofill', 'connected-apps', 'security-checkup', 'two-step-verification', 'passkey', 'devices',
      'recovery-contacts', 'screen-time', 'family-pairing', 'os-camera', 'os-microphone', 'os-contacts', 'os-photos', 'os-location',
      'os-tracking', 'os-clipboard',
    ]) expect(stepById.has(id), id).toBe(true);
  });

  it('words every step in both languages: title, why, trade-off, desired state and every path label', () => {
    for (const s of C.steps) {
      for (const lang of LANGS) {
        const cat = CATALOGS[lang] as Record<string, string>;
        for (const key of [s.title, s.why, s.tradeoff, s.desired]) expect(cat[key]?.trim(), `${lang} ${key}`).toBeTruthy();
        for (const p of Object.values(s.paths)) for (const l of p.labels) expect(cat[l]?.trim(), `${lang} ${l}`).toBeTruthy();
      }
      // Swedish is written, not copied
      for (const key of [s.title, s.why] as const) expect((CATALOGS.sv as Record<string, string>)[key], key).not.toBe((CATALOGS.en as Record<string, string>)[key]);
    }
  });

  it('names only message keys the catalog has, in both languages', () => {
    const keys = contentMessageKeys(C);
    expect(keys.length).toBeGreaterThan(200);
    for (const lang of LANGS) expect(keys.filter((k) => !Object.hasOwn(CATALOGS[lang], k)), lang).toEqual([]);
  });

  it('has the message for every area, severity, state, evidence kind, alert and reminder the logic returns', () => {
    const keys = [
      ...AREAS.map((a) => `checklist.area.${a}`),
      ...SEVERITIES.map((s) => `checklist.severity.${s}`),
      ...STEP_STATES.map((s) => `checklist.state.${s}`),
      ...['done', 'needs-attention', 'unknown'].map((v) => `checklist.verdict.${v}`),
      ...EVIDENCE_KINDS.map((k) => `checklist.evidence.${k}`),
      `checklist.alert.${REGRESSION_ALERT}`,
      `checklist.reminder.${FRESH_EXPORT_REMINDER}`,
      ...Object.values(C.sources).map((s) => `checklist.source.kind.${s.kind}`),
    ];
    for (const lang of LANGS) expect(keys.filter((k) => !Object.hasOwn(CATALOGS[lang], k)), lang).toEqual([]);
  });

  it('uses every area and every evidence kind, and every label variant belongs to a label some path uses', () => {
    expect(new Set(C.steps.map((s) => s.area))).toEqual(new Set(AREAS));
    expect(new Set(C.steps.flatMap((s) => s.evidence ?? []))).toEqual(new Set(EVIDENCE_KINDS));
    const used = new Set([...C.steps, ...C.guides.flatMap((g) => g.items)].flatMap((s) => Object.values(s.paths ?? {}).flatMap((p) => p.labels)));
    for (const label of Object.keys(C.labelVariants)) expect(used.has(label), label).toBe(true);
    const security = C.steps.find((s) => s.id === 'connected-apps')!;
    expect(resolvePath(security.paths.ios!, C.labelVariants)[3]).toEqual({ label: 'step.label.security-and-permissions', variants: ['step.label.security'] });
  });

  it('marks as unconfirmed the paths no official TikTok page confirms', () => {
    const unconfirmed = C.steps.flatMap((s) => Object.entries(s.paths).filter(([, p]) => p.unconfirmed).map(([platform]) => `${s.id}:${platform}`));
    expect(unconfirmed.sort()).toEqual(
      [
        'ads-third-party-networks:android', 'ads-third-party-networks:ios', 'favorites:android', 'favorites:ios', 'mentions-tags:android',
        'mentions-tags:ios', 'off-tiktok-ads:android', 'off-tiktok-ads:ios', 'os-clipboard:ios', 'os-tracking:android', 'story-repost:android',
        'story-repost:ios',
      ].sort(),
    );
    expect(stepById.get('private-account')!.paths.ios!.unconfirmed).toBeUndefined();
  });

  it('links the connected-apps step to the Sharing page register, and the transfer guide to its preview', () => {
    expect(stepById.get('connected-apps')!.link).toBe('sharing.register');
    const transfer = C.guides.find((g) => g.id === 'get-your-data')!.items.find((i) => i.id === 'transfer')!;
    expect(transfer.link).toBe('sharing.before-authorize');
    expect(transfer.notApplicableWhen).toEqual([{ region: ['us', 'elsewhere'] }]);
  });

  it('cites only listed sources, each an https address', () => {
    for (const s of Object.values(C.sources)) expect(s.url).toMatch(/^https:\/\//);
    for (const s of C.steps) expect(s.sources.length, s.id).toBeGreaterThan(0);
  });
});

describe('the export keys the checklist verifies', () => {
  const checks = C.steps.flatMap((s) => (s.checks ?? []).map((c) => ({ step: s.id, check: c })));
  const spec = datasetSpec('settings')!;

  it('belong to the catalog’s settings dataset, at locations the catalog reads', () => {
    expect(spec.shape).toBe('values');
    for (const { step, check } of checks) {
      expect(check.dataset).toBe(spec.id);
      for (const loc of check.locations) {
        if (loc.length === 1) {
          expect(spec.txtFiles, `${step}: ${loc[0]}`).toContain(loc[0]);
        } else {
          // …/<section>/<map>: the section and the map key are the catalog's
          expect(spec.sections, `${step}: ${loc.join('/')}`).toContain(loc.at(-2));
          expect(spec.listKeys, `${step}: ${loc.join('/')}`).toContain(loc.at(-1));
        }
      }
    }
  });

  it('are keys the synthetic exports of some layout write (the rest listed in NOT_TIED)', () => {
    const untied: string[] = [];
    for (const { check } of checks) {
      for (const key of [check.key, ...(check.alternatives ?? [])]) {
        const values = EXPORTED.get(normalizeKey(key));
        if (!values) untied.push(key);
        else if (check.field) {
          const hasField = values.some((v) => Array.isArray(v) && v.some((item) => typeof item === 'object' && item !== null && check.field! in item));
          if (!hasField) untied.push(`${key} › ${check.field}`);
        }
      }
    }
    expect(untied).toEqual(NOT_TIED);
  });

  it('understand every value seen for them, and every value the synthetic exports write', () => {
    for (const { step, check } of checks) {
      if (check.evaluator !== 'level') continue;
      const decided = new Set([...(check.pass ?? []), ...(check.fail ?? [])]);
      for (const raw of check.seen) expect(decided.has(levelOf(raw, C.vocabulary)!), `${step}: "${raw}"`).toBe(true);
      for (const key of [check.key, ...(check.alternatives ?? [])]) {
        for (const v of EXPORTED.get(normalizeKey(key)) ?? []) {
          const raw = check.field && Array.isArray(v) ? (v[0] as Record<string, string>)[check.field] : v;
          expect(decided.has(levelOf(raw as string, C.vocabulary)!), `${step}: ${key} = ${JSON.stringify(raw)}`).toBe(true);
        }
      }
    }
  });
});

describe('the evidence inputs', () => {
  /**
   * Evidence fields that are not canonical fields of their catalog dataset: the reader keeps them
   * under TikTok's own key. A post's place is one ("Location", research §2.22).
   */
  const RAW_FIELDS = ['posts.Location'];

  it('come from catalog datasets and their fields (settings keys from the exports)', () => {
    const raw: string[] = [];
    for (const [kind, sources] of Object.entries(EVIDENCE_SOURCES)) {
      for (const { dataset, fields } of sources) {
        const spec = datasetSpec(dataset);
        expect(spec, `${kind}: ${dataset}`).toBeDefined();
        for (const f of fields) {
          if (dataset === 'settings') expect(EXPORTED.has(normalizeKey(f)), `${kind}: ${f}`).toBe(true);
          else if (dataset === 'profile') expect(Object.keys(generateAccount({ seed: 1, scale: 0 }).profile), `${kind}: ${f}`).toContain(f);
          else if (!spec!.fields.some((x) => x.name === f)) raw.push(`${dataset}.${f}`);
        }
      }
    }
    expect(raw).toEqual(RAW_FIELDS);
    // the raw post field is one the synthetic exports write
    expect(Object.keys(generateAccount({ seed: 1, scale: 1 }).records.posts[0]!).map(normalizeName)).toContain(normalizeName('Location'));
  });
});

describe('the guides and the rights', () => {
  it('has the four guides with the numbers TikTok’s help gives', () => {
    expect(C.guides.map((g) => g.id)).toEqual(['get-your-data', 'before-authorize', 'leaving', 'teen']);
    expect(C.facts).toEqual({ downloadAvailableDays: 4, mayMissHours: [24, 48], deactivationDays: 30, freshExportIntervalDays: 90, teenDailyLimitMinutes: 60 });
    const leaving = C.guides.find((g) => g.id === 'leaving')!.items.map((i) => i.id);
    expect(leaving.indexOf('download-first')).toBeLessThan(leaving.indexOf('delete'));
  });

  it('states the answer periods as data: one month (+2) under GDPR, 45 days (+45) under CCPA', () => {
    const gdpr = C.laws.find((l) => l.id === 'gdpr')!;
    const ccpa = C.laws.find((l) => l.id === 'ccpa')!;
    expect([gdpr.answerWithin, gdpr.extendableBy, gdpr.basis]).toEqual([{ months: 1 }, { months: 2 }, { access: '15', deletion: '17', copy: '20' }]);
    expect([ccpa.answerWithin, ccpa.extendableBy]).toEqual([{ days: 45 }, { days: 45 }]);
  });
});

/** The placeholder names of a plain message ("Download it within {days} days" → days). */
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)/g)].map((m) => m[1]!))].sort();

describe('what the window is sent (checklistContent)', () => {
  const adult: Answers = { ageGroup: '18-plus', region: 'eea-uk', role: 'viewer', usesDms: true, phone: 'ios' };

  it('every step with its why, trade-off, desired state and paths, each label with its other names', () => {
    const v = contentView(C, null, 90);
    expect(v.steps.map((s) => s.id)).toEqual(C.steps.map((s) => s.id));
    for (const s of v.steps) {
      const src = stepById.get(s.id)!;
      expect([s.title, s.why, s.tradeoff, s.desired]).toEqual([src.title, src.why, src.tradeoff, src.desired]);
      expect(Object.keys(s.paths).sort()).toEqual(Object.keys(src.paths).sort());
      for (const [platform, p] of Object.entries(s.paths)) expect(p.labels.map((l) => l.label)).toEqual(src.paths[platform as 'ios']!.labels);
    }
    // a renamed menu label carries its other names ("Privacy (or: Privacy and safety)")
    const privacy = v.steps.flatMap((s) => Object.values(s.paths).flatMap((p) => p.labels)).find((l) => l.label === 'step.label.privacy');
    expect(privacy?.variants).toEqual(['step.label.privacy-and-safety']);
    expect(v.steps.find((s) => s.id === 'connected-apps')!.link).toBe('sharing.register');
  });

  it('fills every number a guide names, in both languages, and the fresh-export guide names the person’s interval', () => {
    const v = contentView(C, null, 30);
    for (const g of v.guides) {
      for (const it of g.items) {
        for (const lang of LANGS) {
          const cat = CATALOGS[lang] as Record<string, string>;
          const named = placeholders(`${cat[it.title]} ${cat[it.body]}`);
          expect(named, `${lang} ${g.id}/${it.id}`).toEqual(Object.keys(it.params).sort());
        }
      }
    }
    const item = (g: string, i: string) => v.guides.find((x) => x.id === g)!.items.find((x) => x.id === i)!;
    expect(item('get-your-data', 'download-in-time').params).toEqual({ days: 4 });
    expect(item('get-your-data', 'what-may-be-missing').params).toEqual({ from: 24, to: 48 });
    expect(item('get-your-data', 'fresh-export').params).toEqual({ days: 30 });
    expect(contentView(C, null, 90).guides[0]!.items.find((x) => x.id === 'fresh-export')!.params).toEqual({ days: 90 });
    expect(item('leaving', 'thirty-days').params).toEqual({ days: 30 });
    expect(item('teen', 'screen-time').params).toEqual({ minutes: 60 });
  });

  it('says which guide items concern the person: the EEA/UK transfer not for a US answer, teen DMs not without DMs', () => {
    const transfer = (a: Answers | null) => contentView(C, a, 90).guides.find((g) => g.id === 'get-your-data')!.items.find((i) => i.id === 'transfer')!.applies;
    expect(transfer(null)).toBe(true);
    expect(transfer(adult)).toBe(true);
    expect(transfer({ ...adult, region: 'us' })).toBe(false);
    const teenDms = (a: Answers) => contentView(C, a, 90).guides.find((g) => g.id === 'teen')!.items.find((i) => i.id === 'messages-not-private')!.applies;
    expect([teenDms(adult), teenDms({ ...adult, usesDms: false })]).toEqual([true, false]);
  });

  it('uses every place a link can lead to, each worded in both languages', () => {
    const used = new Set([...C.steps.map((s) => s.link), ...C.guides.flatMap((g) => g.items.map((i) => i.link))].filter((l) => l !== undefined));
    expect([...used].sort()).toEqual([...CHECKLIST_LINKS].sort());
    // where each leads is checked in the window (test/e2e/checklists.test.ts)
    for (const lang of LANGS) for (const l of CHECKLIST_LINKS) expect(Object.hasOwn(CATALOGS[lang], `window.checklists.link.${l}`), `${lang} ${l}`).toBe(true);
  });

  it('words each level a value can mean with a word the vocabulary has for it in that language (Disabled → Off / Av)', () => {
    for (const lang of LANGS) {
      const cat = CATALOGS[lang] as Record<string, string>;
      for (const level of LEVELS) {
        const word = cat[`checklist.level.${level}`]!;
        expect(C.vocabulary[lang]![level]!.map(normalizeWord), `${lang} ${level}`).toContain(normalizeWord(word));
        expect(levelOf(word, C.vocabulary)).toBe(level);
      }
    }
    expect([levelOf('Disabled', C.vocabulary), CATALOGS.en['checklist.level.off'], CATALOGS.sv['checklist.level.off']]).toEqual(['off', 'Off', 'Av']);
  });
});

describe('refusing broken content', () => {
  const clone = (): ChecklistFiles & { hardening: { steps: Record<string, unknown>[] } } => structuredClone(FILES) as never;

  it('accepts the shipped files', () => {
    expect(() => parseChecklistContent(FILES)).not.toThrow();
  });

  it('refuses a link to no place in the window and a guide number from no fact', () => {
    const badLink = clone();
    badLink.hardening.steps[0]!.link = 'sharing.nowhere';
    expect(() => parseChecklistContent(badLink)).toThrow(/steps\[0\]\.link/);
    const badFact = structuredClone(FILES) as { guides: { guides: { items: Record<string, unknown>[] }[] } };
    badFact.guides.guides[0]!.items[0]!.params = { days: 'daysUntilTomorrow' };
    expect(() => parseChecklistContent(badFact as never)).toThrow(/params\.days/);
  });

  it('refuses a step without a title, a duplicate id, an unknown source, an unknown field, a bad id', () => {
    const noTitle = clone();
    delete noTitle.hardening.steps[0]!.title;
    expect(() => parseChecklistContent(noTitle)).toThrow(/steps\[0\]\.title/);

    const twice = clone();
    twice.hardening.steps[1]!.id = 'private-account';
    expect(() => parseChecklistContent(twice)).toThrow(/"private-account" is used twice/);

    const source = clone();
    source.hardening.steps[0]!.sources = ['s999'];
    expect(() => parseChecklistContent(source)).toThrow(/source "s999"/);

    const sentence = clone();
    sentence.hardening.steps[0]!.note = 'Turn it on';
    expect(() => parseChecklistContent(sentence)).toThrow(/"field":"hardening\.steps\[0\]\.note","expected":"absent"/);

    const notKebab = clone();
    notKebab.hardening.steps[0]!.id = 'Private Account';
    expect(() => parseChecklistContent(notKebab)).toThrow(/kebab-case/);
  });

  it('refuses sentences where a message key belongs, and fewer than 30 steps', () => {
    const sentence = clone();
    sentence.hardening.steps[0]!.why = 'Only followers see your videos.';
    expect(() => parseChecklistContent(sentence)).toThrow(/message key/);

    const short = clone();
    short.hardening.steps = short.hardening.steps.slice(0, 29);
    expect(() => parseChecklistContent(short)).toThrow(/steps/);
  });

  it('refuses a level that both passes and fails, and a word meaning two levels', () => {
    const both = clone();
    const check = (both.hardening.steps[0]!.checks as { fail: string[] }[])[0]!;
    check.fail = ['off', 'on'];
    expect(() => parseChecklistContent(both)).toThrow(/both passes and fails on/);

    const words = structuredClone(FILES) as { vocabulary: Record<string, Record<string, string[]>> } & ChecklistFiles;
    words.vocabulary.nl!.off!.push('Aan');
    expect(() => parseChecklistContent(words)).toThrow(/"Aan" means both on and off/);
  });
});
