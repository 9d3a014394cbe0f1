"""What a read-only (damaged) session reads: a private copy that includes the -wal.

An ``immutable=1`` open of the clinic's own file cannot change anything beside it, but it
also ignores the -wal, so committed changes not yet checkpointed (a power cut, a crash)
would be silently missing from the view. SQLite applies a -wal only through its -shm index,
which it must be free to write. So the database and its -wal are copied, as the encrypted
bytes they are (no plaintext ever reaches the copy), into a folder only this user can
read, and the copy is opened read-only with normal WAL handling: SQLite rebuilds the index
there and applies the log's whole, committed frames, stopping at a damaged frame exactly as
it would in place. The clinic's db, -wal, -shm and key slots are only ever read.

When no copy can be made (the disk is full, the temporary folder is not writable), the
original is opened immutable as before and ``includes_wal`` is False, so the banner can say
that the most recent changes may not be shown.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from crdesk.storage.connection import Database, open_database

log = logging.getLogger(__name__)

_PREFIX = "crdesk-readonly-"
# Room left on the disk after the copy: filling the disk would hurt other programs more
# than a view without the latest changes hurts this one.
_SPARE = 64 * 1024 * 1024


@dataclass
class ReadView:
    """The file a read-only session opens, and the private copy to remove when done."""

    source: Path  # the clinic's database (never written)
    path: Path  # what is opened: the copy, or ``source`` itself when no copy was made
    folder: Path | None = None  # the private copy's folder; None = immutable open
    wal_frames: bool = False  # the source had a non-empty -wal
    _closed: bool = field(default=False, repr=False)

    @property
    def includes_wal(self) -> bool:
        """The view shows the -wal's committed changes (or there are none to show)."""
        return self.folder is not None or not self.wal_frames

    def open(self, key: bytes, salt: bytes | None = None) -> Database:
        """A read-only connection to the view (one per thread that needs one)."""
        if self.folder is None:
            return open_database(self.source, key, read_only=True, salt=salt)
        return open_database(self.path, key, read_only=True, salt=salt, with_wal=True)

    def close(self) -> None:
        """Remove the copy. Called when the session's own connection has closed; a folder
        still held open (a background connection, on Windows) is left behind: it holds only
        encrypted bytes, in the user's own temporary folder."""
        if self._closed or self.folder is None:
            return
        self._closed = True
        shutil.rmtree(self.folder, ignore_errors=True)


def make_view(db_path: Path) -> ReadView:
    """Copy ``db_path`` and its -wal to a private folder; fall back to the original."""
    db_path = Path(db_path)
    wal = Path(f"{db_path}-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    if wal_size == 0:
        # Nothing in a log to apply: the immutable open of the original shows everything.
        return ReadView(db_path, db_path)
    folder: Path | None = None
    try:
        need = db_path.stat().st_size + wal_size + _SPARE
        base = Path(tempfile.gettempdir())
        if shutil.disk_usage(base).free < need:
            raise OSError("not enough free space for a private copy")
        # mkdtemp makes the folder readable by this user only (0o700 on POSIX; on Windows
        # it is in the user's own temporary folder, whose permissions are the user's).
        folder = Path(tempfile.mkdtemp(prefix=_PREFIX, dir=base))
        copy = folder / db_path.name
        _copy_private(db_path, copy)
        _copy_private(wal, Path(f"{copy}-wal"))
    except OSError as exc:
        log.warning("no private copy of the damaged database could be made (%s): the most "
                    "recent changes in its -wal are not shown", type(exc).__name__)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        return ReadView(db_path, db_path, wal_frames=True)
    return ReadView(db_path, copy, folder, wal_frames=True)


def _copy_private(src: Path, dst: Path) -> None:
    """Copy bytes only (no metadata), into a file created exclusively, owner-only."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(dst, flags, 0o600)
    with os.fdopen(fd, "wb") as out, src.open("rb") as inp:
        shutil.copyfileobj(inp, out, 1024 * 1024)

