"""The audit log table: append inside the caller's transaction, read, verify."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from crdesk.core.audit_chain import GENESIS, AuditEntry, ChainReport, link_hash, verify_chain
from crdesk.storage.connection import Database


def append(db: Database, actor: str, action: str, entity: str = "", entity_id: str | int = "",
           detail: dict[str, Any] | None = None) -> int:
    """Add one entry, chained to the last. Must run inside the transaction of the change.

    ``detail`` holds ids, field names and counts only: never names, NHS numbers, dates of
    birth or answers (the audit log is shown to admins and exported for governance).
    """
    if not db.in_transaction:
        raise RuntimeError("audit entries are written in the transaction of the change")
    last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (1, GENESIS) if last is None else (int(last[0]) + 1, str(last[1]))
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    detail_text = json.dumps(detail or {}, sort_keys=True, separators=(",", ":"))
    eid = str(entity_id)
    h = link_hash(prev, seq, at, actor, action, entity, eid, detail_text)
    db.execute(
        "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, actor, action, entity, eid, detail_text, prev, h),
    )
    return seq


def _row(r: Any) -> AuditEntry:
    return AuditEntry(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8])


_COLUMNS = "seq, at, actor, action, entity, entity_id, detail, prev_hash, hash"


def entries(db: Database, *, actor: str | None = None, action: str | None = None,
            entity: str | None = None, entity_id: str | None = None,
            since: str | None = None, until: str | None = None,
            limit: int = 1000) -> list[AuditEntry]:
    """Newest first, filtered (the admin viewer)."""
    where, params = [], []
    for col, val in (("actor", actor), ("action", action), ("entity", entity),
                     ("entity_id", entity_id)):
        if val:
            where.append(f"{col} = ?")
            params.append(val)
    if since:
        where.append("at >= ?")
        params.append(since)
    if until:
        where.append("at < ?")
        params.append(until)
    sql = f"SELECT {_COLUMNS} FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq DESC LIMIT ?"
    params.append(str(limit))
    return [_row(r) for r in db.query(sql, tuple(params))]


def verify(db: Database) -> ChainReport:
    rows = db.query(f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq")
    return verify_chain([_row(r) for r in rows])


def head(db: Database) -> tuple[int, str]:
    """The last entry's sequence number and hash; (0, GENESIS) for an empty log."""
    last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if last is None else (int(last[0]), str(last[1]))


def hash_at(db: Database, seq: int) -> str | None:
    """The hash of entry ``seq`` (GENESIS for 0), or None when there is no such entry."""
    if seq == 0:
        return GENESIS
    v = db.scalar("SELECT hash FROM audit_log WHERE seq = ?", (seq,))
    return None if v is None else str(v)
