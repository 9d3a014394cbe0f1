"""At staff review: the patient's demographics beside the record's, one click to take the
patient's answer (audited), and contradictory activity answers shown (issue 10 items 3, 8)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from crdesk.core.episode import Episode
from crdesk.demo.patients import demo_patients
from crdesk.errors import ValidationError
from crdesk.services.questionnaires import PATIENT_FORM, QuestionnaireService
from crdesk.services.session import Session
from crdesk.storage import audit_repo, episodes_repo, patients_repo
from tests.services.test_form_versions import _fill

SAID = {"info_acknowledgement": "read", "gender": "female", "ethnic_category": "asian_indian",
        "active_days_week": 3,
        "active_minutes_day": 20, "reaches_150_minutes": "yes"}


_SEEDS = iter(range(21, 200))


def finished(admin: Session, record_gender: str | None, record_ethnic: str | None,
             said: dict[str, object]) -> tuple[int, int]:
    """A patient whose record holds these codes and who answered the kiosk so."""
    p = replace(next(demo_patients(1, seed=next(_SEEDS))), gender=record_gender,
                ethnic_category=record_ethnic)
    with admin.change("patient.create", "patient"):
        pid = patients_repo.insert(admin._db, p)
        eid = episodes_repo.insert(admin._db, Episode(None, pid, initiating_event="mi_stemi",
                                                     event_date="2026-01-05"))
    svc = QuestionnaireService(admin)
    opened = svc.start_or_resume(pid, PATIENT_FORM, episode_id=eid, assessment="A1")
    _fill(svc, opened, said)
    return pid, opened.id


def test_differences_are_shown_and_one_click_takes_the_patients_answer(admin: Session) -> None:
    pid, rid = finished(admin, "1", "A", SAID)
    svc = QuestionnaireService(admin)
    found = {d.field: d for d in svc.demographic_differences(svc.load(rid))}
    assert set(found) == {"gender", "ethnic_category"}
    g, e = found["gender"], found["ethnic_category"]
    assert (g.record_code, g.patient_code) == ("1", "2")
    assert g.record_words.startswith("Male") and g.patient_words.startswith("Female")
    assert (e.record_code, e.patient_code) == ("A", "H") and e.patient_is_default
    assert not g.patient_is_default  # self-reported ethnicity is the NHS default, not gender
    svc.take_patient_answer(rid, "ethnic_category")
    patient = patients_repo.get(admin._db, pid)
    assert patient is not None and patient.ethnic_category == "H" and patient.gender == "1"
    entry = audit_repo.entries(admin._db, limit=1)[0]
    assert (entry.action, entry.entity_id) == ("patient.update", str(pid))
    detail = json.loads(entry.detail)
    assert detail == {"fields": ["ethnic_category"], "from_response": rid}  # no values
    assert [d.field for d in svc.demographic_differences(svc.load(rid))] == ["gender"]
    with pytest.raises(ValidationError, match="already matches"):
        svc.take_patient_answer(rid, "ethnic_category")


def test_matching_or_unanswered_demographics_show_nothing(admin: Session) -> None:
    _, rid = finished(admin, "2", "H", SAID)
    svc = QuestionnaireService(admin)
    assert svc.demographic_differences(svc.load(rid)) == []
    # "Prefer not to say" is the code Z: a real difference from a recorded value.
    _, rid2 = finished(admin, "2", "H", {**SAID, "ethnic_category":
                                         {"special": "prefer_not_to_say"}})
    (d,) = svc.demographic_differences(svc.load(rid2))
    assert (d.field, d.patient_code) == ("ethnic_category", "Z")


def test_an_empty_record_field_is_a_difference_too(admin: Session) -> None:
    pid, rid = finished(admin, None, None, SAID)
    svc = QuestionnaireService(admin)
    found = {d.field: d for d in svc.demographic_differences(svc.load(rid))}
    assert found["gender"].record_words == "Not recorded"
    svc.take_patient_answer(rid, "gender")
    patient = patients_repo.get(admin._db, pid)
    assert patient is not None and patient.gender == "2"


def test_contradictory_activity_answers_are_found_at_review(admin: Session) -> None:
    _, rid = finished(admin, "2", "H", SAID)
    svc = QuestionnaireService(admin)
    found = svc.activity_contradiction(svc.load(rid))
    assert found is not None and found.minutes == 60
    _, ok = finished(admin, "2", "H", {**SAID, "active_minutes_day": 30, "active_days_week": 5})
    assert svc.activity_contradiction(svc.load(ok)) is None


def test_an_old_gender_code_is_kept_when_other_fields_change_but_never_newly_chosen(
        admin: Session) -> None:
    from crdesk.errors import ValidationError as _VE  # FieldErrors is one
    from crdesk.services.patients import PatientService

    pid, _ = finished(admin, "2", "H", SAID)
    with admin.change("test.old_code", "patient", pid):
        admin._db.execute("UPDATE patients SET gender = '9' WHERE id = ?", (pid,))
    svc = PatientService(admin)
    old = patients_repo.get(admin._db, pid)
    assert old is not None
    assert svc.update(replace(old, postcode="LS6 2AB")) == ["postcode"]
    kept = patients_repo.get(admin._db, pid)
    assert kept is not None and kept.gender == "9"  # kept, not cleared behind staff's back
    other, _ = finished(admin, "2", "H", SAID)
    fresh = patients_repo.get(admin._db, other)
    assert fresh is not None
    with pytest.raises(_VE):
        svc.update(replace(fresh, gender="9"))  # a new choice must be from today's list
