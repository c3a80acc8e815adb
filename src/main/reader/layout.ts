// Which generation of the JSON layout an export is. Detected by its keys, never by date: L3 and L4
// were both issued during 2025.
import { normalizeName } from '../../shared/catalog';
import { isLazyList } from './lazy-json';

export type JsonLayout = 'L1' | 'L2' | 'L3' | 'L4' | 'unknown';

export function detectJsonLayout(root: Record<string, unknown>): JsonLayout {
  const keys = new Set(Object.keys(root).map(normalizeName));
  if (keys.has('likesandfavorites') || keys.has('profileandsettings')) return 'L4';
  if (keys.has('youractivity') || keys.has('directmessage') || keys.has('post')) return 'L3';
  if (['tiktokshopping', 'tiktoklive', 'incomepluswallettransactions', 'poireview'].some((k) => keys.has(k))) return 'L2';
  if (keys.has('activity') || keys.has('video') || keys.has('directmessages') || keys.has('appsettings')) {
    // The first layout linked videos with "VideoLink" and kept device status as one object.
    return usesL1Fields(root) ? 'L1' : 'L2';
  }
  return 'unknown';
}

function usesL1Fields(root: Record<string, unknown>): boolean {
  const activity = Object.entries(root).find(([k]) => normalizeName(k) === 'activity')?.[1];
  if (typeof activity !== 'object' || activity === null) return false;
  for (const section of Object.values(activity as Record<string, unknown>)) {
    if (typeof section !== 'object' || section === null) continue;
    for (const list of Object.values(section as Record<string, unknown>)) {
      const first: unknown = Array.isArray(list) ? list[0] : isLazyList(list) ? list.first() : undefined;
      if (typeof first === 'object' && first !== null && 'VideoLink' in first) return true;
    }
    if ('AppVersion' in section || 'Idfa' in section) return true;
  }
  return false;
}
