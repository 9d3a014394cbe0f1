"""How deep sign-in looks for damage (issue 13): every page's HMAC after an unclean
shutdown, once a day, or after damage was met; otherwise the quick look (header, page 1,
the schema, the -wal). A page that fails later, while being read, gives the damaged-clinic
message (never a traceback or "out of memory"), and the session writes nothing more."""

from __future__ import annotations

import io
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crdesk.cli import main as cli_main
from crdesk.demo.patients import demo_patients
from crdesk.errors import DamagedDatabaseError
from crdesk.keyslots import KeySlotFile
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.storage import clinic_repo, patients_repo
from crdesk.storage.connection import damage_marker
from crdesk.storage.damage import LAST_FULL_CHECK, full_check_due
from tests.conftest import ADMIN_PASSWORD, file_digest

LONG_AGO = "2000-01-01T00:00:00+00:00"


def _clinic(clinic_dir: BaseDir, last_check: str) -> int:
    """400 patients, the last full check at ``last_check``; returns the page where the
    patients table starts (read when patients are listed, not at sign-in)."""
    with ClinicHome.open(clinic_dir) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        with s.change("patient.create", "patient") as db:
            patients_repo.insert_many(db, demo_patients(400))
            clinic_repo.set_setting(db, LAST_FULL_CHECK, last_check)
        page = int(s._db.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'patients'"))
        s.close()
    return page


def _damage(db: Path, page: int) -> None:
    data = bytearray(db.read_bytes())
    at = 4096 * (page - 1) + 100
    data[at:at + 16] = bytes(x ^ 0xA5 for x in data[at:at + 16])
    db.write_bytes(bytes(data))


def _key(b: BaseDir) -> bytes:
    return KeySlotFile.load(b.keyslots).unlock("admin", ADMIN_PASSWORD).data_key


@pytest.mark.expected_log_warning("damaged")
def test_the_daily_full_check_finds_a_damaged_middle_page(clinic_dir: BaseDir) -> None:
    """H118: the last full check a day old: every page checked, the damage found before
    anything is written."""
    page = _clinic(clinic_dir, LONG_AGO)
    _damage(clinic_dir.db, page)
    assert full_check_due(clinic_dir.db, _key(clinic_dir)) == "due"
    before = file_digest(clinic_dir.db)
    with ClinicHome.open(clinic_dir) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        assert s.read_only and any(f"page {page}" in p for p in s.damage)
        s.close()
    assert file_digest(clinic_dir.db) == before


@pytest.mark.expected_log_warning("damaged")
def test_a_clock_gone_back_is_not_trusted(clinic_dir: BaseDir) -> None:
    future = (datetime.now(UTC) + timedelta(days=30)).isoformat(timespec="seconds")
    page = _clinic(clinic_dir, future)
    _damage(clinic_dir.db, page)
    assert full_check_due(clinic_dir.db, _key(clinic_dir)) == "due"
    with ClinicHome.open(clinic_dir) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        assert s.read_only
        s.close()


@pytest.mark.expected_log_warning("damaged")
def test_an_unclean_shutdown_makes_sign_in_check_every_page(clinic_dir: BaseDir,
                                                           tmp_path: Path) -> None:
    """H118: checked within the day, but a -wal left behind by a crash (a copy taken while
    a session had changes in it, as a power cut leaves the folder): every page."""
    page = _clinic(clinic_dir, datetime.now(UTC).isoformat(timespec="seconds"))
    crashed = BaseDir(tmp_path / "crashed")
    with ClinicHome.open(clinic_dir) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        with s.change("patient.create", "patient") as db:
            patients_repo.insert_many(db, demo_patients(5, seed=9))
        shutil.copytree(clinic_dir.root, crashed.root,
                        ignore=shutil.ignore_patterns("clinic.lock", "logs"))
        s.close()
    assert Path(f"{crashed.db}-wal").stat().st_size > 0
    _damage(crashed.db, page + 1)  # a page of the main file the -wal does not hold
    assert full_check_due(crashed.db, _key(crashed)) == "unclean shutdown"
    with ClinicHome.open(crashed) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        assert s.read_only and any(f"page {page + 1}" in p for p in s.damage)
        s.close()


@pytest.mark.expected_log_warning("damaged")
def test_a_page_failing_mid_session_gives_the_damaged_message(
        clinic_dir: BaseDir, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """H119: checked within the day and shut down cleanly, so sign-in takes the quick look
    and does not see the damaged page; reading it then says the clinic is damaged, the
    session writes nothing more (sign-out included), and the next sign-in checks every
    page and opens read-only."""
    page = _clinic(clinic_dir, datetime.now(UTC).isoformat(timespec="seconds"))
    _damage(clinic_dir.db, page)
    assert full_check_due(clinic_dir.db, _key(clinic_dir)) == ""
    with ClinicHome.open(clinic_dir) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        assert not s.read_only  # the quick look passed it
        with pytest.raises(DamagedDatabaseError, match="damaged") as err:
            patients_repo.all_patients(s._db)
        assert "restore the latest backup" in err.value.hint and err.value.problems
        assert s.read_only and s.damage
        with pytest.raises(DamagedDatabaseError, match="saves nothing more"), \
                s.change("patient.create", "patient") as db:
            patients_repo.insert(db, next(iter(demo_patients(1, seed=5))))
        worker = s.for_worker()  # a background operation's connection: no writes either
        assert worker.read_only
        worker.close()
        s.close()
        after = file_digest(clinic_dir.db)
    assert damage_marker(clinic_dir.db).exists()
    # The next sign-in: every page, so read-only from the start, and nothing written.
    assert full_check_due(clinic_dir.db, _key(clinic_dir)) == "damage met before"
    monkeypatch.setattr("sys.stdin", io.StringIO(ADMIN_PASSWORD + "\n"))
    code = cli_main(["--basedir", str(clinic_dir.root), "backup", str(tmp_path / "b.crbak"),
                     "--user", "admin", "--password-stdin"])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert code == 1 and "damaged" in out.out + out.err
    assert not (tmp_path / "b.crbak").exists()
    assert file_digest(clinic_dir.db) == after


@pytest.mark.expected_log_warning("damaged")
def test_the_cli_check_looks_at_every_page_before_signing_in(
        clinic_dir: BaseDir, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    page = _clinic(clinic_dir, datetime.now(UTC).isoformat(timespec="seconds"))
    _damage(clinic_dir.db, page)
    before = file_digest(clinic_dir.db)
    monkeypatch.setattr("sys.stdin", io.StringIO(ADMIN_PASSWORD + "\n"))
    code = cli_main(["--basedir", str(clinic_dir.root), "check", "--user", "admin",
                     "--password-stdin"])
    out = capsys.readouterr().out
    assert code == 1 and f"page {page}" in out
    assert file_digest(clinic_dir.db) == before  # found before the sign-in row


def test_a_whole_file_is_recorded_and_then_looked_at_quickly(clinic_dir: BaseDir) -> None:
    _clinic(clinic_dir, LONG_AGO)
    damage_marker(clinic_dir.db).write_text("{}")  # as a restore over a damaged file leaves
    with ClinicHome.open(clinic_dir) as home:
        access.unlock(home, "admin", ADMIN_PASSWORD).close()  # the full check: whole
    assert not damage_marker(clinic_dir.db).exists()
    assert full_check_due(clinic_dir.db, _key(clinic_dir)) == ""


@pytest.mark.expected_log_warning("damaged")
def test_damage_met_while_signing_in_opens_read_only(clinic_dir: BaseDir) -> None:
    """H119: the quick look passes, then sign-in itself reads a damaged page (the audit
    chain's head): every page is checked then, and the session opens read-only."""
    _clinic(clinic_dir, datetime.now(UTC).isoformat(timespec="seconds"))
    with ClinicHome.open(clinic_dir) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        page = int(s._db.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'"))
        s.close()
    _damage(clinic_dir.db, page)
    assert full_check_due(clinic_dir.db, _key(clinic_dir)) == ""
    with ClinicHome.open(clinic_dir) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        assert s.read_only and any(f"page {page}" in p for p in s.damage)
        s.close()


@pytest.mark.expected_log_warning("damaged")
def test_a_backup_checks_every_page_first(clinic_dir: BaseDir, tmp_path: Path) -> None:
    """H118: after the quick look a backup would copy a damaged page that nothing read; it
    checks every page first and refuses, writing no backup."""
    page = _clinic(clinic_dir, datetime.now(UTC).isoformat(timespec="seconds"))
    _damage(clinic_dir.db, page)
    with ClinicHome.open(clinic_dir) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        assert not s.read_only
        with pytest.raises(DamagedDatabaseError, match="backup"):
            s.backup(tmp_path / "clinic.crbak")
        assert s.read_only
        s.close()
    assert not (tmp_path / "clinic.crbak").exists()
