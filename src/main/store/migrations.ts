// Schema history. Append a migration, never edit one that has shipped: user databases carry
// PRAGMA user_version and are brought forward one step at a time, in one transaction.
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
  // 5: the register of third-party apps the person has given access (typed by them: TikTok's export
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
];
