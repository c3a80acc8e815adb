// The timeline: every snapshot in export order with the headline changes since the one before it.
import { datasetSpec } from '../../shared/catalog';
import type { AlertKind, SnapshotDiff, TimelineEntry } from '../../shared/contract';
import { orderedSnapshots } from './order';
import type { DB } from '../store/db';

/** Alert kinds that lead a snapshot's highlights, most serious first. */
const SERIOUS: AlertKind[] = ['still-there-after-deletion', 'new-country', 'new-device', 'new-network-owner', 'new-device-identifier', 'new-ad-partner', 'new-off-tiktok-source'];

export function timeline(db: DB, diff: (from: number, to: number) => SnapshotDiff): TimelineEntry[] {
  const ordered = orderedSnapshots(db);
  return ordered.map((s, i): TimelineEntry => {
    const base = { snapshotId: s.id, sourceName: s.sourceName, exportedAt: s.exportedAt, importedAt: s.importedAt, records: s.records };
    if (i === 0) return { ...base, previousId: null, headline: null, highlights: ['First snapshot.'] };
    const prev = ordered[i - 1]!;
    const d = diff(prev.id, s.id);
    const sum = (k: 'added' | 'agedOut' | 'vanished') => Object.values(d.datasets).reduce((n, c) => n + c[k], 0);
    const alerts: Partial<Record<AlertKind, number>> = {};
    for (const a of d.alerts) alerts[a.kind] = (alerts[a.kind] ?? 0) + 1;
    const headline = {
      added: sum('added'),
      agedOut: sum('agedOut'),
      vanished: sum('vanished'),
      settingsChanged: d.settings.length,
      morePrivate: d.settings.filter((c) => c.direction === 'more-private').length,
      lessPrivate: d.settings.filter((c) => c.direction === 'less-private').length,
      profileChanged: d.profile.length,
      alerts,
    };
    const highlights: string[] = [];
    for (const kind of SERIOUS) {
      const of = d.alerts.filter((x) => x.kind === kind);
      if (of.length > 0) highlights.push(of.length === 1 ? of[0]!.detail : `${of[0]!.detail} (and ${of.length - 1} more like it)`);
    }
    for (const c of d.settings.filter((x) => x.direction === 'less-private')) highlights.push(`Less private: ${c.key} ${c.from ?? '(none)'} → ${c.to ?? '(none)'}`);
    for (const c of d.settings.filter((x) => x.direction === 'more-private')) highlights.push(`More private: ${c.key} ${c.from ?? '(none)'} → ${c.to ?? '(none)'}`);
    for (const p of d.profile) highlights.push(`Profile: ${p.field} ${p.from ?? '(none)'} → ${p.to ?? '(none)'}`);
    const vanished = Object.entries(d.datasets)
      .filter(([, c]) => c.vanished > 0)
      .sort(([, a], [, b]) => b.vanished - a.vanished)
      .slice(0, 3)
      .map(([id, c]) => `${c.vanished} ${datasetSpec(id)?.label.toLowerCase() ?? id}`);
    if (vanished.length > 0) highlights.push(`Vanished inside the export window: ${vanished.join(', ')}`);
    return { ...base, previousId: prev.id, headline, highlights: highlights.slice(0, 12) };
  });
}
