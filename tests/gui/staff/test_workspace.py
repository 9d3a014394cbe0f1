"""The staff workspace driven like a nurse would: create a patient (bad NHS number first),
record a referral, enter both assessments, set and review a goal, read the progress."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from crdesk.demo.answers import Persona
from crdesk.gui.staff.patients_page import PatientsPage
from crdesk.gui.staff.record_view import PatientRecordView
from crdesk.gui.staff.staff_form import ClinicalDialog
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage import audit_repo, patients_repo
from tests.gui.conftest import PASSWORD
from tests.helpers.staff import A1_DAY, A2_DAY, NHS_BAD, NHS_OK, TODAY, questionnaire


@pytest.fixture
def session(real_clinic: ClinicHome) -> Iterator[Session]:
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    yield s
    s.close()


def type_into(widget: QWidget, text: str) -> None:
    assert isinstance(widget, QLineEdit)
    widget.setText(text)


def choose(widget: QWidget, value: str) -> None:
    assert isinstance(widget, QComboBox)
    index = widget.findData(value)
    assert index >= 0, value
    widget.setCurrentIndex(index)


def enter_measures(record: PatientRecordView, kind: str, day: dt.date, weight: str,
                   walk: str) -> None:
    dialog = record.enter_measures(kind)
    assert isinstance(dialog, ClinicalDialog)
    form = dialog.form
    form.set_text("assessment_date", day.strftime("%d/%m/%Y"))
    form.set_text("weight", "900")
    dialog.save()
    assert "25 to 350" in form.fields["weight"].message.plain_text()
    assert dialog.result() != QDialog.DialogCode.Accepted, "nothing saved with a bad weight"
    for qid, text in (("weight", weight), ("height", "172"), ("waist", "101")):
        form.set_text(qid, text)
    assert form.fields["weight"].message.plain_text() == ""
    assert form.fields["bmi"].editor.text() != "—"  # type: ignore[attr-defined]
    form.choose("walk_test", "iswt")
    assert form.fields["iswt_distance"].container.isVisibleTo(form)
    form.set_text("iswt_distance", walk)
    form.choose("medication_classes", ["statin"])
    form.choose("smoking_status_verified", "current" if kind == "A1" else "ex_under_6m")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.plain_text()


def test_nurse_journey(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    page = PatientsPage(session, today=TODAY)
    qtbot.addWidget(page)
    page.reload_list()
    assert page.list.model.rowCount() == 0

    # 1. New patient: a bad NHS number is refused at its field and nothing is saved.
    page.new_patient()
    g = page.editor.grid
    type_into(g.fields["nhs_number"], NHS_BAD)
    type_into(g.fields["family_name"], "Pemberton")
    type_into(g.fields["given_name"], "Edith")
    type_into(g.fields["date_of_birth"], "14/03/2090")
    page.editor.save_button.click()
    assert "check digit" in g.message("nhs_number")
    assert g.fields["nhs_number"].property("invalid") is True
    assert g.message("date_of_birth") == "The date of birth is in the future."
    assert g.message("family_name") == ""
    assert patients_repo.count(session._db) == 0
    type_into(g.fields["nhs_number"], NHS_OK)
    type_into(g.fields["date_of_birth"], "14/03/1950")
    page.editor.save_button.click()
    record = page.record
    assert record is not None and page.stack.currentWidget() is record
    assert record.title.text() == "PEMBERTON, Edith"
    assert "943 476 5919" in record.identity.text() and "Referred" in record.identity.text()
    pid = record.patient_id

    # 2. A referral; the programme end before its start is refused at the field.
    dialog = record.edit_episode(None)
    eg = dialog.grid
    choose(eg.fields["initiating_event"], "mi_nstemi")
    type_into(eg.fields["event_date"], "10/01/2026")
    choose(eg.fields["treatment"], "pci")
    type_into(eg.fields["referral_date"], "15/01/2026")
    type_into(eg.fields["programme_start"], "09/02/2026")
    type_into(eg.fields["programme_end"], "01/02/2026")
    dialog.buttons.accepted.emit()
    assert eg.message("programme_end") == "The programme end is before the programme start."
    type_into(eg.fields["programme_end"], "")
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    eid = record.episode_id
    assert eid is not None and "MI (NSTEMI)" in record.episode_box.currentText()

    # 3. Both assessments: clinical measures on screen, questionnaires as the kiosk saves them.
    persona = Persona.draw(random.Random(3))
    enter_measures(record, "A1", A1_DAY, "92", "300")
    questionnaire(session, pid, eid, "A1", A1_DAY, persona)
    enter_measures(record, "A2", A2_DAY, "88.5", "420")
    questionnaire(session, pid, eid, "A2", A2_DAY, persona.after_rehab(random.Random(4)), 2)
    record.reload()
    panel = record.assessments
    assert panel.done["A1"].text() == "02/02/2026" and panel.done["A2"].text() == "27/04/2026"
    assert panel.clinical["A2"].text() == "Done" and panel.questionnaire["A2"].text() == "Done"
    assert panel.due["A3"].text() == "02/02/2027"
    assert record.kiosk_button.text() == "Start questionnaire (A3)"

    # 4. A goal set at A1, reviewed at A2, history kept.
    goal_dialog = record.add_goal()
    assert goal_dialog is not None
    goal_dialog.save()
    assert goal_dialog.grid.message("goal") == "Write the goal in the patient's own words."
    choose(goal_dialog.grid.fields["area"], "activity")
    type_into(goal_dialog.grid.fields["goal"], "Walk to the shops")
    type_into(goal_dialog.grid.fields["target"], "30 minutes on 5 days a week")
    type_into(goal_dialog.grid.fields["review_date"], "01/09/2026")
    goal_dialog.save()
    assert goal_dialog.result() == QDialog.DialogCode.Accepted
    assert record.goals.table.rowCount() == 1
    goal_id = record.goals.goals[0].id
    review = record.review_goal(goal_id)
    choose(review.grid.fields["status"], "partly_achieved")
    review.grid.fields["note"].setPlainText("Most weeks")  # type: ignore[union-attr]
    review.save()
    assert record.goals.table.item(0, 4).text() == "Partly achieved"
    assert "Partly achieved - Most weeks" in record.goals.history.text()

    # 5. The progress view: side by side, change and direction in words.
    record.tabs.setCurrentWidget(record.progress)
    progress = record.progress
    assert progress.result_of("Shuttle walk distance") == "Better"
    assert progress.result_of("Smoking") == "Better"
    assert progress.result_of("Weight") == "Better"
    headings = [progress.table.horizontalHeaderItem(c).text()
                for c in range(progress.table.columnCount())]
    assert headings == ["Measure", "A1", "A2", "Change", "Result"]
    walk = next(r for r in range(progress.table.rowCount())
                if progress.cell(r, 0).startswith("Shuttle walk"))
    assert [progress.cell(walk, c) for c in range(1, 5)] == ["300 m", "420 m", "+120 m",
                                                             "Better"]
    assert progress.chart.rows and "Better" in progress.chart.accessibleDescription()

    # 6. The report goes where it is told.
    target = tmp_path / "report.pdf"
    record.write_report(target)
    op = record.report_operation
    assert op is not None
    qtbot.waitUntil(lambda: not op.running, timeout=60_000)
    assert target.read_bytes().startswith(b"%PDF")
    assert "saved" in record.message.plain_text()

    # 7. Back to the list: search and filter find the patient.
    page.show_list()
    lv = page.list
    assert lv.model.rowCount() == 1
    lv.search.setText("943 476 5919")
    assert lv.model.rowCount() == 1
    lv.search.setText("9434765919")
    assert lv.model.rowCount() == 1
    lv.search.setText("pemb")
    assert lv.model.data(lv.model.index(0, 4)) == "Completed"
    lv.status.setCurrentIndex(lv.status.findData("in_programme"))
    assert lv.model.rowCount() == 0 and lv.count.text() == "0 of 1"

    actions = {e.action for e in audit_repo.entries(session._db)}
    assert {"patient.create", "patient.view", "episode.create", "clinical.record",
            "goal.create", "goal.review", "progress.view", "report.write",
            "patient.list"} <= actions


def test_warnings_need_a_second_save_and_kiosk_button_starts_the_questionnaire(
        qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.helpers.staff import new_episode, new_patient

    pid = new_patient(session)
    eid = new_episode(session, pid)
    record = PatientRecordView(session, pid, today=TODAY)
    qtbot.addWidget(record)
    dialog = record.enter_measures("A1")
    assert dialog is not None
    f = dialog.form
    f.set_text("systolic_bp", "230")
    f.set_text("diastolic_bp", "100")
    f.choose("walk_test", "not_done")
    f.choose("medication_classes", ["none"])
    f.choose("smoking_status_verified", "never")
    unknown = f.fields["total_cholesterol"].unknown
    assert isinstance(unknown, QCheckBox)
    unknown.setChecked(True)
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert f.fields["systolic_bp"].message.plain_text() != ""
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted

    started: list[tuple[int, int | None, str]] = []

    def fake_start(s: Session, home: ClinicHome, patient_id: int, *, episode_id: int | None,
                   assessment: str, parent: QWidget | None = None,
                   autolock: object = None) -> QWidget:
        started.append((patient_id, episode_id, assessment))
        return QWidget(parent)

    import crdesk.gui.kiosk as kiosk

    monkeypatch.setattr(kiosk, "start_kiosk", fake_start)
    record.reload()
    record.kiosk_button.click()
    assert started == [(pid, eid, "A1")], "A1 is still open: its questionnaire comes next"
