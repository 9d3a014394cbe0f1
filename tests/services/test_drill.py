"""The restore drill ("Test a backup") on real backups: good, damaged, another clinic's."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from crdesk.core.patient import Patient
from crdesk.crypto.kdf import TEST_COST
from crdesk.errors import KnownError, PermissionDeniedError
from crdesk.paths import BaseDir
from crdesk.services import access, offsite
from crdesk.services.drill import check_backup, drill
from crdesk.services.home import ClinicHome
from crdesk.services.offsite import OffsiteConfig
from crdesk.services.restore import restore_as_admin
from crdesk.services.session import Session
from crdesk.storage import audit_repo, patients_repo
from tests.conftest import ADMIN_PASSWORD


def _with_backup(admin: Session, tmp_path: Path) -> Path:
    with admin._db.transaction():
        for n in range(3):
            patients_repo.insert(admin._db, Patient(None, None, f"H{n}", f"F{n}", f"G{n}",
                                                    "1950-01-01"))
    usb = tmp_path / "usb"
    usb.mkdir(exist_ok=True)
    offsite.save_config(admin, OffsiteConfig((str(usb),)))
    (r,) = offsite.run(admin, "manual")
    assert r.ok and r.path is not None
    return r.path


def _no_temp_copies(admin: Session) -> None:
    assert not [p for p in admin.home.basedir.root.iterdir() if p.name.startswith(".verify")]


def test_drill_passes_on_a_good_backup_with_the_password(admin: Session, tmp_path: Path) -> None:
    path = _with_backup(admin, tmp_path)
    with admin._db.transaction():  # the clinic moves on after the backup
        patients_repo.insert(admin._db, Patient(None, None, "H9", "F9", "G9", "1950-01-01"))
    head = audit_repo.head(admin._db)
    assert check_backup(admin, path).ok
    assert audit_repo.head(admin._db) == head, "a check writes nothing into the live clinic"
    result = offsite.drill_latest(admin, password=ADMIN_PASSWORD)
    assert result.ok, result.lines
    assert result.check.opened_with == "admin password"
    assert result.check.counts["patients"] == 3 and result.live_counts["patients"] == 4
    assert any("patients 3 (the clinic now has 4), episodes 0," in line
               for line in result.lines), result.lines
    assert result.chain_continues
    assert result.check.path == path
    _no_temp_copies(admin)
    (entry,) = audit_repo.entries(admin._db, action="backup.drill", limit=5)
    assert json.loads(entry.detail)["ok"] is True
    (note,) = [n for n in offsite.notices(admin) if "Backup test" in n.text]
    assert note.level == "info" and "passed" in note.text


def test_drill_opens_with_the_recovery_key(admin: Session, tmp_path: Path,
                                           recovery_key: str) -> None:
    _with_backup(admin, tmp_path)
    result = offsite.drill_latest(admin, recovery_key=recovery_key)
    assert result.ok and result.check.opened_with == "recovery key", result.lines


def test_a_wrong_password_fails_clearly(admin: Session, tmp_path: Path) -> None:
    path = _with_backup(admin, tmp_path)
    result = drill(admin, path, password="not-the-password-at-all")
    assert not result.ok
    assert result.lines == [f"{path.name} does not open with the password or recovery key given"]


def _rezip(src: Path, dst: Path, damage_db: bool) -> None:
    """Copy a backup, damaging one page of its database and (so the manifest cannot give it
    away) recomputing the member hashes: only opening it can find the damage."""
    with zipfile.ZipFile(src) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    db = bytearray(members["clinic.db"])
    if damage_db:
        db[4096 + 200: 4096 + 232] = bytes(32)
    members["clinic.db"] = bytes(db)
    manifest = json.loads(members["manifest.json"])
    for m in manifest["members"]:
        m["sha256"] = hashlib.sha256(members[m["name"]]).hexdigest()
        m["size"] = len(members[m["name"]])
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(dst, "w") as zf:
        for n, data in members.items():
            zf.writestr(n, data)


def test_drill_fails_clearly_on_a_damaged_page(admin: Session, tmp_path: Path) -> None:
    path = _with_backup(admin, tmp_path)
    bad = tmp_path / "damaged.crbackup"
    _rezip(path, bad, damage_db=True)
    result = drill(admin, bad, password=ADMIN_PASSWORD)
    assert not result.ok
    assert "fail their checksum" in result.lines[-1], result.lines
    assert not check_backup(admin, bad).ok
    _no_temp_copies(admin)


def test_drill_fails_clearly_on_a_cut_short_file(admin: Session, tmp_path: Path) -> None:
    path = _with_backup(admin, tmp_path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    result = offsite.drill_latest(admin, password=ADMIN_PASSWORD)
    assert not result.ok
    assert result.lines == [f"{path.name} is not a complete crdesk backup."]
    (note,) = [n for n in offsite.notices(admin) if "Backup test" in n.text]
    assert note.level == "reminder" and "FAILED" in note.text


def test_another_clinics_backup_is_refused_and_named(admin: Session, tmp_path: Path) -> None:
    other = BaseDir(tmp_path / "other")
    with ClinicHome.open(other) as h:
        access.create(h, clinic_name="Other", ods_code="RX200", admin="admin",
                      password=ADMIN_PASSWORD, cost=TEST_COST)
        s = access.unlock(h, "admin", ADMIN_PASSWORD)
        theirs = s.backup(tmp_path / "other.crbackup")
        their_id = s.clinic().database_id
        s.close()
    result = drill(admin, theirs, password=ADMIN_PASSWORD)
    assert not result.ok
    assert f"is a backup of another clinic (database {their_id[:8]})" in result.lines[-1]
    assert "other.crbackup" in result.lines[-1]
    assert not check_backup(admin, theirs).ok
    # and a restore over this clinic refuses it too, naming it, before anything changes
    ours = admin.clinic().database_id
    admin.close()
    with pytest.raises(PermissionDeniedError, match="other.crbackup is a backup of another"):
        restore_as_admin(admin.home, theirs, "admin", ADMIN_PASSWORD)
    again = access.unlock(admin.home, "admin", ADMIN_PASSWORD)
    try:
        assert again.clinic().database_id == ours
    finally:
        again.close()
    assert not list(admin.home.basedir.backups.glob("*replaced-by-restore*"))


def test_drill_is_for_admins_and_needs_a_backup(admin: Session, staff: Session) -> None:
    with pytest.raises(PermissionDeniedError):
        offsite.drill_latest(staff, password="x")
    with pytest.raises(KnownError, match="no off-laptop backup"):
        offsite.drill_latest(admin, password=ADMIN_PASSWORD)
