"""Patients: list, open (audited as a view), create and change, checked field by field.

Nothing is saved half-way: every field is checked first, and the record and its audit row
are written in one transaction. Audit details carry field names and ids only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Any

from crdesk.core import nhs_number, validation
from crdesk.core.contact import ContactDetails
from crdesk.core.demographics import ETHNIC_CATEGORIES, GENDERS
from crdesk.core.episode import Episode
from crdesk.core.goals import Goal
from crdesk.core.opt_out import OptOutState, OptOutStatus
from crdesk.core.patient import Patient
from crdesk.core.patient_list import PatientRows, PatientSummary, statuses_of
from crdesk.core.response import ResponseRecord
from crdesk.errors import ValidationError
from crdesk.services.field_errors import FieldErrors
from crdesk.services.session import Session
from crdesk.storage import (
    audit_repo,
    contacts_repo,
    episodes_repo,
    goals_repo,
    opt_out_repo,
    patients_repo,
    responses_repo,
)

# One code set for gender (GENDER IDENTITY CODE) and ethnic category: core/demographics.py.
MAX_NAME = 100


@dataclass(frozen=True)
class PatientRecord:
    """Everything the record screen shows for one patient, read in one go."""

    patient: Patient
    episodes: list[Episode]
    assessments: dict[int, dict[str, dict[str, Any]]]  # episode -> kind -> row
    responses: list[ResponseRecord]
    goals: list[Goal] = field(default_factory=list)
    opt_out: OptOutStatus | None = None  # the NACR opt-out state and its history
    contact: ContactDetails | None = None  # never exported

    def episode(self, episode_id: int) -> Episode | None:
        return next((e for e in self.episodes if e.id == episode_id), None)


def patient_problems(p: Patient, today: dt.date) -> dict[str, str]:
    """Field -> message; an empty dict means the record can be saved."""
    problems: dict[str, str] = {}
    if p.nhs_number:
        msg = nhs_number.problem(p.nhs_number)
        if msg:
            problems["nhs_number"] = msg
    for name, value, words in (("family_name", p.family_name, "family name"),
                               ("given_name", p.given_name, "given name")):
        if not value.strip():
            problems[name] = f"Enter the patient's {words}."
        elif len(value) > MAX_NAME:
            problems[name] = f"Keep the {words} under {MAX_NAME} characters."
    dob = validation.parse_date(p.date_of_birth) if p.date_of_birth else None
    if not p.date_of_birth:
        problems["date_of_birth"] = "Enter the date of birth."
    elif dob is None:
        problems["date_of_birth"] = "Enter the date as day/month/year, for example 31/03/1950."
    elif dob > today:
        problems["date_of_birth"] = "The date of birth is in the future."
    elif dob.year < today.year - 120:
        problems["date_of_birth"] = "This would make the patient over 120: check the year."
    if p.gender and p.gender not in GENDERS:
        problems["gender"] = "Choose a gender from the list."
    if p.ethnic_category and p.ethnic_category not in ETHNIC_CATEGORIES:
        problems["ethnic_category"] = "Choose an ethnic category from the list."
    for name, check in (("postcode", validation.postcode_problem),
                        ("gp_practice_code", validation.gp_practice_problem)):
        msg = check(getattr(p, name) or "")
        if msg:
            problems[name] = msg
    if p.nacr_opt_out:
        msg = validation.date_problem(p.nacr_opt_out_date or "", required=True, today=today)
        if msg:
            problems["nacr_opt_out_date"] = msg
    return problems


def clean_patient(p: Patient) -> Patient:
    """Stored forms: NHS digits only, UK postcode spacing, codes upper case, ISO dates."""
    return replace(
        p,
        nhs_number=nhs_number.normalise(p.nhs_number) if p.nhs_number else None,
        hospital_number=(p.hospital_number or "").strip() or None,
        family_name=p.family_name.strip(), given_name=p.given_name.strip(),
        date_of_birth=validation.iso_or_none(p.date_of_birth) or p.date_of_birth,
        gender=p.gender or None, ethnic_category=p.ethnic_category or None,
        postcode=validation.normalise_postcode(p.postcode) if p.postcode else None,
        gp_practice_code=validation.normalise_code(p.gp_practice_code)
        if p.gp_practice_code else None,
        nacr_opt_out_date=validation.iso_or_none(p.nacr_opt_out_date or "")
        if p.nacr_opt_out else None,
    )


def changed_fields(old: Patient, new: Patient) -> list[str]:
    return [f.name for f in fields(Patient)
            if f.name != "id" and getattr(old, f.name) != getattr(new, f.name)]


class PatientService:
    def __init__(self, session: Session, today: dt.date | None = None) -> None:
        self.session = session
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def on(self, session: Session) -> PatientService:
        """The same service on another session (a background operation's connection)."""
        return PatientService(session, self._today)

    def summaries(self) -> list[PatientSummary]:
        """The whole list (the list screen filters in memory); the listing is audited."""
        rows = patients_repo.list_summaries(self.session._db)
        with self.session.change("patient.list", "patient", "", {"count": len(rows)}):
            pass
        return rows

    def list_rows(self) -> PatientRows:
        """The whole list, compact (core/patient_rows.py), for the list screen; the states
        of the rows on screen are read as they are shown, the rest by ``list_states`` on a
        background operation. The listing is audited."""
        db = self.session._db
        rows = patients_repo.list_rows(db, lambda ids: patients_repo.list_states(db, ids))
        with self.session.change("patient.list", "patient", "", {"count": len(rows)}):
            pass
        return rows

    def list_states(self, rows: PatientRows) -> tuple[dict[int, str], dict[int, str]]:
        """Every patient's newest episode state and status (patient id -> each), for
        ``rows`` read earlier: the background half of loading the list."""
        states = patients_repo.list_states(self.session._db)
        probe = PatientRows(rows.ids, rows.idents, rows.details, states=states)
        return states, statuses_of(probe, self.today)

    def open(self, patient_id: int) -> PatientRecord:
        """Read a record for the screen; the view is written to the audit log."""
        db = self.session._db
        patient = patients_repo.get(db, patient_id)
        if patient is None:
            raise ValidationError("This patient record no longer exists.", "")
        episodes = episodes_repo.for_patient(db, patient_id)
        record = PatientRecord(
            patient, episodes, patients_repo.assessments_for_patient(db, patient_id),
            responses_repo.responses_for_patient(db, patient_id),
            goals_repo.for_episodes(db, [e.id for e in episodes if e.id is not None]),
            opt_out_repo.status(db, patient_id), contacts_repo.get(db, patient_id))
        with self.session.change("patient.view", "patient", patient_id):
            pass
        return record

    def create(self, p: Patient) -> int:
        problems = patient_problems(p, self.today)
        cleaned = clean_patient(p)
        self._check_unique(cleaned, None, problems)
        if problems:
            raise FieldErrors(problems)
        with self.session._db.transaction() as db:
            pid = patients_repo.insert(db, cleaned)
            # The id is known only after the insert: the audit row follows it, same transaction.
            audit_repo.append(db, self.session.username, "patient.create", "patient", pid, {})
            if cleaned.nacr_opt_out:  # recorded with its date at creation: confirmed
                eid = opt_out_repo.set_state(db, pid, OptOutState.CONFIRMED,
                                             actor=self.session.username,
                                             opt_out_date=cleaned.nacr_opt_out_date)
                audit_repo.append(db, self.session.username, "opt_out.confirm", "patient", pid,
                                  {"event": eid, "from": OptOutState.NONE.value})
        return pid

    def update(self, p: Patient) -> list[str]:
        """Save changes; returns the names of the fields that changed."""
        pid = p.id
        if pid is None:
            raise ValidationError("Save the new patient first.", "")
        old = patients_repo.get(self.session._db, pid)
        if old is None:
            raise ValidationError("This patient record no longer exists.", "")
        # The opt-out changes only through OptOutService (a date to confirm, a reason to
        # clear, each kept in its history): an ordinary save keeps it as it is.
        p = replace(p, is_demo=old.is_demo, nacr_opt_out=old.nacr_opt_out,
                    nacr_opt_out_date=old.nacr_opt_out_date)
        problems = patient_problems(replace(p, nacr_opt_out=False), self.today)
        cleaned = clean_patient(p)
        # A code kept from an older code set (gender 9) may stay as it is while other fields
        # change: it is shown marked and held back from export; only a new choice is checked.
        for name in ("gender", "ethnic_category"):
            if getattr(cleaned, name) == getattr(old, name):
                problems.pop(name, None)
        self._check_unique(cleaned, pid, problems)
        if problems:
            raise FieldErrors(problems)
        changed = changed_fields(old, cleaned)
        if changed:
            with self.session.change("patient.update", "patient", pid,
                                     {"fields": changed}) as db:
                patients_repo.update(db, cleaned)
        return changed

    def _check_unique(self, p: Patient, own_id: int | None, problems: dict[str, str]) -> None:
        if p.nhs_number and "nhs_number" not in problems:
            owner = patients_repo.nhs_number_owner(self.session._db, p.nhs_number)
            if owner is not None and owner != own_id:
                problems["nhs_number"] = ("Another patient already has this NHS number: "
                                          "search for it in the patient list.")
