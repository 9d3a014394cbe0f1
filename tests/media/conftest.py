"""Real USB-stick filesystems for tests: FAT32 and exFAT images, mounted with FUSE.

The kernel here has no vfat or exfat module, so the images are mounted in user space:
FAT32 with fusefat, exFAT with exfat-fuse on a loop device (Debian packages ``fusefat``,
``exfat-fuse``, ``dosfstools``, ``exfatprogs``; ``make test`` installs them when run as
root). fusefat mishandles a write after seeking back within a file, which real FAT does
not, so the multi-step writers (backups, ZIPs) are tested on exFAT, and FAT32 takes the
plain "write without overwriting" path. Where FUSE or loop devices cannot be used the
tests are skipped with the reason; the "link fails as FAT fails" tests run everywhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def _missing(*tools: str) -> str | None:
    for tool in tools:
        if shutil.which(tool) is None:
            return (f"{tool} is not installed "
                    "(apt-get install dosfstools exfatprogs fusefat exfat-fuse fuse)")
    if not os.path.exists("/dev/fuse"):
        return "no /dev/fuse on this machine"
    return None


def _wait_for_mount(mount: Path) -> None:
    for _ in range(100):  # FUSE mounts appear asynchronously
        if os.path.ismount(mount):
            return
        time.sleep(0.05)
    pytest.skip("the image did not appear as a mount point")


def _image(path: Path, mib: int) -> None:
    with path.open("wb") as fh:
        fh.truncate(mib * 1024 * 1024)


@pytest.fixture
def fat32_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder on a freshly made FAT32 filesystem."""
    if reason := _missing("mkfs.vfat", "fusefat", "fusermount"):
        pytest.skip(reason)
    image, mount = tmp_path / "fat32.img", tmp_path / "fat32"
    mount.mkdir()
    _image(image, 40)
    subprocess.run(["mkfs.vfat", "-F", "32", "-n", "CRSTICK", str(image)], check=True,
                   capture_output=True)
    result = subprocess.run(["fusefat", "-o", "rw+", str(image), str(mount)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"fusefat could not mount the image: {result.stderr.strip()[:200]}")
    _wait_for_mount(mount)
    try:
        yield mount
    finally:
        subprocess.run(["fusermount", "-u", str(mount)], capture_output=True)


@pytest.fixture
def exfat_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder on a freshly made exFAT filesystem (what large USB sticks come with)."""
    if reason := _missing("mkfs.exfat", "mount.exfat-fuse", "losetup", "fusermount"):
        pytest.skip(reason)
    image, mount = tmp_path / "exfat.img", tmp_path / "exfat"
    mount.mkdir()
    _image(image, 64)
    subprocess.run(["mkfs.exfat", str(image)], check=True, capture_output=True)
    loop = subprocess.run(["losetup", "-f", "--show", str(image)], capture_output=True,
                          text=True)
    if loop.returncode != 0:
        pytest.skip(f"no loop device for the exFAT image: {loop.stderr.strip()[:200]}")
    device = loop.stdout.strip()
    try:
        result = subprocess.run(["mount.exfat-fuse", device, str(mount)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            pytest.skip(f"exfat-fuse could not mount the image: {result.stderr.strip()[:200]}")
        _wait_for_mount(mount)
        try:
            yield mount
        finally:
            subprocess.run(["fusermount", "-u", str(mount)], capture_output=True)
    finally:
        subprocess.run(["losetup", "-d", device], capture_output=True)
