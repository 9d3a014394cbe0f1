"""Issue 16 problem 1 and 7 (goal dialog): reviewing the second goal keeps the selection and
the history on it; the review dialog chooses no outcome for the nurse; goal-dialog errors
go when fixed; Save is the one primary action; the goal columns are not squeezed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from crdesk.gui.staff.record_view import PatientRecordView
from crdesk.services import access
from crdesk.services.goals import GoalService
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage import goals_repo
from tests.gui.conftest import PASSWORD
from tests.helpers.staff import TODAY, new_episode, new_patient


@pytest.fixture
def session(real_clinic: ClinicHome) -> Iterator[Session]:
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    yield s
    s.close()


def three_goals(qtbot: QtBot, session: Session) -> tuple[PatientRecordView, list[int]]:
    pid = new_patient(session)
    eid = new_episode(session, pid)
    svc = GoalService(session, TODAY)
    ids = [svc.add(eid, "activity", "Walk to the shops and back without stopping",
                   "30 minutes on 5 days a week", "01/09/2026"),
           svc.add(eid, "diet", "Cook at home more often than buying takeaways",
                   "Takeaway no more than once a week", "01/09/2026"),
           svc.add(eid, "smoking", "Stop smoking", "No cigarettes for 4 weeks", "")]
    record = PatientRecordView(session, pid, today=TODAY)
    qtbot.addWidget(record)
    record.resize(1366, 700)
    record.tabs.setCurrentWidget(record.goals)
    record.show()
    return record, ids


def choose(box: object, value: str) -> None:
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData(value))


def test_review_of_the_second_goal_stays_on_it(qtbot: QtBot, session: Session) -> None:
    record, ids = three_goals(qtbot, session)
    panel = record.goals
    panel.table.selectRow(1)
    assert panel.selected() is not None and panel.selected().id == ids[1]  # type: ignore[union-attr]
    panel.review_button.click()
    dialogs = [d for d in record.findChildren(QDialog) if d.isVisible()]
    assert len(dialogs) == 1
    review = dialogs[0]
    assert review.goal_id == ids[1]  # type: ignore[attr-defined]
    assert "Cook at home" in review.about.text()  # type: ignore[attr-defined]
    choose(review.grid.fields["status"], "partly_achieved")  # type: ignore[attr-defined]
    review.grid.fields["note"].setPlainText("Twice a week")  # type: ignore[attr-defined]
    review.save()  # type: ignore[attr-defined]
    assert review.result() == QDialog.DialogCode.Accepted

    # The selection and the history are still on the goal just reviewed...
    selected = panel.selected()
    assert selected is not None and selected.id == ids[1]
    assert "Partly achieved - Twice a week" in panel.history.text()
    assert panel.table.item(1, 4).text() == "Partly achieved"
    # ...so the next review goes to the same goal, and the others were left alone.
    panel.review_button.click()
    nxt = [d for d in record.findChildren(QDialog) if d.isVisible() and d is not review][0]
    assert nxt.goal_id == ids[1]  # type: ignore[attr-defined]
    nxt.reject()
    reviews = {g.id: len(g.reviews) for g in goals_repo.for_episodes(
        session._db, [panel.goals[0].episode_id])}
    assert reviews == {ids[0]: 0, ids[1]: 1, ids[2]: 0}


def test_review_dialog_chooses_no_outcome(qtbot: QtBot, session: Session) -> None:
    record, ids = three_goals(qtbot, session)
    review = record.review_goal(ids[2])
    status = review.grid.fields["status"]
    assert isinstance(status, QComboBox)
    assert status.currentData() == "" and status.currentText() == "Choose how it went"
    review.save()
    assert review.result() != QDialog.DialogCode.Accepted
    assert review.grid.message("status") == "Choose how the goal went."
    assert review.summary.isVisible()
    assert "Choose how the goal went." in review.summary.links.text()
    assert all(not g.reviews for g in record.goals.goals), "nothing saved without an outcome"
    review.reject()
    assert record.goals.selected().id == ids[2]  # type: ignore[union-attr]


def test_goal_dialog_errors_go_when_fixed_and_summary_links(qtbot: QtBot,
                                                           session: Session) -> None:
    record, _ = three_goals(qtbot, session)
    dialog = record.add_goal()
    assert dialog is not None
    dialog.save()
    assert dialog.grid.message("goal") == "Write the goal in the patient's own words."
    assert dialog.summary.isVisible()
    assert set(dialog.summary.problems) == {"area", "goal", "target"}
    # A summary link takes focus to its field.
    dialog.summary._go("target")
    assert dialog.focusWidget() is dialog.grid.fields["target"]
    # Fixing a field and leaving it clears its message and its summary line at once.
    goal = dialog.grid.fields["goal"]
    assert isinstance(goal, QLineEdit)
    goal.setText("Sleep better")
    goal.editingFinished.emit()
    assert dialog.grid.message("goal") == ""
    assert goal.property("invalid") is False
    assert set(dialog.summary.problems) == {"area", "target"}
    # A bad date shows when the field is left, before Save.
    review = dialog.grid.fields["review_date"]
    assert isinstance(review, QLineEdit)
    review.setText("31/02/2026")
    review.editingFinished.emit()
    assert dialog.grid.message("review_date") == "Enter the review date as day/month/year."
    # Save and Cancel do not look alike: Cancel is the secondary button.
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    assert box.button(QDialogButtonBox.StandardButton.Cancel).property("secondary") is True
    assert not box.button(QDialogButtonBox.StandardButton.Save).property("secondary")
    dialog.reject()


def test_goal_and_target_columns_are_readable(qtbot: QtBot, session: Session) -> None:
    record, ids = three_goals(qtbot, session)
    GoalService(session, TODAY).review(ids[0], "achieved", "Walked every day. " * 20)
    record.reload()
    table = record.goals.table
    qtbot.waitExposed(record)
    assert table.columnWidth(1) >= 200 and table.columnWidth(2) >= 200
    assert table.horizontalScrollBar().maximum() == 0
