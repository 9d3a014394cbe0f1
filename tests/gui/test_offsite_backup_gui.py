"""Off-laptop backups on screen: the Home reminder and warning, the Backups page, the
schedule and sign-out backups of the controller, and "Restore a clinic" at set-up."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crdesk.core.roles import Role
from crdesk.crypto.kdf import TEST_COST
from crdesk.gui.admin.backups_page import BackupsPage
from crdesk.gui.backup_notices import BackupNotices
from crdesk.gui.controller import AppController
from crdesk.gui.main_window import MainWindow
from crdesk.gui.operations import wait_for_all
from crdesk.gui.setup_wizard import SetupWizard
from crdesk.gui.staff.worklist_page import WorklistPage
from crdesk.paths import BaseDir
from crdesk.services import access, offsite
from crdesk.services.home import ClinicHome
from crdesk.services.offsite import OffsiteConfig
from crdesk.services.session import Session
from tests.gui.conftest import PASSWORD

STAFF_PW = "staff members own passphrase"


@pytest.fixture
def session(real_clinic: ClinicHome) -> Iterator[Session]:
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    yield s
    s.close()


def _idle(qtbot: QtBot, widget: object) -> None:
    qtbot.waitUntil(lambda: getattr(widget, "operation", None) is None
                    or not widget.operation.running, timeout=30_000)  # type: ignore[attr-defined]


def test_home_shows_the_missing_destination_to_the_admin(qtbot: QtBot, session: Session,
                                                         tmp_path: Path) -> None:
    stick = tmp_path / "E" / "crdesk-backups"
    offsite.save_config(session, OffsiteConfig((str(stick),)))
    offsite.run(session, "sign-out")
    notices = BackupNotices(session)
    qtbot.addWidget(notices)
    _idle(qtbot, notices)
    assert not notices.isHidden()
    texts = notices.texts()
    assert any(str(stick) in t and "none yet" in t for t in texts), texts
    assert notices.backups_button.isVisibleTo(notices)


def test_staff_see_the_warning_only_when_it_is_due(qtbot: QtBot, real_clinic: ClinicHome,
                                                   session: Session) -> None:
    session.add_user("nurse", Role.STAFF, STAFF_PW, cost=TEST_COST)
    staff = access.unlock(real_clinic, "nurse", STAFF_PW)
    try:
        notices = BackupNotices(staff)
        qtbot.addWidget(notices)
        _idle(qtbot, notices)
        assert notices.texts() == [] and notices.isHidden()
        # a clinic made 10 days ago with no off-laptop backup since
        old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=10)).isoformat()
        with session._db.transaction():
            session._db.execute("UPDATE clinic SET created_at = ?", (old,))
        notices.refresh()
        _idle(qtbot, notices)
        (text,) = notices.texts()
        assert "No off-laptop backup for 10 days" in text
        assert not notices.isHidden() and not notices.backups_button.isVisibleTo(notices)
    finally:
        staff.close()


def test_backups_page_saves_backs_up_and_tests(qtbot: QtBot, session: Session,
                                                tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    page = BackupsPage(session)
    qtbot.addWidget(page)
    page.add_destination(str(usb))
    page.daily.setChecked(True)
    page.on_sign_out.setChecked(True)
    assert page.save()
    assert offsite.config(session).destinations == (str(usb),)
    assert offsite.config(session).on_sign_out
    page.back_up_now()
    _idle(qtbot, page)
    assert "and checked" in page.message.plain_text()
    assert len(list(usb.iterdir())) == 1
    assert "Last good off-laptop backup: " in page.status.text()
    assert "none yet" not in page.status.text()
    page.drill_password.setText(PASSWORD)
    page.test_backup()
    _idle(qtbot, page)
    assert page.drill_message.plain_text() == "The backup test passed."
    assert "every check passed" in page.drill_report.text()
    page.drill_password.setText("wrong password here")
    page.test_backup()
    _idle(qtbot, page)
    assert "FAILED" in page.drill_message.plain_text()


def test_a_relative_folder_is_refused_at_the_field(qtbot: QtBot, session: Session) -> None:
    page = BackupsPage(session)
    qtbot.addWidget(page)
    page.add_destination("backups")
    assert not page.save()
    assert "full folder path" in page.where_error.plain_text()


def _signed_in(qtbot: QtBot, c: AppController, user: str, pw: str) -> MainWindow:
    assert c.login is not None
    c.login.username.setText(user)
    c.login.password.setText(pw)
    c.login.unlock_button.click()
    qtbot.waitUntil(lambda: c.main_window is not None, timeout=30_000)
    assert c.main_window is not None
    return c.main_window


def test_controller_backs_up_daily_and_at_sign_out(
        qtbot: QtBot, real_clinic: ClinicHome, session: Session, tmp_path: Path,
        make_controller: Callable[..., AppController]) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    offsite.save_config(session, OffsiteConfig((str(usb),), daily_at="00:00", on_sign_out=True))
    session.close()
    c = make_controller(real_clinic)
    window = _signed_in(qtbot, c, "jsmith", PASSWORD)
    home = window.page("home")
    assert isinstance(home, WorklistPage)
    assert c.run_due_backup()  # 00:00 has passed today, and none ran yet
    qtbot.waitUntil(lambda: not c._backing_up, timeout=30_000)
    assert len(list(usb.iterdir())) == 1
    assert c.session is not None and not c.run_due_backup()  # once a day
    c.sign_out()
    qtbot.waitUntil(lambda: c.session is None, timeout=30_000)
    wait_for_all()
    # (a second backup in the same second keeps the first's name and is refused, so the
    # count of files is not the test: the audit entries below are)
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    try:
        from crdesk.storage import audit_repo

        reasons = [e.detail for e in audit_repo.entries(s._db, action="backup.offsite",
                                                        limit=10)]
        assert any('"reason":"sign-out"' in d for d in reasons), reasons
        assert any('"reason":"daily"' in d for d in reasons), reasons
    finally:
        s.close()


def test_set_up_can_restore_a_clinic_from_its_backup(
        qtbot: QtBot, tmp_path: Path, make_controller: Callable[..., AppController]) -> None:
    old = BaseDir(tmp_path / "old-laptop")
    with ClinicHome.open(old) as h:
        made = access.create(h, clinic_name="Riverside", ods_code="RX1", admin="jsmith",
                             password=PASSWORD, cost=TEST_COST)
        s = access.unlock(h, "jsmith", PASSWORD)
        backup = s.backup(tmp_path / "stick.crbackup")
        s.close()
    new_home = ClinicHome.open(BaseDir(tmp_path / "new-laptop"))
    try:
        c = make_controller(new_home)
        wizard = c.wizard
        assert isinstance(wizard, SetupWizard)
        dialog = wizard.open_restore()
        assert not dialog.restore_button.isEnabled()
        damaged = tmp_path / "damaged.crbackup"
        damaged.write_bytes(backup.read_bytes()[:3000])
        dialog.choose(damaged)
        _idle(qtbot, dialog)
        assert "not a complete crdesk backup" in dialog.file_message.plain_text()
        dialog.choose(backup)
        _idle(qtbot, dialog)
        assert re.search(r"a whole backup, made \d\d/\d\d/\d{4} at", dialog.file_message
                         .plain_text())
        dialog.key.setText("AAAA-" * 13 + "AAAA")
        dialog.restore()
        _idle(qtbot, dialog)
        assert dialog.message.plain_text(), "a wrong key is named"
        assert not new_home.initialised
        dialog.key.setText(made.recovery_key)
        dialog.restore()
        _idle(qtbot, dialog)
        assert c.wizard is None, dialog.message.plain_text()
        assert new_home.initialised
        assert c.login is not None and c.login.isVisible()
        assert "restored" in c.login.notice.text()
    finally:
        wait_for_all()
        new_home.close()


def test_home_lines_have_the_services_words() -> None:
    # The GUI's translatable templates are the service's English ones, kind for kind.
    from crdesk.gui import backup_notices

    assert backup_notices.TEMPLATES == offsite.TEMPLATES
