"""The clinical measures form as a nurse meets it (issue 16, problem 2): a refused weight gives
no BMI, messages come after leaving a field and do not move the fields, the error summary
names and links to each field, and Cancel asks before throwing entries away."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from crdesk.gui.staff.record_view import PatientRecordView
from crdesk.gui.staff.staff_form import ClinicalDialog
from crdesk.gui.style import apply_style
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from tests.gui.conftest import PASSWORD
from tests.helpers.staff import TODAY, new_episode, new_patient


@pytest.fixture
def dialog(qtbot: QtBot, qapp: QApplication, real_clinic: ClinicHome) -> Iterator[ClinicalDialog]:
    # What a user sees: crdesk's own style (a marked field's border, the messages' font).
    apply_style(qapp)
    session: Session = access.unlock(real_clinic, "jsmith", PASSWORD)
    try:
        pid = new_patient(session)
        new_episode(session, pid)
        record = PatientRecordView(session, pid, today=TODAY)
        qtbot.addWidget(record)
        found = record.enter_measures("A1")
        assert isinstance(found, ClinicalDialog)
        found.resize(1000, 680)
        qtbot.waitExposed(found)
        yield found
        found.done(QDialog.DialogCode.Rejected)
    finally:
        session.close()


def bmi(dialog: ClinicalDialog) -> str:
    label = dialog.form.fields["bmi"].editor
    assert isinstance(label, QLabel)
    return label.text()


def where(dialog: ClinicalDialog, qid: str) -> QPoint:
    # Qt lays out nested widgets through posted events, one level each: deliver them all.
    for _ in range(8):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
    return dialog.form.fields[qid].editor.mapTo(dialog.form, QPoint(0, 0))


def test_a_refused_weight_gives_no_bmi(dialog: ClinicalDialog) -> None:
    form = dialog.form
    form.set_text("height", "172")
    form.set_text("weight", "92")
    assert bmi(dialog) == "31.1"
    form.set_text("weight", "700")
    assert "25 to 350" in form.fields["weight"].message.plain_text()
    assert bmi(dialog) == "—", "no BMI from a weight the form refuses"
    form.set_text("weight", "70")
    assert bmi(dialog) == "23.7"


def test_messages_wait_for_leaving_the_field_and_do_not_move_the_fields(
        qtbot: QtBot, dialog: ClinicalDialog) -> None:
    form = dialog.form
    weight = form.fields["weight"].editor
    assert isinstance(weight, QLineEdit)
    below, beside = where(dialog, "height"), where(dialog, "assessment_date")
    weight.setFocus()
    qtbot.keyClicks(weight, "700")
    assert not form.fields["weight"].message.isVisible(), "no message while typing"
    weight.editingFinished.emit()  # leaving the field
    assert form.fields["weight"].message.isVisible()
    assert where(dialog, "height") == below, "the field under the message did not move"
    assert where(dialog, "assessment_date") == beside
    # Fixed: the message goes as the field is left, and nothing moves either.
    form.set_text("weight", "70")
    assert not form.fields["weight"].message.isVisible()
    assert where(dialog, "height") == below


def test_an_empty_field_left_is_not_nagged_until_save(dialog: ClinicalDialog) -> None:
    form = dialog.form
    form.set_text("assessment_date", "")
    assert form.fields["assessment_date"].message.plain_text() == ""
    dialog.save()
    assert form.fields["assessment_date"].message.plain_text() != ""


def test_the_error_summary_names_each_field_and_links_to_it(dialog: ClinicalDialog) -> None:
    form = dialog.form
    form.set_text("assessment_date", "")
    form.set_text("weight", "700")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    summary = dialog.summary
    assert summary.isVisible()
    text = summary.links.text()
    assert "Weight (kg): " in text and "Date of this assessment: " in text
    assert text.index("Date of this assessment") < text.index("Weight (kg)"), "screen order"
    assert dialog.message.plain_text() == "", "the problems are said once, at the top"
    summary.links.linkActivated.emit("weight")
    assert form.fields["weight"].editor.hasFocus()


def test_cancel_with_unsaved_entries_asks_first(qtbot: QtBot, dialog: ClinicalDialog) -> None:
    dialog.form.set_text("weight", "92")
    dialog.reject()  # Cancel, Escape and the window's close button all come here
    box = dialog.discard_box
    assert isinstance(box, QMessageBox) and dialog.isVisible()
    keep = next(b for b in box.buttons() if b.text() == "Keep editing")
    assert box.defaultButton() is keep, "the safe answer is the default"
    keep.click()
    assert dialog.isVisible() and dialog.form.fields["weight"].editor.text() == "92"  # type: ignore[attr-defined]
    dialog.reject()
    box = dialog.discard_box
    assert box is not None
    discard = next(b for b in box.buttons() if b.text() == "Discard")
    discard.click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_typed_but_not_left_counts_as_an_entry(qtbot: QtBot, dialog: ClinicalDialog) -> None:
    weight = dialog.form.fields["weight"].editor
    assert isinstance(weight, QLineEdit)
    weight.setFocus()
    qtbot.keyClicks(weight, "9")
    dialog.reject()
    assert dialog.discard_box is not None and dialog.isVisible()


def test_cancel_with_nothing_entered_closes_at_once(dialog: ClinicalDialog) -> None:
    dialog.reject()
    assert dialog.discard_box is None and not dialog.isVisible()


def test_no_sideways_scrolling(dialog: ClinicalDialog) -> None:
    dialog.resize(1366, 768)
    where(dialog, "weight")
    assert dialog.scroll_area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    # Nothing is cut off at the right: the form is no wider than the area showing it.
    assert dialog.form.minimumSizeHint().width() <= dialog.scroll_area.viewport().width()
