// Schema history. Append a migration, never edit one that has shipped: user databases carry
// PRAGMA user_version and are brought forward one step at a time, in one transaction.
/**
 * The text indexed per dataset, frozen as migration 5 shipped it (the catalog's `searchable` is
 * checked against it by test/search.test.ts): a change means a new migration, not an edit here.
 */
export const SEARCH_FIELDS_V5: Readonly<Record<string, readonly string[]>> = {
  comments: ['comment'],
  messages: ['content', 'from'],
  searches: ['term'],
  posts: ['title'],
  deleted_posts: ['title'],
  hashtags_used: ['name'],
  off_tiktok_activity: ['source', 'event'],
  ad_interests: ['name'],
  ad_partners: ['name'],
  ads_visits: ['title'],
  followers: ['username'],
  following: ['username'],
  blocked: ['username'],
  purchases: ['username'],
  live_comments: ['content'],
  live_go_history: ['title'],
  location_reviews: ['place', 'text'],
  favorite_collections: ['name'],
  shop_messages: ['content'],
};

function searchMigration(): string {
  const datasets = Object.keys(SEARCH_FIELDS_V5);
  const inList = datasets.map((d) => `'${d}'`).join(', ');
  // The record's searchable fields joined by spaces ('' when it has none of them).
  const text = (row: string) =>
    `CASE ${row}.dataset ${datasets
      .map((d) => `WHEN '${d}' THEN concat_ws(' ', ${SEARCH_FIELDS_V5[d]!.map((f) => `${row}.data ->> '${f}'`).join(', ')})`)
      .join(' ')} END`;
  return `
  CREATE VIEW record_search_text (id, text) AS SELECT r.id, ${text('r')} FROM records r WHERE r.dataset IN (${inList});
  CREATE VIRTUAL TABLE record_search USING fts5(text, content='record_search_text', content_rowid='id', columnsize=0, tokenize='unicode61 remove_diacritics 2', prefix='2 3');
  INSERT INTO record_search (record_search, rank) VALUES ('secure-delete', 1);
  INSERT INTO record_search (record_search) VALUES ('rebuild');
  CREATE TRIGGER record_search_insert AFTER INSERT ON records WHEN NEW.dataset IN (${inList}) BEGIN
    INSERT INTO record_search (rowid, text) VALUES (NEW.id, ${text('NEW')});
  END;
  CREATE TRIGGER record_search_delete AFTER DELETE ON records WHEN OLD.dataset IN (${inList}) BEGIN
    INSERT INTO record_search (record_search, rowid, text) VALUES ('delete', OLD.id, ${text('OLD')});
  END;
  CREATE TRIGGER record_search_update AFTER UPDATE OF dataset, data ON records WHEN OLD.dataset IN (${inList}) OR NEW.dataset IN (${inList}) BEGIN
    INSERT INTO record_search (record_search, rowid, text) SELECT 'delete', OLD.id, ${text('OLD')} WHERE OLD.dataset IN (${inList});
    INSERT INTO record_search (rowid, text) SELECT NEW.id, ${text('NEW')} WHERE NEW.dataset IN (${inList});
  END;
  `;
}

export const MIGRATIONS: readonly string[] = [
  // 1: snapshots, de-duplicated records, per-snapshot values and raw unknown sections.
  `
  CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY,
    source_name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    format TEXT NOT NULL,
    layout TEXT NOT NULL,
    exported_at INTEGER,
    imported_at INTEGER NOT NULL,
    record_count INTEGER NOT NULL DEFAULT 0,
    new_count INTEGER NOT NULL DEFAULT 0,
    duplicate_count INTEGER NOT NULL DEFAULT 0
  );
  -- Which datasets a snapshot contained: a dataset missing from a snapshot was not requested,
  -- which is different from being emptied.
  CREATE TABLE snapshot_datasets (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    dataset TEXT NOT NULL,
    records INTEGER NOT NULL,
    new INTEGER NOT NULL,
    duplicates INTEGER NOT NULL,
    oldest INTEGER,
    newest INTEGER,
    paths TEXT NOT NULL DEFAULT '[]', -- where in the export the dataset was found (JSON list)
    PRIMARY KEY (snapshot_id, dataset)
  ) WITHOUT ROWID;
  -- One row per distinct record ever seen. fp_hi/fp_lo are a 106-bit hash of the dataset and its
  -- identifying fields, as two 53-bit integers; not indexed: the importer de-duplicates in memory
  -- (store/known-records.ts).
  CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    dataset TEXT NOT NULL,
    fp_hi INTEGER NOT NULL,
    fp_lo INTEGER NOT NULL,
    at INTEGER,
    data TEXT NOT NULL,
    first_snapshot INTEGER NOT NULL,
    last_snapshot INTEGER NOT NULL
  );
  CREATE INDEX records_by_dataset ON records(dataset, at);
  -- Which snapshots contained which records (no foreign keys: checked per row they would double
  -- the cost of a million-row import; snapshot deletion maintains this table itself).
  CREATE TABLE record_snapshots (
    snapshot_id INTEGER NOT NULL,
    record_id INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, record_id)
  ) WITHOUT ROWID;
  CREATE TABLE snapshot_values (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    dataset TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT,
    PRIMARY KEY (snapshot_id, dataset, key)
  ); -- a rowid table: rowid keeps the export's key order
  CREATE TABLE snapshot_sections (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    raw TEXT NOT NULL,
    empty INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, path)
  );
  CREATE TABLE snapshot_warnings (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    path TEXT NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, seq)
  );
  `,
  // 2: change tracking. Fingerprints of records the user asked to forget for good (the importer
  // skips them, so re-importing an older export does not bring them back), and records the user
  // marks as deleted by them on a date (a later export that still holds one is flagged).
  `
  CREATE TABLE tombstones (
    fp_hi INTEGER NOT NULL,
    fp_lo INTEGER NOT NULL,
    dataset TEXT NOT NULL,
    forgotten_at INTEGER NOT NULL,
    PRIMARY KEY (fp_hi, fp_lo)
  ) WITHOUT ROWID;
  CREATE TABLE deletion_marks (
    record_id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    deleted_at INTEGER NOT NULL,
    marked_at INTEGER NOT NULL,
    note TEXT
  );
  `,
  // 3: a record's last snapshot moves to a narrow table of its own. Every import marks each record
  // it holds as seen in it; in `records`, whose pages also hold the data, re-importing a million
  // records rewrote the whole archive (and the WAL twice over) to change one number per row.
  // A record with no row here was last seen where it was first seen (after one import, that is
  // every record: the first import of a million records writes nothing here).
  `
  CREATE TABLE record_last (
    record_id INTEGER PRIMARY KEY,
    snapshot_id INTEGER NOT NULL
  );
  INSERT INTO record_last (record_id, snapshot_id) SELECT id, last_snapshot FROM records WHERE last_snapshot <> first_snapshot;
  ALTER TABLE records DROP COLUMN last_snapshot;
  -- The importer's copy of each dataset's (fp_hi, fp_lo, id), packed as float64 triplets, one chunk
  -- per import that added records: loading a million fingerprints is then one read instead of a
  -- million rows. Derived data: n and id_sum are checked against records before a chunk is trusted,
  -- and a stale dataset is rebuilt from records (store/known-records.ts).
  CREATE TABLE fingerprint_chunks (
    dataset TEXT NOT NULL,
    seq INTEGER NOT NULL,
    n INTEGER NOT NULL,
    id_sum INTEGER NOT NULL,
    fps BLOB NOT NULL,
    PRIMARY KEY (dataset, seq)
  );
  `,
  // 4: import warnings as a code and parameters (contract.ts IMPORT_WARNING_CODES) instead of an
  // English sentence, so each door words them in its language. Warnings stored before keep their
  // sentence as code 'legacy' with params {"text": …}.
  `
  CREATE TABLE snapshot_warnings_v4 (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    path TEXT NOT NULL,
    code TEXT NOT NULL,
    params TEXT NOT NULL DEFAULT '{}', -- JSON object of plain values
    PRIMARY KEY (snapshot_id, seq)
  );
  INSERT INTO snapshot_warnings_v4 (snapshot_id, seq, path, code, params)
    SELECT snapshot_id, seq, path, 'legacy', json_object('text', message) FROM snapshot_warnings;
  DROP TABLE snapshot_warnings;
  ALTER TABLE snapshot_warnings_v4 RENAME TO snapshot_warnings;
  `,
  // 5: the person's checklist (what they entered is theirs: no foreign key to snapshots, so
  // deleting a snapshot or forgetting records never touches it). A step's state, who decided it
  // (an export: snapshot_id, its export time and the observed value; or the person, on decided_at)
  // and their note; the questionnaire's answers (one row); re-check reminders per checklist (area);
  // rights requests sent.
  `
  CREATE TABLE checklist_steps (
    step_id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('todo', 'done', 'skipped', 'not-applicable', 'needs-attention')),
    decided_by TEXT CHECK (decided_by IN ('snapshot', 'user')),
    observed TEXT,
    snapshot_id INTEGER,
    exported_at INTEGER,
    decided_at INTEGER,
    note TEXT
  );
  CREATE TABLE checklist_answers (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    answers TEXT NOT NULL, -- JSON: the questionnaire (shared/checklists.ts Answers)
    answered_at INTEGER NOT NULL
  );
  CREATE TABLE checklist_reminders (
    checklist_id TEXT PRIMARY KEY,
    interval_days INTEGER NOT NULL CHECK (interval_days > 0),
    set_at INTEGER NOT NULL
  );
  CREATE TABLE rights_requests (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('access', 'deletion', 'copy')),
    law TEXT NOT NULL CHECK (law IN ('gdpr', 'ccpa')),
    lang TEXT NOT NULL CHECK (lang IN ('sv', 'en')),
    sent_on TEXT NOT NULL, -- YYYY-MM-DD
    answered_on TEXT,
    recorded_at INTEGER NOT NULL,
    note TEXT
  );
  `,
  // 6: where each snapshot's export time came from ('file-name' | 'folder-name' | 'newest-record';
  // NULL for snapshots imported before), and one "new": a record or key/value pair is new in a
  // snapshot when no snapshot exported earlier holds it (store/new-counts.ts keeps it from here
  // on). A record's first/last snapshot follow export order; archives imported out of order are
  // repaired (one probe per record and snapshot), and every stored new count is recounted (before,
  // deleting a snapshot left the next one's counts relative to the deleted one).
  `
  ALTER TABLE snapshots ADD COLUMN exported_at_source TEXT;
  CREATE TEMP TABLE m6_ord AS
    SELECT id, row_number() OVER (ORDER BY coalesce(exported_at, imported_at), id) AS pos, row_number() OVER (ORDER BY id) AS by_id FROM snapshots;
  CREATE TEMP TABLE m6_flag AS SELECT EXISTS (SELECT 1 FROM m6_ord WHERE pos <> by_id) AS reordered;
  UPDATE records SET first_snapshot = coalesce((
    SELECT o.id FROM m6_ord o WHERE EXISTS (SELECT 1 FROM record_snapshots rs WHERE rs.snapshot_id = o.id AND rs.record_id = records.id)
    ORDER BY o.pos LIMIT 1), first_snapshot)
  WHERE (SELECT reordered FROM m6_flag);
  CREATE TEMP TABLE m6_last AS
    SELECT r.id AS record_id, r.first_snapshot AS first, (
      SELECT o.id FROM m6_ord o WHERE EXISTS (SELECT 1 FROM record_snapshots rs WHERE rs.snapshot_id = o.id AND rs.record_id = r.id)
      ORDER BY o.pos DESC LIMIT 1) AS last
    FROM records r WHERE (SELECT reordered FROM m6_flag);
  DELETE FROM record_last WHERE (SELECT reordered FROM m6_flag);
  INSERT INTO record_last (record_id, snapshot_id) SELECT record_id, last FROM m6_last WHERE last IS NOT NULL AND last <> first;
  CREATE TEMP TABLE m6_new AS SELECT first_snapshot AS snapshot_id, dataset, count(*) AS n FROM records GROUP BY 1, 2;
  UPDATE snapshot_datasets SET new = coalesce((SELECT n FROM m6_new c WHERE c.snapshot_id = snapshot_datasets.snapshot_id AND c.dataset = snapshot_datasets.dataset), 0);
  UPDATE snapshot_datasets SET new = (
    SELECT count(*) FROM snapshot_values v
    WHERE v.snapshot_id = snapshot_datasets.snapshot_id AND v.dataset = snapshot_datasets.dataset
      AND NOT EXISTS (
        SELECT 1 FROM snapshot_values e JOIN m6_ord oe ON oe.id = e.snapshot_id
        WHERE e.dataset = v.dataset AND e.key = v.key AND e.value IS v.value
          AND oe.pos < (SELECT pos FROM m6_ord WHERE id = v.snapshot_id)))
  WHERE (snapshot_id, dataset) IN (SELECT DISTINCT snapshot_id, dataset FROM snapshot_values);
  UPDATE snapshots SET new_count = (SELECT coalesce(sum(new), 0) FROM snapshot_datasets WHERE snapshot_id = snapshots.id);
  DROP TABLE temp.m6_ord;
  DROP TABLE temp.m6_flag;
  DROP TABLE temp.m6_last;
  DROP TABLE temp.m6_new;
  `,
  // 7: the register of third-party apps the person has given access (typed by them: TikTok's export
  // lists none), and its history. Nothing here refers to snapshots or records, so deleting a
  // snapshot or forgetting records never touches it. Days are YYYY-MM-DD text (analysis/app-days.ts).
  `
  CREATE TABLE apps (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    website TEXT,
    scopes TEXT NOT NULL DEFAULT '[]', -- JSON list of scope ids (resources/sharing/scopes.json)
    claims TEXT NOT NULL DEFAULT '[]', -- JSON list: who-viewed | free-followers | asked-password
    access TEXT, -- one-time | ongoing, only when the person chose it (no scope decides it)
    granted_on TEXT NOT NULL,
    revoked_on TEXT,
    last_reviewed_on TEXT,
    review_interval_days INTEGER,
    purpose TEXT,
    note TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE app_events (
    id INTEGER PRIMARY KEY,
    app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, -- granted | edited | revoked | reviewed | imported
    day TEXT, -- the day it happened, as the person gave it
    at INTEGER NOT NULL, -- when it was noted (epoch ms)
    details TEXT NOT NULL DEFAULT '{}' -- JSON: the fields an edit changed, from and to
  );
  CREATE INDEX app_events_by_app ON app_events(app_id, id);
  `,
  // 8: full-text search. record_search is an external-content FTS5 index over the text people look
  // for (SEARCH_FIELDS_V5), read through the view record_search_text, and kept in step with
  // records by triggers, so that no writer (import, delete snapshot, forget, a mutable record's
  // refresh) can leave it stale. unicode61 with remove_diacritics 2 makes "ake" find "Åke";
  // prefix indexes make search-as-you-type cheap; FTS5's secure-delete removes a deleted record's
  // tokens from the index itself (not a delete marker beside them), so forgotten text leaves the
  // file once the caller compacts it.
  searchMigration(),
  // 9: what the person said about an alert ("this was me", "resolved"), under the alert's subject
  // (analysis/alert-triage.ts: decision kind + key), so a later export showing the same device or
  // network again is known. Typed by the person: no foreign key to snapshots or records.
  `
  CREATE TABLE alert_decisions (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('me', 'resolved')),
    decided_at INTEGER NOT NULL,
    note TEXT,
    PRIMARY KEY (kind, key)
  ) WITHOUT ROWID;
  `,
  // 10: a narrow, indexed table of field values (store/field-values.ts), so that sorting, filtering
  // and counting a dataset by a field reads an index instead of every record's JSON. One row per
  // record and covered field (record_value_fields: which fields of a dataset are covered; every
  // record of it has exactly one row per covered field); v is the value as `data ->> field` gives
  // it (numbers stay numbers, so they sort as numbers), a missing or null value is -Infinity
  // (-9e999), which sorts where SQLite sorts NULL (before numbers and text) and, unlike NULL, can be
  // matched by equality; text orders as people read it (ASCII case folded). `date` is left out:
  // the record's time is the `at` column. Triggers keep it in step with every writer; the import
  // writer fills it in bulk inside its transaction. Nothing is covered here: a field is covered the
  // first time a query needs it (field-values.ts coverFields), so an archive never pays, in import
  // time and file size, for fields nobody sorts, filters or counts by.
  `
  CREATE TABLE record_value_fields (
    dataset TEXT NOT NULL,
    field TEXT NOT NULL,
    PRIMARY KEY (dataset, field)
  ) WITHOUT ROWID;
  CREATE TABLE record_values (
    dataset TEXT NOT NULL,
    field TEXT NOT NULL,
    v COLLATE NOCASE,
    record_id INTEGER NOT NULL,
    PRIMARY KEY (dataset, field, v, record_id)
  ) WITHOUT ROWID;
  CREATE TRIGGER record_values_insert AFTER INSERT ON records BEGIN
    INSERT INTO record_values (dataset, field, v, record_id)
      SELECT NEW.dataset, f.field, coalesce(NEW.data ->> ('$."' || replace(replace(f.field, '\\', '\\\\'), '"', '\\"') || '"'), -9e999), NEW.id FROM record_value_fields f WHERE f.dataset = NEW.dataset;
  END;
  CREATE TRIGGER record_values_delete AFTER DELETE ON records BEGIN
    DELETE FROM record_values WHERE (dataset, field, v, record_id) IN (
      SELECT OLD.dataset, f.field, coalesce(OLD.data ->> ('$."' || replace(replace(f.field, '\\', '\\\\'), '"', '\\"') || '"'), -9e999), OLD.id FROM record_value_fields f WHERE f.dataset = OLD.dataset);
  END;
  CREATE TRIGGER record_values_update AFTER UPDATE OF dataset, data ON records BEGIN
    DELETE FROM record_values WHERE (dataset, field, v, record_id) IN (
      SELECT OLD.dataset, f.field, coalesce(OLD.data ->> ('$."' || replace(replace(f.field, '\\', '\\\\'), '"', '\\"') || '"'), -9e999), OLD.id FROM record_value_fields f WHERE f.dataset = OLD.dataset);
    INSERT INTO record_values (dataset, field, v, record_id)
      SELECT NEW.dataset, f.field, coalesce(NEW.data ->> ('$."' || replace(replace(f.field, '\\', '\\\\'), '"', '\\"') || '"'), -9e999), NEW.id FROM record_value_fields f WHERE f.dataset = NEW.dataset;
  END;
  `,
  // 11: a covered field may be pending (store/field-values.ts): the import writer no longer fills
  // the values of the records it adds (that copy was up to a third of a large import's time) but
  // notes from which record id they are missing; the values are filled after the import commits,
  // in the background (import/prepare.ts), or by the first query that needs them. NULL: complete.
  `
  ALTER TABLE record_value_fields ADD COLUMN pending_from INTEGER;
  `,
  // 12: where each address of a covered `ip` field is (store/ip-places.ts): what the offline
  // databases say of it (country, network owner), read once by the preparation after an import,
  // so that a table of logins, its country and network facets and filters read a table instead of
  // loading the databases and looking up 50,000 addresses. `source`: the databases' versions (a
  // newer app reads them again). A place goes when the last value of its address in the field
  // values does (forgetting, deleting a snapshot): the archive keeps no address it no longer holds.
  `
  CREATE TABLE ip_places (
    ip TEXT NOT NULL PRIMARY KEY,
    source TEXT NOT NULL,
    valid INTEGER NOT NULL,
    reserved INTEGER NOT NULL,
    country TEXT,
    asn INTEGER,
    org TEXT
  ) WITHOUT ROWID;
  CREATE TRIGGER ip_places_delete AFTER DELETE ON record_values WHEN OLD.field = 'ip' AND typeof(OLD.v) = 'text' BEGIN
    DELETE FROM ip_places WHERE ip = OLD.v AND NOT EXISTS (
      SELECT 1 FROM record_value_fields f CROSS JOIN record_values v
      WHERE f.field = 'ip' AND v.dataset = f.dataset AND v.field = 'ip' AND v.v = OLD.v AND v.v COLLATE BINARY = OLD.v);
  END;
  `,
  // 13: answers worth keeping across starts (store/kept-answers.ts): the comparison of two exports,
  // the charts, the checklists' evidence, each worked out in a second or so on a large archive and
  // asked for on the first Home visit. Each is kept with the state of the archive it was worked out
  // on (`state`) and read only while that state holds. The triggers delete them the moment the
  // archive changes (an import, a deleted snapshot, forgotten records; deletion marks change the
  // comparisons only), so text of forgotten records never stays behind in a kept answer.
  `
  CREATE TABLE kept_answers (
    name TEXT NOT NULL PRIMARY KEY,
    state TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE TRIGGER kept_answers_snapshot_insert AFTER INSERT ON snapshots BEGIN DELETE FROM kept_answers; END;
  CREATE TRIGGER kept_answers_snapshot_update AFTER UPDATE ON snapshots BEGIN DELETE FROM kept_answers; END;
  CREATE TRIGGER kept_answers_snapshot_delete AFTER DELETE ON snapshots BEGIN DELETE FROM kept_answers; END;
  CREATE TRIGGER kept_answers_forget AFTER INSERT ON tombstones BEGIN DELETE FROM kept_answers; END;
  CREATE TRIGGER kept_answers_mark_insert AFTER INSERT ON deletion_marks BEGIN DELETE FROM kept_answers WHERE name GLOB 'diff:*'; END;
  CREATE TRIGGER kept_answers_mark_update AFTER UPDATE ON deletion_marks BEGIN DELETE FROM kept_answers WHERE name GLOB 'diff:*'; END;
  CREATE TRIGGER kept_answers_mark_delete AFTER DELETE ON deletion_marks BEGIN DELETE FROM kept_answers WHERE name GLOB 'diff:*'; END;
  `,
];
