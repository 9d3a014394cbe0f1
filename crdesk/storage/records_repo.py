"""Records management (schema 9): restriction, everything held about one patient, the
retention facts, and the purge.

The purge is a list of deletes in one transaction, children first. Which tables hold a
patient's rows is checked against the schema itself each time (every table with a
``patient_id``, ``episode_id``, ``response_id`` or ``goal_id`` column must be either purged
or deliberately kept), so a table added later cannot be silently left behind.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from crdesk.storage.clinic_repo import now_iso
from crdesk.storage.connection import Database
from crdesk.storage.id_floor import FLOORED

# What a patient's rows are found by, per table: the SQL selecting the rows' key set.
# Order matters: children before their parents (foreign keys are on).
_RESPONSES = "SELECT id FROM responses WHERE patient_id = :pid"
_EPISODES = "SELECT id FROM episodes WHERE patient_id = :pid"
_GOALS = f"SELECT id FROM goals WHERE episode_id IN ({_EPISODES})"
PURGED: tuple[tuple[str, str], ...] = (
    ("answers", f"response_id IN ({_RESPONSES})"),
    ("scores", f"response_id IN ({_RESPONSES})"),
    ("answer_corrections", f"response_id IN ({_RESPONSES})"),
    ("response_outcomes", f"response_id IN ({_RESPONSES})"),
    ("response_entry", f"response_id IN ({_RESPONSES})"),
    ("second_entry_answers", f"response_id IN ({_RESPONSES})"),
    ("entry_differences", f"response_id IN ({_RESPONSES})"),
    ("section_skips", f"response_id IN ({_RESPONSES})"),
    ("nacr_consents", f"patient_id = :pid OR response_id IN ({_RESPONSES})"),
    ("nacr_opt_out_events", "patient_id = :pid"),
    ("responses", "patient_id = :pid"),
    ("goal_reviews", f"goal_id IN ({_GOALS})"),
    ("goals", f"episode_id IN ({_EPISODES})"),
    ("assessments", f"episode_id IN ({_EPISODES})"),
    ("record_restrictions", "patient_id = :pid"),
    ("patient_contacts", "patient_id = :pid"),
    ("episodes", "patient_id = :pid"),
    ("patients", "id = :pid"),
)
# Derived rows (the dashboard's kept facts, the kept export rows: their lines hold the
# patient's exported values), removed by episode id after the rest.
DERIVED = ("episode_facts", "episode_work", "episode_facts_stale",
           "export_rows", "export_row_values", "export_rows_stale")
# Derived aggregates over many patients, dropped whole at a purge and rebuilt at next read.
DERIVED_WHOLE = ("spc_month_summaries", "episode_fact_months")
# Kept on purpose: the ledger's proof of what was sent (episode id and row hash only), the
# purge record itself, and the purge's own in-transaction marker.
KEPT = ("export_items", "purges", "purge_in_progress")
_LINK_COLUMNS = {"patient_id", "episode_id", "response_id", "goal_id"}


def linked_tables(db: Database) -> set[str]:
    """Every table with a column that ties its rows to a patient, episode, response or goal."""
    out = set()
    for (name,) in db.query("SELECT name FROM sqlite_master WHERE type = 'table'"):
        cols = {str(r[1]) for r in db.query(f"PRAGMA table_info('{name}')")}
        if cols & _LINK_COLUMNS:
            out.add(str(name))
    return out


def uncovered_tables(db: Database) -> set[str]:
    return linked_tables(db) - {t for t, _ in PURGED} - set(DERIVED) - set(KEPT)


# ---- restriction --------------------------------------------------------------------------

def restricted_ids(db: Database) -> set[int]:
    return {int(r[0]) for r in db.query("SELECT id FROM patients WHERE restricted = 1")}


def is_restricted(db: Database, patient_id: int) -> bool:
    return bool(db.scalar("SELECT restricted FROM patients WHERE id = ?", (patient_id,)))


def set_restricted(db: Database, patient_id: int, restricted: bool, reason: str,
                   actor: str) -> int:
    """Restrict or release, with the history row; returns the history row's id."""
    db.execute("UPDATE patients SET restricted = ? WHERE id = ?", (int(restricted), patient_id))
    cur = db.execute(
        "INSERT INTO record_restrictions (patient_id, action, reason, actor, at)"
        " VALUES (?, ?, ?, ?, ?)",
        (patient_id, "restrict" if restricted else "release", reason, actor, now_iso()))
    return int(cur.lastrowid)


def restricted_in_batch(db: Database, sequence: int) -> int:
    return int(db.scalar(
        "SELECT count(*) FROM export_items i JOIN episodes e ON e.id = i.episode_id"
        " JOIN patients p ON p.id = e.patient_id WHERE i.sequence = ? AND p.restricted = 1",
        (sequence,)))


def restricted_episode_ids(db: Database) -> set[int]:
    return {int(r[0]) for r in db.query(
        "SELECT e.id FROM episodes e JOIN patients p ON p.id = e.patient_id"
        " WHERE p.restricted = 1")}


# ---- everything held ----------------------------------------------------------------------

def _dicts(db: Database, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    cur = db.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def patient_rows(db: Database, patient_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row held about the patient, table by table (the tables the purge removes),
    plus the ledger items and batches that carried their episodes."""
    p = {"pid": patient_id}
    out: dict[str, list[dict[str, Any]]] = {}
    for table, where in reversed(PURGED):
        order = "rowid" if table not in _WITHOUT_ROWID else "1"
        out[table] = _dicts(db, f"SELECT * FROM {table} WHERE {where} ORDER BY {order}", p)
    out["export_items"] = _dicts(
        db, "SELECT i.sequence, i.episode_id, i.row_hash, i.is_amendment, b.batch_id,"
            " b.profile, b.profile_version, b.created_at, b.created_by, b.file_name"
            " FROM export_items i JOIN export_batches b ON b.sequence = i.sequence"
            f" WHERE i.episode_id IN ({_EPISODES}) ORDER BY i.sequence, i.episode_id", p)
    return out


_WITHOUT_ROWID = {"answers", "second_entry_answers", "entry_differences", "section_skips",
                  "export_items"}


# ---- retention ----------------------------------------------------------------------------

def last_activity(db: Database) -> list[tuple[int, str, bool]]:
    """(patient id, the latest date in their record, whether any episode is still open).

    The latest date is the latest of every episode's dates (referral, event, treatment,
    programme start and end, discharge, death), every assessment's date and every
    questionnaire's completion: "the conclusion of treatment" as the record shows it. Only a
    record with none of those dates falls back to when it was entered.
    """
    rows = db.query(
        """SELECT p.id, coalesce(nullif(max('',
                coalesce((SELECT max(max(coalesce(e.referral_date, ''), coalesce(e.event_date, ''),
                    coalesce(e.treatment_date, ''), coalesce(e.programme_start, ''),
                    coalesce(e.programme_end, ''), coalesce(e.discharge_date, ''),
                    coalesce(e.date_of_death, '')))
                    FROM episodes e WHERE e.patient_id = p.id), ''),
                coalesce((SELECT max(a.done_date) FROM assessments a JOIN episodes e
                    ON e.id = a.episode_id WHERE e.patient_id = p.id), ''),
                coalesce((SELECT max(r.completed_at) FROM responses r
                    WHERE r.patient_id = p.id), '')), ''), p.created_at),
            EXISTS (SELECT 1 FROM episodes e WHERE e.patient_id = p.id
                AND e.outcome IS NULL AND e.programme_end IS NULL
                AND e.date_of_death IS NULL)
           FROM patients p ORDER BY p.id""")
    return [(int(r[0]), str(r[1])[:10], bool(r[2])) for r in rows]


# ---- purge --------------------------------------------------------------------------------

@dataclass(frozen=True)
class PurgeCounts:
    episodes: int
    responses: int
    rows: int
    batches_touched: int


def purge(db: Database, patient_id: int, *, ref: str, kind: str, reason: str,
          actor: str) -> PurgeCounts:
    """Delete every row of the patient inside the caller's transaction; keep the ledger's
    episode ids and row hashes, drop the stored packages that carried the patient's rows
    (their SHA-256 kept), and raise the id floors. Raises when the schema has a linked table
    this function does not know (nothing is deleted then: the caller rolls back)."""
    if not db.in_transaction:
        raise RuntimeError("a purge runs in one transaction")
    unknown = uncovered_tables(db)
    if unknown:
        raise RuntimeError(f"purge does not know the tables {sorted(unknown)}")
    p = {"pid": patient_id}
    episodes = [int(r[0]) for r in db.query(_EPISODES, p)]
    responses = [int(r[0]) for r in db.query(_RESPONSES, p)]
    goals = [int(r[0]) for r in db.query(_GOALS, p)]
    marks = ",".join("?" * len(episodes))
    sequences = [int(r[0]) for r in db.query(
        f"SELECT DISTINCT sequence FROM export_items WHERE episode_id IN ({marks})",
        tuple(episodes))] if episodes else []
    now = now_iso()
    for seq in sequences:
        blob = db.scalar("SELECT package_zip FROM export_batches WHERE sequence = ?", (seq,))
        if blob:
            db.execute("INSERT INTO export_package_removals (sequence, package_sha256,"
                       " removed_at, purge_ref) VALUES (?, ?, ?, ?)",
                       (seq, hashlib.sha256(bytes(blob)).hexdigest(), now, ref))
            db.execute("UPDATE export_batches SET package_zip = x'' WHERE sequence = ?", (seq,))
    db.execute("INSERT INTO purge_in_progress (patient_id) VALUES (?)", (patient_id,))
    removed = 0
    for table, where in PURGED:
        removed += int(db.execute(f"DELETE FROM {table} WHERE {where}", p).rowcount)
    if episodes:
        for table in DERIVED:
            db.execute(f"DELETE FROM {table} WHERE episode_id IN ({marks})", tuple(episodes))
        # The SPC charts' monthly summaries (schema 12) count these episodes; they are worked
        # out from the kept facts again at the next read (derived counts, never typed).
        for table in DERIVED_WHOLE:
            db.execute(f"DELETE FROM {table}")
    db.execute("DELETE FROM purge_in_progress WHERE patient_id = ?", (patient_id,))
    for table, ids in (("patients", [patient_id]), ("episodes", episodes),
                       ("responses", responses), ("goals", goals)):
        assert table in FLOORED
        if ids:
            db.execute("INSERT INTO id_floor (tbl, max_id) VALUES (?, ?) ON CONFLICT (tbl)"
                       " DO UPDATE SET max_id = max(max_id, excluded.max_id)",
                       (table, max(ids)))
    db.execute("INSERT INTO purges (ref, kind, reason, purged_at, purged_by, patient_id,"
               " episodes, responses, batches_touched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               (ref, kind, reason, now, actor, patient_id, len(episodes), len(responses),
                len(sequences)))
    return PurgeCounts(len(episodes), len(responses), removed, len(sequences))


def package_removed(db: Database, sequence: int) -> str | None:
    """The SHA-256 of a batch's package removed by a purge, or None when it is still held."""
    v = db.scalar("SELECT package_sha256 FROM export_package_removals WHERE sequence = ?",
                  (sequence,))
    return None if v is None else str(v)


@dataclass(frozen=True)
class PurgeRecord:
    ref: str
    kind: str
    reason: str
    purged_at: str
    purged_by: str
    episodes: int
    responses: int
    batches_touched: int


def purges(db: Database) -> list[PurgeRecord]:
    return [PurgeRecord(*r) for r in db.query(
        "SELECT ref, kind, reason, purged_at, purged_by, episodes, responses, batches_touched"
        " FROM purges ORDER BY id")]
