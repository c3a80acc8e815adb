// Profile changes between two snapshots: the identity fields of ProfileMap and the linked platforms.
import { normalizeName } from '../../shared/catalog';
import type { ProfileChange } from '../../shared/contract';
import { cleanValue, type SettingValue } from './settings';

/** ProfileMap keys worth comparing (signed photo URLs and counters change with every export). */
export const PROFILE_FIELDS = ['userName', 'displayName', 'emailAddress', 'telephoneNumber', 'birthDate', 'bioDescription', 'accountRegion'];

/** Linked-platform record fields the comparison reads. */
export const LINKED_FIELDS = ['platform', 'name'] as const;

function profileValues(rows: readonly SettingValue[]): Map<string, string | null> {
  const byNorm = new Map(rows.map((r) => [normalizeName(r.key), r.value]));
  return new Map(PROFILE_FIELDS.map((f) => [f, cleanValue(byNorm.get(normalizeName(f)))]));
}

function linkedPlatforms(rows: readonly { id: number; platform?: unknown; name?: unknown }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const platform = cleanValue(r.platform == null ? null : String(r.platform));
    const name = cleanValue(r.name == null ? null : String(r.name));
    const label = platform && name ? `${platform}: ${name}` : (platform ?? name);
    if (label) out.set(label, r.id);
  }
  return out;
}

/** What each snapshot of the pair held: its ProfileMap values and linked-platform records (undefined: not in the export). */
export interface ProfileSide {
  values?: readonly SettingValue[];
  linked?: readonly { id: number; platform?: unknown; name?: unknown }[];
}

export function profileChanges(older: ProfileSide, newer: ProfileSide): ProfileChange[] {
  const out: ProfileChange[] = [];
  if (older.values && newer.values) {
    const a = profileValues(older.values);
    const b = profileValues(newer.values);
    // An empty ProfileMap (redacted or not requested) says nothing.
    const informative = (m: Map<string, string | null>) => [...m.values()].some((v) => v !== null);
    if (informative(a) && informative(b)) {
      for (const field of PROFILE_FIELDS) {
        const x = a.get(field) ?? null;
        const y = b.get(field) ?? null;
        if (x !== y) out.push({ field, from: x, to: y });
      }
    }
  }
  if (older.linked && newer.linked) {
    const a = linkedPlatforms(older.linked);
    const b = linkedPlatforms(newer.linked);
    for (const label of b.keys()) if (!a.has(label)) out.push({ field: 'linkedPlatform', from: null, to: label });
    for (const label of a.keys()) if (!b.has(label)) out.push({ field: 'linkedPlatform', from: label, to: null });
  }
  return out;
}
