"""Off-laptop backups into real folders: written, checked, rotated, audited, reminded."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest

from crdesk.core.rotation import Rotation
from crdesk.errors import PermissionDeniedError
from crdesk.services import offsite
from crdesk.services.drill import check_backup
from crdesk.services.field_errors import FieldErrors
from crdesk.services.files import read_manifest
from crdesk.services.offsite import OffsiteConfig
from crdesk.services.session import Session
from crdesk.storage import audit_repo


def _configure(admin: Session, *dests: Path, **kw: object) -> None:
    offsite.save_config(admin, OffsiteConfig(tuple(str(d) for d in dests), **kw))  # type: ignore[arg-type]


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_scheduled_backup_to_two_folders_is_written_checked_and_audited(
        admin: Session, tmp_path: Path) -> None:
    usb, share = tmp_path / "usb", tmp_path / "share"
    usb.mkdir(), share.mkdir()
    _configure(admin, usb, share, daily_at="17:30", on_sign_out=True)
    at = dt.datetime(2026, 12, 1, 18, 0, tzinfo=dt.UTC)
    assert offsite.daily_due(admin, at)
    results = offsite.run(admin, "daily", now=at)
    assert [r.ok for r in results] == [True, True], [r.message for r in results]
    for folder in (usb, share):
        (name,) = _listing(folder)
        assert name.startswith("crdesk-") and name.endswith("20261201T180000Z.crbackup")
        manifest = read_manifest(folder / name)
        assert manifest["database_id"] == admin.clinic().database_id
        assert check_backup(admin, folder / name).ok
    assert not offsite.daily_due(admin, at + dt.timedelta(hours=1)), "once a day"
    (entry,) = audit_repo.entries(admin._db, action="backup.offsite", limit=5)
    assert json.loads(entry.detail)["ok"] == [True, True]
    assert offsite.last_good(admin) is not None
    assert not [n for n in offsite.notices(admin) if n.level != "info"]
    # the check's temporary copy is gone from the clinic's folder
    assert not [p for p in admin.home.basedir.root.iterdir() if p.name.startswith(".verify-")]


def test_no_plaintext_byte_reaches_the_destination(admin: Session, tmp_path: Path) -> None:
    from crdesk.core.patient import Patient
    from crdesk.storage import patients_repo

    with admin._db.transaction():
        patients_repo.insert(admin._db, Patient(None, None, "H1", "Zebedee-Quartz",
                                                "Marmaduke", "1950-01-01"))
    usb = tmp_path / "usb"
    usb.mkdir()
    _configure(admin, usb)
    (r,) = offsite.run(admin, "manual")
    assert r.ok and r.path is not None
    with zipfile.ZipFile(r.path) as zf:
        blob = b"".join(zf.read(n) for n in zf.namelist())
    assert b"Zebedee-Quartz" not in blob and b"Marmaduke" not in blob
    assert b"SQLite format 3" not in blob


def test_rotation_in_a_real_folder_touches_only_this_clinics_backups(
        admin: Session, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    _configure(admin, usb)
    (first,) = offsite.run(admin, "manual", now=dt.datetime(2025, 12, 1, 18, tzinfo=dt.UTC))
    assert first.path is not None
    prefix = first.path.name[:len("crdesk-12345678-")]
    # A year of made-up daily backups (copies of a real one), another clinic's, and a file
    # the clinic keeps there for its own reasons.
    day = dt.datetime(2025, 12, 2, 18, tzinfo=dt.UTC)
    while day < dt.datetime(2026, 12, 1, tzinfo=dt.UTC):
        shutil.copyfile(first.path, usb / f"{prefix}{day.strftime('%Y%m%dT%H%M%SZ')}.crbackup")
        day += dt.timedelta(days=1)
    (usb / "crdesk-ffffffff-20260101T180000Z.crbackup").write_bytes(b"another clinic's")
    (usb / "minutes.docx").write_bytes(b"not ours")
    (r,) = offsite.run(admin, "daily", now=dt.datetime(2026, 12, 1, 18, tzinfo=dt.UTC))
    assert r.ok, r.message
    ours = offsite.backups_in(usb, admin.clinic().database_id)
    assert len(ours) == 19  # 7 daily + 2 more weekly + 10 more monthly (tests/core)
    assert ours[0][1] == r.path
    assert len(r.removed) == 366 - 19  # 1 Dec 2025 .. 1 Dec 2026 were there
    assert (usb / "crdesk-ffffffff-20260101T180000Z.crbackup").exists()
    assert (usb / "minutes.docx").exists()


def test_missing_destination_is_a_reminder_naming_it_not_an_error(
        admin: Session, staff: Session, tmp_path: Path) -> None:
    stick = tmp_path / "E-drive" / "crdesk-backups"
    _configure(admin, stick, warn_after_days=7)
    (r,) = offsite.run(admin, "sign-out")  # no exception: the USB drive is not plugged in
    assert not r.ok and str(stick) in r.message
    (entry,) = audit_repo.entries(admin._db, action="backup.offsite", limit=5)
    assert json.loads(entry.detail)["ok"] == [False]
    reminders = [n.text for n in offsite.notices(admin) if n.level == "reminder"]
    assert any(str(stick) in t and "Last good off-laptop backup: none yet" in t
               for t in reminders), reminders
    # staff see nothing until the warning is due; then everyone sees it
    assert not offsite.notices(staff)
    created = dt.datetime.fromisoformat(admin.clinic().created_at)
    later = created + dt.timedelta(days=8)
    (warning,) = [n for n in offsite.notices(staff, now=later)]
    assert warning.level == "warning" and "8 days" in warning.text
    # plugged in: the next run writes there and the reminder goes
    stick.mkdir(parents=True)
    (r,) = offsite.run(admin, "sign-out")
    assert r.ok
    assert not [n for n in offsite.notices(admin) if n.level != "info"]
    assert not offsite.notices(staff, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=6))
    assert offsite.notices(staff, now=dt.datetime.now(dt.UTC) + dt.timedelta(days=7))


def test_no_destination_at_all_reminds_the_admin(admin: Session) -> None:
    texts = [n.text for n in offsite.notices(admin) if n.level == "reminder"]
    assert any("No off-laptop backup is set up" in t for t in texts)


def _fail_fsync(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int) -> None:
    real = os.fsync

    def fsync(fd: int) -> None:
        # only writes into the destination fail (the clinic's own database must not)
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder)):
            raise OSError(code, os.strerror(code))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.parametrize(("code", "words"), [
    (errno.EIO, "may have been removed"), (errno.ENOSPC, "not enough space")])
def test_drive_removed_or_full_mid_write_leaves_nothing_partial(
        admin: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int,
        words: str) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    _configure(admin, usb)
    _fail_fsync(monkeypatch, usb, code)
    (r,) = offsite.run(admin, "daily")
    assert not r.ok and words in r.message and str(usb) in r.message
    assert _listing(usb) == []
    monkeypatch.undo()
    assert any(str(usb) in n.text for n in offsite.notices(admin) if n.level == "reminder")


def test_read_only_destination_is_named(admin: Session, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "old.txt").write_bytes(b"kept")
    _configure(admin, usb)
    real = tempfile.mkstemp

    def mkstemp(*a: object, **kw: object) -> tuple[int, str]:
        if str(kw.get("dir", "")).startswith(str(usb)):
            raise OSError(errno.EROFS, "Read-only file system")
        return real(*a, **kw)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    (r,) = offsite.run(admin, "daily")
    assert not r.ok and "read-only" in r.message and str(usb) in r.message
    assert _listing(usb) == ["old.txt"]


def test_a_temp_file_left_by_a_pulled_drive_is_cleared(admin: Session, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    _configure(admin, usb)
    (r,) = offsite.run(admin, "manual", now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert r.path is not None
    stale = usb / f".{r.path.name[:16]}20260102T000000Z.crbackup.abc.tmp"
    stale.write_bytes(b"half a backup")
    offsite.run(admin, "manual")
    assert not stale.exists()


def test_only_an_admin_chooses_and_bad_choices_are_named(admin: Session, staff: Session,
                                                          tmp_path: Path) -> None:
    with pytest.raises(PermissionDeniedError):
        offsite.save_config(staff, OffsiteConfig((str(tmp_path),)))
    with pytest.raises(FieldErrors) as e:
        offsite.save_config(admin, OffsiteConfig(("relative/folder",), daily_at="25:00",
                                                 warn_after_days=0))
    assert set(e.value.problems) == {"destinations", "daily_at", "warn_after_days"}
    with pytest.raises(FieldErrors) as e:
        offsite.save_config(admin, OffsiteConfig((str(admin.home.basedir.root / "x"),)))
    assert "same laptop" in e.value.problems["destinations"]
    offsite.save_config(admin, OffsiteConfig((str(tmp_path),), rotation=Rotation(3, 2, 6)))
    assert offsite.config(staff).rotation == Rotation(3, 2, 6)  # staff run the schedule
