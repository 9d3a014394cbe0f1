"""The sign-in screen: plain messages, Enter submits, demo credentials for demo clinics only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from crdesk.gui.login import LoginScreen
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session

from .conftest import DEMO_PASSWORD, PASSWORD


def make_login(qtbot: QtBot, home: ClinicHome) -> LoginScreen:
    login = LoginScreen(home, settings=home.settings())
    qtbot.addWidget(login)
    login.show()
    return login


def all_text(login: LoginScreen) -> str:
    return "\n".join(label.text() for label in login.findChildren(QLabel))


def test_wrong_password_shows_plain_message_and_stays(qtbot: QtBot,
                                                      real_clinic: ClinicHome) -> None:
    login = make_login(qtbot, real_clinic)
    qtbot.keyClicks(login.username, "jsmith")
    qtbot.keyClicks(login.password, "not the right password")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)  # Enter submits
    qtbot.waitUntil(lambda: login.error.isVisible() and not login.busy, timeout=30_000)
    message = login.error.plain_text()
    assert "Wrong user name or password" in message
    assert "Traceback" not in message
    assert login.isVisible()
    assert login.password.text() == "", "a wrong password is cleared for the next try"
    assert login.username.text() == "jsmith"


def test_empty_fields_asked_for_without_unlocking(qtbot: QtBot,
                                                  real_clinic: ClinicHome) -> None:
    login = make_login(qtbot, real_clinic)
    login.username.setText("jsmith")
    login.unlock_button.click()
    assert "Enter your user name and your password" in login.error.plain_text()
    assert not login.busy


def test_right_password_emits_a_session(qtbot: QtBot, real_clinic: ClinicHome) -> None:
    login = make_login(qtbot, real_clinic)
    login.username.setText("JSmith ")  # user names are not case sensitive
    login.password.setText(PASSWORD)
    with qtbot.waitSignal(login.unlocked, timeout=30_000) as got:
        qtbot.keyClick(login.username, Qt.Key.Key_Enter)
    session = got.args[0]
    assert isinstance(session, Session)
    try:
        assert session.username == "jsmith" and session.is_admin
        assert login.password.text() == ""
    finally:
        session.close()


def test_demo_credentials_shown_for_demo_clinic(qtbot: QtBot, demo_clinic: ClinicHome) -> None:
    login = make_login(qtbot, demo_clinic)
    assert login.demo_box is not None and login.demo_box.isVisible()
    text = all_text(login)
    assert "Demo clinic — synthetic data" in text
    assert "admin or staff" in text
    assert DEMO_PASSWORD in text
    assert login.username.text() == "staff"  # make_demo leaves 'staff' as the last user


def test_no_demo_credentials_for_real_clinic(qtbot: QtBot, real_clinic: ClinicHome) -> None:
    login = make_login(qtbot, real_clinic)
    assert login.demo_box is None
    assert "demo" not in all_text(login).lower()
    assert "password:" not in all_text(login).lower()
