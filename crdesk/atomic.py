"""Write a file so that a crash, power cut or full disk leaves either the old or the new one.

Temp file in the same directory, owner-only permissions set before any byte is written,
fsync, then rename over the target and fsync the directory. On failure the temp file is
removed and the target is untouched.

"Never overwrite" (exports, backups, reports on a USB stick) first tries a hard link, which
fails if the name was taken meanwhile. FAT32 and exFAT, what clinics carry files on, have
no hard links (Linux says EPERM, Windows "not supported"), so there the name is reserved by
creating it exclusively (O_EXCL), and the finished temp file is renamed over that empty
reservation. A crash between the two leaves at most an empty file, never a partial one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from crdesk.errors import AlreadyExistsError, DiskFullError


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; NTFS journals the rename
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems (FAT through FUSE, network shares) cannot sync a directory
    finally:
        os.close(fd)


def _owner_only(path: Path) -> None:
    # mkstemp already makes the file 0600 on POSIX; this is for filesystems that honour
    # chmod only. FAT has no permission bits (EPERM, or ENOSYS through FUSE): go on.
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)


# link() errors that are answers, not "this filesystem has no hard links": the name is
# taken, or the disk is full. Anything else (EPERM on FAT under Linux, "incorrect function"
# or "not supported" on Windows, ENOSYS through FUSE) falls back to an exclusive create.
_LINK_ANSWERS = {errno.EEXIST, errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _place_without_overwrite(tmp: Path, target: Path) -> None:
    """Move the finished ``tmp`` to ``target``, refusing if ``target`` exists."""
    try:
        os.link(tmp, target)  # fails with EEXIST if the name was taken meanwhile
    except OSError as exc:
        if exc.errno in _LINK_ANSWERS:
            raise
    else:
        tmp.unlink()
        return
    # No hard links here (FAT, exFAT): reserve the name exclusively, then rename over it.
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0),
                 0o600)
    os.close(fd)
    try:
        os.replace(tmp, target)
    except BaseException:
        target.unlink(missing_ok=True)  # our own empty reservation, nothing else
        raise


@contextlib.contextmanager
def atomic_writer(target: Path, *, overwrite: bool = True) -> Iterator[BinaryIO]:
    """Yield a binary file; on clean exit it replaces ``target`` atomically."""
    target = Path(target)
    if not overwrite and target.exists():
        raise AlreadyExistsError(
            f"{target.name} already exists.", "Choose another file name or move the old file."
        )
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                    dir=target.parent)
    tmp = Path(tmp_name)
    try:
        _owner_only(tmp)
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if not overwrite:
            _place_without_overwrite(tmp, target)
        else:
            os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise DiskFullError(
                f"There is not enough space to write {target.name}.",
                "Free some disk space and try again; the previous file was left as it was.",
            ) from None
        if exc.errno == errno.EEXIST:
            raise AlreadyExistsError(
                f"{target.name} already exists.", "Choose another file name or move the old file."
            ) from None
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(target: Path, data: bytes, *, overwrite: bool = True) -> None:
    with atomic_writer(target, overwrite=overwrite) as fh:
        fh.write(data)
