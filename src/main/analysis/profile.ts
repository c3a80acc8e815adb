// Profile changes between two snapshots: the identity fields of ProfileMap and the linked platforms.
import { normalizeName } from '../../shared/catalog';
import type { ProfileChange } from '../../shared/contract';
import type { DB } from '../store/db';
import { hasDataset, type Snap } from './order';
import { cleanValue } from './settings';

/** ProfileMap keys worth comparing (signed photo URLs and counters change with every export). */
export const PROFILE_FIELDS = ['userName', 'displayName', 'emailAddress', 'telephoneNumber', 'birthDate', 'bioDescription', 'accountRegion'];

function profileValues(db: DB, snapshotId: number): Map<string, string | null> {
  const rows = db.prepare(`SELECT key, value FROM snapshot_values WHERE snapshot_id = ? AND dataset = 'profile'`).all(snapshotId) as {
    key: string;
    value: string | null;
  }[];
  const byNorm = new Map(rows.map((r) => [normalizeName(r.key), r.value]));
  return new Map(PROFILE_FIELDS.map((f) => [f, cleanValue(byNorm.get(normalizeName(f)))]));
}

function linkedPlatforms(db: DB, snapshotId: number): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT r.id, r.data ->> 'platform' AS platform, r.data ->> 'name' AS name
       FROM records r
       WHERE r.dataset = 'linked_platforms' AND EXISTS (SELECT 1 FROM record_snapshots s WHERE s.snapshot_id = ? AND s.record_id = r.id)`,
    )
    .all(snapshotId) as { id: number; platform: string | null; name: string | null }[];
  const out = new Map<string, number>();
  for (const r of rows) {
    const platform = cleanValue(r.platform === null ? null : String(r.platform));
    const name = cleanValue(r.name === null ? null : String(r.name));
    const label = platform && name ? `${platform}: ${name}` : (platform ?? name);
    if (label) out.set(label, r.id);
  }
  return out;
}

export function profileChanges(db: DB, from: Snap, to: Snap): ProfileChange[] {
  if (from.id === to.id) return [];
  const out: ProfileChange[] = [];
  if (hasDataset(db, from.id, 'profile') && hasDataset(db, to.id, 'profile')) {
    const a = profileValues(db, from.id);
    const b = profileValues(db, to.id);
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
  if (hasDataset(db, from.id, 'linked_platforms') && hasDataset(db, to.id, 'linked_platforms')) {
    const a = linkedPlatforms(db, from.id);
    const b = linkedPlatforms(db, to.id);
    for (const label of b.keys()) if (!a.has(label)) out.push({ field: 'linkedPlatform', from: null, to: label });
    for (const label of a.keys()) if (!b.has(label)) out.push({ field: 'linkedPlatform', from: label, to: null });
  }
  return out;
}
