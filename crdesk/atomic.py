"""Write a file so that a crash, power cut or full disk leaves either the old or the new one.

Temp file in the same directory, owner-only permissions set before any byte is written,
fsync, then rename over the target and fsync the directory. On failure the temp file is
removed and the target is untouched.
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
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if not overwrite:
            # link() fails if the target appeared meanwhile: never replace a file by accident.
            os.link(tmp, target)
            tmp.unlink()
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
