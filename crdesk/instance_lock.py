"""One crdesk process per clinic database.

Two processes writing the same SQLCipher file would each be safe at the SQLite level, but a
key rotation, restore or recovery in one would pull the file from under the other. An OS
file lock (released by the OS when the process dies, so a crash never leaves it stuck) makes
the second process say so plainly instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from crdesk.errors import DatabaseInUseError

# sys.platform (not os.name) so that mypy checks each branch for its own platform.
if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class InstanceLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> InstanceLock:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            raise DatabaseInUseError(
                "crdesk is already open on this clinic database (another window or user).",
                "Close the other crdesk window first, then try again.",
            )
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
