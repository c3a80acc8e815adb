// The timeline: every snapshot in export order with the headline changes since the one before it,
// and a few highlights as codes and parameters (worded by the door: `highlight.<code>`).
import type { AlertKind, SnapshotDiff, TimelineEntry, TimelineHighlight } from '../../shared/contract';
import type { Snap } from './order';

/** Alert kinds that lead a snapshot's highlights, most serious first. */
const SERIOUS: AlertKind[] = ['still-there-after-deletion', 'setting-regressed', 'new-country', 'new-device', 'new-network-owner', 'new-device-identifier', 'new-ad-partner', 'new-off-tiktok-source'];

/** Highlights shown per snapshot, at most. */
const MAX_HIGHLIGHTS = 12;

export function timeline(ordered: Snap[], diff: (from: number, to: number) => SnapshotDiff): TimelineEntry[] {
  return ordered.map((s, i): TimelineEntry => {
    const base = { snapshotId: s.id, sourceName: s.sourceName, exportedAt: s.exportedAt, importedAt: s.importedAt, records: s.records };
    if (i === 0) return { ...base, previousId: null, headline: null, highlights: [{ code: 'first-snapshot', params: {} }] };
    const prev = ordered[i - 1]!;
    const d = diff(prev.id, s.id);
    const sum = (k: 'added' | 'agedOut' | 'vanished') => Object.values(d.datasets).reduce((n, c) => n + c[k], 0);
    // only what is still to check counts: an alert the person decided is known, not news
    const open = d.alerts.filter((a) => a.decision === null);
    const alerts: Partial<Record<AlertKind, number>> = {};
    for (const a of open) alerts[a.kind] = (alerts[a.kind] ?? 0) + 1;
    const headline = {
      added: sum('added'),
      agedOut: sum('agedOut'),
      vanished: sum('vanished'),
      settingsChanged: d.settings.length,
      morePrivate: d.settings.filter((c) => c.direction === 'more-private').length,
      lessPrivate: d.settings.filter((c) => c.direction === 'less-private').length,
      profileChanged: d.profile.length,
      alerts,
      decidedAlerts: d.alerts.length - open.length,
    };
    const highlights: TimelineHighlight[] = [];
    for (const kind of SERIOUS) {
      const of = open.filter((x) => x.kind === kind);
      if (of.length > 0) highlights.push({ code: 'alert', params: { ...of[0]!.params, kind, others: of.length - 1 } }); // others: not `more`, which some alerts use for their names
    }
    for (const direction of ['less-private', 'more-private'] as const) {
      for (const c of d.settings.filter((x) => x.direction === direction)) highlights.push({ code: direction, params: { key: c.key, from: c.from, to: c.to } });
    }
    for (const p of d.profile) highlights.push({ code: 'profile', params: { field: p.field, from: p.from, to: p.to } });
    const vanished = Object.entries(d.datasets)
      .filter(([, c]) => c.vanished > 0)
      .sort(([, a], [, b]) => b.vanished - a.vanished)
      .slice(0, 3);
    for (const [dataset, c] of vanished) highlights.push({ code: 'vanished', params: { dataset, count: c.vanished } });
    return { ...base, previousId: prev.id, headline, highlights: highlights.slice(0, MAX_HIGHLIGHTS) };
  });
}
