"""The damage scan (storage/damage.py) does not cry wolf: a -wal left by a crash, with a
torn last frame, or main-file pages whose current copy is in the -wal, is not damage."""

from __future__ import annotations

import shutil
from pathlib import Path

from crdesk.demo.patients import demo_patients
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.storage import patients_repo
from crdesk.storage.damage import scan, wal_pages, wal_problems
from tests.conftest import ADMIN_PASSWORD

FRAME = 24 + 4096


def _crashed_copy(clinic_dir: BaseDir, target: Path) -> tuple[BaseDir, bytes]:
    """The clinic's files as a power cut leaves them: changes still in the -wal."""
    with ClinicHome.open(clinic_dir) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        key = s._key
        assert key is not None
        for seed in (1, 2):
            with s.change("patient.create", "patient") as db:
                patients_repo.insert_many(db, demo_patients(15, seed=seed))
        shutil.copytree(clinic_dir.root, target,
                        ignore=shutil.ignore_patterns("clinic.lock", "logs"))
        s.close()
    return BaseDir(target), key


def test_a_crash_left_wal_is_not_damage(clinic_dir: BaseDir, tmp_path: Path) -> None:
    b, key = _crashed_copy(clinic_dir, tmp_path / "crashed")
    wal = Path(f"{b.db}-wal")
    assert wal_pages(wal) and scan(b.db, key).problems == []
    # A checkpoint cut short leaves main-file copies of pages the -wal holds torn.
    page = min(p for p in wal_pages(wal) if p > 1)
    data = bytearray(b.db.read_bytes())
    data[4096 * (page - 1) + 50:4096 * (page - 1) + 66] = bytes(16)
    b.db.write_bytes(bytes(data))
    assert scan(b.db, key).problems == []
    # The last frame torn by the crash: SQLite drops it by design.
    raw = wal.read_bytes()
    frames = (len(raw) - 32) // FRAME
    torn = bytearray(raw[:32 + frames * FRAME])
    torn[-100:] = bytes(100)
    wal.write_bytes(bytes(torn))
    assert wal_problems(wal) == []
    with ClinicHome.open(b) as home:
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        assert not s.read_only
        s.close()
