"""Off-laptop backups on real USB-stick filesystems (see conftest.py for the mounts).

exFAT takes the backups (FAT32 through fusefat mishandles the seek-back writes of a ZIP,
conftest.py; on a real FAT32 stick the same no-hard-link path of atomic.py is used)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crdesk.core.rotation import Rotation
from crdesk.services import offsite
from crdesk.services.drill import check_backup
from crdesk.services.offsite import OffsiteConfig
from crdesk.services.session import Session


def _configure(admin: Session, folder: Path, **kw: object) -> None:
    offsite.save_config(admin, OffsiteConfig((str(folder),), **kw))  # type: ignore[arg-type]


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_real_exfat_stick_takes_checks_and_rotates_offsite_backups(
        exfat_dir: Path, admin: Session) -> None:
    _configure(admin, exfat_dir, rotation=Rotation(1, 0, 0))
    (a,) = offsite.run(admin, "daily", now=dt.datetime(2026, 11, 30, 18, tzinfo=dt.UTC))
    (b,) = offsite.run(admin, "daily", now=dt.datetime(2026, 12, 1, 18, tzinfo=dt.UTC))
    assert a.ok and b.ok, (a.message, b.message)
    assert a.path is not None and b.path is not None
    assert b.removed == [a.path.name]
    assert _listing(exfat_dir) == [b.path.name]
    assert check_backup(admin, b.path).ok


def test_a_full_exfat_stick_leaves_no_partial_backup(exfat_dir: Path, admin: Session) -> None:
    filler = exfat_dir / "filler.bin"
    try:
        with filler.open("wb", buffering=0) as fh:
            while True:
                fh.write(b"\0" * (1 << 20))
    except OSError:
        pass
    _configure(admin, exfat_dir)
    (r,) = offsite.run(admin, "sign-out")
    assert not r.ok and "not enough space" in r.message and str(exfat_dir) in r.message
    assert _listing(exfat_dir) == ["filler.bin"]
