"""Inactivity auto-lock: no keyboard or mouse input for a while locks the clinic.

An application-wide event filter restarts a single-shot timer on every input event, in any
window. When it fires, ``timed_out`` is emitted and the application closes the session (the
key is dropped) and asks for the password again. The timeout is given in milliseconds so
tests can use a short one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

# Input that shows someone is at the laptop. Paint, focus and timer events are not.
_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})


def minutes_to_ms(minutes: float) -> int:
    # At least one minute: a zero or negative setting must not disable locking.
    return int(max(minutes, 1) * 60_000)


class AutoLock(QObject):
    """Signals:
        timed_out(): no input for ``timeout_ms`` while armed.
    """

    timed_out = Signal()

    def __init__(self, app: QApplication, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, timeout_ms))
        self._timer.timeout.connect(self._on_timer_timeout)
        app.installEventFilter(self)

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    @property
    def armed(self) -> bool:
        return self._timer.isActive()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """The clinic's policy, read once a session is open (services/admin.py)."""
        self._timer.setInterval(max(1, timeout_ms))

    def arm(self) -> None:
        """Start counting (a session is open)."""
        self._timer.start()

    def disarm(self) -> None:
        """Stop counting (no session: nothing to lock)."""
        self._timer.stop()

    def uninstall(self) -> None:
        self.disarm()
        self._app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._timer.isActive() and event.type() in _ACTIVITY:
            self._timer.start()  # restart the countdown
        return False  # never swallow the user's input

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.timed_out.emit()
