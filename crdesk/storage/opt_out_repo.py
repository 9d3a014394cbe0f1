"""The NACR opt-out state on the patient row, its append-only history, and the consent the
patient gave at the kiosk (schema 6). Returns core objects, never rows."""

from __future__ import annotations

from typing import Any

from crdesk.core.opt_out import EXCLUDED_FROM_NACR, OptOutEvent, OptOutState, OptOutStatus
from crdesk.storage.clinic_repo import now_iso
from crdesk.storage.connection import Database

# The one SQL spelling of "left out of every export", made from the core rule.
EXCLUDED_SQL = ("nacr_opt_out_state IN ("
                + ", ".join(f"'{s.value}'" for s in sorted(EXCLUDED_FROM_NACR)) + ")")

_EVENT_COLS = "id, patient_id, state, opt_out_date, reason, actor, at, response_id, choice"


def _event(r: Any) -> OptOutEvent:
    return OptOutEvent(int(r[0]), int(r[1]), OptOutState(r[2]), r[3], r[4], r[5], r[6],
                       None if r[7] is None else int(r[7]), r[8])


def status(db: Database, patient_id: int) -> OptOutStatus | None:
    row = db.execute("SELECT nacr_opt_out_state, nacr_opt_out_date FROM patients WHERE id = ?",
                     (patient_id,)).fetchone()
    if row is None:
        return None
    history = tuple(_event(r) for r in db.query(
        f"SELECT {_EVENT_COLS} FROM nacr_opt_out_events WHERE patient_id = ? ORDER BY id",
        (patient_id,)))
    state = OptOutState(row[0])
    return OptOutStatus(patient_id, state,
                        row[1] if state is OptOutState.CONFIRMED else None, history)


def set_state(db: Database, patient_id: int, state: OptOutState, *, actor: str,
              opt_out_date: str | None = None, reason: str | None = None,
              response_id: int | None = None, choice: str | None = None) -> int:
    """Move the patient to ``state`` and add it to the history; returns the event id.

    The caller holds the transaction (and writes the audit row in it)."""
    now = now_iso()
    cur = db.execute(
        "INSERT INTO nacr_opt_out_events (patient_id, state, opt_out_date, reason, actor, at,"
        " response_id, choice) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (patient_id, state.value, opt_out_date, reason, actor, now, response_id, choice))
    # nacr_opt_out is kept equal to "left out of the export" for the readers that use it.
    db.execute(
        "UPDATE patients SET nacr_opt_out_state = ?, nacr_opt_out = ?, nacr_opt_out_date = ?,"
        " updated_at = ? WHERE id = ?",
        (state.value, int(state in EXCLUDED_FROM_NACR),
         opt_out_date if state is OptOutState.CONFIRMED else None, now, patient_id))
    return int(cur.lastrowid)


def excluded_patient_ids(db: Database) -> set[int]:
    """Every patient left out of the export (to confirm or confirmed)."""
    return {int(r[0]) for r in db.query(f"SELECT id FROM patients WHERE {EXCLUDED_SQL}")}


def excluded_in_batch(db: Database, sequence: int) -> int:
    """How many records of an exported batch belong to patients now left out."""
    return int(db.scalar(
        "SELECT count(*) FROM export_items i JOIN episodes e ON e.id = i.episode_id"
        f" JOIN patients p ON p.id = e.patient_id WHERE i.sequence = ? AND p.{EXCLUDED_SQL}",
        (sequence,)))


def waiting_for_confirmation(db: Database) -> list[tuple[int, str, str | None]]:
    """(patient id, name as staff see it, when it was raised) of every opt-out to confirm,
    oldest first."""
    return [(int(pid), str(name), at) for pid, name, at in db.query(
        "SELECT p.id, p.given_name || ' ' || p.family_name,"
        " (SELECT max(at) FROM nacr_opt_out_events e WHERE e.patient_id = p.id"
        "  AND e.state = 'to_confirm') AS since"
        " FROM patients p WHERE p.nacr_opt_out_state = 'to_confirm' ORDER BY since, p.id")]


# ---- the kiosk consent ----------------------------------------------------------------------

def save_consent(db: Database, response_id: int, patient_id: int, choice: str,
                 text_pack: str, text_pack_version: int, text_pack_sha256: str,
                 info_sha256: str) -> None:
    """The patient's latest answer on this response's information page (one row each)."""
    db.execute(
        "INSERT INTO nacr_consents (response_id, patient_id, choice, text_pack,"
        " text_pack_version, text_pack_sha256, info_sha256, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (response_id) DO UPDATE SET choice = excluded.choice,"
        " text_pack = excluded.text_pack, text_pack_version = excluded.text_pack_version,"
        " text_pack_sha256 = excluded.text_pack_sha256, info_sha256 = excluded.info_sha256,"
        " at = excluded.at",
        (response_id, patient_id, choice, text_pack, text_pack_version, text_pack_sha256,
         info_sha256, now_iso()))


def consent(db: Database, response_id: int) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT choice, text_pack, text_pack_version, text_pack_sha256, info_sha256, at"
        " FROM nacr_consents WHERE response_id = ?", (response_id,)).fetchone()
    if row is None:
        return None
    return {"choice": row[0], "text_pack": row[1], "text_pack_version": int(row[2]),
            "text_pack_sha256": row[3], "info_sha256": row[4], "at": row[5]}
