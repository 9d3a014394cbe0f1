"""Staff entry of the NACR patient questionnaire with the keyboard alone (QTest key clicks on
the focused widget only), on a real encrypted clinic: a telephone assessment 2, and a paper
questionnaire checked by double entry."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from crdesk.core.forms import load_form
from crdesk.core.roles import Role
from crdesk.crypto.kdf import TEST_COST
from crdesk.errors import ValidationError
from crdesk.gui.staff.questionnaire_entry import EntryDialog, StartEntryDialog
from crdesk.gui.staff.questionnaire_entry.editors import OPTION_KEYS
from crdesk.gui.staff.questionnaire_entry.review_view import DifferencesView, ReviewView
from crdesk.gui.staff.questionnaire_entry.section_view import SectionView
from crdesk.gui.staff.record_view import PatientRecordView
from crdesk.gui.style import apply_style
from crdesk.reports.patient_report import render
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.reports import report_data
from crdesk.services.session import Session
from crdesk.services.staff_entry import StaffEntryService
from crdesk.storage import episodes_repo, responses_repo
from tests.gui.conftest import PASSWORD
from tests.helpers.staff import TODAY, new_episode, new_patient

NURSE_PASSWORD = "a slow jog round the park"
FORM = load_form("nacr_patient")


def key(qid: str, value: object) -> str:
    """The key that picks ``value`` of a choice question, as shown beside the option."""
    values = [o.value for o in FORM.item_by_id[qid].choices]
    values += [{"special": s} for s in FORM.item_by_id[qid].allow]
    return OPTION_KEYS[values.index(value)]


# Keys typed on each question (choice: one key per option; typed: the text), then Enter.
A2_PLAN: dict[str, str] = {
    "comorbidities": key("comorbidities", "angina") + key("comorbidities", "other"),
    "conditions_other": "gout",
    "family_history": key("family_history", "no"),
    "height": "178",
    "weight": "82.5",
    "smoking_status": key("smoking_status", "current"),
    "cigarettes_per_day": "10",
    "vaping": key("vaping", FORM.item_by_id["vaping"].choices[0].value),
    "drinks_alcohol": key("drinks_alcohol", "no"),
    "active_days_week": "3",
    "active_minutes_day": "30",
    "reaches_150_minutes": key("reaches_150_minutes", "no"),
    **{q: str(n) for q, n in (("coop_physical_fitness", 2), ("coop_feelings", 3),
                              ("coop_daily_activities", 1), ("coop_social_activities", 4),
                              ("coop_pain", 2), ("coop_change_in_health", 3),
                              ("coop_overall_health", 1), ("coop_social_support", 2),
                              ("coop_quality_of_life", 5))},
    "employment_status": key("employment_status", "retired"),
    "takes_medicines": key("takes_medicines", "yes"),
    "medicine_types": key("medicine_types", "antiplatelet") + key("medicine_types", "statin"),
    "missed_medicines": key("missed_medicines", "never"),
}
HADS_REASON = "licensed HADS text not installed; paper copy posted"


@pytest.fixture
def session(real_clinic: ClinicHome, qapp: QApplication) -> Iterator[Session]:
    apply_style(qapp)
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    s.add_user("nurse", Role.STAFF, NURSE_PASSWORD, cost=TEST_COST)
    yield s
    s.close()


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def enter() -> None:
    QTest.keyClick(focus(), Qt.Key.Key_Return)


def type_keys(text: str) -> None:
    for ch in text:
        QTest.keyClicks(focus(), ch)


def start(qtbot: QtBot, service: StaffEntryService, pid: int, eid: int, *, down: int,
          method_down: int, answered: str, double: bool = False) -> EntryDialog:
    """The start dialog with the keyboard: assessment, method, date, then Enter."""
    dialog = StartEntryDialog(service, pid, eid, "A1")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.assessment.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.assessment)
    for _ in range(down):
        QTest.keyClick(focus(), Qt.Key.Key_Down)
    if dialog.resume_note.text():  # an entry under way: how and when are already known
        return _opened(qtbot, service, dialog)
    QTest.keyClick(focus(), Qt.Key.Key_Tab)
    for _ in range(method_down):
        QTest.keyClick(focus(), Qt.Key.Key_Down)
    QTest.keyClick(focus(), Qt.Key.Key_Tab)
    assert focus() is dialog.answered
    QTest.keyClick(focus(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(focus(), answered)
    if double:
        QTest.keyClick(focus(), Qt.Key.Key_Tab)
        QTest.keyClick(focus(), Qt.Key.Key_Tab)
        assert focus() is dialog.double
        QTest.keyClick(focus(), Qt.Key.Key_Space)
    return _opened(qtbot, service, dialog)


def _opened(qtbot: QtBot, service: StaffEntryService, dialog: StartEntryDialog) -> EntryDialog:
    enter()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.plain_text()
    assert dialog.entry is not None
    entry_dialog = EntryDialog(service, dialog.entry)
    qtbot.addWidget(entry_dialog)
    entry_dialog.show()
    qtbot.waitExposed(entry_dialog)
    entry_dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return entry_dialog


def drive_sections(dialog: EntryDialog, plan: dict[str, str],
                   skip: dict[str, str]) -> list[str]:
    """Answer every section with key presses on whatever has the focus; returns the
    sections seen. Identifiers must be on screen in every section (wrong-patient hazard)."""
    seen: list[str] = []
    for _ in range(200):
        view = dialog.view
        if not isinstance(view, SectionView):
            return seen
        if not seen or seen[-1] != view.section.id:
            seen.append(view.section.id)
            assert "PEMBERTON, Edith" in dialog.header.text()
            assert "943 476 5919" in dialog.header.text()
        widget = focus()
        if widget is view.skip_reason:
            if view.section.id in skip and not view.skipped:
                QTest.keyClicks(widget, skip[view.section.id])
            enter()
            continue
        qid = next(q for q, r in view.rows.items() if r.editor.focus_widget() is widget)
        type_keys(plan[qid])
        enter()
    raise AssertionError("the sections never ended")


def test_telephone_assessment_2_with_the_keyboard_alone(qtbot: QtBot, session: Session) -> None:
    pid = new_patient(session)
    eid = new_episode(session, pid)
    service = StaffEntryService(session, today=TODAY)
    answered = TODAY - dt.timedelta(days=3)
    dialog = start(qtbot, service, pid, eid, down=1, method_down=0,
                   answered=answered.strftime("%d/%m/%Y"))
    assert "Assessment 2" in dialog.header.text() and "telephone" in dialog.header.text()
    seen = drive_sections(dialog, A2_PLAN, {"feelings": HADS_REASON})
    assert seen == ["health", "lifestyle", "quality_of_life", "feelings", "work", "medicines"]
    assert isinstance(dialog.view, ReviewView)
    review = dialog.view.table
    shown = {review.item(r, 1).text(): review.item(r, 2).text() for r in range(review.rowCount())}
    assert shown[service.questionnaires.texts().text("nacr.conditions_other.label")] == "gout"
    assert any(HADS_REASON in v for v in shown.values())
    assert focus() is dialog.view.finish_button
    enter()
    assert dialog.stage == "done"
    enter()  # Close
    assert dialog.result() == QDialog.DialogCode.Accepted

    rid = dialog.entry.id
    stored = responses_repo.answers(session._db, rid)
    assert stored == {
        "comorbidities": ["angina", "other"], "conditions_other": "gout", "family_history": "no",
        "height": {"value": 178.0, "unit": "cm", "entered": {"unit": "cm", "cm": 178.0}},
        "weight": {"value": 82.5, "unit": "kg", "entered": {"unit": "kg", "kg": 82.5}},
        "smoking_status": "current", "cigarettes_per_day": 10,
        "vaping": FORM.item_by_id["vaping"].choices[0].value, "drinks_alcohol": "no",
        "active_days_week": 3, "active_minutes_day": 30, "reaches_150_minutes": "no",
        "coop_physical_fitness": 2, "coop_feelings": 3, "coop_daily_activities": 1,
        "coop_social_activities": 4, "coop_pain": 2, "coop_change_in_health": 3,
        "coop_overall_health": 1, "coop_social_support": 2, "coop_quality_of_life": 5,
        "employment_status": "retired", "takes_medicines": "yes",
        "medicine_types": ["antiplatelet", "statin"], "missed_medicines": "never"}
    record = responses_repo.get_response(session._db, rid)
    assert record is not None and record.status == "complete"
    assert record.mode == "patient" and record.method == "telephone"  # the patient's answers
    entry = responses_repo.get_entry(session._db, rid)
    assert entry is not None and entry.entered_by == "jsmith"
    assert entry.answered_on == answered.isoformat()
    assert responses_repo.section_skips(session._db, rid) == {"feelings": HADS_REASON}
    scores = {k: (v, band) for k, (v, band, _d) in responses_repo.scores(session._db, rid).items()}
    assert scores["bmi"] == (pytest.approx(26.0, abs=0.05), "overweight")  # 82.5 / 1.78²
    assert scores["coop_quality_of_life"] == (5, "unfavourable")
    assert scores["coop_daily_activities"] == (1, "favourable")
    assert scores["hads_anxiety"][0] is None and scores["hads_depression"][0] is None
    a2 = episodes_repo.assessment_id(session._db, eid, "A2")
    assert record.assessment_id == a2

    # How it was completed is reported: the record page, the progress view, the report.
    page = PatientRecordView(session, pid, today=TODAY)
    qtbot.addWidget(page)
    assert page.assessments.questionnaire["A2"].text() == "Done (by telephone)"
    assert page.progress.modes.text().endswith("completed: A2 by telephone")
    data = report_data(session, pid, eid, TODAY)
    assert data.modes == {"A2": "by telephone"}
    text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(render(data))).pages).split()
    assert "questionnaire by telephone" in " ".join(text)
    counts = service.completion_by_method()
    assert counts.by_assessment["A2"]["telephone"] == 1 and counts.share("A2", "telephone") == 1


def test_paper_double_entry_lists_differences_and_counts_once_resolved(
        qtbot: QtBot, session: Session, real_clinic: ClinicHome) -> None:
    pid = new_patient(session)
    eid = new_episode(session, pid)
    first_svc = StaffEntryService(session, today=TODAY)
    paper_day = "02/05/2026"  # the date on the form, weeks before it was typed in
    plan = {**A2_PLAN, **{f"hads_{n}": "1" for n in range(1, 15)}}
    first = start(qtbot, first_svc, pid, eid, down=1, method_down=2, answered=paper_day,
                  double=True)
    assert first.entry.notice("feelings") is None  # paper: the patient's own completion
    drive_sections(first, plan, {})
    enter()  # finish the first entry
    assert first.stage == "awaiting_second"
    rid = first.entry.id
    record = responses_repo.get_response(session._db, rid)
    assert record is not None and record.status == "draft", "not counted before the check"
    first.close()
    page = PatientRecordView(session, pid, today=TODAY)
    qtbot.addWidget(page)
    assert page.assessments.questionnaire["A2"].text() == (
        "Paper: waiting for a colleague's checking entry")

    # The same user cannot check their own entry.
    again = StartEntryDialog(first_svc, pid, eid, "A2")
    qtbot.addWidget(again)
    again.start()
    assert "another member of staff" in again.message.plain_text()
    assert again.entry is None

    nurse = access.unlock(real_clinic, "nurse", NURSE_PASSWORD)
    try:
        svc = StaffEntryService(nurse, today=TODAY)
        second = start(qtbot, svc, pid, eid, down=1, method_down=2, answered=paper_day)
        assert second.entry.which == "second" and "checking entry by nurse" in \
            second.header.text()
        slips = {**plan, "hads_3": "2", "reaches_150_minutes": key("reaches_150_minutes", "yes")}
        drive_sections(second, slips, {})
        enter()  # finish the second entry: the differences come up
        assert second.stage == "resolving"
        view = second.view
        assert isinstance(view, DifferencesView)
        assert [d.question_id for d in view.found] == ["reaches_150_minutes", "hads_3"]
        assert not view.complete_button.isEnabled()
        record = responses_repo.get_response(nurse._db, rid)
        assert record is not None and record.status == "draft"
        assert focus() is view.table
        QTest.keyClicks(focus(), "1")  # the paper says what the first entry typed
        QTest.keyClicks(focus(), "2")  # here the second entry was right
        assert [d.chosen for d in view.found] == ["first", "second"]
        assert focus() is view.complete_button
        enter()
        assert second.stage == "done"
        record = responses_repo.get_response(nurse._db, rid)
        assert record is not None and record.status == "complete" and record.method == "paper"
        stored = responses_repo.answers(nurse._db, rid)
        assert stored["reaches_150_minutes"] == "no" and stored["hads_3"] != 3
        assert stored["hads_3"] == FORM.item_by_id["hads_3"].choices[1].value
        entry = responses_repo.get_entry(nurse._db, rid)
        assert entry is not None and (entry.entered_by, entry.second_by) == ("jsmith", "nurse")
        assert entry.answered_on == "2026-05-02"
    finally:
        nurse.close()


def test_record_page_opens_the_entry_for_this_patient(qtbot: QtBot, session: Session) -> None:
    pid = new_patient(session)
    new_episode(session, pid)
    record = PatientRecordView(session, pid, today=TODAY)
    qtbot.addWidget(record)
    assert record.entry_button.isEnabled()
    dialog = record.enter_questionnaire()
    assert isinstance(dialog, StartEntryDialog)
    assert dialog.patient_id == pid and dialog.assessment.currentData() == "A1"
    dialog.reject()


def test_a_licence_that_forbids_interview_leaves_only_a_skip_with_a_reason(
        qtbot: QtBot, session: Session) -> None:
    """Hazard H56 on screen: no answers can be typed; Enter needs a reason, then moves on."""
    folder = session.home.basedir.root / "text" / "en-GB" / "hads"
    folder.mkdir(parents=True)
    shipped = (Path(__file__).parents[3] / "forms/text/en-GB/hads.yaml").read_text("utf-8")
    folder.joinpath("pack.yaml").write_text(
        shipped.replace("placeholder: true", "placeholder: false\ninterview: false")
        .replace("Licensed text not installed", "test wording"), "utf-8")
    pid = new_patient(session)
    eid = new_episode(session, pid)
    service = StaffEntryService(session, today=TODAY)
    dialog = start(qtbot, service, pid, eid, down=1, method_down=1,
                   answered=TODAY.strftime("%d/%m/%Y"))
    assert "video" in dialog.header.text()
    for _ in range(3):  # health, lifestyle, quality of life: nothing typed
        QTest.keyClick(focus(), Qt.Key.Key_PageDown)
    view = dialog.view
    assert isinstance(view, SectionView) and view.section.id == "feelings"
    assert view.notice is not None and view.notice.forbidden
    assert "does not allow it to be read" in view.notice_text.text()
    assert focus() is view.skip_reason
    assert not any(r.editor.widget.isEnabled() for r in view.rows.values()
                   if r.item.answerable)
    enter()  # no reason: refused, still here
    assert dialog.view is view and "reason" in view.skip_message.plain_text()
    with pytest.raises(ValidationError, match="has not been skipped"):
        service.finish(dialog.entry)
    QTest.keyClicks(focus(), "licence: self-completion only")
    enter()
    assert view.skipped
    enter()
    assert isinstance(dialog.view, SectionView) and dialog.view.section.id == "work"
    assert responses_repo.section_skips(session._db, dialog.entry.id) == {
        "feelings": "licence: self-completion only"}
