"""`check` on a database with a damaged page: a report, never a traceback, and closing the
session writes nothing more into the damaged file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from tests.conftest import ADMIN_PASSWORD, file_digest


def _damage_a_middle_page(db: Path) -> None:
    data = bytearray(db.read_bytes())
    pages = len(data) // 4096
    offset = 4096 * (pages // 2) + 100
    data[offset:offset + 16] = bytes(16)
    db.write_bytes(bytes(data))


def _grow(clinic_dir: BaseDir) -> None:
    # A few pages of real data, so that a middle page belongs to a table.
    from crdesk.demo.patients import demo_patients
    from crdesk.storage import clinic_repo, patients_repo
    from crdesk.storage.damage import LAST_FULL_CHECK

    with ClinicHome.open(clinic_dir) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        with s.change("patient.create", "patient"):
            patients_repo.insert_many(s._db, demo_patients(400))
            # The last full page check a day and more ago: the next sign-in checks them all.
            clinic_repo.set_setting(s._db, LAST_FULL_CHECK, "2000-01-01T00:00:00+00:00")
        s.close()


@pytest.mark.expected_log_warning("damaged")
def test_check_reports_a_damaged_page_and_close_writes_nothing(clinic_dir: BaseDir) -> None:
    _grow(clinic_dir)
    _damage_a_middle_page(clinic_dir.db)
    with ClinicHome.open(clinic_dir) as home:
        before = file_digest(clinic_dir.db)
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        assert s.read_only  # found at sign-in, before the sign-in row was written
        assert file_digest(clinic_dir.db) == before
        report = s.check()
        assert not report.ok
        assert report.cipher_problems and "HMAC" in report.cipher_problems[0]
        lines = "\n".join(report.lines())
        assert "damaged page" in lines
        before = file_digest(clinic_dir.db)
        s.close()  # once MemoryError here; now nothing is written
        assert file_digest(clinic_dir.db) == before
        assert not s.is_open


def test_the_check_command_gives_a_report_not_a_traceback(clinic_dir: BaseDir) -> None:
    _grow(clinic_dir)
    _damage_a_middle_page(clinic_dir.db)
    result = subprocess.run(
        [sys.executable, "-m", "crdesk", "--basedir", str(clinic_dir.root), "check", "--user",
         "admin", "--password-stdin"], input=f"{ADMIN_PASSWORD}\n", capture_output=True,
        text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "damaged page" in result.stdout and "PROBLEMS FOUND" in result.stdout
