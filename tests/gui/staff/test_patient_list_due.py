"""Issue 16 problem 3: the patient list shows each patient's next action and when it is due,
by the worklist's rules, sorts by it, and marks overdue rows in words as well as colour."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from crdesk.core.patient_list import DUE_COLUMN, NEXT_ACTION_COLUMN, PatientSummary, next_action
from crdesk.gui.staff.patient_model import PatientListModel
from crdesk.gui.staff.patients_page import PatientsPage
from crdesk.gui.widgets import header_width
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from tests.gui.conftest import PASSWORD
from tests.helpers.staff import TODAY, new_episode, new_patient

# TODAY is 1 June 2026.
A1_LONG_OVERDUE = PatientSummary(
    1, "9434765919", "H1", "Overdue", "Olive", "1950-01-01", False, episode_id=1,
    referral_date="2025-08-20", assessments={"A1": {"due_date": "2025-09-01",
                                                     "done_date": None}})
A2_WINDOW_CLOSED = PatientSummary(
    2, "6716689966", "H2", "Closed", "Colin", "1950-01-01", True, episode_id=2,
    referral_date="2025-10-01", programme_start="2025-10-10",
    assessments={"A1": {"due_date": None, "done_date": "2025-10-15"}})
A2_LATER = PatientSummary(
    3, "", "H3", "Later", "Lena", "1950-01-01", False, episode_id=3,
    referral_date="2026-05-01", programme_start="2026-05-10",
    assessments={"A1": {"due_date": None, "done_date": "2026-05-20"}})
NO_REFERRAL = PatientSummary(4, "", "H4", "Nobody", "Nia", "1950-01-01", False)
DECLINED = PatientSummary(5, "", "H5", "Declined", "Dan", "1950-01-01", False, episode_id=5,
                          outcome="declined", referral_date="2026-01-01")
ROWS = [A2_LATER, NO_REFERRAL, A1_LONG_OVERDUE, DECLINED, A2_WINDOW_CLOSED]


def test_next_action_follows_the_worklist_rules() -> None:
    a1 = next_action(A1_LONG_OVERDUE, TODAY)
    # Nine months overdue: the worklist's "awaiting assessment 1" rule, still shown.
    assert (a1.text, a1.due, a1.overdue) == ("Assessment 1", dt.date(2025, 9, 1), True)
    closed = next_action(A2_WINDOW_CLOSED, TODAY)
    # A1 on 15/10/2025: A2 due 12 weeks later; NACR's 20-week window closed 04/03/2026,
    # long enough ago that the worklist has dropped it. The list still says so.
    assert closed.text == "Assessment 2; NACR window closed"
    assert closed.due == dt.date(2026, 1, 7) and closed.overdue
    later = next_action(A2_LATER, TODAY)
    assert (later.text, later.due, later.overdue) == ("Assessment 2", dt.date(2026, 8, 12),
                                                      False)
    assert next_action(NO_REFERRAL, TODAY).text == "Add the referral"
    assert next_action(DECLINED, TODAY).text == ""


def test_list_shows_sorts_and_marks_overdue_in_words(qtbot: QtBot) -> None:
    model = PatientListModel()
    model.load(ROWS, TODAY)
    names = {model.summary(r).id: r for r in range(model.rowCount())}
    row = names[1]
    assert model.headerData(NEXT_ACTION_COLUMN, Qt.Orientation.Horizontal) == "Next action"
    assert model.headerData(DUE_COLUMN, Qt.Orientation.Horizontal) == "Due"
    assert model.data(model.index(row, NEXT_ACTION_COLUMN)) == "Assessment 1"
    due = model.index(row, DUE_COLUMN)
    # More than colour: the word "Overdue" is in the text (and the accessible text), and bold.
    assert model.data(due) == "01/09/2025\nOverdue"
    assert "Overdue" in model.data(due, Qt.ItemDataRole.AccessibleTextRole)
    font = model.data(due, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.data(due, Qt.ItemDataRole.ForegroundRole) is not None
    later = model.index(names[3], DUE_COLUMN)
    assert model.data(later) == "12/08/2026"
    assert model.data(later, Qt.ItemDataRole.FontRole) is None

    # Sorted by due date: most overdue first, nothing due last; and back the other way.
    model.sort(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
    assert [model.summary(r).id for r in range(model.rowCount())][:3] == [1, 2, 3]
    assert {model.summary(r).id for r in range(3, 5)} == {4, 5}
    model.sort(DUE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert [model.summary(r).id for r in range(model.rowCount())][-3:] == [3, 2, 1]
    model.sort(NEXT_ACTION_COLUMN, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, NEXT_ACTION_COLUMN)) == "Add the referral"


@pytest.fixture
def session(real_clinic: ClinicHome) -> Iterator[Session]:
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    yield s
    s.close()


def test_patients_page_headers_and_texts_fit(qtbot: QtBot, session: Session) -> None:
    """At 1366x768 every heading and the longest status wrap whole (nothing elided, no
    horizontal scrollbar): problem 7's "Date of birth" and "opted out of NACR"."""
    pid = new_patient(session)
    new_episode(session, pid)
    page = PatientsPage(session, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1366 - 250, 768 - 110)  # the page inside the main window
    page.show()
    page.reload_list()
    qtbot.waitExposed(page)
    table = page.list.table
    header = table.horizontalHeader()
    for col in range(table.model().columnCount()):
        assert header.sectionSize(col) >= header_width(header, col), col
    assert table.horizontalScrollBar().maximum() == 0
    fm = table.fontMetrics()
    status = "Awaiting assessment 2 · opted out of NACR"
    # Two lines in the status column hold the longest status with the opt-out.
    assert fm.boundingRect(0, 0, header.sectionSize(4) - 12, 1000,
                           int(Qt.TextFlag.TextWordWrap), status).height() \
        <= table.verticalHeader().defaultSectionSize()
