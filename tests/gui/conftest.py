"""GUI test fixtures: real clinics (real SQLCipher files) in tmp_path, fast key derivation."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtGui import QFont, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from crdesk.crypto.kdf import TEST_COST  # noqa: E402
from crdesk.demo.clinic import make_demo  # noqa: E402
from crdesk.gui.controller import AppController  # noqa: E402
from crdesk.gui.operations import wait_for_all  # noqa: E402
from crdesk.paths import BaseDir  # noqa: E402
from crdesk.services import access  # noqa: E402
from crdesk.services.home import ClinicHome  # noqa: E402

PASSWORD = "a calm walk by the river"
DEMO_PASSWORD = "demo password for tests"


@pytest.fixture
def basedir(tmp_path: Path) -> BaseDir:
    return BaseDir(tmp_path / "clinic")


@pytest.fixture
def home(basedir: BaseDir) -> Iterator[ClinicHome]:
    h = ClinicHome.open(basedir)
    yield h
    wait_for_all()
    h.close()


@pytest.fixture
def real_clinic(home: ClinicHome) -> ClinicHome:
    access.create(home, clinic_name="Riverside Cardiac Rehab", ods_code="RX1", admin="jsmith",
                  password=PASSWORD, cost=TEST_COST)
    return home


@pytest.fixture
def demo_clinic(home: ClinicHome) -> ClinicHome:
    make_demo(home, patients=3, password=DEMO_PASSWORD, cost=TEST_COST)
    return home


@pytest.fixture
def make_controller(qapp: QApplication) -> Iterator[Callable[..., AppController]]:
    made: list[AppController] = []

    def make(home: ClinicHome, lock_after_ms: int | None = None) -> AppController:
        c = AppController(qapp, home, lock_after_ms=lock_after_ms, cost=TEST_COST,
                          maximise=False)
        made.append(c)
        c.start()
        return c

    yield make
    wait_for_all()
    for c in made:
        c.shutdown()
        for w in (c.login, c.wizard):
            if w is not None:
                w.hide()
                w.deleteLater()
    QApplication.processEvents()


@pytest.fixture(autouse=True)
def _background_work_done() -> Iterator[None]:
    # No unlock or create may outlive its test (it would touch a deleted tmp dir).
    yield
    wait_for_all()


@pytest.fixture(autouse=True)
def _application_look_restored() -> Iterator[None]:
    # The look is the application's, not a window's: a test that puts crdesk's own on it
    # (apply_style: font, Fusion, the stylesheet; tests/gui/test_en_xa.py, the kiosk's,
    # test_density...) changed every later test's sizes. The export page's problems list
    # showed 5 rows, not 6, whenever test_en_xa ran first. Put back as it was.
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        yield
        return
    font, sheet, style = QFont(app.font()), app.styleSheet(), app.style().name()
    palette = QPalette(app.palette())
    yield
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    if app.style().name() != style:
        app.setStyle(style)
    app.setPalette(palette)
    if app.font() != font:
        app.setFont(font)


def delete_left_over_windows() -> None:
    """Carry out the deletions still pending: qtbot closes a test's widgets with
    deleteLater, which only an event loop runs, and processEvents does not. Until then the
    test's windows (and the dialogs they opened) live on, hidden; and a dialog opened and
    closed at once (``dialog.save()`` in a test) is made the active window afterwards by the
    offscreen platform's queued activation, focus widget and all. The next test's keys then
    went to that dead dialog: the kiosk's Tab never reached its control after
    tests/gui/staff, and closing the kiosk crashed Qt after test_measures_form."""
    if QApplication.instance() is not None:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _no_windows_left_over() -> Iterator[None]:
    yield
    delete_left_over_windows()
