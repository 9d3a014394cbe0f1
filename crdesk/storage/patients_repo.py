"""Patients table: returns core Patient objects, never rows."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from typing import Any

from crdesk.core.opt_out import OptOutState
from crdesk.core.patient import Patient
from crdesk.core.patient_list import PatientSummary
from crdesk.core.patient_rows import SEP, SEP_NAME, PatientRows, StateFetcher
from crdesk.storage.clinic_repo import now_iso
from crdesk.storage.connection import Database
from crdesk.storage.id_floor import next_id_sql
from crdesk.storage.opt_out_repo import EXCLUDED_SQL

# ``Patient.nacr_opt_out`` means "left out of the export": read from the opt-out state
# (schema 6), so that "to confirm" counts as opted out wherever a Patient is used.
_COLS = ("id, nhs_number, hospital_number, family_name, given_name, date_of_birth, gender,"
         f" ethnic_category, postcode, gp_practice_code, {EXCLUDED_SQL}, nacr_opt_out_date,"
         " is_demo")


def _patient(r: Any) -> Patient:
    return Patient(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], bool(r[10]), r[11],
                   bool(r[12]))


def _values(p: Patient) -> tuple[Any, ...]:
    return (p.nhs_number, p.hospital_number, p.family_name, p.given_name, p.date_of_birth,
            p.gender, p.ethnic_category, p.postcode, p.gp_practice_code, int(p.nacr_opt_out),
            p.nacr_opt_out_date, int(p.is_demo))


# A new patient with an opt-out (recorded by staff with its date, as demo and fixture
# clinics do) starts confirmed; every later change goes through opt_out_repo.set_state.
_INSERT = (
    "INSERT INTO patients (id, nhs_number, hospital_number, family_name, given_name,"
    " date_of_birth, gender, ethnic_category, postcode, gp_practice_code, nacr_opt_out,"
    " nacr_opt_out_date, is_demo, created_at, updated_at, nacr_opt_out_state)"
    f" VALUES ({next_id_sql('patients')}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _state(p: Patient) -> str:
    return str(OptOutState.CONFIRMED if p.nacr_opt_out else OptOutState.NONE)


def insert(db: Database, p: Patient) -> int:
    now = now_iso()
    cur = db.execute(_INSERT, (*_values(p), now, now, _state(p)))
    return int(cur.lastrowid)


def insert_many(db: Database, patients: Iterable[Patient]) -> None:
    now = now_iso()
    db.executemany(_INSERT, ((*_values(p), now, now, _state(p)) for p in patients))


def get(db: Database, patient_id: int) -> Patient | None:
    r = db.execute(f"SELECT {_COLS} FROM patients WHERE id = ?", (patient_id,)).fetchone()
    return None if r is None else _patient(r)


def get_many(db: Database, patient_ids: Iterable[int]) -> dict[int, Patient]:
    """Patients by id, in one query per 500 ids (SQLite's parameter limit is far above)."""
    ids = sorted(set(patient_ids))
    out: dict[int, Patient] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in db.query(f"SELECT {_COLS} FROM patients WHERE id IN ({marks})", tuple(chunk)):
            out[int(r[0])] = _patient(r)
    return out


def nhs_numbers(db: Database) -> list[tuple[int, str]]:
    """(patient id, stored NHS number) for every patient that has one, for ``check``."""
    return [(int(r[0]), str(r[1])) for r in
            db.query("SELECT id, nhs_number FROM patients WHERE nhs_number IS NOT NULL")]


def count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM patients"))


def all_patients(db: Database) -> list[Patient]:
    return [_patient(r) for r in db.query(f"SELECT {_COLS} FROM patients ORDER BY id")]


# The opt-out is not part of an ordinary update: it changes only through
# opt_out_repo.set_state (confirm with a date, clear with a reason, each with its history).
_UPDATE = (
    "UPDATE patients SET nhs_number = ?, hospital_number = ?, family_name = ?, given_name = ?,"
    " date_of_birth = ?, gender = ?, ethnic_category = ?, postcode = ?, gp_practice_code = ?,"
    " is_demo = ?, updated_at = ? WHERE id = ?"
)


def update(db: Database, p: Patient) -> None:
    values = _values(p)
    db.execute(_UPDATE, (*values[:9], values[11], now_iso(), p.id))


def nhs_number_owner(db: Database, nhs_number: str) -> int | None:
    """The id of the patient who has this NHS number, if any (numbers are unique)."""
    v = db.scalar("SELECT id FROM patients WHERE nhs_number = ?", (nhs_number,))
    return None if v is None else int(v)


def list_summaries(db: Database) -> list[PatientSummary]:
    """Every patient with what the list shows: identifiers and the newest episode's state.

    Three flat queries rather than a join per patient: at 50,000 patients this is a few
    hundred milliseconds, done once when the list opens (filtering is then in memory).
    """
    # Memory matters at 50,000 rows: dates repeat across patients, so each distinct date
    # string and each distinct (due, done) pair is stored once and shared (never mutated).
    shared: dict[object, Any] = {}

    def one(value: Any) -> Any:
        return shared.setdefault(value, value)

    assessments: dict[int, dict[str, dict[str, str | None]]] = {}
    for eid, kind, due, done in db.query(
            "SELECT episode_id, kind, due_date, done_date FROM assessments"):
        pair = shared.setdefault(("pair", due, done), {"due_date": one(due),
                                                       "done_date": one(done)})
        assessments.setdefault(eid, {})[one(kind)] = pair
    newest: dict[int, tuple[int, str | None, str | None, str | None, str | None]] = {}
    for eid, pid, outcome, start, end, referral in db.query(
            "SELECT id, patient_id, outcome, programme_start, programme_end, referral_date"
            " FROM episodes ORDER BY id"):
        newest[pid] = (eid, one(outcome), one(start), one(end), one(referral))
    out = []
    for pid, nhs, hosp, family, given, dob, opt_out in db.query(
            "SELECT id, nhs_number, hospital_number, family_name, given_name, date_of_birth,"
            f" {EXCLUDED_SQL} FROM patients"):
        ep = newest.get(pid)
        out.append(PatientSummary(
            pid, nhs or "", hosp or "", one(family), one(given), one(dob), bool(opt_out),
            episode_id=ep[0] if ep else None, outcome=ep[1] if ep else None,
            programme_start=ep[2] if ep else None, programme_end=ep[3] if ep else None,
            referral_date=ep[4] if ep else None,
            assessments=assessments.get(ep[0], {}) if ep else {}))
    return out


# The patient list at scale (issue 15): two texts per patient, built by SQLite, in nearly
# the list's name order (NOCASE folds ASCII only; the list sorts exactly, quickly, after).
_LIST_SQL = f"""
SELECT id,
  coalesce(family_name, '') || char({ord(SEP_NAME)}) || coalesce(given_name, '')
    || char({ord(SEP)}) || coalesce(hospital_number, '') || char({ord(SEP)})
    || coalesce(nhs_number, ''),
  coalesce(date_of_birth, '') || char({ord(SEP)}) || ({EXCLUDED_SQL})
FROM patients ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id
"""
# Each patient's newest episode (the highest id wins: rows come in id order) as one text.
_STATE_COLS = ["e.id", "e.outcome", "e.programme_start", "e.programme_end", "e.referral_date",
               "a1.due_date", "a1.done_date", "a2.due_date", "a2.done_date", "a3.due_date",
               "a3.done_date"]
_STATE_TEXT = f" || char({ord(SEP)}) || ".join(f"coalesce({c}, '')" for c in _STATE_COLS)
_STATES_SQL = f"""
SELECT e.patient_id, {_STATE_TEXT}
FROM episodes e
LEFT JOIN assessments a1 ON a1.episode_id = e.id AND a1.kind = 'A1'
LEFT JOIN assessments a2 ON a2.episode_id = e.id AND a2.kind = 'A2'
LEFT JOIN assessments a3 ON a3.episode_id = e.id AND a3.kind = 'A3'
"""
_STATE_BATCH = 500  # ids per IN (...) for the rows on screen


def list_rows(db: Database, fetch: StateFetcher | None = None) -> PatientRows:
    """Every patient, compact (core/patient_rows.py): one query, three values a row. The
    episodes' states come later through ``fetch`` (see ``list_states``)."""
    # 800,000 new objects that live on: the cyclic collector would walk the heap again and
    # again while they are made (a third of the time at 200,000 rows) and find nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        rows = db.query(_LIST_SQL)
        if not rows:
            return PatientRows([], [], [], fetch)
        ids, idents, details = zip(*rows, strict=True)
        del rows
        return PatientRows(ids, idents, details, fetch)
    finally:
        if collecting:
            gc.enable()


def list_states(db: Database, patient_ids: Sequence[int] | None = None) -> dict[int, str]:
    """patient id -> the newest episode's state text, for those patients (None: all)."""
    if patient_ids is None:
        return dict(db.query(_STATES_SQL + " ORDER BY e.id"))
    out: dict[int, str] = {}
    ids = list(patient_ids)
    for i in range(0, len(ids), _STATE_BATCH):
        part = ids[i:i + _STATE_BATCH]
        marks = ", ".join("?" for _ in part)
        out.update(db.query(_STATES_SQL + f" WHERE e.patient_id IN ({marks})"  # noqa: S608
                            " ORDER BY e.id", tuple(part)))
    return out


def assessments_for_patient(db: Database, patient_id: int
                            ) -> dict[int, dict[str, dict[str, Any]]]:
    """episode id -> kind -> {"id", "due_date", "done_date"} for one patient's episodes."""
    out: dict[int, dict[str, dict[str, Any]]] = {}
    for aid, eid, kind, due, done in db.query(
            "SELECT a.id, a.episode_id, a.kind, a.due_date, a.done_date FROM assessments a"
            " JOIN episodes e ON e.id = a.episode_id WHERE e.patient_id = ?", (patient_id,)):
        out.setdefault(eid, {})[kind] = {"id": aid, "due_date": due, "done_date": done}
    return out


def find_by_number(db: Database, number: str) -> list[int]:
    """Patients whose NHS number (digits) or hospital number (any case) is ``number``."""
    digits = "".join(ch for ch in number if ch.isdigit())
    return [int(r[0]) for r in db.query(
        "SELECT id FROM patients WHERE (? != '' AND nhs_number = ?)"
        " OR lower(hospital_number) = lower(?) ORDER BY id", (digits, digits, number.strip()))]
