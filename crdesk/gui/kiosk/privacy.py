"""Keeping a patient's answers private on a shared laptop.

``KioskGuard`` is an application-wide event filter that lives only while a kiosk is open:
- it notices input to restart the patient's inactivity countdown (``idle_ms``); when that
  runs out the window shows a warning the patient can dismiss (``warning_ms``, at least 20 s
  to react, WCAG 2.2.1), and then the privacy screen, which hides every answer;
- it turns every way out (Esc, Alt+F4, Ctrl+W, Ctrl+Q, the platform's Close and Quit keys)
  into ``exit_requested``, so leaving always goes through a staff password;
- it swallows keyboard shortcuts meant for other windows (the staff screens behind).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crdesk.gui.kiosk.words import KioskWords

MIN_WARNING_MS = 20_000
_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.InputMethod,
})
_EXIT_KEYS = (QKeySequence.StandardKey.Close, QKeySequence.StandardKey.Quit)
_EXIT_COMBOS = {
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
}


def is_exit_key(event: QKeyEvent) -> bool:
    key = Qt.Key(event.key())
    if key == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
        return True
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if (key, mods) in _EXIT_COMBOS:
        return True
    return any(event.matches(k) for k in _EXIT_KEYS)


class KioskGuard(QObject):
    """Signals:
        warn(): the patient has been idle for ``idle_ms``: show the warning.
        countdown(int): whole seconds left before the privacy screen.
        hide_answers(): the warning ran out: show the privacy screen.
        exit_requested(): a key or shortcut asked to leave the kiosk.
    """

    warn = Signal()
    countdown = Signal(int)
    hide_answers = Signal()
    exit_requested = Signal()

    def __init__(self, window: QWidget, idle_ms: int, warning_ms: int) -> None:
        super().__init__(window)
        self._window = window
        self.warning_ms = max(warning_ms, 1)
        self.state = "stopped"  # counting, warning, paused, stopped
        self._idle = self._timer(idle_ms, self._on_idle_timeout)
        self._warning = self._timer(self.warning_ms, self._on_warning_timeout)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)

    def _timer(self, ms: int, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(max(ms, 1))
        timer.timeout.connect(slot)
        return timer

    # ---- control ----------------------------------------------------------------------------

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def uninstall(self) -> None:
        self._stop_timers()
        self.state = "stopped"
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def count(self) -> None:
        """The patient is answering: (re)start the inactivity countdown."""
        self._stop_timers()
        self.state = "counting"
        self._idle.start()

    def pause(self) -> None:
        """Staff screens and the privacy screen: no countdown."""
        self._stop_timers()
        self.state = "paused"

    def seconds_left(self) -> int:
        return max(0, round(self._warning.remainingTime() / 1000))

    def _stop_timers(self) -> None:
        for t in (self._idle, self._warning, self._tick):
            t.stop()

    def _on_idle_timeout(self) -> None:
        self.state = "warning"
        self._warning.start()
        self._tick.start()
        self.warn.emit()
        self.countdown.emit(round(self.warning_ms / 1000))

    def _on_tick(self) -> None:
        self.countdown.emit(self.seconds_left())

    def _on_warning_timeout(self) -> None:
        self.pause()
        self.hide_answers.emit()

    # ---- the filter ---------------------------------------------------------------------------

    def _inside(self, obj: QObject) -> bool:
        widget = obj if isinstance(obj, QWidget) else None
        while widget is not None:
            if widget is self._window:
                return True
            widget = widget.parentWidget()
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in (QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride):
            if not self._inside(watched):
                return True  # a shortcut of a staff window behind the kiosk: never
            if (kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                    and is_exit_key(event) and QApplication.activePopupWidget() is None):
                event.accept()  # claim the key so it arrives as a KeyPress below
                return True
        # Esc in an open drop-down list closes the list, as everywhere else.
        if (kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and self._inside(watched) and is_exit_key(event)
                and QApplication.activePopupWidget() is None):
            self.exit_requested.emit()
            return True
        if kind in _ACTIVITY and self.state == "counting":
            self._idle.start()
        return False




def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("kioskHeading")
    label.setWordWrap(True)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.setAccessibleName(text)
    return label


class ScrollScreen(QScrollArea):
    """A screen that scrolls when the largest text (or a longer language) outgrows a
    1366x768 display, instead of squeezing its widgets on top of each other."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.inner = QWidget(self)
        self.inner.setObjectName("kioskPage")
        self.lay = QVBoxLayout(self.inner)
        self.lay.setContentsMargins(64, 40, 64, 40)
        self.lay.setSpacing(20)
        self.setWidget(self.inner)


class MessageScreen(ScrollScreen):
    """A heading, some words, and room below for buttons or a staff panel (privacy screen,
    exit guard, end page)."""

    def __init__(self, title: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.heading = _heading(title, self.inner)
        self.heading.setAccessibleDescription(body)
        self.body = QLabel(body, self.inner)
        self.body.setWordWrap(True)
        self.body.setAccessibleName(body)
        self.lay.addWidget(self.heading)
        self.lay.addWidget(self.body)

    def finish(self) -> None:
        self.lay.addStretch(1)


class IdleWarning(MessageScreen):
    """Are you still there? One large button keeps going."""

    def __init__(self, words: KioskWords, parent: QWidget | None = None) -> None:
        super().__init__(words("idle.title"), "", parent)
        self._words = words
        self.more_time = QPushButton(words("idle.more_time"), self.inner)
        self.more_time.setAccessibleName(words("idle.more_time"))
        self.more_time.setAccessibleDescription(words("idle.more_time.description"))
        self.lay.addWidget(self.more_time, 0, Qt.AlignmentFlag.AlignLeft)
        self.finish()
        self.set_seconds(MIN_WARNING_MS // 1000)

    def set_seconds(self, seconds: int) -> None:
        text = self._words("idle.body", seconds=seconds)
        self.body.setText(text)
        self.body.setAccessibleName(text)
        self.heading.setAccessibleDescription(text)
