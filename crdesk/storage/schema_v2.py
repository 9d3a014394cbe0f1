"""Schema 2: the export ledger (what went out in which batch)."""

STATEMENTS = (
    """CREATE TABLE export_batches (
        sequence INTEGER PRIMARY KEY,
        batch_id TEXT NOT NULL UNIQUE,
        profile TEXT NOT NULL,
        profile_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        file_name TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        amendments INTEGER NOT NULL,
        package_zip BLOB NOT NULL)""",
    """CREATE TABLE export_items (
        sequence INTEGER NOT NULL REFERENCES export_batches (sequence),
        episode_id INTEGER NOT NULL REFERENCES episodes (id),
        row_hash TEXT NOT NULL,
        is_amendment INTEGER NOT NULL,
        PRIMARY KEY (sequence, episode_id)) WITHOUT ROWID""",
    "CREATE INDEX export_items_episode ON export_items (episode_id, sequence)",
)
