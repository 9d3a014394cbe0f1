"""The damage matrix (issue 13): a clinic damaged in its header, first page, a middle page,
its last page or its write-ahead log, met by `check`, sign-in, `backup`, `export` and the
GUI. Each one gives a report or a clear refusal, never a traceback, and the database, its
-wal and -shm and the key slots stay byte for byte as they were."""

from __future__ import annotations

import hashlib
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crdesk.cli import main as cli_main
from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.patients import demo_patients
from crdesk.errors import DamagedDatabaseError
from crdesk.gui.controller import AppController
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.storage import patients_repo
from crdesk.storage.damage import wal_problems

PASSWORD = "a calm walk by the river"
PAGE = 4096
CASES = ["header", "first page", "middle page", "last page", "wal"]


def _patients(session: object, n: int, seed: int) -> None:
    with session.change("patient.create", "patient") as db:  # type: ignore[attr-defined]
        patients_repo.insert_many(db, demo_patients(n, seed=seed))


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One small clinic, closed clean; and a copy taken while a session still had changes in
    its -wal (as a power cut leaves it)."""
    root = tmp_path_factory.mktemp("damage")
    clean, live = root / "clean", root / "live"
    with ClinicHome.open(BaseDir(clean)) as home:
        access.create(home, clinic_name="Riverside Cardiac Rehab", ods_code="RX1",
                      admin="jsmith", password=PASSWORD, cost=TEST_COST)
        s = access.unlock(home, "jsmith", PASSWORD)
        _patients(s, 150, seed=1)
        s.close()
        s = access.unlock(home, "jsmith", PASSWORD)
        _patients(s, 20, seed=2)  # two transactions in the WAL: a commit after the first
        _patients(s, 20, seed=3)
        shutil.copytree(clean, live, ignore=shutil.ignore_patterns("clinic.lock", "logs"))
        s.close()
    (clean / "clinic.lock").unlink(missing_ok=True)
    assert (live / "clinic.db-wal").stat().st_size > 10 * PAGE
    return clean, live


def _damage(case: str, whole: tuple[Path, Path], target: Path) -> BaseDir:
    clean, live = whole
    shutil.copytree(live if case == "wal" else clean, target,
                    ignore=shutil.ignore_patterns("clinic.lock", "logs"))
    b = BaseDir(target)
    path = b.db if case != "wal" else Path(f"{b.db}-wal")
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE
    at = {"header": 0, "first page": 200, "middle page": PAGE * (pages // 2) + 100,
          "last page": PAGE * (pages - 1) + 100, "wal": 32 + 24 + 300}[case]
    data[at:at + 16] = bytes(x ^ 0xA5 for x in data[at:at + 16])
    path.write_bytes(bytes(data))
    return b


def _hashes(b: BaseDir) -> dict[str, str]:
    out = {}
    for p in (b.db, Path(f"{b.db}-wal"), Path(f"{b.db}-shm"), b.keyslots):
        out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "absent"
    return out


def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], b: BaseDir,
         *args: str) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = cli_main(["--basedir", str(b.root), *args, "--user", "jsmith", "--password-stdin"])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return code, out.out + out.err


@pytest.mark.expected_log_warning("damaged")
@pytest.mark.parametrize("case", CASES)
def test_damage_matrix(case: str, whole: tuple[Path, Path], tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                       qtbot: QtBot, make_controller: Callable[..., AppController]) -> None:
    b = _damage(case, whole, tmp_path / "clinic")
    before = _hashes(b)
    if case == "wal":
        assert wal_problems(Path(f"{b.db}-wal")), "the damaged frame is found in the WAL"

    # check: a report of what is damaged, exit 1
    code, out = _cli(monkeypatch, capsys, b, "check")
    assert code == 1 and "PROBLEMS FOUND" in out and "restore" in out
    found = {"header": "header", "wal": "write-ahead log"}.get(case, "HMAC verification failed")
    assert found in out  # says what is damaged, not only that something is
    assert _hashes(b) == before

    # sign-in: a read-only session, or a refusal that says what was found and what to do
    opened = case not in ("first page",)
    with ClinicHome.open(b) as home:
        if opened:
            s = access.unlock(home, "jsmith", PASSWORD)
            assert s.read_only and s.damage
            assert s.list_users()  # reads work
            with pytest.raises(DamagedDatabaseError, match="read-only"):  # at storage level
                _patients(s, 1, seed=4)
            s.close()
        else:
            with pytest.raises(DamagedDatabaseError, match="cannot be opened") as err:
                access.unlock(home, "jsmith", PASSWORD)
            assert err.value.problems and "restore" in err.value.hint
    assert _hashes(b) == before

    # backup and export: refused with the reason, nothing written
    out_file = tmp_path / "out" / "backup.crbak"
    out_file.parent.mkdir()
    code, out = _cli(monkeypatch, capsys, b, "backup", str(out_file))
    assert code == 1 and "damaged" in out and not out_file.exists()
    package = tmp_path / "out" / "export.p7m"
    code, out = _cli(monkeypatch, capsys, b, "export", "--profile", "nacr",
                     "--out", str(package))
    assert code == 1 and "damaged" in out and not package.exists()
    assert _hashes(b) == before

    # the GUI: the main window with its read-only banner, or the login screen's message
    with ClinicHome.open(b) as home:
        c = make_controller(home)
        assert c.login is not None
        c.login.username.setText("jsmith")
        c.login.password.setText(PASSWORD)
        c.login.unlock_button.click()
        if opened:
            qtbot.waitUntil(lambda: c.main_window is not None, timeout=20000)
            assert c.main_window is not None and c.main_window.damage_banner is not None
            assert "restore the latest backup" in c.main_window.damage_banner.text()
            assert "Keep this file" in c.main_window.damage_banner.text()
            c.sign_out()
        else:
            qtbot.waitUntil(lambda: "damaged" in c.login.error.text(), timeout=20000)
            assert "Keep this file" in c.login.error.text()
        c.shutdown()
    assert _hashes(b) == before
