"""The running app: unlock into the main window, roles, lock, sign-out, auto-lock."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from crdesk.errors import DatabaseInUseError
from crdesk.gui.controller import AppController
from crdesk.gui.main_window import DEMO_BANNER, MainWindow
from crdesk.gui.setup_wizard import SetupWizard
from crdesk.services.home import ClinicHome

from .conftest import DEMO_PASSWORD, PASSWORD

MakeController = Callable[..., AppController]


def sign_in(qtbot: QtBot, c: AppController, username: str, password: str) -> MainWindow:
    login = c.login
    assert login is not None and login.isVisible()
    login.username.setText(username)
    login.password.setText(password)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: c.main_window is not None, timeout=30_000)
    assert c.main_window is not None
    return c.main_window


def test_unlock_shows_main_window_with_user_and_role(qtbot: QtBot, real_clinic: ClinicHome,
                                                     make_controller: MakeController) -> None:
    c = make_controller(real_clinic)
    assert c.login is not None and c.login.isVisible()
    window = sign_in(qtbot, c, "jsmith", PASSWORD)
    assert window.isVisible() and not c.login.isVisible()
    assert "jsmith" in window.user_label.text() and "Admin" in window.user_label.text()
    assert "Riverside Cardiac Rehab" in window.windowTitle()
    assert window.demo_banner is None, "a real clinic has no demo banner"
    assert window.page_keys() == ["home", "patients", "dashboard", "users", "settings", "backups",
                                 "audit", "retention", "export"]
    assert c.session is not None and c.session.is_open


def test_staff_does_not_see_admin_pages(qtbot: QtBot, demo_clinic: ClinicHome,
                                        make_controller: MakeController) -> None:
    c = make_controller(demo_clinic)
    window = sign_in(qtbot, c, "staff", DEMO_PASSWORD)
    assert "staff" in window.user_label.text() and "Staff" in window.user_label.text()
    assert window.page_keys() == ["home", "patients", "dashboard"]
    assert window.demo_banner is not None and window.demo_banner.text() == DEMO_BANNER
    called = []
    added = window.add_page("secret", "Admin only", lambda: called.append(1) or QWidget(),
                            admin_only=True)
    assert added is False and called == [], "an admin-only page is never built for staff"
    assert window.add_page("extra", "Extra", QWidget()) is True
    window.show_page("extra")
    assert window.current_page_key() == "extra"
    with pytest.raises(ValueError, match="already"):
        window.add_page("extra", "Extra again", QWidget())


def test_admin_sees_users_page(qtbot: QtBot, demo_clinic: ClinicHome,
                               make_controller: MakeController) -> None:
    c = make_controller(demo_clinic)
    window = sign_in(qtbot, c, "admin", DEMO_PASSWORD)
    window.show_page("users")
    table = window.page("users").table  # type: ignore[attr-defined]
    rows = {(table.item(r, 0).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    assert rows == {("admin", "Admin"), ("staff", "Staff")}


def test_auto_lock_closes_session_and_needs_password_again(
        qtbot: QtBot, real_clinic: ClinicHome, make_controller: MakeController) -> None:
    # Long enough that building the main window (worklist, dashboard) never outlasts it.
    c = make_controller(real_clinic, lock_after_ms=2000)
    sign_in(qtbot, c, "jsmith", PASSWORD)
    session = c.session
    assert session is not None and c.autolock.armed
    qtbot.waitUntil(lambda: not session.is_open, timeout=10_000)
    assert c.session is None and c.main_window is None
    login = c.login
    assert login is not None and login.isVisible()
    assert login.username.text() == "jsmith", "pre-filled with the same user"
    assert login.password.text() == ""
    assert "locked itself" in login.notice.text()
    # Unlocking again needs the password: without it nothing opens.
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert "Enter your user name and your password" in login.error.plain_text()
    assert c.session is None and c.main_window is None
    sign_in(qtbot, c, "jsmith", PASSWORD)
    assert c.session is not None and c.session.is_open and c.session is not session


def test_before_lock_hook_runs_while_session_open(qtbot: QtBot, real_clinic: ClinicHome,
                                                  make_controller: MakeController) -> None:
    c = make_controller(real_clinic)
    window = sign_in(qtbot, c, "jsmith", PASSWORD)
    seen: list[bool] = []

    class DraftPage(QWidget):
        def before_lock(self) -> None:
            seen.append(window.session.is_open)

    window.add_page("draft", "Draft", DraftPage())
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    assert seen == [True]
    assert c.main_window is None and c.login is not None
    assert c.login.username.text() == "jsmith"


def test_lock_stops_running_operations_before_the_key_is_dropped(
        qtbot: QtBot, real_clinic: ClinicHome, make_controller: MakeController) -> None:
    import threading

    from crdesk.gui.operations import OperationContext, run_operation

    c = make_controller(real_clinic)
    window = sign_in(qtbot, c, "jsmith", PASSWORD)
    session = window.session
    started = threading.Event()
    saw: list[tuple[bool, bool]] = []

    def work(op: OperationContext) -> None:
        started.set()
        while not op.cancelled():
            threading.Event().wait(0.005)
        # Still inside the work: the signed-in session must not have closed yet.
        saw.append((op.cancelled(), session.is_open))

    errors: list[object] = []
    run_operation(window, work, session=session, on_done=lambda _: None,
                  on_error=errors.append)
    assert started.wait(20)
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    # The lock asked the work to stop and waited for it before closing the session.
    assert saw == [(True, True)]
    assert not session.is_open


def test_sign_out_clears_user_name(qtbot: QtBot, real_clinic: ClinicHome,
                                   make_controller: MakeController) -> None:
    c = make_controller(real_clinic)
    window = sign_in(qtbot, c, "jsmith", PASSWORD)
    session = window.session
    qtbot.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
    assert not session.is_open
    assert c.login is not None and c.login.username.text() == ""


def test_second_open_while_app_holds_clinic_is_refused(real_clinic: ClinicHome,
                                                        make_controller: MakeController) -> None:
    make_controller(real_clinic)
    with pytest.raises(DatabaseInUseError) as err:
        ClinicHome.open(real_clinic.basedir)
    assert err.value.hint  # the user is told what to do


def test_every_control_has_an_accessible_name(qtbot: QtBot, demo_clinic: ClinicHome,
                                              make_controller: MakeController) -> None:
    c = make_controller(demo_clinic)
    assert c.login is not None
    wizard = SetupWizard(demo_clinic)
    qtbot.addWidget(wizard)
    screens: list[QWidget] = [wizard, c.login, sign_in(qtbot, c, "admin", DEMO_PASSWORD)]
    for screen in screens:
        for kind in (QLineEdit, QAbstractButton, QAbstractItemView, QLabel):
            for widget in screen.findChildren(kind):
                if isinstance(widget, QLabel) and not widget.text():
                    continue
                if widget.objectName().startswith("qt_"):
                    continue  # Qt's own internals (scroll bars, corner buttons)
                assert widget.accessibleName(), (
                    f"{type(widget).__name__} {widget.objectName()!r} "
                    f"{getattr(widget, 'text', lambda: '')()!r} has no accessible name")
