"""The kiosk's screens other than the questions: idle warning, privacy, exit, end, closed.

Built again when the language changes; each has a focusable ``heading`` that receives the
focus when it is shown, and a ``controls()`` list used by the accessibility checks.

The screens know the kiosk only as a ``ScreenHost`` (the window implements it), so this
module does not import the window that builds them.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from crdesk.gui.kiosk.exit_guard import StaffAction
from crdesk.gui.kiosk.privacy import IdleWarning, MessageScreen
from crdesk.gui.kiosk.words import KioskWords


class ScreenHost(Protocol):
    """What the screens need from the kiosk window."""

    @property
    def words(self) -> KioskWords: ...

    def show_screen(self, name: str, focus: bool = True) -> None: ...

    def staff_panel(self, actions: list[StaffAction]) -> QWidget:
        """A staff password panel offering ``actions``, wired to the window."""
        ...

    def return_from_exit(self) -> None: ...

    def close_released(self, reason: str) -> None: ...


def _button(text: str, description: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(text)
    button.setAccessibleDescription(description)
    return button


def build_screens(window: ScreenHost) -> dict[str, QWidget]:
    w = window.words
    screens: dict[str, QWidget] = {}

    idle = IdleWarning(w)
    idle.more_time.clicked.connect(lambda: window.show_screen("question"))
    screens["idle"] = idle

    privacy = MessageScreen(w("privacy.title"), w("privacy.body"))
    privacy.lay.addWidget(window.staff_panel([
        StaffAction("resume", w("staff.resume"), w("staff.resume.description")),
        StaffAction("end", w("staff.end"), w("staff.end.description")),
    ]))
    privacy.finish()
    screens["privacy"] = privacy

    exit_screen = MessageScreen(w("exit.title"), w("exit.body"))
    back = _button(w("exit.back"), w("exit.back.description"), exit_screen.inner)
    back.clicked.connect(window.return_from_exit)
    exit_screen.lay.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
    exit_screen.lay.addWidget(window.staff_panel([
        StaffAction("end", w("staff.end"), w("staff.end.description")),
    ]))
    exit_screen.finish()
    exit_screen.back = back  # type: ignore[attr-defined]
    screens["exit"] = exit_screen

    end = MessageScreen(w("end.title"), w("end.body"))
    end.lay.addWidget(window.staff_panel([
        StaffAction("review", w("staff.review"), w("staff.review.description")),
    ]))
    end.finish()
    screens["end"] = end

    closed = MessageScreen(w("closed.title"), w("closed.body"))
    close = _button(w("staff.end"), w("staff.end.description"), closed.inner)
    close.clicked.connect(lambda: window.close_released("locked"))
    closed.lay.addWidget(close, 0, Qt.AlignmentFlag.AlignLeft)
    closed.finish()
    screens["closed"] = closed
    return screens
