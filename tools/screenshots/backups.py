"""Screenshots of off-laptop backups (issue 17): the admin's Home with the reminder, a staff
Home with the warning, the Backups page after a backup and a test, and "Restore a clinic"
at set-up. Uses a clinic of its own (its dates are moved to show the warning)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QWidget

from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.clinic import make_demo
from crdesk.gui.admin.backups_page import BackupsPage
from crdesk.gui.backup_notices import BackupNotices
from crdesk.gui.main_window import MainWindow
from crdesk.gui.pages import install_pages
from crdesk.gui.setup_wizard import SetupWizard
from crdesk.paths import BaseDir
from crdesk.services import access, offsite
from crdesk.services.home import ClinicHome
from crdesk.services.offsite import OffsiteConfig
from tools.screenshots.shooter import DemoClinic, Shooter, wait_until


def _home_shot(shooter: Shooter, home: ClinicHome, user: str, password: str,
               name: str) -> None:
    session = access.unlock(home, user, password)
    try:
        window = MainWindow(session)
        install_pages(window, session)
        notices = window.findChild(BackupNotices)
        assert notices is not None
        wait_until(lambda: notices.operation is None or not notices.operation.running)
        shooter.save(window, name)
        window.close()
    finally:
        session.close("logout")


def _idle(widget: QWidget) -> None:
    wait_until(lambda: getattr(widget, "operation", None) is None
               or not widget.operation.running)  # type: ignore[attr-defined]


def shoot_backups(shooter: Shooter, demo: DemoClinic) -> None:
    # A folder of its own each time: the layout check takes these screens once per size and
    # text size beside the same demo clinic.
    root = Path(tempfile.mkdtemp(prefix="offsite-shots-", dir=demo.home.basedir.root.parent))
    usb = root / "USB-STICK" / "crdesk-backups"
    usb.mkdir(parents=True, exist_ok=True)
    share = root / "clinic-share" / "crdesk"
    home = ClinicHome.open(BaseDir(root / "clinic"))
    try:
        made = make_demo(home, patients=4, cost=TEST_COST)
        pw = made.password
        admin = access.unlock(home, "admin", pw)
        try:
            offsite.save_config(admin, OffsiteConfig((str(usb), str(share)), daily_at="17:30",
                                                     on_sign_out=True))
            offsite.run(admin, "daily")  # the share is not connected: a reminder names it
            offsite.drill_latest(admin, password=pw)
            window = MainWindow(admin)
            install_pages(window, admin)
            window.show_page("backups")
            page = window.page("backups")
            assert isinstance(page, BackupsPage)
            page.drill_password.setText(pw)
            page.test_backup()
            _idle(page)
            shooter.save(window, "backups-page")
            window.close()
            # A clinic whose last good off-laptop backup is 9 days old: the warning.
            old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=9)).isoformat(timespec="seconds")
            status = offsite._status(admin)
            status["last_good"] = old
            import json

            from crdesk.storage import clinic_repo

            with admin._db.transaction():
                clinic_repo.set_setting(admin._db, offsite.STATUS_SETTING, json.dumps(status))
        finally:
            admin.close("logout")
        _home_shot(shooter, home, "admin", pw, "backups-admin-home-reminder")
        _home_shot(shooter, home, "staff", pw, "backups-staff-home-warning")
    finally:
        home.close()
    # Set-up on a new laptop, starting from that clinic's backup.
    backup = offsite.backups_in(usb, _database_id(root / "clinic", pw))[0][1]
    fresh = ClinicHome.open(BaseDir(root / "new-laptop"))
    try:
        wizard = SetupWizard(fresh, cost=TEST_COST)
        shooter.save(wizard, "setup-1-clinic-with-restore")
        dialog = wizard.open_restore()
        dialog.choose(backup)
        _idle(dialog)
        dialog.key.setText(made.recovery_key)
        shooter.save(dialog, "setup-restore-a-clinic")
        dialog.reject()
        wizard.close()
    finally:
        fresh.close()


def _database_id(root: Path, password: str) -> str:
    with ClinicHome.open(BaseDir(root)) as home:
        s = access.unlock(home, "admin", password)
        try:
            return s.clinic().database_id
        finally:
            s.close("logout")
