// The register of third-party apps (migration 7): what the person typed about each app, and its
// history. Typed data, not imported: nothing here refers to snapshots or records, so deleteSnapshot
// and forgetRecords never reach it. Checking an entry is the analysis's (analysis/app-entry.ts);
// this module only stores what the service has already checked, each change in one transaction.
import { FootprintError } from '../../shared/errors';
import type { Access, Claim } from '../../shared/sharing';
import type { ReadableDB, WritableDB } from './handles';

/**
 * One register change, all or nothing. Register writes are not refused while an import runs: an
 * in-process import finishes before anything else runs on the connection; a worker's import holds
 * the file's write lock, and a change waits for it up to the busy timeout, then fails as DB_BUSY
 * (the file unchanged) rather than as a bug.
 */
function write<T>(db: WritableDB, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new FootprintError('DB_BUSY', {}, { cause: e });
    throw e;
  }
}

export interface StoredApp {
  id: number;
  name: string;
  website: string | null;
  scopes: string[];
  claims: Claim[];
  /** set only when the person chose it (no scope decides it) */
  access: Access | null;
  grantedOn: string;
  revokedOn: string | null;
  lastReviewedOn: string | null;
  reviewIntervalDays: number | null;
  purpose: string | null;
  note: string | null;
  createdAt: number;
  updatedAt: number;
}

export type AppEventKind = 'granted' | 'edited' | 'revoked' | 'reviewed' | 'imported';

export interface AppEvent {
  kind: AppEventKind;
  /** the day it happened, as the person gave it (YYYY-MM-DD) */
  day: string | null;
  /** when it was noted (epoch ms) */
  at: number;
  /** edited: { field: [from, to] } */
  details: Record<string, unknown>;
}

/** The fields a person types; the store adds id and times. */
export type AppFields = Omit<StoredApp, 'id' | 'createdAt' | 'updatedAt'>;

interface Row {
  id: number;
  name: string;
  website: string | null;
  scopes: string;
  claims: string;
  access: Access | null;
  granted_on: string;
  revoked_on: string | null;
  last_reviewed_on: string | null;
  review_interval_days: number | null;
  purpose: string | null;
  note: string | null;
  created_at: number;
  updated_at: number;
}

const fromRow = (r: Row): StoredApp => ({
  id: r.id,
  name: r.name,
  website: r.website,
  scopes: JSON.parse(r.scopes) as string[],
  claims: JSON.parse(r.claims) as Claim[],
  access: r.access,
  grantedOn: r.granted_on,
  revokedOn: r.revoked_on,
  lastReviewedOn: r.last_reviewed_on,
  reviewIntervalDays: r.review_interval_days,
  purpose: r.purpose,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const params = (f: AppFields) => ({
  name: f.name,
  website: f.website,
  scopes: JSON.stringify(f.scopes),
  claims: JSON.stringify(f.claims),
  access: f.access,
  granted_on: f.grantedOn,
  revoked_on: f.revokedOn,
  last_reviewed_on: f.lastReviewedOn,
  review_interval_days: f.reviewIntervalDays,
  purpose: f.purpose,
  note: f.note,
});

/** Every app, oldest entry first. */
export function listApps(db: ReadableDB): StoredApp[] {
  return (db.prepare('SELECT * FROM apps ORDER BY id').all() as Row[]).map(fromRow);
}

export function getApp(db: ReadableDB, id: number): StoredApp | undefined {
  const r = db.prepare('SELECT * FROM apps WHERE id = ?').get(id) as Row | undefined;
  return r && fromRow(r);
}

/** Every app's history, by app id, in the order it happened. */
export function appEvents(db: ReadableDB): Map<number, AppEvent[]> {
  const out = new Map<number, AppEvent[]>();
  const rows = db.prepare('SELECT app_id, kind, day, at, details FROM app_events ORDER BY app_id, id').all() as {
    app_id: number;
    kind: AppEventKind;
    day: string | null;
    at: number;
    details: string;
  }[];
  for (const r of rows) {
    let list = out.get(r.app_id);
    if (!list) out.set(r.app_id, (list = []));
    list.push({ kind: r.kind, day: r.day, at: r.at, details: JSON.parse(r.details) as Record<string, unknown> });
  }
  return out;
}

function insertEvent(db: WritableDB, appId: number, e: AppEvent): void {
  db.prepare('INSERT INTO app_events (app_id, kind, day, at, details) VALUES (?, ?, ?, ?, ?)').run(appId, e.kind, e.day, e.at, JSON.stringify(e.details));
}

function insertApp(db: WritableDB, f: AppFields, now: number): number {
  const info = db
    .prepare(
      `INSERT INTO apps (name, website, scopes, claims, access, granted_on, revoked_on, last_reviewed_on, review_interval_days, purpose, note, created_at, updated_at)
       VALUES (@name, @website, @scopes, @claims, @access, @granted_on, @revoked_on, @last_reviewed_on, @review_interval_days, @purpose, @note, @now, @now)`,
    )
    .run({ ...params(f), now });
  return Number(info.lastInsertRowid);
}

/** Adds an app with its history (the grant, and a revoke or review already noted); returns its id. */
export function addApp(db: WritableDB, f: AppFields, now: number): number {
  return write(db, () => {
    const id = insertApp(db, f, now);
    insertEvent(db, id, { kind: 'granted', day: f.grantedOn, at: now, details: {} });
    if (f.lastReviewedOn) insertEvent(db, id, { kind: 'reviewed', day: f.lastReviewedOn, at: now, details: {} });
    if (f.revokedOn) insertEvent(db, id, { kind: 'revoked', day: f.revokedOn, at: now, details: {} });
    return id;
  });
}

/** Replaces an app's fields and notes the event (an edit's details: what changed). */
export function updateApp(db: WritableDB, id: number, f: AppFields, event: AppEvent | AppEvent[]): void {
  const events = Array.isArray(event) ? event : [event];
  write(db, () => {
    db.prepare(
      `UPDATE apps SET name = @name, website = @website, scopes = @scopes, claims = @claims, access = @access, granted_on = @granted_on,
         revoked_on = @revoked_on, last_reviewed_on = @last_reviewed_on, review_interval_days = @review_interval_days, purpose = @purpose,
         note = @note, updated_at = @now WHERE id = @id`,
    ).run({ ...params(f), now: events[0]!.at, id });
    for (const e of events) insertEvent(db, id, e);
  });
}

/** Removes an app and its history (an entry made by mistake; revoking keeps both). */
export function removeApp(db: WritableDB, id: number): boolean {
  return write(db, () => db.prepare('DELETE FROM apps WHERE id = ?').run(id).changes > 0);
}

/** Adds several apps with the history they bring, all or none (apps import). */
export function importApps(db: WritableDB, apps: { fields: AppFields; history: AppEvent[] }[], now: number): number[] {
  return write(db, () =>
    apps.map(({ fields, history }) => {
      const id = insertApp(db, fields, now);
      for (const e of history) insertEvent(db, id, e);
      insertEvent(db, id, { kind: 'imported', day: null, at: now, details: {} });
      return id;
    }),
  );
}
