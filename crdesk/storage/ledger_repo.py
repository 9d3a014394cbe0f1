"""The export ledger: each batch with the exact package it carried, and its records."""

from __future__ import annotations

import json
from dataclasses import dataclass

from crdesk.storage.connection import Database
from crdesk.storage.schema_v15 import ITEMS_FORMAT


@dataclass(frozen=True)
class Batch:
    sequence: int
    batch_id: str
    profile: str
    profile_version: str
    created_at: str
    created_by: str
    file_name: str
    row_count: int
    amendments: int


_COLS = ("sequence, batch_id, profile, profile_version, created_at, created_by, file_name,"
         " row_count, amendments")


def next_sequence(db: Database) -> int:
    return int(db.scalar("SELECT coalesce(max(sequence), 0) + 1 FROM export_batches"))


def record(db: Database, batch: Batch, package_zip: bytes,
           items: list[tuple[int, str, bool]]) -> None:
    db.execute(
        f"INSERT INTO export_batches ({_COLS}, package_zip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (batch.sequence, batch.batch_id, batch.profile, batch.profile_version, batch.created_at,
         batch.created_by, batch.file_name, batch.row_count, batch.amendments, package_zip),
    )
    # One row per batch (schema 15): the items as one JSON array, not a row (and an index
    # entry) per record. A batch of 10,000 records was a third of the export's time the
    # other way; export_items reads them back as rows.
    db.execute("INSERT INTO export_batch_items (sequence, format, items) VALUES (?, ?, ?)",
               (batch.sequence, ITEMS_FORMAT, items_json(items)))


def items_json(items: list[tuple[int, str, bool]]) -> str:
    """Format 1 of a batch's items: ``[[episode_id, row_hash, is_amendment], ...]`` (the
    flag as JSON true/false, which the view reads as 1/0). json.dumps of the tuples as
    they are, in C: a list of lists or an f-string per item costs several times more."""
    return json.dumps(items)


def last_hashes(db: Database, profile: str) -> dict[int, str]:
    """For each episode ever exported in ``profile``, the row hash it was last sent with.

    Read batch by batch, oldest first, each batch's items parsed once (not row by row
    through the ``export_items`` view, whose order SQL would have to sort)."""
    out: dict[int, str] = {}
    for fmt, items in db.execute(
            "SELECT i.format, i.items FROM export_batch_items i"
            " JOIN export_batches b ON b.sequence = i.sequence"
            " WHERE b.profile = ? ORDER BY i.sequence", (profile,)):
        if fmt != ITEMS_FORMAT:  # written by a newer crdesk: never guess what it holds
            raise ValueError(f"export batch items in format {fmt}")
        for eid, h, _amend in json.loads(items):
            out[int(eid)] = str(h)
    return out


def batches(db: Database) -> list[Batch]:
    return [Batch(*r) for r in db.query(
        f"SELECT {_COLS} FROM export_batches ORDER BY sequence DESC")]


def package_zip(db: Database, sequence: int) -> tuple[Batch, bytes] | None:
    r = db.execute(f"SELECT {_COLS}, package_zip FROM export_batches WHERE sequence = ?",
                   (sequence,)).fetchone()
    return None if r is None else (Batch(*r[:9]), bytes(r[9]))
