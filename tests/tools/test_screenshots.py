"""The screenshot tool (``make screenshots``) still imports and wires every screen.

The full run takes more than a minute, so it is not part of the suite; this catches a
broken import or a missing screen function after a change to the GUI.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_shot_is_wired() -> None:
    from tools.screenshots.__main__ import LAYOUT_SHOTS, SHOTS, main

    names = {shot.__name__ for shot in SHOTS}
    assert names == {"shoot_setup_beside", "shoot_demo_login", "shoot_main_window",
                     "shoot_damaged", "shoot_errors", "shoot_export", "shoot_staff",
                     "shoot_admin", "shoot_staff_entry", "shoot_dashboard", "shoot_backups",
                     "shoot_records", "shoot_kiosk", "shoot_paper"}
    # Every staff screen is in the staff layout check (tests/gui/test_staff_layout.py); the
    # kiosk has a check of its own and the paper forms are PDFs.
    assert names - {shot.__name__ for shot in LAYOUT_SHOTS} == {"shoot_kiosk", "shoot_paper"}
    assert main([]) == 2  # usage


def test_the_shipped_package_does_not_import_the_tools() -> None:
    code = ("import sys, crdesk.app, crdesk.gui.main_window, crdesk.gui.kiosk\n"
            "print([m for m in sys.modules if m == 'tools' or m.startswith('tools.')])\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"
