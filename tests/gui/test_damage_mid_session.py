"""A page that fails its HMAC while the GUI reads it, after sign-in's quick look passed the
file (issue 13, H119): the patient list says the clinic is damaged where the list would
be, no traceback, and the session writes nothing more."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from crdesk.gui.staff.patients_page import PatientsPage
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.storage.connection import damage_marker
from tests.conftest import ADMIN_PASSWORD
from tests.services.test_signin_check_depth import _clinic, _damage


@pytest.mark.expected_log_warning("damaged")
def test_patient_list_on_a_page_that_fails_mid_session(clinic_dir: BaseDir,
                                                       qtbot: QtBot) -> None:
    _clinic(clinic_dir, datetime.now(UTC).isoformat(timespec="seconds"))
    with ClinicHome.open(clinic_dir) as home:  # the list reads its own index (schema 16)
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        page = int(s._db.scalar(
            "SELECT rootpage FROM sqlite_master WHERE name = 'patients_list'"))
        s.close()
    _damage(clinic_dir.db, page)
    with ClinicHome.open(clinic_dir) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        try:
            assert not s.read_only
            patients = PatientsPage(s)
            qtbot.addWidget(patients)
            patients.reload_list()
            text = patients.list.count.text()
            assert "cannot be read" in text and "damaged" in text
            assert s.read_only
        finally:
            s.close()
    # The next sign-in checks every page, so it opens read-only with the banner.
    assert damage_marker(clinic_dir.db).exists()
    with ClinicHome.open(clinic_dir) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        assert s.read_only and any(f"page {page}" in p for p in s.damage)
        s.close()
