"""Helpers for staff-workspace tests: a patient with an episode and finished assessments,
written through the real services (no database mocks)."""

from __future__ import annotations

import datetime as dt
import random

from crdesk.core.episode import Episode
from crdesk.core.patient import Patient
from crdesk.demo.answers import Persona, fill
from crdesk.services.clinical import ClinicalService
from crdesk.services.episodes import EpisodeService
from crdesk.services.patients import PatientService
from crdesk.services.questionnaires import PATIENT_FORM, QuestionnaireService
from crdesk.services.session import Session

TODAY = dt.date(2026, 6, 1)
A1_DAY = dt.date(2026, 2, 2)
A2_DAY = dt.date(2026, 4, 27)  # 12 weeks after A1
NHS_OK = "943 476 5919"  # valid Modulus 11 (nacr.md section 5)
NHS_BAD = "123 456 7890"


def new_patient(session: Session, nhs: str = NHS_OK) -> int:
    return PatientService(session, TODAY).create(Patient(
        None, nhs, "H123456", "Pemberton", "Edith", "14/03/1950", gender="2",
        ethnic_category="A", postcode="ls6 1ab", gp_practice_code="a81001"))


def new_episode(session: Session, patient_id: int) -> int:
    return EpisodeService(session, TODAY).save(Episode(
        None, patient_id, initiating_event="mi_nstemi", event_date="2026-01-10",
        treatment="pci", treatment_date="2026-01-11", discharge_date="2026-01-14",
        referral_source="nhs_trust", referral_date="2026-01-15", referred_by="consultant",
        programme_start="2026-02-09"))


def questionnaire(session: Session, patient_id: int, episode_id: int, kind: str,
                  when: dt.date, persona: Persona, seed: int = 1) -> int:
    qs = QuestionnaireService(session)
    opened = qs.start_or_resume(patient_id, PATIENT_FORM, episode_id=episode_id,
                                assessment=kind, today=when)
    answers = fill(opened.form_session.form, qs.context(patient_id, kind), persona,
                   random.Random(seed), when, skip_optional=0.0)
    for qid, value in answers.items():
        qs.answer(opened, qid, value)
    qs.finish(opened, today=when)
    return opened.id


def clinical(session: Session, patient_id: int, episode_id: int, kind: str, when: dt.date,
             weight: float, walk: int, smoking: str = "ex_under_6m") -> int:
    svc = ClinicalService(session, today=TODAY)
    fs = svc.form_session(patient_id, episode_id, kind)
    for qid, value in (("assessment_date", when.isoformat()), ("weight", weight),
                       ("height", 172.0), ("waist", 101.0), ("systolic_bp", 142),
                       ("diastolic_bp", 88), ("walk_test", "iswt"), ("iswt_distance", walk),
                       ("medication_classes", ["antiplatelet", "statin"]),
                       ("smoking_status_verified", smoking)):
        assert [m for m in fs.answer(qid, value) if m.severity == "error"] == [], qid
    return svc.save(patient_id, episode_id, kind, fs)


def both_assessments(session: Session) -> tuple[int, int]:
    """A patient with A1 and A2 done (questionnaires and clinical measures)."""
    pid = new_patient(session)
    eid = new_episode(session, pid)
    persona = Persona.draw(random.Random(3))
    questionnaire(session, pid, eid, "A1", A1_DAY, persona)
    clinical(session, pid, eid, "A1", A1_DAY, 92.0, 300, smoking="current")
    questionnaire(session, pid, eid, "A2", A2_DAY, persona.after_rehab(random.Random(4)), 2)
    clinical(session, pid, eid, "A2", A2_DAY, 88.5, 420, smoking="ex_under_6m")
    return pid, eid
