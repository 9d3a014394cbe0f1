"""Referral episodes: the initiating event, treatment, referral, programme and outcome.

The option lists (events, treatments, referral sources) come from the staff referral form
(forms/nacr_referral.yaml) with its wording, so the episode editor and the form never
disagree. Dates are checked for order (end before start is refused) and nothing is saved
until every field is right.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, replace
from functools import lru_cache
from typing import Any

from crdesk.core import validation
from crdesk.core.care_status import OUTCOMES
from crdesk.core.episode import ASSESSMENT_KINDS, EPISODE_FIELDS, Episode
from crdesk.core.forms import FormRegistry, TextCatalog, default_forms_dir, text_dir
from crdesk.errors import ValidationError
from crdesk.services.field_errors import FieldErrors
from crdesk.services.questionnaires import REFERRAL_FORM
from crdesk.services.session import Session
from crdesk.storage import audit_repo, episodes_repo, patients_repo

CHOICE_FIELDS = ("initiating_event", "treatment", "referral_source", "referred_by",
                 "risk_level", "delivery_mode", "not_started_reason", "not_completed_reason")
DATE_FIELDS = ("event_date", "treatment_date", "discharge_date", "referral_date",
               "first_invited_date", "programme_start", "programme_end", "date_of_death")
# Whole numbers of sessions; the referral form (nacr_referral v2) holds the same limits.
COUNT_FIELDS = ("sessions_offered", "sessions_attended")
MAX_SESSIONS = 200
DATE_WORDS = {"event_date": "event date", "treatment_date": "treatment date",
              "discharge_date": "discharge date", "referral_date": "referral date",
              "first_invited_date": "date first invited",
              "programme_start": "programme start", "programme_end": "programme end",
              "date_of_death": "date of death"}
# (earlier, later): a later date before its earlier one is refused.
ORDER = (("event_date", "treatment_date"), ("event_date", "discharge_date"),
         ("treatment_date", "discharge_date"), ("event_date", "referral_date"),
         ("programme_start", "programme_end"), ("referral_date", "programme_start"),
         ("referral_date", "first_invited_date"), ("event_date", "date_of_death"))


@lru_cache(maxsize=1)
def referral_options() -> dict[str, list[tuple[str, str]]]:
    """field -> [(value, words)] from the referral form and its shipped text pack."""
    form = FormRegistry.from_dir(default_forms_dir()).get(REFERRAL_FORM)
    texts = TextCatalog.from_dirs([text_dir(default_forms_dir())], "en-GB")
    out = {}
    for name in CHOICE_FIELDS:
        item = form.item_by_id[name]
        out[name] = [(str(o.value), texts.text(o.text)) for o in item.options]
    out["outcome"] = list(OUTCOMES.items())
    return out


def option_label(field_name: str, value: str | None) -> str:
    if not value:
        return ""
    return dict(referral_options().get(field_name, [])).get(value, value)


def episode_problems(e: Episode, date_of_birth: str, today: dt.date) -> dict[str, str]:
    problems: dict[str, str] = {}
    options = referral_options()
    for name in (*CHOICE_FIELDS, "outcome"):
        value = getattr(e, name)
        if value and value not in dict(options[name]):
            problems[name] = "Choose from the list."
    if not e.initiating_event:
        problems["initiating_event"] = "Choose the event that led to the referral."
    if not e.referral_date:
        problems["referral_date"] = "Enter the date the referral was received."
    for name in DATE_FIELDS:
        value = getattr(e, name)
        if not value:
            continue
        # Programme dates may be planned ahead; the others have happened.
        msg = validation.date_problem(value, allow_future=name.startswith("programme"),
                                      today=today)
        if msg:
            problems[name] = msg
        elif value < date_of_birth:
            problems[name] = "This date is before the patient's date of birth."
    for earlier, later in ORDER:
        if earlier in problems or later in problems:
            continue
        msg = validation.order_problem(getattr(e, earlier), getattr(e, later),
                                       DATE_WORDS[earlier], DATE_WORDS[later])
        if msg:
            problems[later] = msg
    if e.outcome == "completed" and not e.programme_end and "programme_end" not in problems:
        problems["programme_end"] = "Enter the programme end date for a completed programme."
    counts: dict[str, int] = {}
    for name in COUNT_FIELDS:
        value = getattr(e, name)
        if value is None or value == "":
            continue
        number = _count(value)
        if number is None or not 0 <= number <= MAX_SESSIONS:
            problems[name] = f"Enter a whole number of sessions from 0 to {MAX_SESSIONS}."
        else:
            counts[name] = number
    if counts.get("sessions_attended", 0) > counts.get("sessions_offered", MAX_SESSIONS):
        problems["sessions_attended"] = ("More sessions attended than offered: check both "
                                         "numbers.")
    return problems


def _count(value: object) -> int | None:
    """A session count as typed ("12") or stored (12); None if it is not a whole number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if text.isdigit() else None


def _iso_dates(e: Episode) -> Episode:
    changes: dict[str, Any] = {}
    for name in DATE_FIELDS:
        value = getattr(e, name)
        if value:
            changes[name] = validation.iso_or_none(value) or value
    for name in (*CHOICE_FIELDS, "outcome"):
        changes[name] = getattr(e, name) or None
    for name in COUNT_FIELDS:
        value = getattr(e, name)
        number = None if value is None or value == "" else _count(value)
        # A count that is not a number is kept as typed so the problem can be shown for it.
        changes[name] = number if number is not None or value in (None, "") else value
    return replace(e, **changes)


class EpisodeService:
    def __init__(self, session: Session, today: dt.date | None = None) -> None:
        self.session = session
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _dob(self, patient_id: int) -> str:
        p = patients_repo.get(self.session._db, patient_id)
        if p is None:
            raise ValidationError("This patient record no longer exists.", "")
        return p.date_of_birth

    def save(self, e: Episode) -> int:
        """Add (id None) or update an episode; returns its id."""
        cleaned = _iso_dates(e)
        problems = episode_problems(cleaned, self._dob(e.patient_id), self.today)
        before = episodes_repo.get(self.session._db, e.id) if e.id is not None else None
        if before is not None:
            # A code kept from an older list stays as it is while other fields change (it is
            # shown, and the export holds the record back saying why); a new choice is checked.
            for name in (*CHOICE_FIELDS, "outcome"):
                if getattr(before, name) == getattr(cleaned, name) and \
                        problems.get(name) == "Choose from the list.":
                    del problems[name]
        if problems:
            raise FieldErrors(problems)
        db = self.session._db
        if e.id is None:
            with db.transaction():
                eid = episodes_repo.insert(db, cleaned)
                audit_repo.append(db, self.session.username, "episode.create", "episode", eid,
                                  {"patient": e.patient_id})
            return eid
        old = episodes_repo.get(db, e.id)
        if old is None or old.patient_id != e.patient_id:
            raise ValidationError("This episode no longer exists.", "")
        changed = [f.name for f in fields(Episode)
                   if f.name in EPISODE_FIELDS and getattr(old, f.name) != getattr(cleaned,
                                                                                  f.name)]
        if changed:
            with self.session.change("episode.update", "episode", e.id,
                                     {"patient": e.patient_id, "fields": changed}):
                episodes_repo.update(db, cleaned)
        return e.id

    def set_due_date(self, episode_id: int, kind: str, due: str) -> None:
        if kind not in ASSESSMENT_KINDS:
            raise ValidationError("Unknown assessment.", "")
        msg = validation.date_problem(due, required=True, allow_future=True, today=self.today)
        if msg:
            raise FieldErrors({f"{kind}_due": msg})
        iso = validation.iso_or_none(due)
        with self.session.change("assessment.due", "episode", episode_id, {"assessment": kind}):
            episodes_repo.set_assessment(self.session._db, episode_id, kind, due_date=iso)
