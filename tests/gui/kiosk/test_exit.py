"""No way out of the kiosk without a staff password; inactivity hides the answers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from crdesk.gui.autolock import AutoLock
from crdesk.gui.kiosk import KioskOptions, start_kiosk
from crdesk.gui.kiosk.exit_guard import StaffPanel
from crdesk.gui.kiosk.window import KioskWindow
from crdesk.storage import responses_repo

from .conftest import NURSE_PASSWORD, KioskClinic, OpenKiosk


def audit_actions(kc: KioskClinic) -> list[str]:
    return [r[0] for r in kc.session._db.query("SELECT action FROM audit_log ORDER BY seq")]


def panel_of(window: KioskWindow) -> StaffPanel:
    panel = window.screens.currentWidget().findChild(StaffPanel)
    assert panel is not None
    return panel


def give_password(qtbot: QtBot, window: KioskWindow, action: str, password: str,
                  username: str = "nurse") -> None:
    panel = panel_of(window)
    panel.username.setText(username)
    QTest.keyClicks(panel.password, password)
    QTest.mouseClick(panel.buttons[action], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)


def test_every_way_out_needs_a_staff_password(qtbot: QtBot, open_kiosk: OpenKiosk,
                                              kiosk_clinic: KioskClinic) -> None:
    window = open_kiosk("A1")
    attempts = [
        ("close()", lambda: window.close()),
        ("close event", lambda: QApplication.sendEvent(window, QCloseEvent())),
        ("Esc", lambda: QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)),
        ("Alt+F4", lambda: QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F4,
                                          Qt.KeyboardModifier.AltModifier)),
        ("Ctrl+W", lambda: QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_W,
                                          Qt.KeyboardModifier.ControlModifier)),
        ("Ctrl+Q", lambda: QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Q,
                                          Qt.KeyboardModifier.ControlModifier)),
    ]
    for name, attempt in attempts:
        attempt()
        QApplication.processEvents()
        assert window.isVisible(), f"{name} closed the kiosk"
        assert window._current_name() == "exit", name
        assert QApplication.focusWidget() is window.screens.currentWidget().heading  # type: ignore[attr-defined]
        exit_screen = window.screens.currentWidget()
        QTest.mouseClick(exit_screen.back, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        assert window._current_name() == "question"

    window.close()
    give_password(qtbot, window, "end", "not the password")
    assert window.isVisible() and "Wrong" in panel_of(window).message.text()
    assert panel_of(window).password.text() == "", "a tried password is never left behind"
    with qtbot.waitSignal(window.closed, timeout=30_000) as ended:
        give_password(qtbot, window, "end", NURSE_PASSWORD)
    assert ended.args == ["ended"]
    actions = audit_actions(kiosk_clinic)
    assert "kiosk.start" in actions and actions[-1] == "kiosk.exit"
    assert "kiosk.staff_failures" in actions, "the wrong try is recorded in the audit log"


def test_inactivity_warns_then_hides_answers(qtbot: QtBot, open_kiosk: OpenKiosk) -> None:
    # Long enough that a busy machine cannot pass both timers before the test listens.
    window = open_kiosk("A2", idle_ms=400, warning_ms=1500)
    with qtbot.waitSignal(window.screen_shown, timeout=5_000) as shown:
        pass
    assert shown.args == ["idle"]
    idle = window.screens.currentWidget()
    assert QApplication.focusWidget() is idle.heading  # type: ignore[attr-defined]
    QTest.keyClick(idle.more_time, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert window._current_name() == "question"
    with qtbot.waitSignals([window.screen_shown, window.screen_shown], timeout=5_000):
        pass
    assert window._current_name() == "privacy"
    assert window.view is not None and not window.view.isVisible(), "no answer on screen"
    assert not window.screens.currentWidget().isAncestorOf(window.view)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert window._current_name() == "privacy", "Esc does not leave the privacy screen"
    give_password(qtbot, window, "resume", "wrong password here")
    assert window._current_name() == "privacy"
    give_password(qtbot, window, "resume", NURSE_PASSWORD)
    assert window._current_name() == "question" and window.view.isVisible()


def test_staff_autolock_is_paused_while_the_kiosk_is_open(
        qtbot: QtBot, qapp: QApplication, kiosk_clinic: KioskClinic) -> None:
    lock = AutoLock(qapp, 60_000)
    lock.arm()
    staff_window = QWidget()
    staff_window.show()
    window = start_kiosk(kiosk_clinic.session, kiosk_clinic.home, kiosk_clinic.patient_id,
                         episode_id=kiosk_clinic.episode_id, assessment="A2", autolock=lock,
                         options=KioskOptions(fullscreen=False))
    assert not lock.armed, "the staff auto-lock must not end a patient's session"
    assert not staff_window.isVisible(), "staff screens are hidden behind the kiosk"
    window.close_released("test")
    assert lock.armed and staff_window.isVisible()
    lock.uninstall()
    staff_window.close()


def test_resume_after_closing_keeps_page_and_answers(qtbot: QtBot, open_kiosk: OpenKiosk,
                                                     kiosk_clinic: KioskClinic) -> None:
    from tests.kiosk_helpers.driver import A1_PLAN, answer_screen

    window = open_kiosk("A1")
    while window.nav.page.id != "smoking":
        answer_screen(window, A1_PLAN)
    rid = window.response_id
    window.close_released("test")
    again = open_kiosk("A1")
    assert again.response_id == rid
    assert again.nav.page.id == "smoking"
    stored = responses_repo.answers(kiosk_clinic.session._db, rid)
    assert stored["weight"]["entered"] == {"unit": "st_lb", "st": 12, "lb": 4}
    weight = again.nav.fs.answers["weight"]
    assert weight == stored["weight"]
