// The person's checklist as the archive keeps it (migration 5): step states with who decided them,
// the questionnaire, re-check reminders and rights requests; plus the narrow reads the checklist's
// evidence needs. Nothing here refers to snapshots by foreign key: what the person entered
// survives deleting a snapshot and forgetting records.
import type { ReadableDB, WritableDB } from './handles';

export type DecidedBy = 'snapshot' | 'user';

export interface StoredStep {
  stepId: string;
  status: string;
  decidedBy: DecidedBy | null;
  observed: string | null;
  snapshotId: number | null;
  /** the deciding export's time (kept: the snapshot may be deleted later) */
  exportedAt: number | null;
  decidedAt: number | null;
  note: string | null;
}

interface StepRow {
  step_id: string;
  status: string;
  decided_by: DecidedBy | null;
  observed: string | null;
  snapshot_id: number | null;
  exported_at: number | null;
  decided_at: number | null;
  note: string | null;
}

const toStep = (r: StepRow): StoredStep => ({
  stepId: r.step_id,
  status: r.status,
  decidedBy: r.decided_by,
  observed: r.observed,
  snapshotId: r.snapshot_id,
  exportedAt: r.exported_at,
  decidedAt: r.decided_at,
  note: r.note,
});

export function listStepStates(db: ReadableDB): StoredStep[] {
  return (db.prepare('SELECT * FROM checklist_steps ORDER BY step_id').all() as StepRow[]).map(toStep);
}

/** A decision about a step's state; the note is left as it is. */
export type StepDecision = Omit<StoredStep, 'note'>;

const UPSERT_DECISION = `INSERT INTO checklist_steps (step_id, status, decided_by, observed, snapshot_id, exported_at, decided_at)
  VALUES (@stepId, @status, @decidedBy, @observed, @snapshotId, @exportedAt, @decidedAt)
  ON CONFLICT (step_id) DO UPDATE SET status = excluded.status, decided_by = excluded.decided_by, observed = excluded.observed,
    snapshot_id = excluded.snapshot_id, exported_at = excluded.exported_at, decided_at = excluded.decided_at`;

/** Saves decisions in one transaction (all or none); notes stay. */
export function saveStepDecisions(db: WritableDB, decisions: readonly StepDecision[]): void {
  if (decisions.length === 0) return;
  const upsert = db.prepare(UPSERT_DECISION);
  db.transaction(() => {
    for (const d of decisions) upsert.run(d);
  }).immediate();
}

/** A decision by the person, with their note when given (undefined: the note stays). */
export function saveUserDecision(db: WritableDB, decision: StepDecision, note: string | null | undefined): void {
  db.transaction(() => {
    db.prepare(UPSERT_DECISION).run(decision);
    if (note !== undefined) db.prepare('UPDATE checklist_steps SET note = ? WHERE step_id = ?').run(note, decision.stepId);
  }).immediate();
}

export function getAnswers(db: ReadableDB): { answers: unknown; answeredAt: number } | null {
  const row = db.prepare('SELECT answers, answered_at FROM checklist_answers WHERE id = 1').get() as { answers: string; answered_at: number } | undefined;
  return row ? { answers: JSON.parse(row.answers), answeredAt: row.answered_at } : null;
}

export function saveAnswers(db: WritableDB, answers: object, now: number): void {
  db.prepare(
    'INSERT INTO checklist_answers (id, answers, answered_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET answers = excluded.answers, answered_at = excluded.answered_at',
  ).run(JSON.stringify(answers), now);
}

export interface StoredReminder {
  checklistId: string;
  intervalDays: number;
  setAt: number;
}

export function listReminders(db: ReadableDB): StoredReminder[] {
  return (db.prepare('SELECT checklist_id, interval_days, set_at FROM checklist_reminders ORDER BY checklist_id').all() as {
    checklist_id: string;
    interval_days: number;
    set_at: number;
  }[]).map((r) => ({ checklistId: r.checklist_id, intervalDays: r.interval_days, setAt: r.set_at }));
}

/** intervalDays null removes the reminder. */
export function saveReminder(db: WritableDB, checklistId: string, intervalDays: number | null, now: number): void {
  if (intervalDays === null) db.prepare('DELETE FROM checklist_reminders WHERE checklist_id = ?').run(checklistId);
  else
    db.prepare(
      'INSERT INTO checklist_reminders (checklist_id, interval_days, set_at) VALUES (?, ?, ?) ON CONFLICT (checklist_id) DO UPDATE SET interval_days = excluded.interval_days, set_at = excluded.set_at',
    ).run(checklistId, intervalDays, now);
}

export interface StoredRightsRequest {
  id: number;
  kind: 'access' | 'deletion' | 'copy';
  law: 'gdpr' | 'ccpa';
  lang: 'sv' | 'en';
  sentOn: string;
  answeredOn: string | null;
  recordedAt: number;
  note: string | null;
}

interface RightsRow {
  id: number;
  kind: StoredRightsRequest['kind'];
  law: StoredRightsRequest['law'];
  lang: StoredRightsRequest['lang'];
  sent_on: string;
  answered_on: string | null;
  recorded_at: number;
  note: string | null;
}

const toRequest = (r: RightsRow): StoredRightsRequest => ({
  id: r.id,
  kind: r.kind,
  law: r.law,
  lang: r.lang,
  sentOn: r.sent_on,
  answeredOn: r.answered_on,
  recordedAt: r.recorded_at,
  note: r.note,
});

export function listRightsRequests(db: ReadableDB): StoredRightsRequest[] {
  return (db.prepare('SELECT * FROM rights_requests ORDER BY sent_on, id').all() as RightsRow[]).map(toRequest);
}

export function insertRightsRequest(db: WritableDB, r: Omit<StoredRightsRequest, 'id'>): StoredRightsRequest {
  const info = db
    .prepare('INSERT INTO rights_requests (kind, law, lang, sent_on, answered_on, recorded_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(r.kind, r.law, r.lang, r.sentOn, r.answeredOn, r.recordedAt, r.note);
  return { ...r, id: Number(info.lastInsertRowid) };
}

/** Sets (or clears, with null) the day a request was answered; false when there is no such request. */
export function saveRightsAnswered(db: WritableDB, id: number, answeredOn: string | null): boolean {
  return db.prepare('UPDATE rights_requests SET answered_on = ? WHERE id = ?').run(answeredOn, id).changes === 1;
}

// ---- evidence: narrow, grouped reads of one snapshot (the analysis words and counts them) ----

const inSnapshot = 'EXISTS (SELECT 1 FROM record_snapshots s WHERE s.snapshot_id = @snapshot AND s.record_id = r.id)';

/** The snapshot's posts that carry a place: their audience as written (the analysis reads the level). */
export function postsWithLocation(db: ReadableDB, snapshot: number): { whoCanView: string | null; location: string | null }[] {
  return db
    .prepare(
      `SELECT r.data ->> 'whoCanView' AS whoCanView, r.data ->> 'Location' AS location FROM records r
       WHERE r.dataset = 'posts' AND ${inSnapshot} AND coalesce(trim(r.data ->> 'Location'), '') <> ''`,
    )
    .all({ snapshot }) as { whoCanView: string | null; location: string | null }[];
}

/** How many posts the snapshot holds. */
export function postCount(db: ReadableDB, snapshot: number): number {
  return db.prepare(`SELECT count(*) FROM records r WHERE r.dataset = 'posts' AND ${inSnapshot}`).pluck().get({ snapshot }) as number;
}

/** Login devices (model, system) with the last time each was seen. */
export function loginDevices(db: ReadableDB, snapshot: number): { deviceModel: string | null; deviceSystem: string | null; at: number | null }[] {
  return db
    .prepare(
      `SELECT r.data ->> 'deviceModel' AS deviceModel, r.data ->> 'deviceSystem' AS deviceSystem, max(r.at) AS at FROM records r
       WHERE r.dataset = 'login_history' AND ${inSnapshot} GROUP BY 1, 2`,
    )
    .all({ snapshot }) as { deviceModel: string | null; deviceSystem: string | null; at: number | null }[];
}

/** Off-TikTok sources with how many events each sent. */
export function offTikTokSources(db: ReadableDB, snapshot: number): { source: string | null; count: number }[] {
  return db
    .prepare(`SELECT r.data ->> 'source' AS source, count(*) AS count FROM records r WHERE r.dataset = 'off_tiktok_activity' AND ${inSnapshot} GROUP BY 1`)
    .all({ snapshot }) as { source: string | null; count: number }[];
}

export function adPartnerNames(db: ReadableDB, snapshot: number): string[] {
  return db
    .prepare(`SELECT DISTINCT r.data ->> 'name' FROM records r WHERE r.dataset = 'ad_partners' AND ${inSnapshot}`)
    .pluck()
    .all({ snapshot }) as string[];
}

export function blockedCount(db: ReadableDB, snapshot: number): number {
  return db.prepare(`SELECT count(*) FROM records r WHERE r.dataset = 'blocked' AND ${inSnapshot}`).pluck().get({ snapshot }) as number;
}
