"""``python -m tools.screenshots OUTDIR``: every screen of crdesk as PNG files in OUTDIR.

The staff screens are taken twice: in en-GB, and in the en-XA pseudo-locale into OUTDIR/en-XA,
where each screen is also checked for untranslated words and for text that does not fit
(tools/screenshots/staff_check.py; problems are printed under the PNG's name).

Uses temporary clinics (a demo clinic with a handful of synthetic patients, and one made
through the set-up wizard) with the fast test key-derivation cost. A new screen adds its
function to ``SHOTS``; each receives the ``Shooter`` and the open demo clinic.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QWidget  # noqa: E402

from crdesk.crypto.kdf import TEST_COST  # noqa: E402
from crdesk.demo.clinic import make_demo  # noqa: E402
from crdesk.gui.i18n import DEFAULT_LANGUAGE, install_language  # noqa: E402
from crdesk.paths import BaseDir  # noqa: E402
from crdesk.services.home import ClinicHome  # noqa: E402
from tools.screenshots.alone import start  # noqa: E402
from tools.screenshots.backups import shoot_backups  # noqa: E402
from tools.screenshots.basic import (  # noqa: E402
    shoot_damaged,
    shoot_demo_login,
    shoot_errors,
    shoot_main_window,
    shoot_setup,
    shoot_setup_beside,
)
from tools.screenshots.dashboard import shoot_dashboard  # noqa: E402
from tools.screenshots.export import shoot_export  # noqa: E402
from tools.screenshots.kiosk import shoot_kiosk  # noqa: E402
from tools.screenshots.paper import shoot_paper  # noqa: E402
from tools.screenshots.records import shoot_records  # noqa: E402
from tools.screenshots.shooter import Check, DemoClinic, Shooter, Shot  # noqa: E402
from tools.screenshots.staff import shoot_admin, shoot_staff  # noqa: E402
from tools.screenshots.staff_check import (  # noqa: E402
    known_words,
    layout_problems,
    untranslated_texts,
)
from tools.screenshots.staff_entry import shoot_staff_entry  # noqa: E402

STAFF_SHOTS: list[Shot] = [shoot_demo_login, shoot_main_window, shoot_errors, shoot_export,
                           shoot_staff, shoot_admin, shoot_damaged]
PSEUDO = "en-XA"
# Staff entry shows the form's own words (text packs in the patient's language), so it is
# taken in en-GB only.
# Backups' Home lines are the services' words (English, like their error messages).
# The damaged clinic's read-only window (shoot_damaged) is a staff shot again: its crash
# inside the layout check's pytest run (a timer delivered to a deleted object) was a page
# whose constructor failed on the damaged file, freed by the cycle collector on a worker
# thread; MainWindow._build now deletes such a page on the GUI thread (hazard H120).
# The staff layout check (tests/gui/test_staff_layout.py) takes these too, in en-XA as well:
# it looks at fit only, and the form's words keep their length there.
LAYOUT_SHOTS: list[Shot] = [shoot_setup_beside, *STAFF_SHOTS, shoot_staff_entry,
                            shoot_dashboard, shoot_backups, shoot_records]
SHOTS: list[Shot] = [*LAYOUT_SHOTS, shoot_kiosk, shoot_paper]


def staff_checks(known: set[str]) -> Check:
    def check(widget: QWidget) -> list[str]:
        return ([f"untranslated {t}" for t in untranslated_texts(widget, known)]
                + [f"layout {t}" for t in layout_problems(widget)])
    return check


def shoot_staff_pseudo(out: Path, root: Path, demo: DemoClinic, *, grab: bool = True) -> Shooter:
    """The staff screens in en-XA, each checked; the caller installs the en-XA translator."""
    out.mkdir(parents=True, exist_ok=True)
    shooter = Shooter(out, check=staff_checks(known_words(demo.home, demo.password)), grab=grab)
    shoot_setup(shooter, root)
    for shot in STAFF_SHOTS:
        shot(shooter, demo)
    return shooter


def main(argv: list[str]) -> int:
    started = start(argv, "tools.screenshots")
    if started is None:
        return 2
    out, app = started
    with tempfile.TemporaryDirectory(prefix="crdesk-shots-") as tmp:
        root = Path(tmp)
        shooter = Shooter(out)  # the set-up wizard is among SHOTS (shoot_setup_beside)
        home = ClinicHome.open(BaseDir(root / "demo"))
        try:
            made = make_demo(home, patients=12, cost=TEST_COST)
            demo = DemoClinic(home, made.password)
            for shot in SHOTS:
                shot(shooter, demo)
            if not install_language(app, PSEUDO):
                print("no en-XA translation: run make translations", file=sys.stderr)
                return 1
            try:
                pseudo = shoot_staff_pseudo(out / PSEUDO, root / PSEUDO, demo)
            finally:
                install_language(app, DEFAULT_LANGUAGE)
            count = sum(len(found) for found in pseudo.problems.values())
            print(f"en-XA: {count} problem(s) on {len(pseudo.problems)} screen(s)")
        finally:
            home.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
