"""The command-line set-up of the screenshots, in one place: ``start`` reads OUTDIR and makes
the styled offscreen QApplication (``python -m tools.screenshots`` and each module run
alone); ``run_alone`` runs one module's shots on a small temporary demo clinic.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.clinic import make_demo
from crdesk.gui.style import apply_style
from crdesk.paths import BaseDir
from crdesk.services.home import ClinicHome
from tools.screenshots.shooter import DemoClinic, Shooter, Shot


def start(argv: list[str], command: str) -> tuple[Path, QApplication] | None:
    """OUTDIR (made if missing) and the application in crdesk's style, offscreen unless
    QT_QPA_PLATFORM says otherwise; None, with the usage printed, unless ``argv`` is one
    OUTDIR."""
    if len(argv) != 1:
        print(f"usage: python -m {command} OUTDIR", file=sys.stderr)
        return None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the app is made
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["crdesk-screenshots"])
    assert isinstance(app, QApplication)
    apply_style(app)
    return out, app


def run_alone(argv: list[str], module: str, shoot: Shot, *, patients: int = 2) -> int:
    """``python -m tools.screenshots.<module> OUTDIR``: ``shoot`` alone, on a temporary demo
    clinic of ``patients`` synthetic patients (the fast test key-derivation cost)."""
    started = start(argv, f"tools.screenshots.{module}")
    if started is None:
        return 2
    out, _ = started
    with tempfile.TemporaryDirectory(prefix="crdesk-shots-") as tmp, \
            ClinicHome.open(BaseDir(Path(tmp) / "demo")) as home:
        made = make_demo(home, patients=patients, cost=TEST_COST)
        shoot(Shooter(out), DemoClinic(home, made.password))
    return 0
