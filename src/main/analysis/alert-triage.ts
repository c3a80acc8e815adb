// Triage of the alerts the analysis found: what each is about (a key stable across exports), how
// much it matters, the order they are read in, and what the person already said about them.
// Pure: the decisions come from the store (store/alert-decisions.ts) as rows.
import type { AlertDecisionView, AlertKind, AlertSeverity, ChangeAlert, FoundAlert } from '../../shared/contract';

/**
 * How much each kind matters, and why:
 * - high: someone else may be in the account, or TikTok kept what it should not.
 *   new-country (a sign-in from a country the account was never used in is the plainest sign of a
 *   taken-over account), new-device (a phone or computer never seen signed in),
 *   still-there-after-deletion (data you deleted is still held: a rights matter to raise),
 *   setting-regressed (a protection you set is off again, by you, an update or someone else).
 * - medium: a new party or a new way in, often innocent but worth a look. new-network-owner (a
 *   provider never seen, in a country seen: travel, a new provider, or someone else),
 *   new-device-identifier (a new phone, a reinstall, or a reset advertising ID), new-off-tiktok-source
 *   and new-ad-partner (one more company sending or holding data about you), blocked-removed (an
 *   account you had blocked can reach you again).
 * - low: usually routine. new-ip (new addresses in a network and country seen before: providers
 *   change addresses all the time), new-device-system (mostly a system update), new-network-type,
 *   new-carrier, new-off-tiktok-event, new-share-method, new-ad-interest.
 * - info: your own social graph moving: followers, following, blocking someone.
 */
export const ALERT_SEVERITY: Record<AlertKind, AlertSeverity> = {
  'new-country': 'high',
  'new-device': 'high',
  'still-there-after-deletion': 'high',
  'setting-regressed': 'high',
  'new-network-owner': 'medium',
  'new-device-identifier': 'medium',
  'new-off-tiktok-source': 'medium',
  'new-ad-partner': 'medium',
  'blocked-removed': 'medium',
  'new-ip': 'low',
  'new-device-system': 'low',
  'new-network-type': 'low',
  'new-carrier': 'low',
  'new-off-tiktok-event': 'low',
  'new-share-method': 'low',
  'new-ad-interest': 'low',
  'followers-gained': 'info',
  'followers-lost': 'info',
  'following-added': 'info',
  'following-removed': 'info',
  'blocked-added': 'info',
};

const SEVERITY_RANK: Record<AlertSeverity, number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Within a severity, the order kinds are read in (the table's order). */
const KIND_RANK = new Map((Object.keys(ALERT_SEVERITY) as AlertKind[]).map((k, i) => [k, i]));

/**
 * Kinds that are one subject and share a decision: an address group is new-ip whether its country
 * or owner was new when it was decided (a later export showing the same network again is then not
 * new in that way, yet it is the same network); a model is new-device with or without a new system.
 */
const DECISION_KIND: Partial<Record<AlertKind, AlertKind>> = {
  'new-country': 'new-ip',
  'new-network-owner': 'new-ip',
  'new-device-system': 'new-device',
};

export const decisionKind = (kind: AlertKind): AlertKind => DECISION_KIND[kind] ?? kind;

/** A set of values as a short key that does not depend on their order: "<n>:<hash>" (FNV-1a, 32 bits). */
export function setKey(values: readonly string[]): string {
  const sorted = [...new Set(values)].sort();
  let h = 0x811c9dc5;
  for (const ch of sorted.join('\u001f')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${sorted.length}:${h.toString(16).padStart(8, '0')}`;
}

const text = (v: unknown): string => (v === null || v === undefined ? '-' : String(v));

/** The key of an alert that did not bring one: from the parameters that name its subject. */
function keyOf(a: FoundAlert): string {
  if (a.key !== undefined) return a.key;
  const p = a.params;
  switch (a.kind) {
    case 'new-device':
    case 'new-device-system':
      return text(p.model);
    case 'new-device-identifier':
      return `${text(p.identifier)}:${text(p.value)}`;
    case 'new-network-type':
      return text(p.networkType);
    case 'new-carrier':
      return text(p.carrier);
    case 'new-off-tiktok-source':
      return text(p.source);
    case 'new-ad-partner':
      return `${text(p.list)}:${text(p.partner)}`;
    case 'new-share-method':
      return text(p.method);
    case 'setting-regressed':
      return text(p.step);
    default:
      return `${a.evidence.snapshotId}:${setKey(a.evidence.recordIds.map(String))}`;
  }
}

const mapKey = (kind: AlertKind, key: string) => `${kind}\u001f${key}`;

/** The decisions as the store keeps them. */
export interface DecisionRow {
  kind: AlertKind;
  key: string;
  decision: AlertDecisionView['decision'];
  decidedAt: number;
  note: string | null;
}

export type DecisionIndex = ReadonlyMap<string, AlertDecisionView>;

export function decisionIndex(rows: readonly DecisionRow[]): DecisionIndex {
  return new Map(rows.map((r) => [mapKey(r.kind, r.key), { decision: r.decision, decidedAt: r.decidedAt, note: r.note }]));
}

const sizeOf = (a: FoundAlert): number => {
  const n = a.params.addresses ?? a.params.n ?? a.params.count;
  return typeof n === 'number' ? n : 0;
};

/** Keys, severities and the order: most severe first, then by kind, then the bigger group first. */
export function triage(found: readonly FoundAlert[]): ChangeAlert[] {
  return found
    .map((a): ChangeAlert => ({ kind: a.kind, params: a.params, evidence: a.evidence, key: keyOf(a), decisionKind: decisionKind(a.kind), severity: ALERT_SEVERITY[a.kind], decision: null }))
    .map((a, i) => ({ a, i }))
    .sort(
      (x, y) =>
        SEVERITY_RANK[x.a.severity] - SEVERITY_RANK[y.a.severity] ||
        KIND_RANK.get(x.a.kind)! - KIND_RANK.get(y.a.kind)! ||
        sizeOf(y.a) - sizeOf(x.a) ||
        x.i - y.i,
    )
    .map(({ a }) => a);
}

/** The alerts with what the person said about each (a new array; the cached ones stay as they are). */
export function withDecisions(alerts: readonly ChangeAlert[], decisions: DecisionIndex): ChangeAlert[] {
  return alerts.map((a) => ({ ...a, decision: decisions.get(mapKey(a.decisionKind, a.key)) ?? null }));
}
