"""Patient contact details (schema 6): a table of their own, read only by the record
screen's service. Nothing in export/ or the dashboard reads this table."""

from __future__ import annotations

from crdesk.core.contact import ContactDetails
from crdesk.storage.clinic_repo import now_iso
from crdesk.storage.connection import Database

_COLS = ("phone_main, phone_other, address, preferred_contact, interpreter_needed,"
         " interpreter_language, carer_name, carer_relationship, carer_phone")


def get(db: Database, patient_id: int) -> ContactDetails:
    """The patient's details; empty ones when none were entered."""
    r = db.execute(f"SELECT {_COLS} FROM patient_contacts WHERE patient_id = ?",
                   (patient_id,)).fetchone()
    if r is None:
        return ContactDetails(patient_id)
    return ContactDetails(patient_id, r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6], r[7],
                          r[8])


def save(db: Database, c: ContactDetails, actor: str) -> None:
    assert c.patient_id is not None
    db.execute(
        f"INSERT INTO patient_contacts (patient_id, {_COLS}, updated_at, updated_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (patient_id) DO UPDATE SET phone_main = excluded.phone_main,"
        " phone_other = excluded.phone_other, address = excluded.address,"
        " preferred_contact = excluded.preferred_contact,"
        " interpreter_needed = excluded.interpreter_needed,"
        " interpreter_language = excluded.interpreter_language,"
        " carer_name = excluded.carer_name, carer_relationship = excluded.carer_relationship,"
        " carer_phone = excluded.carer_phone, updated_at = excluded.updated_at,"
        " updated_by = excluded.updated_by",
        (c.patient_id, c.phone_main, c.phone_other, c.address, c.preferred_contact,
         int(c.interpreter_needed), c.interpreter_language, c.carer_name,
         c.carer_relationship, c.carer_phone, now_iso(), actor))
