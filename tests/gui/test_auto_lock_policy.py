"""Issue 12: the auto-lock time is a clinic policy in the encrypted database, set by an
admin within 1-15 minutes; settings.json (writable by anyone with the folder) cannot set it.
Before: 30000 minutes in settings.json was accepted, and 40000 crashed."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from crdesk.core.roles import Role
from crdesk.crypto.kdf import TEST_COST
from crdesk.gui.admin.settings_page import ClinicSettingsPage
from crdesk.services import access
from crdesk.services.admin import auto_lock_minutes, set_auto_lock_minutes
from crdesk.services.field_errors import FieldErrors
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage import audit_repo
from tests.gui.conftest import PASSWORD
from tests.gui.test_shell import MakeController, sign_in

STAFF_PW = "heather on the fell side"


@pytest.fixture
def admin(real_clinic: ClinicHome) -> Iterator[Session]:
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    yield s
    s.close()


def test_only_an_admin_sets_it_and_only_within_1_to_15(admin: Session,
                                                        real_clinic: ClinicHome) -> None:
    assert auto_lock_minutes(admin) == 5
    for bad in (0, 16, 30000, 40000):
        with pytest.raises(FieldErrors):
            set_auto_lock_minutes(admin, bad)
    set_auto_lock_minutes(admin, 2)
    assert auto_lock_minutes(admin) == 2
    entry = audit_repo.entries(admin._db, action="clinic.auto_lock")[0]
    assert json.loads(entry.detail) == {"from": 5, "to": 2}
    admin.add_user("nurse", Role.STAFF, STAFF_PW, cost=TEST_COST)
    staff = access.unlock(real_clinic, "nurse", STAFF_PW)
    try:
        with pytest.raises(Exception, match="Only an admin"):
            set_auto_lock_minutes(staff, 15)
        assert auto_lock_minutes(staff) == 2
    finally:
        staff.close()


@pytest.mark.parametrize("hand_edited", [30000, 40000])
def test_settings_json_cannot_set_it_and_the_clinic_policy_applies(
        qtbot: QtBot, real_clinic: ClinicHome, make_controller: MakeController,
        hand_edited: int) -> None:
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    set_auto_lock_minutes(s, 3)
    s.close()
    path = real_clinic.basedir.settings
    data = json.loads(path.read_text()) if path.exists() else {}
    path.write_text(json.dumps({**data, "auto_lock_minutes": hand_edited}))
    c = make_controller(real_clinic)
    sign_in(qtbot, c, "jsmith", PASSWORD)
    assert c.autolock.timeout_ms == 3 * 60_000 and c.autolock.armed


def test_the_settings_page_sets_it(qtbot: QtBot, admin: Session) -> None:
    page = ClinicSettingsPage(admin)
    qtbot.addWidget(page)
    box = page.grid.fields["auto_lock_minutes"]
    assert box.count() == 15 and box.currentData() == "5"  # type: ignore[union-attr]
    box.setCurrentIndex(box.findData("10"))  # type: ignore[union-attr]
    page.save()
    assert auto_lock_minutes(admin) == 10
    assert page.message.plain_text() == "Saved."
