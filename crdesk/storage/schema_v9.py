"""Schema 9: records management (issue 17): restriction, purge, and what a purge keeps.

- ``patients.restricted`` and ``record_restrictions``: a record restricted at the patient's
  request stays, but is held back from every export and every shared service report until
  released. Each restrict and release is a row here with its reason (inside the encrypted
  database; the audit row names only the patient id).
- ``purges``: one row per purged patient: a random pseudonymous reference, why (retention
  or the patient's request, with the reason typed), who, when, and how much was removed.
  The patient's own rows are deleted; this row holds no identifier.
- ``export_items`` is rebuilt without its foreign key to ``episodes``: the ledger keeps the
  episode id and row hash of everything sent after the episode itself is purged, which is
  what proves what was sent (the row hash is a SHA-256 of the row's values).
- ``export_package_removals``: a batch whose stored package held a purged patient's row
  loses that package (it is the unencrypted zip of identifiable rows); its SHA-256 is kept
  here, so the package the receiver holds can still be matched to the ledger.
- ``id_floor``: the highest id a purge removed per table, so a new patient, episode or
  response never takes a purged one's id (audit entries and ledger items refer to ids).
- The opt-out history stays append-only except for the one patient a purge is removing
  (``purge_in_progress`` holds that id only inside the purge's transaction).
"""

STATEMENTS = (
    "ALTER TABLE patients ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0",
    """CREATE TABLE record_restrictions (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients (id),
        action TEXT NOT NULL CHECK (action IN ('restrict', 'release')),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        actor TEXT NOT NULL,
        at TEXT NOT NULL)""",
    "CREATE INDEX record_restrictions_patient ON record_restrictions (patient_id, id)",
    """CREATE TABLE purges (
        id INTEGER PRIMARY KEY,
        ref TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('retention', 'request')),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        purged_at TEXT NOT NULL,
        purged_by TEXT NOT NULL,
        patient_id INTEGER NOT NULL,
        episodes INTEGER NOT NULL,
        responses INTEGER NOT NULL,
        batches_touched INTEGER NOT NULL)""",
    """CREATE TABLE export_package_removals (
        sequence INTEGER PRIMARY KEY REFERENCES export_batches (sequence),
        package_sha256 TEXT NOT NULL,
        removed_at TEXT NOT NULL,
        purge_ref TEXT NOT NULL)""",
    """CREATE TABLE id_floor (
        tbl TEXT PRIMARY KEY,
        max_id INTEGER NOT NULL)""",
    "CREATE TABLE purge_in_progress (patient_id INTEGER PRIMARY KEY)",
    # export_items without the foreign key to episodes (SQLite cannot drop a constraint).
    """CREATE TABLE export_items_v9 (
        sequence INTEGER NOT NULL REFERENCES export_batches (sequence),
        episode_id INTEGER NOT NULL,
        row_hash TEXT NOT NULL,
        is_amendment INTEGER NOT NULL,
        PRIMARY KEY (sequence, episode_id)) WITHOUT ROWID""",
    "INSERT INTO export_items_v9 SELECT sequence, episode_id, row_hash, is_amendment"
    " FROM export_items",
    "DROP TABLE export_items",
    "ALTER TABLE export_items_v9 RENAME TO export_items",
    "CREATE INDEX export_items_episode ON export_items (episode_id, sequence)",
    # Append-only still, but for the patient being purged.
    "DROP TRIGGER nacr_opt_out_events_no_delete",
    """CREATE TRIGGER nacr_opt_out_events_no_delete BEFORE DELETE ON nacr_opt_out_events
        WHEN OLD.patient_id NOT IN (SELECT patient_id FROM purge_in_progress)
        BEGIN SELECT RAISE(ABORT, 'opt-out history is append-only'); END""",
    """CREATE TRIGGER record_restrictions_no_update BEFORE UPDATE ON record_restrictions
        BEGIN SELECT RAISE(ABORT, 'restriction history is append-only'); END""",
    """CREATE TRIGGER record_restrictions_no_delete BEFORE DELETE ON record_restrictions
        WHEN OLD.patient_id NOT IN (SELECT patient_id FROM purge_in_progress)
        BEGIN SELECT RAISE(ABORT, 'restriction history is append-only'); END""",
)
