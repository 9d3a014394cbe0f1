"""Responses stored as they are given, resumed after a break, finished, corrected."""

from __future__ import annotations

import random

import pytest

from crdesk.core.episode import Episode
from crdesk.demo.patients import demo_patients
from crdesk.errors import ValidationError
from crdesk.services.questionnaires import PATIENT_FORM, OpenResponse, QuestionnaireService
from crdesk.services.session import Session
from crdesk.storage import audit_repo, episodes_repo, patients_repo, responses_repo
from tests.core.forms.walker import valid_answer


@pytest.fixture
def patient(admin: Session) -> tuple[int, int]:
    with admin.change("patient.create", "patient"):
        pid = patients_repo.insert(admin._db, next(demo_patients(1, seed=3)))
        eid = episodes_repo.insert(admin._db, Episode(None, pid, initiating_event="mi_stemi",
                                                     event_date="2026-01-05"))
    return pid, eid


def test_each_answer_is_stored_at_once_and_resumes(admin: Session,
                                                   patient: tuple[int, int]) -> None:
    pid, eid = patient
    svc = QuestionnaireService(admin)
    opened = svc.start_or_resume(pid, PATIENT_FORM, episode_id=eid, assessment="A1")
    assert opened.record.form_hash == opened.form_session.form.content_hash
    assert opened.record.provenance["form_id"] == PATIENT_FORM
    svc.answer(opened, "info_acknowledgement", "read")
    svc.answer(opened, "smoking_status", "never")
    assert responses_repo.answers(admin._db, opened.id) == {
        "info_acknowledgement": "read", "smoking_status": "never"}
    # Clearing an answer removes it; the audit names the question, not the answer.
    svc.answer(opened, "smoking_status", None)
    assert "smoking_status" not in responses_repo.answers(admin._db, opened.id)
    details = [e.detail for e in audit_repo.entries(admin._db, entity_id=str(opened.id))]
    assert not any("never" in d or "read" in d for d in details)
    opened.form_session.next()
    svc.page_changed(opened)
    page = opened.form_session.current_page.id
    again = QuestionnaireService(admin).start_or_resume(pid, PATIENT_FORM, episode_id=eid,
                                                        assessment="A1")
    assert again.id == opened.id
    assert again.form_session.current_page.id == page
    assert again.form_session.answers == {"info_acknowledgement": "read"}


def _fill(svc: QuestionnaireService, opened: OpenResponse) -> None:
    """Answer every shown question with the first valid choice, through the service."""
    rng = random.Random(1)
    fs = opened.form_session
    for _ in range(100):
        for item in fs.current_page.items:
            if item.answerable and fs.is_visible(item.id):
                errors = [m for m in svc.answer(opened, item.id, valid_answer(item, "first", rng))
                          if m.severity == "error"]
                assert errors == [], errors
        messages = fs.next()
        if messages:
            messages = fs.next()  # warnings are shown once, then accepted
        assert messages == []
        svc.page_changed(opened)
        if fs.finished or fs.is_last_page and fs.is_complete:
            return


def test_unusable_value_is_not_saved(admin: Session, patient: tuple[int, int]) -> None:
    pid, eid = patient
    svc = QuestionnaireService(admin)
    opened = svc.start_or_resume(pid, PATIENT_FORM, episode_id=eid, assessment="A1")
    messages = svc.answer(opened, "alcohol_units_week", "lots")
    assert messages and messages[0].text
    assert "alcohol_units_week" not in responses_repo.answers(admin._db, opened.id)


def test_finished_response_cannot_be_changed_but_can_be_corrected(
        admin: Session, patient: tuple[int, int]) -> None:
    pid, eid = patient
    svc = QuestionnaireService(admin)
    opened = svc.start_or_resume(pid, PATIENT_FORM, episode_id=eid, assessment="A1")
    _fill(svc, opened)
    svc.finish(opened)
    record = responses_repo.get_response(admin._db, opened.id)
    assert record is not None and record.status == "complete"
    assert episodes_repo.snapshots(admin._db)[0].assessments["A1"]["done_date"]
    stored_scores = responses_repo.scores(admin._db, opened.id)
    assert "hads_anxiety" in stored_scores
    with pytest.raises(ValidationError, match="finished"):
        svc.answer(opened, "smoking_status", "current")
    with pytest.raises(ValidationError, match="reason"):
        svc.correct(opened.id, "smoking_status", "current", "  ")
    old = responses_repo.answers(admin._db, opened.id).get("smoking_status")
    cid = svc.correct(opened.id, "smoking_status", "current", "patient ticked the wrong box")
    (c,) = responses_repo.corrections(admin._db, opened.id)
    assert c.id == cid and c.old_value == old and c.new_value == "current"
    assert responses_repo.answers(admin._db, opened.id)["smoking_status"] == "current"
    svc.mark_reviewed(opened.id)
    assert responses_repo.get_response(admin._db, opened.id).status == "reviewed"  # type: ignore[union-attr]
