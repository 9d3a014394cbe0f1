"""The staff layout check (issue 16): every staff screen and dialog that ``make
screenshots`` takes (the service dashboard's sections and staff entry of a questionnaire
among them), at 1366x768 and 1920x1080, at the normal and the large text size: no
clipped label, no table heading cut short, nothing scrolling sideways, no window wider than
the screen (tools/screenshots/staff_layout.py, tools/screenshots/staff_check.py). The
pseudo-locale en-XA is checked at both sizes and both text sizes too.

At the large text size on a 1366-pixel screen the rows of buttons wrap
(crdesk/gui/flow_layout.py), table headings wrap onto a second line
(crdesk/gui/wrapping_header.py), and the patient list leaves out the hospital number,
saying so, where it has no room for a long name beside it.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.clinic import make_demo
from crdesk.paths import BaseDir
from crdesk.services.home import ClinicHome
from tools.screenshots.__main__ import LAYOUT_SHOTS
from tools.screenshots.shooter import DemoClinic
from tools.screenshots.staff_layout import CONFIGS, PSEUDO_CONFIGS, Config, check_staff_layout

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "crdesk_en_XA.ts"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoClinic]:
    home = ClinicHome.open(BaseDir(tmp_path_factory.mktemp("layout") / "demo"))
    try:
        made = make_demo(home, patients=12, cost=TEST_COST)  # as make screenshots: one opts out
        yield DemoClinic(home, made.password)
    finally:
        home.close()


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The en-XA translator compiled from the committed .ts (as tests/gui/test_en_xa.py)."""
    qm = tmp_path_factory.mktemp("qm") / "crdesk_en_XA.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(qm)], check=True)
    return qm


@pytest.mark.expected_log_warning("damaged")  # the read-only banner shot
@pytest.mark.parametrize("config", [pytest.param(c, id=c.name)
                                    for c in [*CONFIGS, *PSEUDO_CONFIGS]])
def test_staff_screens_fit(qapp: QApplication, demo: DemoClinic, tmp_path: Path,
                           config: Config, request: pytest.FixtureRequest) -> None:
    translator = QTranslator()
    if config.language == "en-XA":
        assert translator.load(str(request.getfixturevalue("pseudo_qm")))
        qapp.installTranslator(translator)
    try:
        problems = check_staff_layout(qapp, LAYOUT_SHOTS, demo, tmp_path, config)
    finally:
        qapp.removeTranslator(translator)
    report = "\n".join(f"{screen}: {p}" for screen, found in problems.items() for p in found)
    assert not problems, "\n" + report
