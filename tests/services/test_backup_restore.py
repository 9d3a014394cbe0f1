"""Encrypted backups with their key slots, and safe restores."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from crdesk.errors import AlreadyExistsError, CorruptDatabaseError
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.files import read_manifest, write_backup
from crdesk.services.home import ClinicHome
from crdesk.services.restore import restore_as_admin, restore_with_recovery_key
from crdesk.services.session import Session
from tests.conftest import ADMIN_PASSWORD, file_digest


def _mark(admin: Session, value: str) -> None:
    with admin.change("note", "x", 1):
        admin._db.execute("INSERT OR REPLACE INTO clinic_settings (key, value) VALUES ('m', ?)",
                         (value,))


def test_backup_restores_into_an_empty_folder(admin: Session, tmp_path: Path,
                                              recovery_key: str) -> None:
    _mark(admin, "marker-before-backup")
    out = admin.backup(tmp_path / "clinic.crbackup")
    manifest = read_manifest(out)
    assert manifest["format"] == "crdesk-backup"
    assert manifest["version"] == 1
    with zipfile.ZipFile(out) as zf:
        blob = b"".join(zf.read(n) for n in zf.namelist())
    assert b"marker-before-backup" not in blob
    target = BaseDir(tmp_path / "restored")
    with ClinicHome.open(target) as h2:
        assert restore_with_recovery_key(h2, out, recovery_key).kept is None
        s = access.unlock(h2, "admin", ADMIN_PASSWORD)
        assert s._db.scalar("SELECT value FROM clinic_settings WHERE key='m'") == \
            "marker-before-backup"
        assert s.check().ok
        s.close()


def test_restore_over_a_clinic_by_its_admin_keeps_the_old(home: ClinicHome, admin: Session,
                                                               tmp_path: Path) -> None:
    _mark(admin, "old")
    out = admin.backup(tmp_path / "b.crbackup")
    _mark(admin, "newer")
    admin.close()
    kept = restore_as_admin(home, out, "admin", ADMIN_PASSWORD).kept
    assert kept is not None and kept.name.endswith("replaced-by-restore.crbackup")
    assert kept.exists()
    s = access.unlock(home, "admin", ADMIN_PASSWORD)
    assert s._db.scalar("SELECT value FROM clinic_settings WHERE key='m'") == "old"
    s.close()


@pytest.mark.parametrize("damage", ["flip", "truncate", "not-a-zip"])
def test_damaged_backup_is_refused_and_nothing_changes(admin: Session, home: ClinicHome,
                                                       tmp_path: Path, damage: str) -> None:
    out = admin.backup(tmp_path / "b.crbackup")
    admin.close()
    data = bytearray(out.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x01
    elif damage == "truncate":
        data = data[: len(data) // 2]
    else:
        data = bytearray(b"hello")
    out.write_bytes(bytes(data))
    before = file_digest(home.basedir.db)
    with pytest.raises(CorruptDatabaseError, match="not a complete crdesk backup"):
        restore_as_admin(home, out, "admin", ADMIN_PASSWORD)
    assert file_digest(home.basedir.db) == before
    assert not list(home.basedir.backups.iterdir())
    assert not [p for p in home.basedir.root.iterdir() if p.name.startswith(".restore-")]


def test_backup_never_overwrites(admin: Session, tmp_path: Path) -> None:
    target = tmp_path / "exists.crbackup"
    target.write_bytes(b"precious")
    with pytest.raises(AlreadyExistsError):
        write_backup(admin.home.basedir, target)
    assert target.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".exists")] == []
