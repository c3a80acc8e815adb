-- Footprint's archive: the current schema, whole, in one place. One SQLite file holds every
-- imported export (a snapshot) and every distinct record ever seen in one (de-duplicated across
-- snapshots by a fingerprint), so that what changed between exports can be answered with set
-- operations. The file may be encrypted at rest (SQLite3 Multiple Ciphers, see store/cipher.ts).
--
-- This file is not run: databases are built and brought forward by store/migrations.ts (append-only,
-- one transaction, PRAGMA user_version). test/schema.test.ts migrates an empty database and
-- compares it with this file, so the two cannot drift: a new migration updates this file too.
--
-- Connection-local scratch tables (temp schema, in memory, never in the file): temp.diff_sets
-- (store/changes.ts: the records added and gone between two snapshots), temp.alert_rows and
-- temp.alert_base (store/new-values.ts: the fields alerts compare, the snapshots seen before),
-- temp.forget_ids and temp.forget_counts (store/forget.ts).

PRAGMA user_version = 13;

-- One row per imported export. sha256 is the export's content hash (the same export as ZIP or
-- folder is one snapshot; importing it again is refused). exported_at is when TikTok made the export
-- (or the newest plausible record time); snapshots are compared in that order, not import order.
-- exported_at_source says where that time came from: 'file-name' (TikTok_Data_<epoch>.zip),
-- 'folder-name' (the folder it was unzipped to), 'newest-record'; NULL before migration 6.
-- The counts are the snapshot's records, those new to the archive (held by no snapshot exported
-- earlier: store/new-counts.ts keeps them on import and delete), and exact duplicate rows.
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
  , exported_at_source TEXT);

-- Which datasets a snapshot contained: a dataset missing from a snapshot was not requested,
-- which is different from being emptied. oldest/newest are the time window the export covers for
-- the dataset (what "aged out" is measured against).
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

-- One row per distinct record ever seen, kept after it vanishes from later exports. fp_hi/fp_lo
-- are a 106-bit hash of the dataset and its identifying fields, as two 53-bit integers; not
-- indexed: the importer de-duplicates in memory (store/known-records.ts). data is the record's
-- canonical fields as JSON (the latest export's, for mutable datasets); at its time (epoch ms).
CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    dataset TEXT NOT NULL,
    fp_hi INTEGER NOT NULL,
    fp_lo INTEGER NOT NULL,
    at INTEGER,
    data TEXT NOT NULL,
    first_snapshot INTEGER NOT NULL);

-- Pages of a dataset newest first, without a sort.
CREATE INDEX records_by_dataset ON records(dataset, at);

-- Which snapshots contained which records: the table every diff is a merge over. No foreign keys:
-- checked per row they would double the cost of a million-row import; deleting a snapshot or
-- forgetting records maintains it.
CREATE TABLE record_snapshots (
    snapshot_id INTEGER NOT NULL,
    record_id INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, record_id)
  ) WITHOUT ROWID;

-- Datasets that are key/value pairs (profile, settings) per snapshot; a rowid table so that rowid
-- keeps the export's key order.
CREATE TABLE snapshot_values (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    dataset TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT,
    PRIMARY KEY (snapshot_id, dataset, key)
  );

-- Sections of an export Footprint does not understand, kept raw so nothing is lost.
CREATE TABLE snapshot_sections (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    raw TEXT NOT NULL,
    empty INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, path)
  );

-- What the import noticed about an export (duplicate rows, skipped forgotten records, …), in order,
-- as a code and its parameters (JSON): the doors word them (warning.<code>) in the user's language.
-- Rows from before migration 4 are code 'legacy' with their English text as {"text"}.
CREATE TABLE snapshot_warnings (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    path TEXT NOT NULL,
    code TEXT NOT NULL,
    params TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (snapshot_id, seq)
  );

-- Fingerprints of records the user asked to forget for good: the importer skips them, so
-- re-importing an older export does not bring them back. Nothing else of the record is kept.
CREATE TABLE tombstones (
    fp_hi INTEGER NOT NULL,
    fp_lo INTEGER NOT NULL,
    dataset TEXT NOT NULL,
    forgotten_at INTEGER NOT NULL,
    PRIMARY KEY (fp_hi, fp_lo)
  ) WITHOUT ROWID;

-- Records the user marks as deleted by them on a date: a later export that still holds one is
-- flagged ("still there after deletion").
CREATE TABLE deletion_marks (
    record_id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    deleted_at INTEGER NOT NULL,
    marked_at INTEGER NOT NULL,
    note TEXT
  );

-- A record's last snapshot, in a narrow table of its own: every import marks each record it holds
-- as seen in it, and in `records` (whose pages also hold the data) that rewrote the whole archive.
-- A record with no row here was last seen where it was first seen.
CREATE TABLE record_last (
    record_id INTEGER PRIMARY KEY,
    snapshot_id INTEGER NOT NULL
  );

-- The importer's copy of each dataset's (fp_hi, fp_lo, id), packed as float64 triplets, one chunk
-- per import that added records: loading a million fingerprints is one read instead of a million
-- rows. Derived data: n and id_sum are checked against records before a chunk is trusted, and a
-- stale dataset is rebuilt from records (store/known-records.ts).
CREATE TABLE fingerprint_chunks (
    dataset TEXT NOT NULL,
    seq INTEGER NOT NULL,
    n INTEGER NOT NULL,
    id_sum INTEGER NOT NULL,
    fps BLOB NOT NULL,
    PRIMARY KEY (dataset, seq)
  );

-- The person's checklist: what they entered is theirs, so no table here refers to snapshots with a
-- foreign key (deleting a snapshot or forgetting records never touches it). A step's state and who
-- decided it: an export (snapshot_id, its exported_at and the observed value) or the person (on
-- decided_at); their note survives every change of state.
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

-- The questionnaire's answers (one row, JSON as shared/checklists.ts Answers).
CREATE TABLE checklist_answers (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    answers TEXT NOT NULL,
    answered_at INTEGER NOT NULL
  );

-- Re-check reminders, per checklist (an area of the hardening steps): every interval_days a fresh
-- export is due to verify it again.
CREATE TABLE checklist_reminders (
    checklist_id TEXT PRIMARY KEY,
    interval_days INTEGER NOT NULL CHECK (interval_days > 0),
    set_at INTEGER NOT NULL
  );

-- Rights requests the person sent (access, deletion, a copy), under which law and in which
-- language, the day sent (YYYY-MM-DD) and the day answered, if it was.
CREATE TABLE rights_requests (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('access', 'deletion', 'copy')),
    law TEXT NOT NULL CHECK (law IN ('gdpr', 'ccpa')),
    lang TEXT NOT NULL CHECK (lang IN ('sv', 'en')),
    sent_on TEXT NOT NULL,
    answered_on TEXT,
    recorded_at INTEGER NOT NULL,
    note TEXT
  );

-- The register of third-party apps the person has given access to their TikTok account: typed by
-- them (the export lists none), so no snapshot or record refers to it and deleting a snapshot or
-- forgetting records never touches it. scopes and claims are JSON lists of ids; access is set only
-- when the person chose it (no scope decides it); days are YYYY-MM-DD text.
CREATE TABLE apps (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    website TEXT,
    scopes TEXT NOT NULL DEFAULT '[]',
    claims TEXT NOT NULL DEFAULT '[]',
    access TEXT,
    granted_on TEXT NOT NULL,
    revoked_on TEXT,
    last_reviewed_on TEXT,
    review_interval_days INTEGER,
    purpose TEXT,
    note TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );

-- Each app's history: granted, edited (details: the fields changed, from and to), revoked,
-- reviewed, imported; day is the day it happened as the person gave it, at when it was noted.
-- Removing an app (an entry made by mistake) removes its history with it.
CREATE TABLE app_events (
    id INTEGER PRIMARY KEY,
    app_id INTEGER NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    day TEXT,
    at INTEGER NOT NULL,
    details TEXT NOT NULL DEFAULT '{}'
  );

-- An app's history in order.
CREATE INDEX app_events_by_app ON app_events(app_id, id);

-- Full-text search (store/search.ts). The text people look for, per dataset, is the record's
-- searchable fields joined by spaces (migrations.ts SEARCH_FIELDS_V5, the catalog's `searchable`).
-- record_search is an external-content FTS5 index read through this view: the text itself stays in
-- records, the index holds tokens only. Diacritics are folded (remove_diacritics 2: "ake" finds
-- "Åke"); the 2- and 3-character prefix indexes serve search as you type.
CREATE VIEW record_search_text (id, text) AS SELECT r.id, CASE r.dataset
      WHEN 'comments' THEN concat_ws(' ', r.data ->> 'comment')
      WHEN 'messages' THEN concat_ws(' ', r.data ->> 'content', r.data ->> 'from')
      WHEN 'searches' THEN concat_ws(' ', r.data ->> 'term')
      WHEN 'posts' THEN concat_ws(' ', r.data ->> 'title')
      WHEN 'deleted_posts' THEN concat_ws(' ', r.data ->> 'title')
      WHEN 'hashtags_used' THEN concat_ws(' ', r.data ->> 'name')
      WHEN 'off_tiktok_activity' THEN concat_ws(' ', r.data ->> 'source', r.data ->> 'event')
      WHEN 'ad_interests' THEN concat_ws(' ', r.data ->> 'name')
      WHEN 'ad_partners' THEN concat_ws(' ', r.data ->> 'name')
      WHEN 'ads_visits' THEN concat_ws(' ', r.data ->> 'title')
      WHEN 'followers' THEN concat_ws(' ', r.data ->> 'username')
      WHEN 'following' THEN concat_ws(' ', r.data ->> 'username')
      WHEN 'blocked' THEN concat_ws(' ', r.data ->> 'username')
      WHEN 'purchases' THEN concat_ws(' ', r.data ->> 'username')
      WHEN 'live_comments' THEN concat_ws(' ', r.data ->> 'content')
      WHEN 'live_go_history' THEN concat_ws(' ', r.data ->> 'title')
      WHEN 'location_reviews' THEN concat_ws(' ', r.data ->> 'place', r.data ->> 'text')
      WHEN 'favorite_collections' THEN concat_ws(' ', r.data ->> 'name')
      WHEN 'shop_messages' THEN concat_ws(' ', r.data ->> 'content') END
    FROM records r WHERE r.dataset IN ('comments', 'messages', 'searches', 'posts', 'deleted_posts', 'hashtags_used', 'off_tiktok_activity', 'ad_interests', 'ad_partners', 'ads_visits', 'followers', 'following', 'blocked', 'purchases', 'live_comments', 'live_go_history', 'location_reviews', 'favorite_collections', 'shop_messages');

CREATE VIRTUAL TABLE record_search USING fts5(text, content='record_search_text', content_rowid='id', columnsize=0, tokenize='unicode61 remove_diacritics 2', prefix='2 3');

-- secure-delete: deleting a document removes its tokens from the index instead of adding a delete
-- marker beside them, so forgotten text leaves the file when it is compacted.
INSERT INTO record_search (record_search, rank) VALUES ('secure-delete', 1);

-- The triggers keep the index in step with records whatever writes them: the import writer, a
-- mutable record's refresh, deleting a snapshot, forgetting records.
CREATE TRIGGER record_search_insert AFTER INSERT ON records WHEN NEW.dataset IN ('comments', 'messages', 'searches', 'posts', 'deleted_posts', 'hashtags_used', 'off_tiktok_activity', 'ad_interests', 'ad_partners', 'ads_visits', 'followers', 'following', 'blocked', 'purchases', 'live_comments', 'live_go_history', 'location_reviews', 'favorite_collections', 'shop_messages') BEGIN
    INSERT INTO record_search (rowid, text) VALUES (NEW.id, CASE NEW.dataset
      WHEN 'comments' THEN concat_ws(' ', NEW.data ->> 'comment')
      WHEN 'messages' THEN concat_ws(' ', NEW.data ->> 'content', NEW.data ->> 'from')
      WHEN 'searches' THEN concat_ws(' ', NEW.data ->> 'term')
      WHEN 'posts' THEN concat_ws(' ', NEW.data ->> 'title')
      WHEN 'deleted_posts' THEN concat_ws(' ', NEW.data ->> 'title')
      WHEN 'hashtags_used' THEN concat_ws(' ', NEW.data ->> 'name')
      WHEN 'off_tiktok_activity' THEN concat_ws(' ', NEW.data ->> 'source', NEW.data ->> 'event')
      WHEN 'ad_interests' THEN concat_ws(' ', NEW.data ->> 'name')
      WHEN 'ad_partners' THEN concat_ws(' ', NEW.data ->> 'name')
      WHEN 'ads_visits' THEN concat_ws(' ', NEW.data ->> 'title')
      WHEN 'followers' THEN concat_ws(' ', NEW.data ->> 'username')
      WHEN 'following' THEN concat_ws(' ', NEW.data ->> 'username')
      WHEN 'blocked' THEN concat_ws(' ', NEW.data ->> 'username')
      WHEN 'purchases' THEN concat_ws(' ', NEW.data ->> 'username')
      WHEN 'live_comments' THEN concat_ws(' ', NEW.data ->> 'content')
      WHEN 'live_go_history' THEN concat_ws(' ', NEW.data ->> 'title')
      WHEN 'location_reviews' THEN concat_ws(' ', NEW.data ->> 'place', NEW.data ->> 'text')
      WHEN 'favorite_collections' THEN concat_ws(' ', NEW.data ->> 'name')
      WHEN 'shop_messages' THEN concat_ws(' ', NEW.data ->> 'content') END);
  END;

CREATE TRIGGER record_search_delete AFTER DELETE ON records WHEN OLD.dataset IN ('comments', 'messages', 'searches', 'posts', 'deleted_posts', 'hashtags_used', 'off_tiktok_activity', 'ad_interests', 'ad_partners', 'ads_visits', 'followers', 'following', 'blocked', 'purchases', 'live_comments', 'live_go_history', 'location_reviews', 'favorite_collections', 'shop_messages') BEGIN
    INSERT INTO record_search (record_search, rowid, text) VALUES ('delete', OLD.id, CASE OLD.dataset
      WHEN 'comments' THEN concat_ws(' ', OLD.data ->> 'comment')
      WHEN 'messages' THEN concat_ws(' ', OLD.data ->> 'content', OLD.data ->> 'from')
      WHEN 'searches' THEN concat_ws(' ', OLD.data ->> 'term')
      WHEN 'posts' THEN concat_ws(' ', OLD.data ->> 'title')
      WHEN 'deleted_posts' THEN concat_ws(' ', OLD.data ->> 'title')
      WHEN 'hashtags_used' THEN concat_ws(' ', OLD.data ->> 'name')
      WHEN 'off_tiktok_activity' THEN concat_ws(' ', OLD.data ->> 'source', OLD.data ->> 'event')
      WHEN 'ad_interests' THEN concat_ws(' ', OLD.data ->> 'name')
      WHEN 'ad_partners' THEN concat_ws(' ', OLD.data ->> 'name')
      WHEN 'ads_visits' THEN concat_ws(' ', OLD.data ->> 'title')
      WHEN 'followers' THEN concat_ws(' ', OLD.data ->> 'username')
      WHEN 'following' THEN concat_ws(' ', OLD.data ->> 'username')
      WHEN 'blocked' THEN concat_ws(' ', OLD.data ->> 'username')
      WHEN 'purchases' THEN concat_ws(' ', OLD.data ->> 'username')
      WHEN 'live_comments' THEN concat_ws(' ', OLD.data ->> 'content')
      WHEN 'live_go_history' THEN concat_ws(' ', OLD.data ->> 'title')
      WHEN 'location_reviews' THEN concat_ws(' ', OLD.data ->> 'place', OLD.data ->> 'text')
      WHEN 'favorite_collections' THEN concat_ws(' ', OLD.data ->> 'name')
      WHEN 'shop_messages' THEN concat_ws(' ', OLD.data ->> 'content') END);
  END;

CREATE TRIGGER record_search_update AFTER UPDATE OF dataset, data ON records WHEN OLD.dataset IN ('comments', 'messages', 'searches', 'posts', 'deleted_posts', 'hashtags_used', 'off_tiktok_activity', 'ad_interests', 'ad_partners', 'ads_visits', 'followers', 'following', 'blocked', 'purchases', 'live_comments', 'live_go_history', 'location_reviews', 'favorite_collections', 'shop_messages') OR NEW.dataset IN ('comments', 'messages', 'searches', 'posts', 'deleted_posts', 'hashtags_used', 'off_tiktok_activity', 'ad_interests', 'ad_partners', 'ads_visits', 'followers', 'following', 'blocked', 'purchases', 'live_comments', 'live_go_history', 'location_reviews', 'favorite_collections', 'shop_messages') BEGIN
    INSERT INTO record_search (record_search, rowid, text) SELECT 'delete', OLD.id, CASE OLD.dataset
      WHEN 'comments' THEN concat_ws(' ', OLD.data ->> 'comment')
      WHEN 'messages' THEN concat_ws(' ', OLD.data ->> 'content', OLD.data ->> 'from')
      WHEN 'searches' THEN concat_ws(' ', OLD.data ->> 'term')
      WHEN 'posts' THEN concat_ws(' ', OLD.data ->> 'title')
      WHEN 'deleted_posts' THEN concat_ws(' ', OLD.data ->> 'title')
      WHEN 'hashtags_used' THEN concat_ws(' ', OLD.data ->> 'name')
      WHEN 'off_tiktok_activity' THEN concat_ws(' ', OLD.data ->> 'source', OLD.data ->> 'event')
      WHEN 'ad_interests' THEN concat_ws(' ', OLD.data ->> 'name')
      WHEN 'ad_partners' THEN concat_ws(' ', OLD.data ->> 'name')
      WHEN 'ads_visits' THEN concat_ws(' ', OLD.data ->> 'title')
      WHEN 'followers' THEN concat_ws(' ', OLD.data ->> 'username')
      WHEN 'following' THEN concat_ws(' ', OLD.data ->> 'username')
      WHEN 'blocked' THEN concat_ws(' ', OLD.data ->> 'username')
      WHEN 'purchases' THEN concat_ws(' ', OLD.data ->> 'username')
      WHEN 'live_comments' THEN concat_ws(' ', OLD.data ->> 'content')
      WHEN 'live_go_history' THEN concat_ws(' ', OLD.data ->> 'title')
      WHEN 'location_reviews' THEN concat_ws(' ', OLD.data ->> 'place', OLD.data ->> 'text')
      WHEN 'favorite_collections' THEN concat_ws(' ', OLD.data ->> 'name')
      WHEN 'shop_messages' THEN concat_ws(' ', OLD.data ->> 'content') END WHERE OLD.dataset IN ('comments', 'messages', 'searches', 'posts', 'deleted_posts', 'hashtags_used', 'off_tiktok_activity', 'ad_interests', 'ad_partners', 'ads_visits', 'followers', 'following', 'blocked', 'purchases', 'live_comments', 'live_go_history', 'location_reviews', 'favorite_collections', 'shop_messages');
    INSERT INTO record_search (rowid, text) SELECT NEW.id, CASE NEW.dataset
      WHEN 'comments' THEN concat_ws(' ', NEW.data ->> 'comment')
      WHEN 'messages' THEN concat_ws(' ', NEW.data ->> 'content', NEW.data ->> 'from')
      WHEN 'searches' THEN concat_ws(' ', NEW.data ->> 'term')
      WHEN 'posts' THEN concat_ws(' ', NEW.data ->> 'title')
      WHEN 'deleted_posts' THEN concat_ws(' ', NEW.data ->> 'title')
      WHEN 'hashtags_used' THEN concat_ws(' ', NEW.data ->> 'name')
      WHEN 'off_tiktok_activity' THEN concat_ws(' ', NEW.data ->> 'source', NEW.data ->> 'event')
      WHEN 'ad_interests' THEN concat_ws(' ', NEW.data ->> 'name')
      WHEN 'ad_partners' THEN concat_ws(' ', NEW.data ->> 'name')
      WHEN 'ads_visits' THEN concat_ws(' ', NEW.data ->> 'title')
      WHEN 'followers' THEN concat_ws(' ', NEW.data ->> 'username')
      WHEN 'following' THEN concat_ws(' ', NEW.data ->> 'username')
      WHEN 'blocked' THEN concat_ws(' ', NEW.data ->> 'username')
      WHEN 'purchases' THEN concat_ws(' ', NEW.data ->> 'username')
      WHEN 'live_comments' THEN concat_ws(' ', NEW.data ->> 'content')
      WHEN 'live_go_history' THEN concat_ws(' ', NEW.data ->> 'title')
      WHEN 'location_reviews' THEN concat_ws(' ', NEW.data ->> 'place', NEW.data ->> 'text')
      WHEN 'favorite_collections' THEN concat_ws(' ', NEW.data ->> 'name')
      WHEN 'shop_messages' THEN concat_ws(' ', NEW.data ->> 'content') END WHERE NEW.dataset IN ('comments', 'messages', 'searches', 'posts', 'deleted_posts', 'hashtags_used', 'off_tiktok_activity', 'ad_interests', 'ad_partners', 'ads_visits', 'followers', 'following', 'blocked', 'purchases', 'live_comments', 'live_go_history', 'location_reviews', 'favorite_collections', 'shop_messages');
  END;

-- What the person said about an alert: 'me' ("this was me") or 'resolved', under the alert's
-- subject (analysis/alert-triage.ts: the decision kind and key, e.g. new-device + the model,
-- new-ip + "AS<n>|<country>"), so a later export that shows the same device or network again reads
-- as known. Typed by the person: nothing refers to snapshots or records, so deleting a snapshot or
-- forgetting records never touches it.
CREATE TABLE alert_decisions (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('me', 'resolved')),
    decided_at INTEGER NOT NULL,
    note TEXT,
    PRIMARY KEY (kind, key)
  ) WITHOUT ROWID;

-- Field values (store/field-values.ts): which fields of a dataset have their values in
-- record_values. Every record of the dataset has exactly one row there per field listed here,
-- except, while pending_from is set, records with a greater id (an import added them; their values
-- are filled after it commits). A field not listed, or pending, is sorted and filtered from the
-- records' JSON instead. Fields are covered after each import (import/prepare.ts) or the first
-- time a query needs them (sort, value filter, facet), in one sorted pass.
CREATE TABLE record_value_fields (
    dataset TEXT NOT NULL,
    field TEXT NOT NULL,
    pending_from INTEGER,
    PRIMARY KEY (dataset, field)
  ) WITHOUT ROWID;

-- A record's value of a covered field, indexed, so that sorting, filtering and counting a dataset
-- by a field is a range of this index instead of a scan of every record's JSON. v is the value as
-- `data ->> field` gives it (numbers stay numbers); a missing or null value is -Infinity (-9e999),
-- which sorts where SQLite sorts NULL and can be matched by equality; text compares with ASCII case
-- folded (NOCASE), as the table sorts. `date` is not covered: the record's time is records.at.
CREATE TABLE record_values (
    dataset TEXT NOT NULL,
    field TEXT NOT NULL,
    v COLLATE NOCASE,
    record_id INTEGER NOT NULL,
    PRIMARY KEY (dataset, field, v, record_id)
  ) WITHOUT ROWID;

-- Kept in step with records by every writer (the import writer fills it in bulk instead, inside its
-- transaction: store/field-values.ts). Deletes find each row by its whole key.
CREATE TRIGGER record_values_insert AFTER INSERT ON records BEGIN
    INSERT INTO record_values (dataset, field, v, record_id)
      SELECT NEW.dataset, f.field, coalesce(NEW.data ->> ('$."' || replace(replace(f.field, '\', '\\'), '"', '\"') || '"'), -9e999), NEW.id FROM record_value_fields f WHERE f.dataset = NEW.dataset;
  END;

CREATE TRIGGER record_values_delete AFTER DELETE ON records BEGIN
    DELETE FROM record_values WHERE (dataset, field, v, record_id) IN (
      SELECT OLD.dataset, f.field, coalesce(OLD.data ->> ('$."' || replace(replace(f.field, '\', '\\'), '"', '\"') || '"'), -9e999), OLD.id FROM record_value_fields f WHERE f.dataset = OLD.dataset);
  END;

CREATE TRIGGER record_values_update AFTER UPDATE OF dataset, data ON records BEGIN
    DELETE FROM record_values WHERE (dataset, field, v, record_id) IN (
      SELECT OLD.dataset, f.field, coalesce(OLD.data ->> ('$."' || replace(replace(f.field, '\', '\\'), '"', '\"') || '"'), -9e999), OLD.id FROM record_value_fields f WHERE f.dataset = OLD.dataset);
    INSERT INTO record_values (dataset, field, v, record_id)
      SELECT NEW.dataset, f.field, coalesce(NEW.data ->> ('$."' || replace(replace(f.field, '\', '\\'), '"', '\"') || '"'), -9e999), NEW.id FROM record_value_fields f WHERE f.dataset = NEW.dataset;
  END;

-- Where each address of a covered `ip` field is (store/ip-places.ts): what the offline databases
-- (package versions in `source`) say of it, read once by the preparation after an import. `valid`:
-- the text is an IP address; `reserved`: private, loopback, documentation… A place goes when the
-- last value of its address in the field values does.
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

-- Answers worth keeping across starts (store/kept-answers.ts): the comparison of two exports, the
-- charts, the checklists' evidence, a table's first facets, Sharing's parties and app facts, each
-- read only while the archive is in the `state` it was worked out on. The triggers delete them when the archive changes (deletion marks change only
-- the comparisons), so a forgotten record's text never stays behind in one.
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
