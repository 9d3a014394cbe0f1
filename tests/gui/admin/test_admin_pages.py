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
