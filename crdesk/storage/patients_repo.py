"""Patients table: returns core Patient objects, never rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from crdesk.core.patient import Patient
from crdesk.storage.clinic_repo import now_iso
from crdesk.storage.connection import Database

_COLS = ("id, nhs_number, hospital_number, family_name, given_name, date_of_birth, gender,"
         " ethnic_category, postcode, gp_practice_code, nacr_opt_out, nacr_opt_out_date, is_demo")


def _patient(r: Any) -> Patient:
    return Patient(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], bool(r[10]), r[11],
                   bool(r[12]))


def _values(p: Patient) -> tuple[Any, ...]:
    return (p.nhs_number, p.hospital_number, p.family_name, p.given_name, p.date_of_birth,
            p.gender, p.ethnic_category, p.postcode, p.gp_practice_code, int(p.nacr_opt_out),
            p.nacr_opt_out_date, int(p.is_demo))


_INSERT = (
    "INSERT INTO patients (nhs_number, hospital_number, family_name, given_name, date_of_birth,"
    " gender, ethnic_category, postcode, gp_practice_code, nacr_opt_out, nacr_opt_out_date,"
    " is_demo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def insert(db: Database, p: Patient) -> int:
    now = now_iso()
    cur = db.execute(_INSERT, (*_values(p), now, now))
    return int(cur.lastrowid)


def insert_many(db: Database, patients: Iterable[Patient]) -> None:
    now = now_iso()
    db.executemany(_INSERT, ((*_values(p), now, now) for p in patients))


def get(db: Database, patient_id: int) -> Patient | None:
    r = db.execute(f"SELECT {_COLS} FROM patients WHERE id = ?", (patient_id,)).fetchone()
    return None if r is None else _patient(r)


def count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM patients"))


def all_patients(db: Database) -> list[Patient]:
    return [_patient(r) for r in db.query(f"SELECT {_COLS} FROM patients ORDER BY id")]
