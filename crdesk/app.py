"""Composition root for the desktop app: paths, logging, Qt, the clinic, the first screen.

The only module that wires the back end to the GUI. Services are passed by keyword; nothing
is kept in globals.

The first frame comes first (issue 15): for a clinic that is set up, ``run_gui`` builds and
shows the sign-in screen with nothing but Qt, the stylesheet and the settings file, then, on
the event loop's first turn after that paint, sets up the rest: logging, the clinic's
instance lock (the sign-in screen's Unlock is enabled once it is held), the crash hook, the
controller and auto-lock. Until then Unlock is disabled, so nothing reads the database before
this process holds the clinic. A first run (no clinic yet: the set-up wizard) takes the plain
path, as there is no sign-in screen to hurry.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from crdesk import __version__
from crdesk.errors import KnownError
from crdesk.paths import BaseDir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from crdesk.gui.controller import AppController
    from crdesk.gui.login import LoginScreen
    from crdesk.services.home import ClinicHome
    from crdesk.services.session import Session
    from crdesk.settings import Settings

log = logging.getLogger(__name__)

OPEN_FAILED = "crdesk cannot open this clinic"


def run_gui(basedir: BaseDir) -> int:
    os.umask(0o077)  # every file crdesk creates is owner-only
    from crdesk.display import display_problem

    problem = display_problem()
    if problem is not None:
        raise problem
    basedir.ensure()
    if not basedir.initialised():
        return _run_first_time(basedir)

    # Read before the first PySide6 import: shiboken checks the source of every module
    # imported after it (its __feature__ switch), a cost at cold start.
    settings = _read_settings(basedir)

    from PySide6.QtCore import QTimer

    app = _application()
    login = show_first_frame(app, settings)
    login.close_requested.connect(app.quit)  # the controller connects its own once it adopts
    start = Startup(app, basedir, login, settings)
    if os.environ.get("CRDESK_EXIT_WHEN_SHOWN"):
        QTimer.singleShot(0, lambda: print("shown", flush=True))  # bench/cold_start
        start.ready_hook = lambda: (print("ready", flush=True), app.quit())
    QTimer.singleShot(0, start.finish)  # posted after show(): runs after the first paint
    code = app.exec()
    return start.close(int(code))


def _read_settings(basedir: BaseDir) -> Settings:
    from crdesk import settings as settings_mod

    return settings_mod.load(basedir.settings)


def _application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    from crdesk.gui.style import new_application

    app = QApplication.instance() or new_application(sys.argv[:1])
    assert isinstance(app, QApplication)
    # The controller decides when to quit: hiding one screen to show the next is not an exit.
    app.setQuitOnLastWindowClosed(False)
    return app


def show_first_frame(app: QApplication, settings: Settings,
                     maximise: bool = True) -> LoginScreen:
    """The sign-in screen, styled and shown, with Unlock disabled (no clinic held yet)."""
    from crdesk.gui.i18n import chosen_language, install_language
    from crdesk.gui.login import LoginScreen
    from crdesk.gui.style import SCREEN_SIZE, apply_style

    apply_style(app, settings.text_scale)
    # Before the screen is built: widgets translate their words when they are made.
    install_language(app, chosen_language(settings.language))
    login = LoginScreen(None, settings=settings)
    login.resize(*SCREEN_SIZE)
    if maximise:
        login.showMaximized()
    else:
        login.show()
    login.raise_()
    login.activateWindow()
    return login


def _name_application(app: QApplication) -> None:
    from crdesk.gui.style import app_icon

    app.setWindowIcon(app_icon())
    app.setDesktopFileName("crdesk")  # matches crdesk.desktop (Wayland, task bars)
    app.setApplicationName("crdesk")
    app.setApplicationDisplayName("crdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("crdesk")


class Startup:
    """What follows the first frame, and what is undone at exit (see the module docstring).

    ``finish`` runs as a Qt slot, so it never lets an exception escape into Qt: a refusal to
    open the clinic (another crdesk holds it, an interrupted restore that cannot finish) is
    shown in plain words and the app exits 1, as before the first frame existed; anything
    else is kept and re-raised by ``close`` for cli/__init__.py's crash handling.
    """

    def __init__(self, app: QApplication, basedir: BaseDir, login: LoginScreen,
                 settings: Settings, *, maximise: bool = True,
                 lock_after_ms: int | None = None) -> None:
        self.app = app
        self.basedir = basedir
        self.login = login
        self.settings = settings
        self.maximise = maximise
        self.lock_after_ms = lock_after_ms
        self.home: ClinicHome | None = None
        self.controller: AppController | None = None
        self.logged = False
        self.failure: BaseException | None = None
        self.ready_hook: Callable[[], object] | None = None  # bench: once all is set up
        self._previous_hook = sys.excepthook

    def finish(self) -> None:
        try:
            self._finish()
        except BaseException as exc:  # noqa: BLE001 (re-raised by close(), outside Qt)
            self.failure = exc
            self.login.hide()
            self.app.exit(70)
            return
        if self.ready_hook is not None:
            self.ready_hook()

    def _finish(self) -> None:
        from crdesk.log import setup_logging

        setup_logging(self.basedir.logs)
        self.logged = True
        log.info("crdesk %s starting", __version__)
        _name_application(self.app)

        from crdesk.gui.controller import AppController
        from crdesk.gui.dialogs import show_known_error
        from crdesk.services.home import ClinicHome

        try:
            home = ClinicHome.open(self.basedir)
        except KnownError as exc:
            log.info("could not open the clinic: %s", type(exc).__name__)
            self.login.hide()  # never a sign-in form that cannot sign in
            show_known_error(None, OPEN_FAILED, exc)
            self.app.exit(1)
            return
        self.home = home
        sys.excepthook = _excepthook
        # An interrupted restore finished by ClinicHome.open may have changed the settings
        # the first frame was built from: then a fresh sign-in screen replaces it.
        fresh = home.settings() == self.settings
        first = self.login
        controller = AppController(self.app, home, maximise=self.maximise,
                                   lock_after_ms=self.lock_after_ms,
                                   login=first if fresh else None)
        controller.finished.connect(self.app.quit)
        self.controller = controller
        controller.start()
        if not fresh:
            first.hide()
            first.deleteLater()
        self.login = controller.login or first

    def close(self, code: int) -> int:
        """After the event loop: close the session and the clinic; the exit code."""
        from crdesk.gui.operations import cancel_all, wait_for_all

        try:
            if self.controller is not None:
                self.controller.shutdown()
        finally:
            cancel_all()
            wait_for_all()
            sys.excepthook = self._previous_hook
            if self.home is not None:
                self.home.close()
                log.info("crdesk closed")
        if self.failure is not None:
            raise self.failure
        return code


def _excepthook(et: type[BaseException], ev: BaseException, tb: TracebackType | None) -> None:
    # A bug inside a Qt slot: log it for the developers, tell the user in plain words.
    from crdesk.gui.dialogs import show_known_error, show_unexpected_error

    log.error("unexpected error", exc_info=(et, ev, tb))
    if isinstance(ev, KnownError):
        show_known_error(None, "crdesk", ev)
    else:
        show_unexpected_error(None)


def _run_first_time(basedir: BaseDir) -> int:
    """No clinic yet: the set-up wizard, with everything set up before it shows."""
    from crdesk.log import setup_logging

    setup_logging(basedir.logs)
    log.info("crdesk %s starting", __version__)

    from crdesk.gui.controller import AppController
    from crdesk.gui.dialogs import show_known_error
    from crdesk.gui.style import apply_style
    from crdesk.services.home import ClinicHome

    app = _application()
    _name_application(app)
    try:
        home = ClinicHome.open(basedir)
    except KnownError as exc:
        apply_style(app)
        log.info("could not open the clinic: %s", type(exc).__name__)
        show_known_error(None, OPEN_FAILED, exc)
        return 1

    previous_hook = sys.excepthook
    sys.excepthook = _excepthook
    try:
        apply_style(app, home.settings().text_scale)
        controller = AppController(app, home)
        controller.finished.connect(app.quit)
        controller.start()
        if os.environ.get("CRDESK_EXIT_WHEN_SHOWN"):
            _report_when_shown(app)
        code = app.exec()
        controller.shutdown()
        return int(code)
    finally:
        from crdesk.gui.operations import cancel_all, wait_for_all

        cancel_all()
        wait_for_all()
        sys.excepthook = previous_hook
        home.close()
        log.info("crdesk closed")


def _report_when_shown(app: QApplication) -> None:
    """For bench/cold_start: once the first screen is up, say so and leave."""
    from PySide6.QtCore import QTimer

    def report() -> None:
        print("shown", flush=True)
        print("ready", flush=True)
        app.quit()

    QTimer.singleShot(0, report)


def gui_smoke_test(home: ClinicHome, session: Session, patient_id: int,
                   episode_id: int) -> list[str]:
    """For --self-test: draw the login screen and a kiosk questionnaire page offscreen.

    Proves a bundle carries working Qt plugins, fonts and the GUI modules, and that the
    kiosk can start the patient's questionnaire; returns the problems found.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from crdesk.gui.kiosk.window import KioskOptions, KioskWindow
    from crdesk.gui.login import LoginScreen
    from crdesk.gui.style import apply_style
    from crdesk.services.questionnaires import PATIENT_FORM, QuestionnaireService

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)

    def settle() -> None:
        # Let pending layout, paint and deferred deletes run, through a short event loop of
        # its own, never by spinning the application's loop by hand (tests/test_layers.py).
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(30, loop.quit)
        loop.exec()

    problems = []
    screen = LoginScreen(home, settings=home.settings())
    screen.resize(1366, 768)
    screen.show()
    settle()
    image = screen.grab().toImage()
    screen.close()
    screen.deleteLater()
    settle()
    if image.isNull() or image.width() < 1000:
        problems.append("the login screen did not draw")

    service = QuestionnaireService(session)
    opened = service.start_or_resume(patient_id, PATIENT_FORM, episode_id=episode_id,
                                     assessment="A1")
    kiosk = KioskWindow(session, home, service, opened, options=KioskOptions(fullscreen=False))
    kiosk.start()
    kiosk.resize(1366, 768)
    settle()
    page = kiosk.grab().toImage()
    kiosk.close_released("self-test")
    kiosk.deleteLater()
    settle()
    if page.isNull() or page.width() < 1000:
        problems.append("the kiosk questionnaire page did not draw")
    elif len({page.pixel(x, y) for x in range(0, page.width(), 23)
              for y in range(0, page.height(), 23)}) < 3:
        problems.append("the kiosk questionnaire page is blank")
    if os.environ.get("CRDESK_SELFTEST_SHOTS"):  # to look at what the self-test drew
        page.save(os.path.join(os.environ["CRDESK_SELFTEST_SHOTS"], "self-test-kiosk.png"))
    return problems
