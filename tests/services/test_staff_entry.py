"""Staff entry of the patient questionnaire: method, dates, skip logic, licensed instruments,
double data entry of paper, and completion broken down by method. Real SQLCipher clinics."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from crdesk.core.episode import Episode
from crdesk.core.staff_entry import sections
from crdesk.demo.patients import demo_patients
from crdesk.errors import ValidationError
from crdesk.export.profile import available_profiles
from crdesk.export.rows import RowBuilder
from crdesk.services.questionnaires import PATIENT_FORM, QuestionnaireService
from crdesk.services.session import Session
from crdesk.services.staff_entry import Entry, StaffEntryService
from crdesk.storage import audit_repo, episodes_repo, patients_repo, responses_repo
from tests.core.forms.walker import valid_answer

TODAY = dt.date(2026, 3, 20)


@pytest.fixture
def patient(admin: Session) -> tuple[int, int]:
    with admin.change("patient.create", "patient"):
        pid = patients_repo.insert(admin._db, next(demo_patients(1, seed=3)))
        eid = episodes_repo.insert(admin._db, Episode(
            None, pid, initiating_event="mi_stemi", event_date="2026-01-05",
            referral_date="2026-01-10"))
    return pid, eid


def fill_section(svc: StaffEntryService, entry: Entry, strategy: str = "first") -> None:
    """Answer every shown question of the current section through the service."""
    rng = random.Random(7)
    for _ in range(5):  # an answer can reveal a follow-up on the same section
        for page in entry.walk.current.pages:
            for item in entry.fs.visible_items(page):
                if item.answerable and item.id not in entry.fs.answers:
                    value = valid_answer(item, strategy, rng)
                    errors = [m for m in svc.answer(entry, item.id, value)
                              if m.severity == "error"]
                    assert not errors, (item.id, errors)


def enter_all(svc: StaffEntryService, entry: Entry, strategy: str = "first",
              skip_reason: str = "") -> list[str]:
    """Section by section to the end; licensed sections skipped when a reason is given."""
    seen = []
    for _ in range(30):
        sid = entry.walk.current.id
        seen.append(sid)
        if skip_reason and entry.notice() is not None:
            svc.skip_section(entry, sid, skip_reason)
        else:
            fill_section(svc, entry, strategy)
        messages = entry.walk.next()
        if messages:  # warnings: a second Enter accepts them
            assert all(m.severity == "warning" for m in messages), messages
            assert not entry.walk.next()
        svc.page_changed(entry)
        if entry.fs.finished:
            return seen
    raise AssertionError("never reached the end")


def test_telephone_a2_records_method_user_date_and_skipped_licensed_sections(
        admin: Session, patient: tuple[int, int]) -> None:
    pid, eid = patient
    svc = StaffEntryService(admin, today=TODAY)
    entry = svc.open(pid, eid, "A2", method="telephone", answered_on="18/03/2026")
    assert entry.which == "first" and entry.fs.context["assessment"] == "A2"
    seen = enter_all(svc, entry, skip_reason="placeholder pack; paper copy posted")
    # Placeholder packs ship for HADS and COOP: both sections were flagged and skipped.
    assert {"quality_of_life", "feelings"} <= set(seen)
    assert responses_repo.section_skips(admin._db, entry.id) == {
        "quality_of_life": "placeholder pack; paper copy posted",
        "feelings": "placeholder pack; paper copy posted"}
    assert svc.finish(entry) == "done"
    record = responses_repo.get_response(admin._db, entry.id)
    assert record is not None and record.status == "complete" and record.mode == "patient"
    assert record.method == "telephone"
    stored = responses_repo.get_entry(admin._db, entry.id)
    assert stored is not None and stored.entered_by == "admin"
    assert stored.answered_on == "2026-03-18" and stored.stage == "done"
    answers = responses_repo.answers(admin._db, entry.id)
    assert not any(q.startswith(("hads_", "coop_")) for q in answers)
    scores = responses_repo.scores(admin._db, entry.id)
    assert scores["hads_anxiety"][0] is None and scores["bmi"][0] is not None
    # The assessment is dated when the patient answered, not when it was typed.
    a2 = episodes_repo.assessment_id(admin._db, eid, "A2")
    done = admin._db.scalar("SELECT done_date FROM assessments WHERE id = ?", (a2,))
    assert done == "2026-03-18"
    assert svc.completion_by_method().by_assessment["A2"]["telephone"] == 1
    actions = [e.action for e in audit_repo.entries(admin._db, entity_id=str(entry.id))]
    assert "entry.start" in actions and actions.count("section.skip") == 2


def test_draft_resumes_in_the_section_where_it_stopped(admin: Session,
                                                       patient: tuple[int, int]) -> None:
    pid, eid = patient
    svc = StaffEntryService(admin, today=TODAY)
    entry = svc.open(pid, eid, "A2", method="video", answered_on="19/03/2026")
    fill_section(svc, entry)
    assert not entry.walk.next()
    svc.page_changed(entry)
    where = entry.walk.current.id
    first_answers = dict(entry.fs.answers)
    again = StaffEntryService(admin, today=TODAY).open(pid, eid, "A2")
    assert again.id == entry.id and again.walk.current.id == where
    assert again.fs.answers == first_answers and again.method == "video"


def test_bad_input_is_refused_with_the_reason(admin: Session, patient: tuple[int, int],
                                              tmp_path: Path) -> None:
    pid, eid = patient
    svc = StaffEntryService(admin, today=TODAY)
    for when, words in (("21/03/2026", "in the future"), ("09/01/2026", "before this referral"),
                        ("31/02/2026", "dd/mm/yyyy")):
        with pytest.raises(ValidationError, match=words):
            svc.open(pid, eid, "A2", method="paper", answered_on=when)
    with pytest.raises(ValidationError, match="how the answers were obtained"):
        svc.open(pid, eid, "A2", method="", answered_on="18/03/2026")
    with pytest.raises(ValidationError, match=r"No cy-GB text pack is installed for .*'hads'"):
        svc.open(pid, eid, "A2", method="paper", answered_on="18/03/2026", locale="cy-GB")
    # Nothing was started by any of them.
    assert responses_repo.responses_for_patient(admin._db, pid) == []
    # The episode of another patient is refused: answers never go to the wrong record.
    with admin.change("patient.create", "patient"):
        other = patients_repo.insert(admin._db, next(demo_patients(1, seed=9)))
    with pytest.raises(ValidationError, match="does not belong to this patient"):
        svc.open(other, eid, "A2", method="paper", answered_on="18/03/2026")
    # A question the skip logic hides: refused with the reason, nothing stored.
    entry = svc.open(pid, eid, "A2", method="paper", answered_on="18/03/2026")
    hidden = next(i for s in sections(entry.fs) for p in s.pages for i in p.items
                  if i.show_if and not entry.fs.is_visible(i.id))
    messages = svc.answer(entry, hidden.id, valid_answer(hidden, "first", random.Random(1)))
    assert messages[0].code == "not_asked" and "applies only when" in messages[0].text
    assert hidden.id not in responses_repo.answers(admin._db, entry.id)


def _paper_first_entry(svc: StaffEntryService, pid: int, eid: int) -> Entry:
    entry = svc.open(pid, eid, "A2", method="paper", answered_on="02/03/2026",
                     double_entry=True)
    enter_all(svc, entry, "first")
    assert svc.finish(entry) == "awaiting_second"
    return entry


def test_paper_double_entry_counts_only_once_differences_are_resolved(
        admin: Session, staff: Session, patient: tuple[int, int]) -> None:
    pid, eid = patient
    first_svc = StaffEntryService(admin, today=TODAY)
    first = _paper_first_entry(first_svc, pid, eid)
    record = responses_repo.get_response(admin._db, first.id)
    assert record is not None and record.status == "draft"  # not counted yet
    with pytest.raises(ValidationError, match="another member of staff"):
        StaffEntryService(admin, today=TODAY).open(pid, eid, "A2")
    svc = StaffEntryService(staff, today=TODAY)
    second = svc.open(pid, eid, "A2")
    assert second.which == "second" and second.fs.answers == {}  # blind: nothing shown
    enter_all(svc, second, "first")
    # Two typing slips in the second entry.
    assert not svc.answer(second, "smoking_status", "current")
    assert not svc.answer(second, "cigarettes_per_day", 12)
    assert svc.finish(second) == "resolving"
    found = svc.differences(second)
    assert [d.question_id for d in found] == ["smoking_status", "cigarettes_per_day"]
    assert found[1].first_text == "(no answer)" and found[1].second is not None
    record = responses_repo.get_response(staff._db, first.id)
    assert record is not None and record.status == "draft"
    svc.resolve(second, "smoking_status", "first")
    with pytest.raises(ValidationError, match="1 difference"):
        svc.complete_checked(second)
    svc.resolve(second, "cigarettes_per_day", "first")
    svc.complete_checked(second)
    record = responses_repo.get_response(staff._db, first.id)
    assert record is not None and record.status == "complete" and record.method == "paper"
    answers = responses_repo.answers(staff._db, first.id)
    assert answers["smoking_status"] != "current" and "cigarettes_per_day" not in answers
    stored = responses_repo.get_entry(staff._db, first.id)
    assert stored is not None and stored.entered_by == "admin" and stored.second_by == "staff"


def test_licence_that_forbids_interview_allows_only_a_skip(
        admin: Session, patient: tuple[int, int]) -> None:
    """Hazard H56: a licensed instrument read to a patient when its licence does not allow it."""
    pid, eid = patient
    svc = StaffEntryService(admin, today=TODAY)
    root = admin.home.basedir.root / "text" / "en-GB" / "hads"
    root.mkdir(parents=True)
    shipped = (Path(__file__).parents[2] / "forms/text/en-GB/hads.yaml").read_text("utf-8")
    pack = (shipped.replace("placeholder: true", "placeholder: false\ninterview: false")
            .replace("Licensed text not installed", "test wording"))
    (root / "pack.yaml").write_text(pack, "utf-8")
    entry = svc.open(pid, eid, "A2", method="telephone", answered_on="18/03/2026")
    entry.walk.go("feelings")
    notice = entry.notice()
    assert notice is not None and notice.forbidden and "does not allow" in notice.text()
    messages = svc.answer(entry, "hads_1", 2)
    assert messages[0].code == "licence"
    assert "hads_1" not in responses_repo.answers(admin._db, entry.id)
    with pytest.raises(ValidationError, match="reason"):
        svc.skip_section(entry, "feelings", "  ")
    svc.skip_section(entry, "feelings", "licence: self-completion only")
    assert responses_repo.section_skips(admin._db, entry.id) == {
        "feelings": "licence: self-completion only"}
    # The same instrument typed in from paper (the patient's own completion) is allowed.
    paper = svc.open(pid, eid, "A3", method="paper", answered_on="18/03/2026")
    assert paper.notice("feelings") is None
    assert not svc.answer(paper, "hads_1", 2)
    assert responses_repo.answers(admin._db, paper.id)["hads_1"] == 2


def test_a_staff_entry_is_the_patient_questionnaire_for_export_and_kiosk(
        admin: Session, patient: tuple[int, int]) -> None:
    """Hazard H55: one questionnaire per patient and assessment, whoever typed it."""
    pid, eid = patient
    svc = StaffEntryService(admin, today=TODAY)
    entry = svc.open(pid, eid, "A2", method="in_person", answered_on="19/03/2026")
    # While staff type it in, the kiosk cannot start a second questionnaire beside it ...
    with pytest.raises(ValidationError, match="Staff are entering this questionnaire"):
        QuestionnaireService(admin).start_or_resume(pid, PATIENT_FORM, episode_id=eid,
                                                    assessment="A2")
    enter_all(svc, entry, skip_reason="not licensed for interview here")
    assert svc.finish(entry) == "done"
    # ... and once done it is what the export reads as the patient's A2 questionnaire.
    snap = next(s for s in episodes_repo.snapshots(admin._db) if s.episode.id == eid)
    assert snap.answers[("A2", "patient")]["smoking_status"] == entry.fs.answers[
        "smoking_status"]
    assert snap.scores["A2"]["bmi"] is not None
    # How it was completed goes only to the local (de-identified) export: NACR's field for
    # it is not known.
    assert snap.assessments["A2"]["questionnaire_by"] == "in_person"
    profiles = available_profiles()
    row = RowBuilder(profiles["deidentified"], today=TODAY, pseudonymise=lambda v: "p")(snap)
    assert row.values["A2_QUESTIONNAIRE_BY"] == "in_person" and row.values[
        "A1_QUESTIONNAIRE_BY"] == ""
    assert not any("QUESTIONNAIRE_BY" in c.name for c in profiles["nacr"].columns)
    with pytest.raises(ValidationError, match="already complete"):
        svc.open(pid, eid, "A2", method="paper", answered_on="19/03/2026")
    # A kiosk draft of another assessment is never taken over by staff entry.
    kiosk = QuestionnaireService(admin).start_or_resume(pid, PATIENT_FORM, episode_id=eid,
                                                        assessment="A3")
    with pytest.raises(ValidationError, match="clinic laptop"):
        svc.open(pid, eid, "A3", method="telephone", answered_on="19/03/2026")
    assert responses_repo.get_entry(admin._db, kiosk.id) is None
