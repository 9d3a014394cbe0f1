"""Demo episodes: referrals, both assessments' questionnaires and clinical measures.

A mix a clinic would recognise: most patients completed both assessments, some are waiting
for Assessment 1 or in the programme, a few declined or did not attend, and a few records
have something the export preflight flags (a missing event date, an A2 outside NACR's
20-week window). Everything is synthetic and belongs to a clinic labelled DEMO.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import replace

from crdesk.core.episode import Episode
from crdesk.core.forms import Form, FormRegistry, FormSession
from crdesk.core.forms.answers import JsonValue
from crdesk.core.patient import Patient
from crdesk.demo.answers import Persona, fill
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, responses_repo

EVENTS = (("mi_stemi", "pci"), ("mi_nstemi", "pci"), ("mi_nstemi", "cabg"),
          ("angina", "pci"), ("heart_failure", "medical"), ("valve_disease", "valve_aortic"),
          ("mi_stemi", "staged_pci"), ("arrhythmia", "pacemaker"))
SOURCES = (("nhs_trust", "consultant"), ("nhs_trust", "cardiac_nurse"), ("gp", "gp"))
SPAN_DAYS = 610  # about 20 months of referrals
SHIFT_DAYS = 270  # waits were longer before this (a staffing gap, made up)


def _stage(rng: random.Random) -> str:
    r = rng.random()
    for stage, upto in (("referred", 0.08), ("a1_only", 0.2), ("declined", 0.25),
                        ("did_not_attend", 0.28), ("late_a2", 0.32), ("no_event_date", 0.36)):
        if r < upto:
            return stage
    return "completed"


class _Filler:
    """Filled forms, reused across patients when there are thousands (bench clinics)."""

    def __init__(self, registry: FormRegistry, rng: random.Random, variants: int | None):
        self.patient_form = registry.get("nacr_patient")
        self.clinical_form = registry.get("nacr_clinical")
        self.rng = rng
        self.variants = variants
        self._cache: dict[tuple[str, str, int], tuple[dict[str, JsonValue], dict]] = {}

    def answers(self, form: Form, assessment: str, persona: Persona, dob: str,
                when: dt.date) -> tuple[dict[str, JsonValue], dict]:
        key = (form.id, assessment, self.rng.randrange(self.variants)) if self.variants else None
        if key and key in self._cache:
            return self._cache[key]
        ctx: dict[str, object] = {"assessment": assessment, "patient.date_of_birth": dob}
        answers = fill(form, ctx, persona, self.rng, when, skip_optional=0.03)
        fs = FormSession(form, answers, {**ctx, "today": when.isoformat()})
        scores = {sid: (r.value, r.band, r.as_json()) for sid, r in fs.scores().items()}
        if key:
            self._cache[key] = (answers, scores)
        return answers, scores


def add_demo_episodes(session: Session, patients: list[Patient], registry: FormRegistry, *,
                      today: dt.date | None = None, seed: int = 7, variants: int | None = None,
                      all_complete: bool = False,
                      progress: Callable[[int], None] | None = None) -> int:
    """One episode per patient, with answers; returns how many responses were written.

    ``all_complete`` gives every patient both assessments (bench clinics).
    """
    rng = random.Random(seed)
    today = today or dt.date.today()
    filler = _Filler(registry, rng, variants)
    db = session._db
    written = 0
    with session.change("demo.episodes", "clinic", session.clinic().database_id,
                        {"patients": len(patients)}):
        for n, p in enumerate(patients):
            assert p.id is not None
            written += _one_episode(session, p, filler, rng, today, all_complete)
            if progress and n % 500 == 0:
                progress(n)
    db.checkpoint()
    return written


def _one_episode(session: Session, p: Patient, filler: _Filler, rng: random.Random,
                 today: dt.date, all_complete: bool) -> int:
    db = session._db
    stage = "completed" if all_complete else _stage(rng)
    event, treatment = rng.choice(EVENTS)
    source, by = rng.choice(SOURCES)
    # Completed episodes need room for A2 (up to 26 weeks after A1) before today. The demo
    # clinic spans 20 months of referrals so the dashboard's monthly SPC charts have enough
    # points; bench clinics keep the narrower range their figures were measured on.
    referral = today - dt.timedelta(days=rng.randint(220, 300) if all_complete
                                    else rng.randint(20, SPAN_DAYS))
    event_date = referral - dt.timedelta(days=rng.randint(2, 14))
    # A visible shift part-way: until SHIFT_DAYS ago the clinic was short of staff and
    # assessment 1 waited longer, so the wait chart shows a special cause (improving).
    slow = not all_complete and referral < today - dt.timedelta(days=SHIFT_DAYS)
    a1 = referral + dt.timedelta(days=rng.randint(18, 34) if slow else rng.randint(7, 21))
    start = a1 + dt.timedelta(days=rng.randint(3, 14))
    weeks = rng.randint(22, 26) if stage == "late_a2" else rng.randint(8, 12)
    a2 = a1 + dt.timedelta(weeks=weeks)
    if stage in ("completed", "late_a2", "no_event_date") and a2 > today:
        stage = "a1_only"
    outcome = {"declined": "declined", "did_not_attend": "did_not_attend"}.get(stage)
    if stage in ("completed", "late_a2", "no_event_date"):
        outcome = "completed"
    episode = Episode(
        None, p.id or 0, initiating_event=event,
        event_date=None if stage == "no_event_date" else event_date.isoformat(),
        treatment=treatment, treatment_date=(event_date + dt.timedelta(days=1)).isoformat(),
        discharge_date=(event_date + dt.timedelta(days=3)).isoformat(),
        referral_source=source, referral_date=referral.isoformat(), referred_by=by,
        programme_start=start.isoformat() if stage not in ("referred", "declined",
                                                           "did_not_attend") else None,
        programme_end=a2.isoformat() if outcome == "completed" else None,
        outcome=outcome)
    episode = _with_programme_fields(episode, p, stage, outcome, referral, start)
    eid = episodes_repo.insert(db, episode)
    if stage in ("referred", "declined", "did_not_attend"):
        episodes_repo.set_assessment(db, eid, "A1", due_date=a1.isoformat())
        return 0
    persona = Persona.draw(rng)
    written = _assessment(session, p, eid, "A1", a1, persona, filler)
    if outcome == "completed":
        written += _assessment(session, p, eid, "A2", a2, persona.after_rehab(rng), filler)
    else:
        episodes_repo.set_assessment(db, eid, "A2", due_date=(a1 + dt.timedelta(weeks=12))
                                     .isoformat())
    return written


DELIVERY = ("group_hospital", "group_community", "home_based", "digital", "hybrid",
            "one_to_one")


def _with_programme_fields(e: Episode, p: Patient, stage: str, outcome: str | None,
                           referral: dt.date, start: dt.date) -> Episode:
    """The schema-8 programme fields (issue 10), from a generator of the patient's own so
    the rest of the demo clinic draws exactly the values it always did."""
    rng = random.Random((p.id or 0) * 7919 + 1)
    started = stage not in ("referred", "declined", "did_not_attend")
    e = replace(e, first_invited_date=(referral + dt.timedelta(days=rng.randint(2, 6)))
                .isoformat(), risk_level=rng.choice(("low", "low", "moderate", "moderate",
                                                     "high")))
    if started:
        offered = rng.choice((8, 10, 12, 12, 16))
        attended = (offered - rng.choice((0, 0, 1, 2, 3)) if outcome == "completed"
                    else rng.randint(1, 4))
        e = replace(e, delivery_mode=rng.choice(DELIVERY), sessions_offered=offered,
                    sessions_attended=attended)
        if outcome is None and start < referral + dt.timedelta(days=60) and rng.random() < 0.1:
            e = replace(e, not_completed_reason=rng.choice(("withdrew", "medical",
                                                            "readmitted")))
    elif stage == "declined":
        e = replace(e, not_started_reason=rng.choice(("declined", "work", "transport")))
    elif stage == "did_not_attend":
        e = replace(e, not_started_reason="not_contactable")
    return e


# Record code -> the questionnaire's option value (forms/nacr_patient.yaml, GENDER IDENTITY
# CODE) for the demo's "patient answers agree with the record" default.
_GENDER_ANSWER = {"1": "male", "2": "female", "3": "non_binary", "4": "other"}


def _as_patient_said(p: Patient, form: Form, answers: dict[str, JsonValue], kind: str
                     ) -> dict[str, JsonValue]:
    """Demographics the patient gives in the kiosk match their record, except for a few
    patients (1 in 11) whose self-reported ethnicity differs, and activity answers that
    contradict each other for 1 in 9 at A1: what the staff review shows (issue 10)."""
    out = dict(answers)
    pid = p.id or 0
    if "gender" in out and p.gender in _GENDER_ANSWER:
        out["gender"] = _GENDER_ANSWER[p.gender]
    item = form.item_by_id.get("ethnic_category")
    if "ethnic_category" in out and item is not None and p.ethnic_category:
        by_code = {o.code: o.value for o in item.options if o.code}
        code = p.ethnic_category
        if pid % 11 == 3:
            others = [c for c in sorted(by_code) if c != code]
            code = others[pid % len(others)]
        if code in by_code:
            out["ethnic_category"] = by_code[code]
    if kind == "A1" and pid % 9 == 4 and out.get("reaches_150_minutes") in ("yes", "no"):
        out["reaches_150_minutes"] = "no" if out["reaches_150_minutes"] == "yes" else "yes"
    return out


def _assessment(session: Session, p: Patient, eid: int, kind: str, when: dt.date,
                persona: Persona, filler: _Filler) -> int:
    db = session._db
    aid = episodes_repo.set_assessment(db, eid, kind, due_date=when.isoformat(),
                                       done_date=when.isoformat())
    for form, mode in ((filler.patient_form, "patient"), (filler.clinical_form, "staff")):
        answers, scores = filler.answers(form, kind, persona, p.date_of_birth, when)
        if mode == "patient":
            answers = _as_patient_said(p, form, answers, kind)
        responses_repo.import_complete_response(
            db, patient_id=p.id or 0, assessment_id=aid, form_id=form.id,
            form_version=str(form.version), form_hash=form.content_hash, locale="en-GB",
            mode=mode, actor=session.username, answers=answers, scores=scores,
            completed_at=f"{when.isoformat()}T10:00:00+00:00")
    return 2
