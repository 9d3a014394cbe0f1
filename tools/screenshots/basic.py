"""Screenshots of set-up, sign-in, the main window and an error box."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QWizard

from crdesk.crypto.kdf import TEST_COST
from crdesk.errors import KnownError
from crdesk.gui.dialogs import known_error_box
from crdesk.gui.i18n import translate
from crdesk.gui.login import LoginScreen
from crdesk.gui.main_window import MainWindow
from crdesk.gui.pages import install_pages
from crdesk.gui.setup_wizard import SetupWizard
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from tools.screenshots.shooter import DemoClinic, Shooter, wait_until

WIZARD_PASSWORD = "a calm walk by the river"


def shoot_setup_beside(shooter: Shooter, demo: DemoClinic) -> None:
    """The set-up wizard, for the layout check: in a folder of its own beside the demo clinic
    each time (it makes a clinic)."""
    shoot_setup(shooter, Path(tempfile.mkdtemp(prefix="setup-shots-",
                                               dir=demo.home.basedir.root.parent)))


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
    # The words the controller uses (crdesk/gui/controller.py), in the current language.
    login.prefill("staff", translate(
        "AppController", "crdesk locked itself after {minutes} minute(s) without use. Enter your "
        "password to carry on.").format(minutes=5))
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


def shoot_damaged(shooter: Shooter, demo: DemoClinic) -> None:
    """The main window on a damaged copy of the demo clinic: open read-only, with its red
    banner (issue 13). A copy, so the other shots keep a whole clinic."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "damaged"
        shutil.copytree(demo.home.basedir.root, root,
                        ignore=shutil.ignore_patterns("clinic.lock", "logs", "backups"))
        db = BaseDir(root).db
        data = bytearray(db.read_bytes())
        at = 4096 * (len(data) // 4096 - 1) + 100  # the last page
        data[at:at + 16] = bytes(x ^ 0xA5 for x in data[at:at + 16])
        db.write_bytes(bytes(data))
        # As after damage met in an earlier session: sign-in checks every page, so the
        # window opens read-only with its banner whichever page a screen reads first.
        from crdesk.storage.connection import _write_damage_marker

        _write_damage_marker(db)
        home = ClinicHome.open(BaseDir(root))
        try:
            session = access.unlock(home, "admin", demo.password)
            try:
                window = MainWindow(session)
                install_pages(window, session)
                shooter.save(window, "main-damaged-read-only")
                window.close()
            finally:
                session.close("logout")
        finally:
            home.close()


def shoot_errors(shooter: Shooter, demo: DemoClinic) -> None:
    try:
        ClinicHome.open(demo.home.basedir)
    except KnownError as exc:
        box = known_error_box(None, "crdesk cannot open this clinic", exc)
        shooter.save_as_is(box, "error-database-in-use")
        box.close()

