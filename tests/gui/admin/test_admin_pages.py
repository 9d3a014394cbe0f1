"""Admin screens: users and roles, clinic settings, the audit log with filters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from crdesk.crypto.kdf import TEST_COST
from crdesk.gui.admin.audit_page import AuditLogPage
from crdesk.gui.admin.settings_page import ClinicSettingsPage
from crdesk.gui.admin.users_page import UsersPage
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from tests.gui.conftest import PASSWORD


@pytest.fixture
def session(real_clinic: ClinicHome) -> Iterator[Session]:
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    yield s
    s.close()


def test_add_reset_and_remove_a_user(qtbot: QtBot, session: Session) -> None:
    page = UsersPage(session, cost=TEST_COST)
    qtbot.addWidget(page)
    d = page.add_user()
    for name, text in (("username", "amy"), ("display_name", "Amy Nurse"),
                       ("password", "a long enough password 1"),
                       ("confirm", "a different one entirely")):
        w = d.grid.fields[name]
        assert isinstance(w, QLineEdit)
        w.setText(text)
    d.buttons.accepted.emit()
    assert d.grid.message("confirm") == "The two passwords are not the same."
    d.grid.fields["confirm"].setText("a long enough password 1")  # type: ignore[union-attr]
    d.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not page.running, timeout=30_000)
    assert d.result() == QDialog.DialogCode.Accepted
    users = {page.table.item(r, 0).text(): page.table.item(r, 2).text()
             for r in range(page.table.rowCount())}
    assert users == {"amy": "Staff", "jsmith": "Admin"}
    page.table.selectRow([*users].index("amy"))
    reset = page.reset_password()
    assert reset is not None
    reset.grid.fields["password"].setText("short")  # type: ignore[union-attr]
    reset.grid.fields["confirm"].setText("short")  # type: ignore[union-attr]
    reset.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not page.running, timeout=30_000)
    assert reset.result() != QDialog.DialogCode.Accepted
    assert "12" in reset.message.plain_text()
    reset.reject()
    page.remove("jsmith")
    assert "only admin" in page.message.plain_text()
    page.remove("amy")
    assert page.table.rowCount() == 1


def test_clinic_settings_checked_at_the_field(qtbot: QtBot, session: Session) -> None:
    page = ClinicSettingsPage(session)
    qtbot.addWidget(page)
    page.grid.fields["ods_code"].setText("R!")  # type: ignore[union-attr]
    page.save()
    assert "ODS code" in page.grid.message("ods_code")
    page.grid.fields["ods_code"].setText("rx9")  # type: ignore[union-attr]
    page.grid.fields["report_contact"].setText("Call 0113 000 0000")  # type: ignore[union-attr]
    page.save()
    assert session.clinic().ods_code == "RX9"
    assert page.message.plain_text() == "Saved."


def test_audit_log_filters(qtbot: QtBot, session: Session) -> None:
    page = AuditLogPage(session)
    qtbot.addWidget(page)
    assert page.table.rowCount() >= 1
    page.action.setCurrentIndex(page.action.findData("login"))
    page.search()
    actions = {page.table.item(r, 2).text() for r in range(page.table.rowCount())}
    assert actions == {"login"}
    page.since.setText("not a date")
    page.search()
    assert "day/month/year" in page.message.plain_text()
    page.since.setText("01/01/2099")
    page.search()
    assert page.table.rowCount() == 0


def test_database_check_runs_in_the_background(qtbot: QtBot, session: Session) -> None:
    page = ClinicSettingsPage(session)
    qtbot.addWidget(page)
    page.check()
    assert not page.check_button.isEnabled()
    op = page.check_operation
    assert op is not None
    qtbot.waitUntil(lambda: not op.running, timeout=60_000)
    assert page.check_message.plain_text() == "No problems found."
    assert "chain intact" in page.check_report.text()
    assert page.check_button.isEnabled()


def test_audit_log_in_words_filtered_by_patient_and_user(qtbot: QtBot,
                                                         session: Session) -> None:
    """Issue 16 problem 7: who did what to which record in plain English, by patient and
    by user; the raw entry one click away."""
    from crdesk.services.goals import GoalService
    from tests.helpers.staff import NHS_OK, TODAY, new_episode, new_patient

    pid = new_patient(session)
    eid = new_episode(session, pid)
    gid = GoalService(session, TODAY).add(eid, "activity", "Walk to the shops", "30 minutes")
    other = new_patient(session, "6716689966")
    page = AuditLogPage(session)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    words = page.WORDS
    texts = [page.table.item(r, words).text() for r in range(page.table.rowCount())]
    assert "jsmith agreed a goal with PEMBERTON, Edith" in texts
    assert "jsmith added a referral for PEMBERTON, Edith" in texts
    assert not any("{" in t for t in texts), "no raw JSON in the sentences"
    # The raw columns are hidden until asked for, then one click shows them.
    assert all(page.table.isColumnHidden(c) for c in page.RAW)
    page.raw.click()
    assert not any(page.table.isColumnHidden(c) for c in page.RAW)
    goal_row = texts.index("jsmith agreed a goal with PEMBERTON, Edith")
    assert page.table.item(goal_row, 2).text() == "goal.create"
    assert page.table.item(goal_row, 4).text() == str(gid)

    # By patient: the goal, the referral and the record itself, nothing of the other patient.
    page.patient.setText(NHS_OK)
    page.search()
    rows = range(page.table.rowCount())
    assert page.table.rowCount() >= 3
    assert {page.table.item(r, page.PATIENT).text() for r in rows} == {"PEMBERTON, Edith"}
    assert {page.table.item(r, 2).text() for r in rows} >= {"patient.create",
                                                            "episode.create", "goal.create"}
    assert str(other) not in {page.table.item(r, 4).text() for r in rows if
                              page.table.item(r, 3).text() == "patient"}
    # And by user.
    page.actor.setCurrentIndex(page.actor.findData("jsmith"))
    page.search()
    assert {page.table.item(r, 1).text() for r in range(page.table.rowCount())} == {"jsmith"}
    page.patient.setText("000 000 0000")
    page.search()
    assert "No patient has that NHS number" in page.message.plain_text()
