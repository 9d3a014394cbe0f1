"""The damage matrix (issue 13): a clinic damaged in its header, first page, a middle page,
its last page or its write-ahead log, met by `check`, sign-in, `backup`, `export` and the
GUI. Each one gives a report or a clear refusal, never a traceback, and the database, its
-wal and -shm and the key slots stay byte for byte as they were."""

from __future__ import annotations

import gc
import hashlib
import io
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRunnable, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from crdesk.cli import main as cli_main
from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.patients import demo_patients
from crdesk.errors import CorruptDatabaseError, DamagedDatabaseError
from crdesk.gui.controller import AppController
from crdesk.gui.main_window import MainWindow
from crdesk.gui.pages import install_pages
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.storage import clinic_repo, patients_repo
from crdesk.storage.connection import Database, open_database
from crdesk.storage.damage import LAST_FULL_CHECK, wal_pages, wal_problems

PASSWORD = "a calm walk by the river"
NEW_PASSWORD = "a new path along the canal"
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
        made = access.create(home, clinic_name="Riverside Cardiac Rehab", ods_code="RX1",
                             admin="jsmith", password=PASSWORD, cost=TEST_COST)
        (root / "recovery-key.txt").write_text(made.recovery_key)  # outside the clinics
        s = access.unlock(home, "jsmith", PASSWORD)
        _patients(s, 150, seed=1)
        s.close()
        s = access.unlock(home, "jsmith", PASSWORD)
        _patients(s, 20, seed=2)  # two transactions in the WAL: a commit after the first
        _patients(s, 20, seed=3)
        shutil.copytree(clean, live, ignore=shutil.ignore_patterns("clinic.lock", "logs"))
        s.close()
        s = access.unlock(home, "jsmith", PASSWORD)
        _last_full_check(s, DAY_AGO)  # the matrix meets damage at the daily full check
        s.close()
    (clean / "clinic.lock").unlink(missing_ok=True)
    assert (live / "clinic.db-wal").stat().st_size > 10 * PAGE
    return clean, live


DAY_AGO = "2000-01-01T00:00:00+00:00"


def _last_full_check(session: object, when: str) -> None:
    db = session._db  # type: ignore[attr-defined]
    with db.transaction():
        clinic_repo.set_setting(db, LAST_FULL_CHECK, when)


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

    # recovery-key sign-in (`crdesk recover`): the same scan, the same read-only session
    # or refusal, and no new password saved (H117)
    key_text = (whole[0].parent / "recovery-key.txt").read_text()
    with ClinicHome.open(b) as home:
        if opened:
            s = access.recover(home, key_text, "jsmith", NEW_PASSWORD, cost=TEST_COST)
            assert s.read_only and s.damage
            assert s.list_users()
            s.close()
        else:
            with pytest.raises(DamagedDatabaseError, match="cannot be opened") as err:
                access.recover(home, key_text, "jsmith", NEW_PASSWORD, cost=TEST_COST)
            assert err.value.problems and "restore" in err.value.hint
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{key_text}\n{NEW_PASSWORD}\n"))
    code = cli_main(["--basedir", str(b.root), "recover", "--admin", "jsmith",
                     "--password-stdin"])
    out = capsys.readouterr()
    assert code == 1 and "Traceback" not in out.err + out.out
    assert "damaged" in out.out + out.err and "restore" in out.out + out.err
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
            # A damaged -wal is said in the banner too: its later changes are not shown.
            assert ("changes saved after its damaged part are not shown"
                    in c.main_window.damage_banner.text()) == (case == "wal")
            c.sign_out()
        else:
            qtbot.waitUntil(lambda: "damaged" in c.login.error.text(), timeout=20000)
            assert "Keep this file" in c.login.error.text()
        c.shutdown()
    assert _hashes(b) == before


def _root_page(whole: tuple[Path, Path], tmp_path: Path, table: str) -> int:
    """Where ``table`` starts (the schema is the same in every copy): read on a copy."""
    shutil.copytree(whole[0], tmp_path / "probe", ignore=shutil.ignore_patterns("clinic.lock"))
    with ClinicHome.open(BaseDir(tmp_path / "probe")) as home:
        s = access.unlock(home, "jsmith", PASSWORD)
        try:
            return int(s._db.scalar("SELECT rootpage FROM sqlite_master WHERE name = ?",
                                    (table,)))
        finally:
            s.close()


def _wal_clinic_with_damaged_page(whole: tuple[Path, Path], tmp_path: Path) -> BaseDir:
    """The clinic as a power cut left it (40 committed patients only in its -wal), with a
    page of the main file damaged that the -wal does not hold (the goals table's root)."""
    page = _root_page(whole, tmp_path, "goals")
    target = tmp_path / "clinic"
    shutil.copytree(whole[1], target, ignore=shutil.ignore_patterns("clinic.lock", "logs"))
    b = BaseDir(target)
    assert page not in wal_pages(Path(f"{b.db}-wal"))
    data = bytearray(b.db.read_bytes())
    at = PAGE * (page - 1) + 100
    data[at:at + 16] = bytes(x ^ 0xA5 for x in data[at:at + 16])
    b.db.write_bytes(bytes(data))
    return b


def _count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM patients"))


@pytest.mark.expected_log_warning("damaged")
def test_read_only_view_includes_the_wal(whole: tuple[Path, Path], tmp_path: Path,
                                         qtbot: QtBot) -> None:
    """H116: committed changes still in the -wal are shown read-only, from a private copy,
    and nothing of the clinic's changes."""
    b = _wal_clinic_with_damaged_page(whole, tmp_path)
    before = _hashes(b)
    with ClinicHome.open(b) as home:
        s = access.unlock(home, "jsmith", PASSWORD)
        try:
            assert s.read_only and any("HMAC" in p for p in s.damage)
            assert _count(s._db) == 190  # 150 checkpointed + 40 only in the -wal
            assert not s.recent_changes_missing and not s.wal_damaged
            worker = s.for_worker()  # a background operation reads the same view
            assert _count(worker._db) == 190
            worker.close()
            window = MainWindow(s)
            qtbot.addWidget(window)
            assert window.damage_banner is not None
            assert "may not be shown" not in window.damage_banner.text()
            copy = s._view.folder if s._view else None
            assert copy is not None and copy.is_dir() and b.root not in copy.parents
            if sys.platform != "win32":
                assert copy.stat().st_mode & 0o077 == 0  # the owner's only
            window.close()
        finally:
            s.close()
        assert not copy.exists()  # removed on close
    assert _hashes(b) == before
    # What an immutable open of the file itself shows: without the -wal's 40.
    probe = open_database(b.db, s_key(b), read_only=True)
    try:
        assert _count(probe) == 150
    finally:
        probe.close()
    assert _hashes(b) == before


def s_key(b: BaseDir) -> bytes:
    from crdesk.keyslots import KeySlotFile

    return KeySlotFile.load(b.keyslots).unlock("jsmith", PASSWORD).data_key


@pytest.mark.expected_log_warning("damaged")
def test_no_room_for_the_copy_says_recent_changes_may_be_missing(
        whole: tuple[Path, Path], tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """H116: no private copy can be made (here the temporary folder is a file, so the OS
    refuses it as it refuses a full disk): the file itself, immutable, and a banner that
    says the most recent changes may not be shown."""
    b = _wal_clinic_with_damaged_page(whole, tmp_path)
    before = _hashes(b)
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    monkeypatch.setattr(tempfile, "tempdir", str(blocker))
    with ClinicHome.open(b) as home:
        s = access.unlock(home, "jsmith", PASSWORD)
        try:
            assert s.read_only and s.recent_changes_missing
            assert _count(s._db) == 150
            window = MainWindow(s)
            qtbot.addWidget(window)
            assert window.damage_banner is not None
            assert "most recent changes may not be shown" in window.damage_banner.text()
            window.close()
        finally:
            s.close()
    assert _hashes(b) == before


class _HalfBuilt(QWidget):
    """A page whose constructor fails on a damaged file after it has children, a running
    timer and a reference cycle (a lambda holding it), as the export and audit pages do."""

    def __init__(self, where: list[str]) -> None:
        super().__init__()
        self.destroyed.connect(lambda *_: where.append(threading.current_thread().name))
        QLineEdit(self)
        self.timer = QTimer(self)
        self.timer.start(5)
        self.me = lambda: self  # the cycle: only the cycle collector would free it
        raise CorruptDatabaseError("a page of it is damaged", "")


class _Collect(QRunnable):
    def run(self) -> None:  # what a background operation's allocations can trigger
        gc.collect()


@pytest.mark.expected_log_warning("damaged")
def test_a_half_built_page_is_deleted_on_the_gui_thread(
        whole: tuple[Path, Path], tmp_path: Path, qapp: QApplication) -> None:
    """H120: the damaged-clinic main window's SIGSEGV. A page whose constructor raised was
    left a parentless widget tree in a reference cycle; the cycle collector, run on a
    background operation's thread, destroyed it there, and Qt later delivered its timer to
    the freed object. It is now Qt's to delete, on the GUI thread."""
    b = _damage("last page", whole, tmp_path / "clinic")
    where: list[str] = []
    with ClinicHome.open(b) as home:
        s = access.unlock(home, "jsmith", PASSWORD)
        try:
            assert s.read_only
            earlier = qapp.topLevelWidgets()  # windows other tests left behind
            window = MainWindow(s)
            install_pages(window, s)  # the real pages: some fail on this file
            window.add_page("half", "Half built", lambda: _HalfBuilt(where))
            for key in window.page_keys():  # pages are built when first shown or asked for
                window.page(key)
            left = [type(w).__name__ for w in qapp.topLevelWidgets() if w is not window
                    and not any(w is e for e in earlier) and w.parent() is None
                    and (isinstance(w, _HalfBuilt) or type(w).__module__.startswith(
                        "crdesk.gui"))]
            assert left == []  # no page left to Python's cycle collector
            pool = QThreadPool.globalInstance()
            pool.start(_Collect())
            pool.waitForDone()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            assert where == ["MainThread"]
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        finally:
            s.close()
