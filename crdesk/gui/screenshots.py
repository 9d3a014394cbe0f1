"""Render every screen to PNG at 1366x768, offscreen, so people can look at them.

    python -m crdesk.gui.screenshots OUTDIR

Uses temporary clinics (a demo clinic with a handful of synthetic patients, and one made
through the set-up wizard) with the fast test key-derivation cost. Later screens add a
function to ``SHOTS``; each receives the ``Shooter`` and the open demo clinic.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget, QWizard  # noqa: E402

from crdesk.crypto.kdf import TEST_COST  # noqa: E402
from crdesk.errors import KnownError  # noqa: E402
from crdesk.gui.dialogs import known_error_box  # noqa: E402
from crdesk.gui.login import LoginScreen  # noqa: E402
from crdesk.gui.main_window import MainWindow  # noqa: E402
from crdesk.gui.pages import install_pages  # noqa: E402
from crdesk.gui.setup_wizard import SetupWizard  # noqa: E402
from crdesk.gui.style import apply_style  # noqa: E402
from crdesk.paths import BaseDir  # noqa: E402
from crdesk.services.demo import make_demo  # noqa: E402
from crdesk.services.home import ClinicHome  # noqa: E402

SIZE = (1366, 768)
WIZARD_PASSWORD = "a calm walk by the river"


def wait_until(predicate: Callable[[], bool], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not get ready in time")
        QApplication.processEvents()
        time.sleep(0.01)


@dataclass
class Shooter:
    out: Path

    def save(self, widget: QWidget, name: str) -> Path:
        widget.resize(*SIZE)
        widget.show()
        for _ in range(3):
            QApplication.processEvents()
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)
        return path


@dataclass
class DemoClinic:
    home: ClinicHome
    password: str


def shoot_setup(shooter: Shooter, root: Path) -> None:
    home = ClinicHome.open(BaseDir(root / "new-clinic"))
    try:
        w = SetupWizard(home, cost=TEST_COST)
        p1 = w.clinic_page
        p1.name.setText("Riverside Cardiac Rehabilitation")
        p1.ods.setText("rx1ab")
        shooter.save(w, "setup-1-clinic")
        w.next()
        p2 = w.admin_page
        p2.username.setText("jsmith")
        p2.password.setText("heart123")
        shooter.save(w, "setup-2-admin-weak-password")
        p2.password.setText(WIZARD_PASSWORD)
        p2.confirm.setText(WIZARD_PASSWORD)
        shooter.save(w, "setup-2-admin")
        w.next()
        wait_until(lambda: w.currentPage() is w.key_page)
        shooter.save(w, "setup-3-recovery-key")
        w.key_page.saved.setChecked(True)
        w.next()
        w.confirm_page.typed.setText("ABCD-EFGH")
        w.button(QWizard.WizardButton.FinishButton).click()
        shooter.save(w, "setup-4-type-back-wrong")
        assert w.staged is not None
        w.confirm_page.typed.setText(w.staged.recovery_key.lower())
        w.button(QWizard.WizardButton.FinishButton).click()
        w.close()
        login = LoginScreen(home, settings=home.settings())
        shooter.save(login, "login-real-clinic")
        login.password.setText("not the password")
        login.unlock_button.click()
        wait_until(lambda: not login.busy)
        shooter.save(login, "login-wrong-password")
        login.close()
    finally:
        home.close()


def shoot_demo_login(shooter: Shooter, demo: DemoClinic) -> None:
    login = LoginScreen(demo.home, settings=demo.home.settings())
    shooter.save(login, "login-demo-clinic")
    login.prefill("staff", "crdesk locked itself after 5 minute(s) without use. "
                           "Enter your password to carry on.")
    shooter.save(login, "login-after-auto-lock")
    login.close()


def shoot_main_window(shooter: Shooter, demo: DemoClinic) -> None:
    for username in ("admin", "staff"):
        session = access.unlock(demo.home, username, demo.password)
        try:
            window = MainWindow(session)
            install_pages(window, session)
            shooter.save(window, f"main-{username}-home")
            if "users" in window.page_keys():
                window.show_page("users")
                shooter.save(window, f"main-{username}-users")
            window.close()
        finally:
            session.close("logout")


def shoot_errors(shooter: Shooter, demo: DemoClinic) -> None:
    try:
        ClinicHome.open(demo.home.basedir)
    except KnownError as exc:
        box = known_error_box(None, "crdesk cannot open this clinic", exc)
        box.show()
        QApplication.processEvents()
        path = shooter.out / "error-database-in-use.png"
        box.grab().save(str(path))
        print(path)
        box.close()


# Later screens append their own functions here.
SHOTS: list[Callable[[Shooter, DemoClinic], None]] = [
    shoot_demo_login, shoot_main_window, shoot_errors]

from crdesk.gui.export_shots import shoot_export  # noqa: E402

SHOTS.append(shoot_export)

from crdesk.gui.staff.shots import shoot_admin, shoot_staff  # noqa: E402

SHOTS += [shoot_staff, shoot_admin]

from crdesk.gui.kiosk.shots import shoot_kiosk  # noqa: E402
from crdesk.services import access  # noqa: E402

SHOTS.append(shoot_kiosk)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m crdesk.gui.screenshots OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["crdesk-screenshots"])
    assert isinstance(app, QApplication)
    apply_style(app)
    with tempfile.TemporaryDirectory(prefix="crdesk-shots-") as tmp:
        root = Path(tmp)
        shooter = Shooter(out)
        shoot_setup(shooter, root)
        home = ClinicHome.open(BaseDir(root / "demo"))
        try:
            made = make_demo(home, patients=12, cost=TEST_COST)
            demo = DemoClinic(home, made.password)
            for shot in SHOTS:
                shot(shooter, demo)
        finally:
            home.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
