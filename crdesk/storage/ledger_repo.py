"""The export ledger: each batch with the exact package it carried, and its records."""

from __future__ import annotations

import json
from dataclasses import dataclass

from crdesk.storage.connection import Database


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
    # One statement over a JSON array, not one bound statement per record: a batch of
    # 10,000 records is a tenth of the export's time the other way.
    db.execute(
        "INSERT INTO export_items (sequence, episode_id, row_hash, is_amendment)"
        " SELECT ?, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)",
        (batch.sequence, json.dumps([[eid, h, int(amend)] for eid, h, amend in items])),
    )


def last_hashes(db: Database, profile: str) -> dict[int, str]:
    """For each episode ever exported in ``profile``, the row hash it was last sent with."""
    rows = db.query(
        "SELECT i.episode_id, i.row_hash FROM export_items i"
        " JOIN export_batches b ON b.sequence = i.sequence"
        " WHERE b.profile = ? ORDER BY i.sequence",
        (profile,),
    )
    return {int(eid): str(h) for eid, h in rows}


def batches(db: Database) -> list[Batch]:
    return [Batch(*r) for r in db.query(
        f"SELECT {_COLS} FROM export_batches ORDER BY sequence DESC")]


def package_zip(db: Database, sequence: int) -> tuple[Batch, bytes] | None:
    r = db.execute(f"SELECT {_COLS}, package_zip FROM export_batches WHERE sequence = ?",
                   (sequence,)).fetchone()
    return None if r is None else (Batch(*r[:9]), bytes(r[9]))
