// Settings changes between two snapshots, each with a privacy direction. TikTok's value vocabulary
// drifts ("On", "Enabled", "enabled"; "Only me", "Only Me", "Myself"; "No one"), so values are
// normalised before comparing: a vocabulary change alone is not a change.
import type { ChangeDirection, SettingChange } from '../../shared/contract';
import { normalizeWord, type Level } from '../../shared/checklists';
import { CHECKLIST_CONTENT } from './checklist-content';
import { cleanValue, levelOf } from './checklist-verify';

export { cleanValue };

/**
 * A value by what it means ('on', 'only-me', …), in any language the checklists' vocabulary knows
 * (resources/checklists/vocabulary.json: one vocabulary for the diff and the checklists), else the
 * word itself, normalised.
 */
export function normalizeSettingValue(v: string | null | undefined): Level | string | null {
  const t = cleanValue(v);
  if (t === null) return null;
  return levelOf(t, CHECKLIST_CONTENT.vocabulary) ?? normalizeWord(t);
}

/**
 * Which way is private for a setting key:
 * - 'off-private': switching it off, or narrowing its audience, is more private (ads, downloads,
 *   suggestions, "Who can …");
 * - 'on-private': switching it on is more private (Private Account, comment filters).
 */
export type Polarity = 'off-private' | 'on-private';

const KNOWN_KEYS: [RegExp, Polarity][] = [
  [/^private account$/, 'on-private'],
  [/^filter (comments|spam|offensive)/, 'on-private'],
  [/^(comment )?filter/, 'on-private'],
  [/^who can /, 'off-private'],
  [/^allow download/, 'off-private'],
  [/^allow reuse of content/, 'off-private'],
  [/^allow others to find me/, 'off-private'],
  [/^allow /, 'off-private'],
  [/^suggest your account to /, 'off-private'],
  [/^(personali[sz]ed|targeted) ads/, 'off-private'],
  [/^ads based on data received from partners/, 'off-private'],
  [/^use of off-tiktok activity/, 'off-private'],
  [/^ads from third-party ad networks/, 'off-private'],
  [/^autofill (contact|payment) information/, 'off-private'],
  [/^sync (contacts|facebook friends)/, 'off-private'],
  [/^activity status/, 'off-private'],
  [/^(profile|post) view(s| history)/, 'off-private'],
  [/^location services/, 'off-private'],
];

export function settingKeyPolarity(key: string): Polarity | undefined {
  const k = key
    .toLowerCase()
    .replace(/[\s:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  // Nested keys ("Push Notification › New Fans") are not privacy switches.
  if (k.includes('›')) return undefined;
  return KNOWN_KEYS.find(([re]) => re.test(k))?.[1];
}

/** How closed a normalised value is: higher is more private. undefined when it cannot be placed. */
function closedness(level: string | null, polarity: Polarity): number | undefined {
  if (level === null) return undefined;
  if (polarity === 'on-private') return level === 'on' ? 1 : level === 'off' ? 0 : undefined;
  switch (level) {
    case 'on':
    case 'everyone':
      return 0;
    case 'suggested':
      return 1;
    case 'friends':
      return 2;
    case 'off':
    case 'only-me':
    case 'no-one':
      return 3;
    default:
      return undefined;
  }
}

export function settingDirection(key: string, from: string | null, to: string | null): ChangeDirection {
  const polarity = settingKeyPolarity(key);
  if (!polarity) return 'neutral';
  const a = closedness(normalizeSettingValue(from), polarity);
  const b = closedness(normalizeSettingValue(to), polarity);
  if (a === undefined || b === undefined || a === b) return 'neutral';
  return b > a ? 'more-private' : 'less-private';
}

/** A setting as the store lists it, in the export's key order. */
export interface SettingValue {
  key: string;
  value: string | null;
}

/** Settings that differ between an older and a newer snapshot's settings (both must hold settings). */
export function settingsChanges(older: readonly SettingValue[], newer: readonly SettingValue[]): SettingChange[] {
  // A settings section without any value (TikTok sent `null`) says nothing about the settings.
  if (older.length === 0 || newer.length === 0) return [];
  // A key only one export has says which layout TikTok used, not what the user set: compare the
  // keys both have, in the newer export's order.
  const olderMap = new Map(older.map((r) => [r.key, r.value]));
  const out: SettingChange[] = [];
  for (const { key, value: b } of newer) {
    if (!olderMap.has(key)) continue;
    const a = olderMap.get(key) ?? null;
    if (normalizeSettingValue(a) === normalizeSettingValue(b)) continue;
    const fromLevel = levelOf(a, CHECKLIST_CONTENT.vocabulary);
    const toLevel = levelOf(b, CHECKLIST_CONTENT.vocabulary);
    out.push({ key, from: cleanValue(a), to: cleanValue(b), direction: settingDirection(key, a, b), fromLevel, toLevel });
  }
  return out;
}
