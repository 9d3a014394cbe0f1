"""Ids a purge removed are never given again (schema 9's ``id_floor``).

SQLite gives a new row the largest id in the table plus one, so purging the newest patient
would hand their id to the next one, and every audit entry and export-ledger item that
names the old id would then seem to be about the new patient. The inserts of the tables
those entries name take their id from here instead.
"""

from __future__ import annotations

FLOORED = ("patients", "episodes", "responses", "goals")


def next_id_sql(table: str) -> str:
    """An SQL expression for the next id of ``table``: above every row and every purged id."""
    if table not in FLOORED:
        raise ValueError(f"{table} has no id floor")
    return (f"(SELECT max(coalesce((SELECT max(id) FROM {table}), 0),"
            f" coalesce((SELECT max_id FROM id_floor WHERE tbl = '{table}'), 0)) + 1)")
