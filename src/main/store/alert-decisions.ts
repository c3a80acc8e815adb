// What the person said about alerts (migration 9): "this was me" or "resolved", under the alert's
// subject (decision kind + key, analysis/alert-triage.ts). Typed by the person, so nothing here is
// touched by deleting a snapshot or forgetting records.
import type { AlertDecision, AlertKind } from '../../shared/contract';
import type { ReadableDB, WritableDB } from './handles';

export interface StoredAlertDecision {
  kind: AlertKind;
  key: string;
  decision: AlertDecision;
  decidedAt: number;
  note: string | null;
}

interface Row {
  kind: AlertKind;
  key: string;
  decision: AlertDecision;
  decided_at: number;
  note: string | null;
}

const toDecision = (r: Row): StoredAlertDecision => ({ kind: r.kind, key: r.key, decision: r.decision, decidedAt: r.decided_at, note: r.note });

export function listAlertDecisions(db: ReadableDB): StoredAlertDecision[] {
  return (db.prepare('SELECT kind, key, decision, decided_at, note FROM alert_decisions ORDER BY decided_at, kind, key').all() as Row[]).map(toDecision);
}

/** Saves (or replaces) the decision about one subject. */
export function saveAlertDecision(db: WritableDB, d: StoredAlertDecision): StoredAlertDecision {
  db.prepare(
    `INSERT INTO alert_decisions (kind, key, decision, decided_at, note) VALUES (@kind, @key, @decision, @decidedAt, @note)
     ON CONFLICT (kind, key) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at, note = excluded.note`,
  ).run(d);
  return d;
}

/** Forgets the decision about one subject (undo); whether there was one. */
export function clearAlertDecision(db: WritableDB, kind: AlertKind, key: string): boolean {
  return db.prepare('DELETE FROM alert_decisions WHERE kind = ? AND key = ?').run(kind, key).changes > 0;
}
