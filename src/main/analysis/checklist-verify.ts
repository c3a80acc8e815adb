// Verification of hardening steps against one export's settings, and what changed since the last
// one. Plain inputs (the settings as the store keeps them: key → value text) and plain outputs; the
// store and the service decide where they come from and what is kept.
//
// TikTok's vocabulary drifts ("Enabled", "enabled", "On"; "Only me", "Myself") and localized TXT
// exports translate values ("Uit"), so every value is first mapped to a level through the
// vocabulary in resources/checklists/vocabulary.json; a step passes or fails on levels only.
import { LEVELS, normalizeWord, type Check, type Level, type Step, type Vocabulary } from '../../shared/checklists';

export type Verdict = 'done' | 'needs-attention' | 'unknown';

/** One export's settings: the `settings` dataset's key/values, and which snapshot they come from. */
export interface SettingsSnapshot {
  snapshotId: number;
  /** when TikTok generated the export (epoch ms), null when unknown */
  exportedAt: number | null;
  values: Readonly<Record<string, string | null>>;
}

export interface CheckResult {
  /** the key the content names */
  key: string;
  /** the key found in the export (the content's or an older alternative), null when absent */
  foundKey: string | null;
  /** the raw value (for a list, the field's value), null when absent or empty */
  observed: string | null;
  level: Level | null;
  verdict: Verdict;
}

export interface StepVerification {
  stepId: string;
  verdict: Verdict;
  checks: CheckResult[];
}

export interface Verification {
  snapshotId: number;
  exportedAt: number | null;
  /** every step that has checks, in content order */
  steps: StepVerification[];
}

/** "N/A", "None", "" and the Dutch "N.v.t." all mean "no value". */
export function cleanValue(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const t = v.trim();
  return t === '' || /^(n\/a|none|null|undefined|n\.v\.t\.?)$/i.test(t) ? null : t;
}

const levelTables = new WeakMap<Vocabulary, Map<string, Level>>();

function levelTable(vocab: Vocabulary): Map<string, Level> {
  let table = levelTables.get(vocab);
  if (!table) {
    table = new Map();
    for (const levels of Object.values(vocab)) {
      for (const level of LEVELS) for (const w of levels[level] ?? []) table.set(normalizeWord(w), level);
    }
    levelTables.set(vocab, table);
  }
  return table;
}

/** The level a raw value means in any known language, or null when it is empty or unknown. */
export function levelOf(value: string | null | undefined, vocab: Vocabulary): Level | null {
  const v = cleanValue(value);
  return v === null ? null : (levelTable(vocab).get(normalizeWord(v)) ?? null);
}

/** Keys compare without case, spacing or trailing colons ("Who can see your following list::"). */
export function normalizeKey(key: string): string {
  return key
    .toLowerCase()
    .split('›')
    .map((part) => part.replace(/[\s:]+$/, '').replace(/\s+/g, ' ').trim())
    .join(' › ');
}

function keyIndex(values: Readonly<Record<string, string | null>>): Map<string, string> {
  const index = new Map<string, string>();
  for (const k of Object.keys(values)) if (!index.has(normalizeKey(k))) index.set(normalizeKey(k), k);
  return index;
}

/**
 * A list value (ScreenTime, FamilyPairing) is kept as JSON text; a TXT export may instead give its
 * fields as nested keys ("ScreenTime › DailyScreenTimeToggleStatus"). The first non-empty field
 * value wins; `present` says whether the list had any item at all.
 */
function fieldOf(raw: string | null, field: string): string | null {
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const hit = Object.entries(item as Record<string, unknown>).find(([k]) => normalizeKey(k) === normalizeKey(field));
    const v = hit && (typeof hit[1] === 'string' || typeof hit[1] === 'number') ? cleanValue(String(hit[1])) : null;
    if (v !== null) return v;
  }
  return null;
}

/** Where a check's value is in this export: the first of its key and alternatives that is present. */
export function readCheck(values: Readonly<Record<string, string | null>>, check: Check, index = keyIndex(values)): { foundKey: string | null; observed: string | null } {
  for (const key of [check.key, ...(check.alternatives ?? [])]) {
    if (check.field) {
      const nested = index.get(normalizeKey(`${key} › ${check.field}`));
      if (nested !== undefined) return { foundKey: nested, observed: cleanValue(values[nested]) };
    }
    const found = index.get(normalizeKey(key));
    if (found === undefined) continue;
    const raw = values[found] ?? null;
    return { foundKey: found, observed: check.field ? fieldOf(raw, check.field) : cleanValue(raw) };
  }
  return { foundKey: null, observed: null };
}

export function evaluateCheck(values: Readonly<Record<string, string | null>>, check: Check, vocab: Vocabulary, index = keyIndex(values)): CheckResult {
  const { foundKey, observed } = readCheck(values, check, index);
  const base = { key: check.key, foundKey, observed };
  if (foundKey === null) return { ...base, level: null, verdict: 'unknown' };
  if (check.evaluator === 'present') {
    // the key is there: an empty value means nothing is linked (FamilyPairing: [])
    return { ...base, level: null, verdict: observed === null ? 'needs-attention' : 'done' };
  }
  const level = levelOf(observed, vocab);
  const verdict: Verdict = level === null ? 'unknown' : check.pass?.includes(level) ? 'done' : check.fail?.includes(level) ? 'needs-attention' : 'unknown';
  return { ...base, level, verdict };
}

/**
 * A step's verdict from its checks. Keys the export does not have are left out (an older export
 * lacks the newer switches); any failing check needs attention; done only when every check found
 * passes; anything else (nothing found, an unreadable value) is unknown.
 */
export function combine(results: CheckResult[]): Verdict {
  const found = results.filter((r) => r.foundKey !== null);
  if (found.some((r) => r.verdict === 'needs-attention')) return 'needs-attention';
  if (found.length > 0 && found.every((r) => r.verdict === 'done')) return 'done';
  return 'unknown';
}

export function verifyStep(step: Step, values: Readonly<Record<string, string | null>>, vocab: Vocabulary): StepVerification | null {
  if (!step.checks?.length) return null;
  const index = keyIndex(values);
  const checks = step.checks.map((c) => evaluateCheck(values, c, vocab, index));
  return { stepId: step.id, verdict: combine(checks), checks };
}

/** Every step with checks, verified against one export's settings. */
export function verifySnapshot(steps: readonly Step[], snapshot: SettingsSnapshot, vocab: Vocabulary): Verification {
  const out: StepVerification[] = [];
  for (const step of steps) {
    const v = verifyStep(step, snapshot.values, vocab);
    if (v) out.push(v);
  }
  return { snapshotId: snapshot.snapshotId, exportedAt: snapshot.exportedAt, steps: out };
}
