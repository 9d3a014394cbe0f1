"""The patient kiosk: one questionnaire, full screen, nothing else reachable.

Screens (one shows at a time, so the privacy and exit screens never sit over answers):
questions -> idle warning -> privacy screen; exit guard; end page -> staff review; closed.
Leaving needs a staff password: ``closeEvent`` refuses, and the guard turns Esc, Alt+F4 and
other shortcuts into the exit screen. Other windows of the app are hidden while the kiosk is
open (a patient must not Alt+Tab into the staff screens) and the staff auto-lock is paused,
because the kiosk has its own inactivity handling.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crdesk.errors import KnownError
from crdesk.gui.autolock import AutoLock
from crdesk.gui.kiosk.accessibility import TEXT_SIZES, kiosk_palette, kiosk_stylesheet
from crdesk.gui.kiosk.bars import BottomBar, QuestionScreen, TopBar
from crdesk.gui.kiosk.exit_guard import StaffAction, StaffPanel
from crdesk.gui.kiosk.flow import Navigator
from crdesk.gui.kiosk.page_view import PageView
from crdesk.gui.kiosk.privacy import KioskGuard
from crdesk.gui.kiosk.review import ReviewPanel
from crdesk.gui.kiosk.words import KioskWords
from crdesk.services.access import StaffCheck
from crdesk.services.home import ClinicHome
from crdesk.services.kiosk import KioskEvents
from crdesk.services.questionnaires import OpenResponse, QuestionnaireService
from crdesk.services.session import Session

log = logging.getLogger(__name__)


# How often the full-screen kiosk checks that it is still on screen, and how many checks in a
# row it may be away (hidden by the window manager, not put back) before it counts its
# window as lost.
HOLD_CHECK_MS = 400
LOST_AFTER_CHECKS = 6
# Qt platforms that can grab the keyboard for a window (others, offscreen and Wayland among
# them, warn and ignore it).
GRAB_PLATFORMS = ("xcb", "windows")


@dataclass(frozen=True)
class KioskOptions:
    idle_ms: int = 120_000  # no input for this long: "Are you still there?"
    warning_ms: int = 30_000  # then this long to answer before the privacy screen
    fullscreen: bool = True
    locale: str | None = None  # None: a new response in en-GB, a resumed one as it was
    # Indexes into TEXT_SIZES, and the contrast; None: as the patient left a resumed
    # response (kept with it, QuestionnaireService.set_kiosk_look), else normal.
    text_size: int | None = None
    high_contrast: bool | None = None


class KioskWindow(QWidget):
    """Signals:
        answer_saved(str): an answer to this question id was committed.
        screen_shown(str): "question", "idle", "privacy", "exit", "end", "review", "closed".
        closed(str): the kiosk closed: "ended", "reviewed", "review_closed" or "locked".
    """

    answer_saved = Signal(str)
    screen_shown = Signal(str)
    closed = Signal(str)

    def __init__(self, session: Session, home: ClinicHome, service: QuestionnaireService,
                 open_: OpenResponse, *, options: KioskOptions | None = None,
                 autolock: AutoLock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options = options or KioskOptions()
        self.session, self.home, self.service = session, home, service
        self.nav = Navigator(service, open_)
        self.response_id = open_.id
        self.events = KioskEvents(session, open_.id)
        texts = open_.form_session.texts
        self.words = KioskWords(texts.locale, texts)
        self.open_ = open_
        look = open_.record.provenance.get("kiosk_look") or {}
        names = [name for name, _pt in TEXT_SIZES]
        stored = names.index(look["text_size"]) if look.get("text_size") in names else 0
        self.text_size = stored if self.options.text_size is None else self.options.text_size
        self.high_contrast = (bool(look.get("high_contrast")) if self.options.high_contrast
                              is None else self.options.high_contrast)
        self._autolock = autolock
        self._autolock_was_armed = False
        self._hidden_windows: list[QWidget] = []
        self._may_close = False
        self._end_reason = ""
        self._return_to = "question"
        flags = Qt.WindowType.Window
        if self.options.fullscreen:
            flags |= Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        self.setWindowFlags(flags)
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.top = TopBar(self.words, self)
        self.top.text_size.clicked.connect(self.cycle_text_size)
        self.top.contrast.clicked.connect(self.toggle_contrast)
        self.top.set_locales(service.registry.get(open_.record.form_id).locales,
                             self.words.locale)
        self.top.language.activated.connect(self._on_language_activated)
        lay.addWidget(self.top)
        self.screens = QStackedWidget(self)
        lay.addWidget(self.screens, 1)
        self.questions = QuestionScreen(self.words, self)
        self.bottom: BottomBar = self.questions.bottom
        self.bottom.back.clicked.connect(self.go_back)
        self.bottom.next.clicked.connect(self.go_next)
        self.screens.addWidget(self.questions)
        self.view: PageView | None = None
        self.guard = KioskGuard(self, self.options.idle_ms, self.options.warning_ms)
        self.guard.warn.connect(lambda: self.show_screen("idle"))
        self.guard.countdown.connect(self._on_countdown)
        self.guard.hide_answers.connect(lambda: self.show_screen("privacy"))
        self.guard.exit_requested.connect(self.request_exit)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)  # type: ignore[union-attr]
        self._named: dict[str, QWidget] = {}
        self._build_screens()
        self._apply_look()
        # Holding the screen (full screen only): see _hold.
        self._holder = QTimer(self)
        self._holder.setInterval(HOLD_CHECK_MS)
        self._holder.timeout.connect(self._hold)
        self._away_checks = 0

    # ---- start and stop -------------------------------------------------------------------

    def start(self) -> None:
        """Show full screen on the first unanswered step; pause the staff auto-lock."""
        self.events.started(self.nav.page.id)
        if self._autolock is not None:
            self._autolock_was_armed = self._autolock.armed
            self._autolock.disarm()
        for w in QApplication.topLevelWidgets():
            if w is not self and w.isVisible() and w.isWindow():
                self._hidden_windows.append(w)
        if self.options.fullscreen:
            self.showFullScreen()
        else:
            self.resize(1366, 768)
            self.show()
        for w in self._hidden_windows:
            w.hide()
        self.raise_()
        self.activateWindow()
        self.guard.install()
        if self.options.fullscreen:
            self._hold_keyboard(True)
            self._holder.start()
        self.show_step()
        if self.options.locale and self.options.locale != self.words.locale:
            self.set_locale(self.options.locale, keep_focus_on_switch=False)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._may_close:
            event.ignore()
            self.request_exit()
            return
        self._holder.stop()
        self._hold_keyboard(False)
        self.guard.uninstall()
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.disconnect(self._on_focus_changed)  # type: ignore[attr-defined]
        for w in self._hidden_windows:
            w.show()
        if self._autolock is not None and self._autolock_was_armed and self.session.is_open:
            self._autolock.arm()
        event.accept()
        self.closed.emit(self._end_reason)

    # ---- holding the screen ---------------------------------------------------------------
    # A window manager can minimise the kiosk, "show the desktop" (which leaves the patient
    # at a desktop with a menu and a terminal) or give another program the focus; another
    # X client can even destroy its window. The kiosk puts itself back each time, holds the
    # keyboard so the desktop's own shortcuts do not reach the window manager, and when its
    # window is gone for good closes as "lost", which locks the staff session (answers are
    # saved as given) instead of leaving a hidden, stuck app.

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if (event.type() == QEvent.Type.WindowStateChange and self._holder.isActive()
                and self.isMinimized()):
            QTimer.singleShot(0, self._put_back)

    def _hold_keyboard(self, on: bool) -> None:
        # The window-level grab (XGrabKeyboard on X11): keys still go to the focused
        # control inside the kiosk, but none reach the window manager. Windows has no such
        # grab for an app; there the clinic's Assigned Access holds the keyboard.
        handle = self.windowHandle()
        if handle is not None and QGuiApplication.platformName() in GRAB_PLATFORMS:
            handle.setKeyboardGrabEnabled(on)

    def _away(self) -> bool:
        handle = self.windowHandle()
        return (self.isMinimized() or handle is None or not handle.isExposed()
                or not self.isFullScreen())

    def _hold(self) -> None:
        if QApplication.activePopupWidget() is not None or self._may_close:
            return  # our own drop-down list is open, or the kiosk is closing
        if not self._away():
            self._away_checks = 0
            if not self.isActiveWindow():
                self._put_back()
            else:
                self._hold_keyboard(True)  # a closed drop-down list ends its own grab
            return
        self._away_checks += 1
        if self._away_checks >= LOST_AFTER_CHECKS:
            log.warning("kiosk window lost (platform %s): locking",
                        QGuiApplication.platformName())
            self._holder.stop()
            if self.session.is_open:
                self.events.ended("window_lost")
            self.close_released("lost")
            return
        self._put_back()

    def _put_back(self) -> None:
        if self._may_close:
            return
        # Let go of the keyboard first: while it is grabbed, X reports the focus coming
        # back as a grab's focus change, which Qt ignores, so the kiosk would never count
        # as the active window again. It is taken back once the focus has arrived.
        self._hold_keyboard(False)
        # Mapped again: a window hidden by "show desktop" is unmapped although Qt thinks it
        # is showing, and a window that has the focus without Qt knowing (see above) only
        # hears of it through a fresh focus change.
        self.hide()
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        QTimer.singleShot(HOLD_CHECK_MS // 2, self._regrab)

    def _regrab(self) -> None:
        if self._may_close or not self._holder.isActive():
            return
        # The window system's focus is back on the kiosk but Qt, which forgot its active
        # window when the kiosk was hidden, hears no new focus change: tell it.
        if (QGuiApplication.focusWindow() is self.windowHandle()
                and QApplication.activeWindow() is None):
            QApplication.setActiveWindow(self)
        self._hold_keyboard(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        # Enter presses the focused button, or means Next anywhere else on a question.
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        focus = QApplication.focusWidget()
        if enter and isinstance(focus, QPushButton) and self.isAncestorOf(focus):
            focus.click()
            return
        if enter and self.screens.currentWidget() is self.questions:
            self.go_next()
            return
        super().keyPressEvent(event)

    # ---- the questions --------------------------------------------------------------------

    def show_step(self, focus_heading: bool = True) -> None:
        nav = self.nav
        view = PageView(nav.fs, nav.step, self.words, show_intro=nav.step_index == 0)
        view.answered.connect(self.on_answered)
        old, self.view = self.view, view
        self.questions.set_page(view)
        if old is not None:
            old.setParent(None)
            old.deleteLater()
        n, total = nav.position()
        self.top.set_progress(n, total, nav.fs.progress)
        self.bottom.set_state(first=nav.is_first, last=nav.is_last)
        self.show_screen("question", focus=False)
        self._retab()
        if focus_heading:
            view.heading.setFocus(Qt.FocusReason.OtherFocusReason)
            self.questions.scroll_to_top()

    def on_answered(self, question_id: str, value: object) -> None:
        if not self._session_ok():
            return
        try:
            messages = self.nav.answer(question_id, value)
        except KnownError as exc:
            if self.view is not None:
                self.view.show_errors([], f"{exc.message} {exc.hint}".strip())
            return
        self.answer_saved.emit(question_id)
        view = self.view
        if view is None:
            return
        if view.sync():
            self._retab()
        if view.summary.isVisible():
            view.show_errors(self.nav.step_messages())
        else:
            view.show_item_messages(question_id, [m for m in messages if m.code != "required"])

    def go_next(self) -> None:
        if self.view is None or not self._session_ok():
            return
        shown = set(self.view.widgets)
        self.view.flush()
        if self.view is not None and set(self.view.widgets) - shown:
            return  # the last typing revealed a follow-up question: let the patient see it
        try:
            outcome = self.nav.next()
        except KnownError as exc:
            self.view.show_errors([], f"{exc.message} {exc.hint}".strip())
            return
        if outcome.finished:
            self.guard.pause()
            self.show_screen("end")
            return
        if outcome.moved:
            self.show_step()
        if outcome.messages and self.view is not None:
            self.view.show_errors(outcome.messages)
            self._retab()
            self.view.summary_text.setFocus(Qt.FocusReason.OtherFocusReason)
            self.questions.scroll_to_top()

    def go_back(self) -> None:
        if self.view is None or not self._session_ok():
            return
        self.view.flush()
        if self.nav.back():
            self.show_step()

    def _retab(self) -> None:
        if self.view is None:
            return
        chain = [*self.view.focus_chain(), self.bottom.back, self.bottom.next,
                 *self.top.controls()]
        chain = [w for w in chain if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # ---- look and language ----------------------------------------------------------------

    def cycle_text_size(self) -> None:
        self.text_size = (self.text_size + 1) % len(TEXT_SIZES)
        self._apply_look()
        self._keep_look()

    def toggle_contrast(self) -> None:
        self.high_contrast = not self.high_contrast
        self._apply_look()
        self._keep_look()

    def _keep_look(self) -> None:
        try:
            self.service.set_kiosk_look(self.open_, TEXT_SIZES[self.text_size][0],
                                        self.high_contrast)
        except KnownError:
            # The look is a convenience: failing to keep it must not stop the questionnaire.
            log.warning("could not keep the kiosk's text size with the response")

    def _apply_look(self) -> None:
        # The palette too: Fusion draws the radio and tick-box marks from it, and black marks
        # on a black page would vanish.
        self.setPalette(kiosk_palette(self.high_contrast))
        self.setStyleSheet(kiosk_stylesheet(TEXT_SIZES[self.text_size][1], self.high_contrast))
        self.top.show_look(self.words(f"a11y.size.{TEXT_SIZES[self.text_size][0]}"),
                           self.high_contrast)

    def _on_language_activated(self, index: int) -> None:
        self.set_locale(str(self.top.language.itemData(index)))

    def set_locale(self, locale: str, keep_focus_on_switch: bool = True) -> None:
        if locale == self.words.locale:
            return
        self.top.language.setCurrentIndex(max(0, self.top.language.findData(locale)))
        self.nav.fs.texts = self.service.texts(locale)
        self.words = KioskWords(locale, self.nav.fs.texts)
        self.top.retranslate(self.words)
        self.bottom.retranslate(self.words)
        self.questions.retranslate(self.words)
        current = self._current_name()
        self._build_screens()
        self._apply_look()
        self.show_step(focus_heading=not keep_focus_on_switch)
        if current != "question":
            self.show_screen(current)
        if keep_focus_on_switch:  # the patient is on the switch: leave them there
            self.top.language.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- the other screens ----------------------------------------------------------------

    def _build_screens(self) -> None:
        from crdesk.gui.kiosk.screens import build_screens

        for name, widget in list(self._named.items()):
            if name != "review":
                self.screens.removeWidget(widget)
                widget.deleteLater()
                del self._named[name]
        self._named.update(build_screens(self))
        for widget in self._named.values():
            if self.screens.indexOf(widget) < 0:
                self.screens.addWidget(widget)

    def staff_panel(self, actions: list[StaffAction]) -> StaffPanel:
        panel = StaffPanel(self.home, self.words, actions, self.session.username)
        panel.verified.connect(self._on_staff_verified)
        return panel

    def _current_name(self) -> str:
        current = self.screens.currentWidget()
        if current is self.questions:
            return "question"
        return next((n for n, w in self._named.items() if w is current), "question")

    def show_screen(self, name: str, focus: bool = True) -> None:
        widget = self.questions if name == "question" else self._named[name]
        self.screens.setCurrentWidget(widget)
        self.top.show_progress(name == "question")
        if name == "question":
            self.guard.count()
        elif name != "idle":
            self.guard.pause()
        panel = widget.findChild(StaffPanel)
        if panel is not None:
            panel.reset()
        heading = getattr(widget, "heading", None)
        if focus and heading is not None:
            heading.setFocus(Qt.FocusReason.OtherFocusReason)
        elif focus and name == "question" and self.view is not None:
            self.view.heading.setFocus(Qt.FocusReason.OtherFocusReason)
        self.screen_shown.emit(name)

    def _on_countdown(self, seconds: int) -> None:
        idle = self._named.get("idle")
        if idle is not None:
            idle.set_seconds(seconds)  # type: ignore[attr-defined]

    def request_exit(self) -> None:
        """Esc, Alt+F4, the close button...: ask for a staff password (never just close)."""
        current = self._current_name()
        if current == "closed":
            self.close_released("locked")
            return
        if current in ("exit", "privacy", "review"):
            return  # already asking staff, or staff are in charge
        self._return_to = "question" if current == "idle" else current
        self.show_screen("exit")

    def return_from_exit(self) -> None:
        self.show_screen(self._return_to)

    def _on_staff_verified(self, action: str, check: StaffCheck) -> None:
        if not self._session_ok():
            return
        page = self.nav.page.id
        if action == "resume":
            self.events.released("resume", check, page)
            self.show_screen("question")
        elif action == "end":
            self.events.released("exit", check, page, reason="ended")
            self.close_released("ended")
        elif action == "review":
            self.events.released("review", check, page)
            panel = ReviewPanel(self.service, self.response_id, self.words)
            panel.done.connect(self._on_review_done)
            old = self._named.get("review")
            if old is not None:
                self.screens.removeWidget(old)
                old.deleteLater()
            self._named["review"] = panel
            self.screens.addWidget(panel)
            self.show_screen("review")

    def _on_review_done(self, how: str) -> None:
        reason = "reviewed" if how == "reviewed" else "review_closed"
        if self._session_ok():
            self.events.ended(reason)
        self.close_released(reason)

    def close_released(self, reason: str) -> None:
        self._may_close = True
        self._end_reason = reason
        self.close()

    def _session_ok(self) -> bool:
        """The staff session can close under the kiosk (locked elsewhere): then say so."""
        if self.session.is_open:
            return True
        self.show_screen("closed")
        return False

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Keyboard users must see where they are: scroll the focused control into view.
        parent = new.parentWidget() if new is not None and self.isAncestorOf(new) else None
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea) and new is not None:
            parent.ensureWidgetVisible(new, 40, 60)
