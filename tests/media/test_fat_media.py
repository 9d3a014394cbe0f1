"""Writing without overwriting on media without hard links (FAT32, exFAT USB sticks)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from crdesk.atomic import write_atomic
from crdesk.errors import AlreadyExistsError
from crdesk.services.reports import save_report
from crdesk.services.session import Session


def _fat_like_link(src: object, dst: object, *args: object, **kwargs: object) -> None:
    raise PermissionError(errno.EPERM, "Operation not permitted")  # what vfat says


def _windows_fat_like_link(src: object, dst: object, *args: object, **kwargs: object) -> None:
    raise OSError(errno.EINVAL, "Incorrect function")  # what Windows says on FAT


@pytest.mark.parametrize("fake_link", [_fat_like_link, _windows_fat_like_link])
def test_no_overwrite_works_when_links_fail_as_on_fat(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path, fake_link: object) -> None:
    monkeypatch.setattr(os, "link", fake_link)
    target = tmp_path / "batch.p7m"
    write_atomic(target, b"first", overwrite=False)
    assert target.read_bytes() == b"first"
    with pytest.raises(AlreadyExistsError):
        write_atomic(target, b"second", overwrite=False)
    assert target.read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch.p7m"], "no temp file left"


def test_name_taken_meanwhile_is_refused_and_the_other_file_kept(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "batch.p7m"

    def someone_else_writes_first(src: object, dst: object) -> None:
        target.write_bytes(b"theirs")
        _fat_like_link(src, dst)

    monkeypatch.setattr(os, "link", someone_else_writes_first)
    with pytest.raises(AlreadyExistsError):
        write_atomic(target, b"ours", overwrite=False)
    assert target.read_bytes() == b"theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch.p7m"]


def _links_fail_here(folder: Path) -> bool:
    (folder / "probe").write_bytes(b"x")
    try:
        os.link(folder / "probe", folder / "probe-link")
    except OSError:
        return True
    finally:
        (folder / "probe").unlink()
    return False


def test_a_real_fat32_stick_takes_files_without_overwriting(fat32_dir: Path) -> None:
    assert _links_fail_here(fat32_dir), "FAT32 has no hard links: the test must see that"
    write_atomic(fat32_dir / "notes.bin", b"\x00\x01" * 5000, overwrite=False)
    with pytest.raises(AlreadyExistsError):
        write_atomic(fat32_dir / "notes.bin", b"other", overwrite=False)
    assert (fat32_dir / "notes.bin").read_bytes() == b"\x00\x01" * 5000
    # (fusefat also lists the volume label as an entry; only our files matter)
    assert [p.name for p in fat32_dir.iterdir() if p.name != "CRSTICK"] == ["notes.bin"]


def test_a_real_exfat_stick_takes_backups_and_reports(exfat_dir: Path, admin: Session) -> None:
    assert _links_fail_here(exfat_dir), "exFAT has no hard links: the test must see that"
    backup = admin.backup(exfat_dir / "clinic.crbackup")
    assert backup.exists() and backup.stat().st_size > 4096
    before = backup.read_bytes()
    with pytest.raises(AlreadyExistsError):
        admin.backup(exfat_dir / "clinic.crbackup")
    assert backup.read_bytes() == before
    save_report(admin, b"%PDF-1.4 test", exfat_dir / "report.pdf", 1, 1)
    assert (exfat_dir / "report.pdf").read_bytes() == b"%PDF-1.4 test"
    assert sorted(p.name for p in exfat_dir.iterdir()) == ["clinic.crbackup", "report.pdf"]
