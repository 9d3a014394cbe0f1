"""The lean first frame (issue 15): the sign-in screen is painted before logging, the clinic's
instance lock, the controller and auto-lock exist, and they are all in place after the event
loop's first turn; Unlock is enabled only once the lock is held."""

from __future__ import annotations

import logging
import logging.handlers
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from crdesk import app as crdesk_app
from crdesk.errors import DatabaseInUseError
from crdesk.instance_lock import InstanceLock
from crdesk.paths import BaseDir
from crdesk.services.home import ClinicHome
from crdesk.settings import Settings


@pytest.fixture
def clinic(real_clinic: ClinicHome) -> BaseDir:
    """A set-up clinic whose lock is free again, as when crdesk is started."""
    basedir = real_clinic.basedir
    real_clinic.close()
    return basedir


@pytest.fixture
def restored_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for h in list(root.handlers):
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)


@pytest.fixture(autouse=True)
def exits(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Startup ends a refused or failed start with app.exit(code). Called on the suite's shared
    QApplication with no event loop running, that would leave Qt's "quit now" flag set, and every
    later test's event loop would return at once; record the code instead."""
    codes: list[int] = []
    monkeypatch.setattr(qapp, "exit", lambda code=0: codes.append(code))
    monkeypatch.setattr(qapp, "quit", lambda: codes.append(0))
    return codes


def crdesk_app_settings_save(basedir: BaseDir, s: Settings) -> None:
    from crdesk import settings as settings_mod

    settings_mod.save(basedir.settings, s)


def _lock_is_held(basedir: BaseDir) -> bool:
    try:
        InstanceLock(basedir.lock).acquire().release()
    except DatabaseInUseError:
        return True
    return False


def _file_handlers() -> list[Path]:
    return [Path(h.baseFilename) for h in logging.getLogger().handlers
            if isinstance(h, logging.handlers.RotatingFileHandler)]


def test_first_frame_then_lock_logging_and_auto_lock_after_one_turn(
        qapp: QApplication, qtbot: QtBot, clinic: BaseDir, restored_logging: None) -> None:
    settings = crdesk_app._read_settings(clinic)
    settings.last_user = "jsmith"
    crdesk_app_settings_save(clinic, settings)
    hook = sys.excepthook
    login = crdesk_app.show_first_frame(qapp, settings, maximise=False)
    qtbot.addWidget(login)
    start = crdesk_app.Startup(qapp, clinic, login, settings, maximise=False)
    # The first frame: shown and filled in, but nothing else is set up yet.
    assert login.isVisible() and login.username.text() == "jsmith"
    assert not login.unlock_button.isEnabled() and not login.ready
    assert not _lock_is_held(clinic)
    assert clinic.logs / "crdesk.log" not in _file_handlers()
    assert start.controller is None

    QTimer.singleShot(0, start.finish)
    qtbot.waitUntil(lambda: start.controller is not None or start.failure is not None)
    try:
        assert start.failure is None
        controller = start.controller
        assert controller is not None
        assert _lock_is_held(clinic)
        assert clinic.logs / "crdesk.log" in _file_handlers()
        assert "starting" in (clinic.logs / "crdesk.log").read_text(encoding="utf-8")
        assert sys.excepthook is crdesk_app._excepthook
        # The same window is adopted, not a second one; Unlock works now.
        assert controller.login is login and login.isVisible()
        assert login.unlock_button.isEnabled() and login.ready
        assert controller.autolock.timeout_ms > 0 and not controller.autolock.armed
        assert qapp.applicationName() == "crdesk"
    finally:
        assert start.close(0) == 0
    assert not _lock_is_held(clinic)
    assert sys.excepthook is hook


def test_settings_changed_by_the_clinic_opening_get_a_fresh_sign_in_screen(
        qapp: QApplication, qtbot: QtBot, clinic: BaseDir, restored_logging: None) -> None:
    # As when ClinicHome.open finishes an interrupted restore: the settings.json the first
    # frame was built from is not the clinic's any more.
    early = Settings(last_user="someone-else")
    login = crdesk_app.show_first_frame(qapp, early, maximise=False)
    qtbot.addWidget(login)
    start = crdesk_app.Startup(qapp, clinic, login, early, maximise=False)
    start.finish()
    try:
        controller = start.controller
        assert controller is not None and controller.login is not None
        assert controller.login is not login and not login.isVisible()
        assert controller.login.isVisible() and controller.login.ready
        assert controller.login.username.text() == crdesk_app._read_settings(clinic).last_user
    finally:
        start.close(0)


def test_a_second_instance_is_refused_in_plain_words(
        qapp: QApplication, qtbot: QtBot, clinic: BaseDir, restored_logging: None,
        exits: list[int]) -> None:
    settings = Settings()
    other = ClinicHome.open(clinic)  # another crdesk has this clinic
    try:
        login = crdesk_app.show_first_frame(qapp, settings, maximise=False)
        qtbot.addWidget(login)
        start = crdesk_app.Startup(qapp, clinic, login, settings, maximise=False)
        seen: list[str] = []

        def answer_box() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, answer_box)
                return
            seen.append(f"{box.windowTitle()}: {box.text()}")
            box.accept()

        QTimer.singleShot(0, answer_box)
        start.finish()  # runs the modal message box until answer_box closes it
        assert start.failure is None and start.controller is None and start.home is None
        assert seen and seen[0].startswith(crdesk_app.OPEN_FAILED)
        assert "already open on this clinic" in seen[0]
        assert not login.isVisible()  # never a sign-in form that cannot sign in
        assert not login.unlock_button.isEnabled()
        assert exits == [1]
        assert start.close(1) == 1
    finally:
        other.close()


def _run_crdesk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crdesk", *args], capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})


def test_crdesk_gui_paints_first_then_sets_up(clinic: BaseDir) -> None:
    done = _run_crdesk("--basedir", str(clinic.root), "gui", env={"CRDESK_EXIT_WHEN_SHOWN": "1"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["shown", "ready"]
    assert "crdesk 0.1.0 starting" in (clinic.logs / "crdesk.log").read_text(encoding="utf-8")


def test_the_first_frame_imports_no_parser_services_controller_or_qt_namespace(
        clinic: BaseDir) -> None:
    code = (
        "import sys\n"
        "from crdesk.cli import plain_gui_request\n"
        "from crdesk import app\n"
        f"b = plain_gui_request(['--basedir', {str(clinic.root)!r}])\n"
        "qt = app._application()\n"
        "app.show_first_frame(qt, app._read_settings(b), maximise=False)\n"
        "import PySide6.QtCore as core, PySide6.QtGui as gui, PySide6.QtWidgets as widgets\n"
        # PySide6 makes a class's wrapper (and its enums) on first use: QStyle's costs ~5 ms,
        # QIcon's ~1 ms. A name in the module's namespace is a wrapper made.
        "wrapped = [n for n, m in (('QStyle', widgets), ('QIcon', gui)) if n in vars(m)]\n"
        "print(' '.join(sorted(sys.modules)), 'Qt-namespace' if 'Qt' in vars(core) else '',\n"
        "      ' '.join(wrapped))\n"
        "from PySide6.QtCore import Qt\n"  # proves the check above can see the namespace
        "print('after:', 'Qt-namespace' if 'Qt' in vars(core) else 'none')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    first, after = done.stdout.splitlines()
    loaded = set(first.split())
    for heavy in ("crdesk.cli.parser", "crdesk.cli.commands", "crdesk.gui.controller",
                  "crdesk.gui.operations", "crdesk.services.access", "crdesk.services.session",
                  "crdesk.storage", "crdesk.log", "logging.handlers", "sqlcipher3", "ctypes",
                  "html", "QStyle", "QIcon"):
        assert heavy not in loaded, heavy
    assert "crdesk.gui.login" in loaded
    assert "Qt-namespace" not in loaded
    assert after == "after: Qt-namespace"


def test_a_failure_after_the_first_frame_is_not_swallowed_by_qt(
        qapp: QApplication, qtbot: QtBot, clinic: BaseDir, restored_logging: None,
        exits: list[int]) -> None:
    # The logs folder cannot be made (a file stands in its way): set-up fails inside a Qt
    # slot; the form that could never sign in is hidden and the error reaches cli/__init__.py.
    clinic.logs.rename(clinic.root / "logs-moved")
    clinic.logs.write_text("not a folder")
    settings = crdesk_app._read_settings(clinic)
    login = crdesk_app.show_first_frame(qapp, settings, maximise=False)
    qtbot.addWidget(login)
    start = crdesk_app.Startup(qapp, clinic, login, settings, maximise=False)
    start.finish()
    assert isinstance(start.failure, OSError) and exits == [70]
    assert not login.isVisible() and start.controller is None and start.home is None
    with pytest.raises(OSError):
        start.close(70)
    assert not _lock_is_held(clinic)


def test_a_crash_after_the_first_frame_is_a_sentence_and_exit_70(clinic: BaseDir) -> None:
    # The lock file cannot be opened (a folder stands in its way): not a refusal crdesk
    # knows, so a bug's path: a plain sentence, the details in the log, exit 70.
    clinic.lock.unlink(missing_ok=True)
    clinic.lock.mkdir()
    done = _run_crdesk("--basedir", str(clinic.root), env={"CRDESK_EXIT_WHEN_SHOWN": "1"})
    assert done.returncode == 70, done.stderr
    assert "something went wrong that crdesk did not expect" in done.stderr
    assert "Traceback" not in done.stderr
    assert "command gui failed unexpectedly" in (clinic.logs / "crdesk.log").read_text(
        encoding="utf-8")


@pytest.mark.parametrize("made_by_crdesk", [True, False])
def test_the_style_is_fusion_whoever_made_the_application(made_by_crdesk: bool) -> None:
    """apply_style leaves the style alone on an application new_application made (Fusion from
    Qt's -style option, for the cold start) and sets Fusion on any other, even where the
    platform's default is another style (QT_STYLE_OVERRIDE stands in for Windows' own)."""
    make = ("style.new_application(['crdesk'])" if made_by_crdesk
            else "QApplication(['crdesk'])")
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from crdesk.gui import style\n"
        f"app = {make}\n"
        "style.apply_style(app)\n"
        "app.setStyleSheet('')\n"  # the style sheet's proxy style hides the base style's name
        "print(app.style().name())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                            "QT_STYLE_OVERRIDE": "Windows"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["fusion"]
