"""Which screen is showing: set-up wizard, sign-in, or the main window; and auto-lock.

The controller owns at most one Session. Locking (by the button or by inactivity) and signing
out both close it, which drops the database key; the main window is destroyed with it so no
record stays on screen or in widget memory, and a new one is built at the next unlock.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from crdesk.errors import KnownError
from crdesk.gui.autolock import AutoLock, minutes_to_ms
from crdesk.gui.i18n import chosen_language, install_language, translate
from crdesk.gui.login import LoginScreen
from crdesk.gui.operations import cancel_all, run_operation, wait_for_all
from crdesk.gui.style import SCREEN_SIZE
from crdesk.services.home import ClinicHome

if TYPE_CHECKING:
    from crdesk.gui.main_window import MainWindow
    from crdesk.gui.setup_wizard import SetupWizard
    from crdesk.services.access import KdfCost
    from crdesk.services.session import Session

log = logging.getLogger(__name__)

BACKUP_CHECK_MS = 60_000  # how often an open session asks whether the daily backup is due


class AppController(QObject):
    """Signals:
        finished(): the user closed crdesk (or cancelled set-up); the application may quit.
    """

    finished = Signal()

    def __init__(self, app: QApplication, home: ClinicHome, *, lock_after_ms: int | None = None,
                 cost: KdfCost | None = None, maximise: bool = True,
                 login: LoginScreen | None = None) -> None:
        """``login``: the sign-in screen app.py already shows (the first frame, drawn before
        the clinic was held); the controller adopts it instead of building another."""
        super().__init__()
        self._home = home
        self._cost = cost
        self._maximise = maximise
        self.settings = home.settings()
        # Before any screen is built: widgets translate their words when they are made.
        install_language(app, chosen_language(self.settings.language))
        # The clinic's own time is read from the database at each unlock.
        self._lock_after_ms = lock_after_ms
        self.autolock = AutoLock(app, lock_after_ms or minutes_to_ms(5), self)
        self.autolock.timed_out.connect(self._on_autolock_timed_out)
        self.session: Session | None = None
        self.wizard: SetupWizard | None = None
        self.login: LoginScreen | None = None
        self.main_window: MainWindow | None = None
        # The off-laptop schedule (services/offsite.py) runs in whichever session is open.
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.run_due_backup)
        self._backing_up = False
        if login is not None:
            self._adopt_login(login)

    def start(self) -> None:
        if not self._home.initialised:
            self._show_wizard()
        elif self.login is None or not self.login.isVisible():
            self.show_login(self.settings.last_user)
        # else: the adopted first frame is up, prefilled, perhaps already being typed into

    def _adopt_login(self, login: LoginScreen) -> None:
        login.set_home(self._home)
        login.unlocked.connect(self._on_login_unlocked)
        login.close_requested.connect(self.finished)
        self.login = login

    # ---- screens --------------------------------------------------------------------------

    def _present(self, window: QWidget, previous: QWidget | None) -> None:
        # Show the new window before hiding the old, so Qt never sees "no windows left".
        if self._maximise:
            window.resize(*SCREEN_SIZE)
            window.showMaximized()
        else:
            window.resize(*SCREEN_SIZE)
            window.show()
        window.raise_()
        window.activateWindow()
        if previous is not None and previous is not window:
            previous.hide()

    def _show_wizard(self) -> None:
        from crdesk.gui.setup_wizard import SetupWizard  # only on first run: keep start-up fast

        self.wizard = SetupWizard(self._home, cost=self._cost)
        self.wizard.resize(1000, 700)
        self.wizard.clinic_created.connect(self._on_wizard_clinic_created)
        self.wizard.clinic_restored.connect(self._on_wizard_clinic_restored)
        self.wizard.finished.connect(self._on_wizard_finished)
        self.wizard.show()

    @Slot(str)
    def _on_wizard_clinic_created(self, admin: str) -> None:
        # Emitted while the wizard is still showing, so a window is always on screen.
        self.settings = self._home.settings()
        self.show_login(admin)

    @Slot(str)
    def _on_wizard_clinic_restored(self, backup_created: str) -> None:
        self.settings = self._home.settings()
        self.show_login("", translate("AppController",
                                      "The clinic was restored from its backup. Sign in with "
                                      "your user name and the password you had."))

    @Slot(int)
    def _on_wizard_finished(self, result: int) -> None:
        wizard, self.wizard = self.wizard, None
        if wizard is not None:
            wizard.deleteLater()
        if result != QDialog.DialogCode.Accepted.value:
            self.finished.emit()  # set-up cancelled: there is no clinic to open

    def show_login(self, username: str, notice: str = "",
                   previous: QWidget | None = None) -> LoginScreen:
        if self.login is None:
            self._adopt_login(LoginScreen(self._home, settings=self.settings))
        assert self.login is not None
        self.login.prefill(username, notice)
        self._present(self.login, previous)
        return self.login

    @Slot(object)
    def _on_login_unlocked(self, session: Session) -> None:
        if self.session is not None:  # never two sessions: close a stray one at once
            session.close("logout")
            return
        self.session = session
        self._remember(session)
        from crdesk.gui.main_window import MainWindow  # after unlock: keep start-up fast
        from crdesk.gui.pages import install_pages

        window = MainWindow(session)
        # Screens that open the patient kiosk pause the staff auto-lock through this.
        window.autolock = self.autolock  # type: ignore[attr-defined]
        install_pages(window, session)
        window.lock_requested.connect(self.lock)
        window.sign_out_requested.connect(self.sign_out)
        window.close_requested.connect(self._on_main_window_close_requested)
        self.main_window = window
        self._present(window, self.login)
        from crdesk.services.admin import auto_lock_minutes

        self.autolock.set_timeout_ms(self._lock_after_ms
                                     or minutes_to_ms(auto_lock_minutes(session)))
        self.autolock.arm()
        self.backup_timer.start()
        log.info("unlocked (role %s)", session.role.value)

    def _remember(self, session: Session) -> None:
        s = self._home.settings()
        s.last_user = session.username
        if s.is_demo and not session.clinic().is_demo:
            # Demo credentials belong to demo clinics only: a real clinic must never show any.
            s.demo_usernames, s.demo_password = [], ""
        self._home.save_settings(s)
        self.settings = s

    # ---- ending a session -----------------------------------------------------------------

    # ---- off-laptop backups: daily while open, and at sign-out ----------------------------

    def _start_backup(self, reason: str, then: object = None) -> bool:
        """Run the off-laptop backup in the background; False when there is nothing to do.
        A failure is no dialog: the result is on the admin's Home (services/offsite.py)."""
        from crdesk.services import offsite

        session, window = self.session, self.main_window
        # A damaged clinic (opened read-only, issue 13) is never backed up: a copy of a damaged
        # file would pass for a good one, and its result could not be recorded anyway.
        if session is None or window is None or self._backing_up or session.read_only:
            return False
        self._backing_up = True

        def finished() -> None:
            self._backing_up = False
            if callable(then):
                then()
            elif self.main_window is window and window is not None:
                from crdesk.gui.backup_notices import BackupNotices

                for notices in window.findChildren(BackupNotices):
                    notices.refresh()  # Home's reminder or warning may have changed

        def failed(exc: KnownError) -> None:
            log.warning("the off-laptop backup could not run: %s", exc.message)

        run_operation(window, lambda op: offsite.run(op.session, reason), session=session,
                      on_done=lambda _results: None, on_error=failed, on_finally=finished,
                      name=f"off-laptop backup ({reason})")
        return True

    @Slot()
    def run_due_backup(self) -> bool:
        from crdesk.services import offsite

        if self.session is None or self._backing_up or not offsite.daily_due(self.session):
            return False
        return self._start_backup("daily")

    def _end_session(self, reason: str) -> QWidget | None:
        self.backup_timer.stop()
        self.autolock.disarm()
        window, self.main_window = self.main_window, None
        session, self.session = self.session, None
        if window is not None and session is not None and session.is_open:
            window.before_lock()
        # No background operation may outlive the session: ask them to stop, then wait
        # (an Argon2 step cannot be interrupted; it ends within a second or two).
        cancel_all()
        wait_for_all()
        if session is not None:
            session.close(reason)
        return window

    def _dispose(self, window: QWidget | None) -> None:
        if window is not None:
            window.hide()
            window.deleteLater()

    @Slot()
    def lock(self) -> None:
        """Close the session; the same user signs in again with their password."""
        self._lock_as("lock", "")

    @Slot()
    def _on_autolock_timed_out(self) -> None:
        minutes = max(1, round(self.autolock.timeout_ms / 60_000))
        self._lock_as("auto-lock", translate("AppController",
                "crdesk locked itself after {minutes} minute(s) without use. Enter your password "
                "to carry on.").format(minutes=minutes))

    def _lock_as(self, reason: str, notice: str) -> None:
        username = self.session.username if self.session is not None else ""
        window = self._end_session(reason)
        self.show_login(username, notice or "Locked. Enter your password to carry on.",
                        previous=window)
        self._dispose(window)

    @Slot()
    def sign_out(self) -> None:
        from crdesk.services import offsite

        session = self.session
        if (session is not None and self.main_window is not None and not self._backing_up
                and offsite.config(session).on_sign_out and offsite.config(session).destinations):
            # Back up first; the window stays on screen, unusable, until it is done.
            self.main_window.setEnabled(False)
            if self._start_backup("sign-out", then=lambda: self._finish_sign_out(session)):
                return
            self.main_window.setEnabled(True)
        self._finish_sign_out(session)

    def _finish_sign_out(self, session: Session | None) -> None:
        if session is not self.session:
            return  # locked (or closed) meanwhile: that already ended the session
        window = self._end_session("logout")
        self.show_login("", translate("AppController", "You have signed out."), previous=window)
        self._dispose(window)

    @Slot()
    def _on_main_window_close_requested(self) -> None:
        window = self._end_session("exit")
        if window is not None:
            window.deleteLater()
        self.finished.emit()

    def shutdown(self) -> None:
        """At exit: close any open session (audit-logged, checkpointed, key dropped)."""
        window = self._end_session("exit")
        self._dispose(window)
        self.autolock.uninstall()
