"""Schema 15: the export ledger's items kept one row per batch (issue 15).

Until now each record a batch carried was a row of ``export_items`` (a WITHOUT ROWID table
with a second index by episode), written inside the export's transaction: for a batch of
10,000 records that write was a third of the export's time. Now each batch keeps its items
in one row of ``export_batch_items``: ``items`` is a JSON array of
``[episode_id, row_hash, is_amendment]``, in episode order, and ``format`` says how to read
it (1: that array; a later layout takes a new number and the view below learns to read it).

``export_items`` becomes a view of the same name and columns over those rows, so every
"what was sent" query (the export's last hashes, amendments, reissue's hold-back checks,
the subject access listing, a purge finding the batches a patient was in) reads exactly
what it read before. The items of batches already made are moved across as they are
(their order, hashes and amendment marks unchanged); nothing else changes, so the audit
chain and the packages kept with each batch are untouched. Like the table it replaces, a
purge keeps these rows: episode ids and row hashes only, never an identifier.

``patients_restricted``: every preview and export reads who is held back, the restricted
patients among them; a partial index of those few (a restriction is rare) instead of a
scan of every patient row.
"""

# Format 1 of export_batch_items.items (see above).
ITEMS_FORMAT = 1

STATEMENTS = (
    # Written only by ledger_repo.record (ledger_repo.items_json), read through the view.
    """CREATE TABLE export_batch_items (
        sequence INTEGER PRIMARY KEY REFERENCES export_batches (sequence),
        format INTEGER NOT NULL CHECK (format = 1),
        items TEXT NOT NULL)""",  # no json_valid CHECK: it would parse each batch's items
    # Every batch made so far, its items in episode order as one array.
    """INSERT INTO export_batch_items (sequence, format, items)
        SELECT sequence, 1, json_group_array(json_array(episode_id, row_hash, is_amendment))
        FROM (SELECT sequence, episode_id, row_hash, is_amendment FROM export_items
              ORDER BY sequence, episode_id)
        GROUP BY sequence""",
    "DROP INDEX export_items_episode",
    "DROP TABLE export_items",
    """CREATE VIEW export_items (sequence, episode_id, row_hash, is_amendment) AS
        SELECT b.sequence, j.value ->> 0, j.value ->> 1, j.value ->> 2
        FROM export_batch_items b, json_each(b.items) j
        WHERE b.format = 1""",
    "CREATE INDEX patients_restricted ON patients (id) WHERE restricted = 1",
)
