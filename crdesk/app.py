"""Composition root for the desktop app: paths, logging, Qt, the clinic, the first screen.

The only module that wires the back end to the GUI. Services are passed by keyword; nothing
is kept in globals.
"""

from __future__ import annotations

import logging
import os
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from crdesk import __version__
from crdesk.errors import KnownError
from crdesk.log import setup_logging
from crdesk.paths import BaseDir

if TYPE_CHECKING:
    from crdesk.services.home import ClinicHome
    from crdesk.services.session import Session

log = logging.getLogger(__name__)


def run_gui(basedir: BaseDir) -> int:
    os.umask(0o077)  # every file crdesk creates is owner-only
    from crdesk.display import display_problem

    problem = display_problem()
    if problem is not None:
        raise problem
    basedir.ensure()
    setup_logging(basedir.logs)
    log.info("crdesk %s starting", __version__)

    from PySide6.QtWidgets import QApplication

    from crdesk.gui.controller import AppController
    from crdesk.gui.dialogs import show_known_error, show_unexpected_error
    from crdesk.gui.style import app_icon, apply_style
    from crdesk.services.home import ClinicHome

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("crdesk")  # matches crdesk.desktop (Wayland, task bars)
    app.setApplicationName("crdesk")
    app.setApplicationDisplayName("crdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("crdesk")
    # The controller decides when to quit: hiding one screen to show the next is not an exit.
    app.setQuitOnLastWindowClosed(False)

    try:
        home = ClinicHome.open(basedir)
    except KnownError as exc:
        apply_style(app)
        log.info("could not open the clinic: %s", type(exc).__name__)
        show_known_error(None, "crdesk cannot open this clinic", exc)
        return 1

    def excepthook(et: type[BaseException], ev: BaseException,
                   tb: TracebackType | None) -> None:
        # A bug inside a Qt slot: log it for the developers, tell the user in plain words.
        log.error("unexpected error", exc_info=(et, ev, tb))
        if isinstance(ev, KnownError):
            show_known_error(None, "crdesk", ev)
        else:
            show_unexpected_error(None)

    previous_hook = sys.excepthook
    sys.excepthook = excepthook
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


def _report_when_shown(app: object) -> None:
    """For bench/cold_start: once the first screen is up, say so and leave."""
    from PySide6.QtCore import QTimer

    def report() -> None:
        print("shown", flush=True)
        app.quit()  # type: ignore[attr-defined]

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
