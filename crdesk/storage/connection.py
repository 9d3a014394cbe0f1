"""Open the clinic's SQLCipher database safely.

Order matters (see shared/reference/reliability.md §1): the raw key is the first statement;
a read of sqlite_master then detects a wrong key (SQLCipher accepts any key until the first
read); plain SQLite is refused. A file that will not open is never replaced or recreated:
"wrong key" and "damaged header" look the same to SQLCipher.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlcipher3 import dbapi2

from crdesk.errors import (
    AlreadyExistsError,
    CorruptDatabaseError,
    DamagedDatabaseError,
    DiskFullError,
    KnownError,
)

log = logging.getLogger(__name__)

DatabaseError = dbapi2.DatabaseError
IntegrityError = dbapi2.IntegrityError
_HEX_KEY = re.compile(r"^[0-9a-f]{64}$")
PLAINTEXT_HEADER = b"SQLite format 3\x00"


def damage_marker(db_path: Path) -> Path:
    """Beside the database once damage was met while reading it: the next sign-in then
    checks every page (storage/damage.py) instead of the quick look. No identifiers."""
    return Path(f"{db_path}-damage-found.json")


def _write_damage_marker(db_path: Path) -> None:
    import json
    from datetime import UTC, datetime

    note = {"format": "crdesk-damage-found", "version": 1,
            "found": datetime.now(UTC).isoformat(timespec="seconds")}
    with contextlib.suppress(OSError):  # best effort: the message to the user comes first
        damage_marker(db_path).write_text(json.dumps(note), encoding="utf-8")


def _key_pragma(key: bytes, salt: bytes | None = None) -> str:
    hexkey = key.hex()
    # PRAGMA key cannot take bound parameters; only a validated hex literal ever reaches it.
    if len(key) != 32 or not _HEX_KEY.match(hexkey):
        raise ValueError("database key must be 32 bytes")
    if salt is not None:
        # SQLCipher's raw key with an explicit salt: the salt the key slots remember is used
        # instead of the file's first 16 bytes, so a file whose header alone is damaged can
        # still be read (page 1's checksum does not cover the salt).
        if len(salt) != 16:
            raise ValueError("database salt must be 16 bytes")
        return f"\"x'{hexkey}{salt.hex()}'\""
    return f"\"x'{hexkey}'\""


def read_only_uri(path: Path, *, with_wal: bool = False) -> str:
    """A URI that opens ``path`` strictly read-only: ``mode=ro`` refuses every write and
    ``immutable=1`` stops SQLite touching anything beside it (no locks, no -shm, no WAL
    recovery or checkpoint), so a damaged file and its -wal/-shm stay byte for byte.

    ``with_wal`` leaves immutable out, so the -wal's committed frames are read (SQLite
    then writes the -shm index beside the file): only for a private copy
    (storage/read_view.py), never for the clinic's own file."""
    return Path(path).resolve().as_uri() + ("?mode=ro" if with_wal else "?mode=ro&immutable=1")


def translate_error(exc: BaseException) -> KnownError | None:
    """Map SQLite's errors that the user can act on to a KnownError."""
    text = str(exc).lower()
    if "database or disk is full" in text or "disk i/o error" in text and "full" in text:
        return DiskFullError(
            "The disk is full, so this could not be saved.",
            "Free some disk space and try again; everything saved before is safe.",
        )
    if "file is not a database" in text or "malformed" in text:
        return CorruptDatabaseError(
            "The clinic database could not be read: the key does not match or the file is damaged.",
            "Restore the latest backup ('crdesk restore') or ask your IT support; "
            "the file was left untouched.",
        )
    if "readonly" in text or "read-only" in text:
        return KnownError(
            "The clinic database is read-only.", "Check the folder's permissions."
        )
    return None


# A page that fails its HMAC while being read, after sign-in's quick look passed it
# (storage/damage.py): said as damage, never as a traceback or "out of memory".
MET_DAMAGE = "a page failed its checksum while it was being read (found during use)"
MET_DAMAGE_MESSAGE = ("The clinic database is damaged: a part of it failed its check while "
                      "it was being read. crdesk saves nothing more into it.")
MET_DAMAGE_HINT = ("Sign out, keep this file as it is (copy the whole clinic folder somewhere "
                   "safe), then restore the latest backup ('crdesk restore', or ask your IT "
                   "support).")
# SQLCipher's codec error has no words of its own: after a page fails its HMAC the
# connection answers every statement with one of these.
_CODEC_FAILURES = ("sql logic error",)


class Database:
    """One open, keyed connection. Use ``transaction()`` for every write."""

    def __init__(self, conn: Any, path: Path, *, read_only: bool = False) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only
        # Damage met while reading (MET_DAMAGE), shared by a session's connections
        # (services/session.py): once there is any, that session writes nothing more.
        self.damage_found: list[str] = []

    def _met_damage(self) -> DamagedDatabaseError:
        if not self.damage_found:
            self.damage_found.append(MET_DAMAGE)
            log.warning("the clinic database is damaged: a page failed while being read")
            _write_damage_marker(self.path)
        with contextlib.suppress(DatabaseError, MemoryError):
            self._conn.execute("PRAGMA query_only = ON")
        return DamagedDatabaseError(MET_DAMAGE_MESSAGE, MET_DAMAGE_HINT, list(self.damage_found))

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        """SQLite's errors the user can act on, as KnownErrors. On a read-only (damaged)
        file SQLCipher reports a page that fails its checksum as out of memory once it has
        met one: that is the damage speaking, not the machine."""
        try:
            yield
        except DatabaseError as exc:
            known = translate_error(exc)
            if known and (self.read_only or self.damage_found) \
                    and "read-only" in known.message:
                raise CorruptDatabaseError(
                    "The clinic database is damaged, so crdesk opened it read-only: this "
                    "cannot be saved.",
                    "Keep the file as it is and restore the latest backup ('crdesk restore')."
                ) from None
            if not self.read_only and (isinstance(known, CorruptDatabaseError)
                                       or str(exc).lower() in _CODEC_FAILURES):
                raise self._met_damage() from None
            if known:
                raise known from None
            raise
        except MemoryError:
            if not self.read_only:
                raise self._met_damage() from None
            raise CorruptDatabaseError(
                "The clinic database could not be read: a page of it is damaged.",
                "Restore the latest backup ('crdesk restore'); the file was left untouched.",
            ) from None

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Any:
        with self._translated():
            return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> Any:
        with self._translated():
            return self._conn.executemany(sql, rows)

    def executescript(self, sql: str) -> None:
        self._conn.executescript(sql)

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[Any]:
        cursor = self.execute(sql, params)
        with self._translated():  # a damaged page is met while rows are read, too
            return list(cursor.fetchall())

    def scalar(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Any:
        cursor = self.execute(sql, params)
        with self._translated():
            row = cursor.fetchone()
        return None if row is None else row[0]

    @property
    def in_transaction(self) -> bool:
        return bool(self._conn.in_transaction)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """BEGIN IMMEDIATE ... COMMIT; rolled back on any exception. Nested use joins the outer."""
        if self._conn.in_transaction:
            yield self
            return
        self.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            with contextlib.suppress(DatabaseError, MemoryError):  # damage met: see below
                self._conn.rollback()
            raise
        try:
            with self._translated():
                self._conn.commit()
        except BaseException:
            with contextlib.suppress(DatabaseError, MemoryError):
                self._conn.rollback()
            raise

    def checkpoint(self) -> None:
        if self.read_only:  # a checkpoint writes the main file: never on a read-only open
            return
        self.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def cipher_integrity(self) -> list[str]:
        """Pages whose HMAC fails; empty when clean. Checkpoint first: it reads the main file."""
        self.checkpoint()
        return [str(r[0]) for r in self.query("PRAGMA cipher_integrity_check")]

    def sqlite_integrity(self) -> list[str]:
        rows = [str(r[0]) for r in self.query("PRAGMA integrity_check")]
        return [] if rows == ["ok"] else rows

    def export_copy(self, target: Path, key: bytes) -> None:
        """Write an encrypted copy of the whole database to ``target`` with ``key``."""
        if target.exists():
            raise AlreadyExistsError(f"{target.name} already exists.", "Choose another name.")
        self.execute(f"ATTACH DATABASE ? AS backup KEY {_key_pragma(key)}", (str(target),))
        try:
            self.execute("SELECT sqlcipher_export('backup')").fetchall()
            # sqlcipher_export does not copy user_version: carry the schema version across.
            version = int(self.scalar("PRAGMA main.user_version"))
            self.execute(f"PRAGMA backup.user_version = {version}")
        finally:
            self.execute("DETACH DATABASE backup")

    def rekey(self, new_key: bytes) -> None:
        self.execute(f"PRAGMA rekey = {_key_pragma(new_key)}")

    def close(self) -> None:
        with contextlib.suppress(DatabaseError):
            self._conn.close()


def open_database(path: Path, key: bytes, *, create: bool = False, read_only: bool = False,
                  salt: bytes | None = None, with_wal: bool = False) -> Database:
    """Open (or, with ``create``, make) the encrypted database at ``path``.

    ``read_only`` opens it so that nothing can write to it or beside it (see
    ``read_only_uri``; the -wal's changes are then not seen); ``salt`` replaces a damaged
    header's; ``with_wal`` reads the -wal of a private read-only copy (``read_only_uri``).
    Raises CorruptDatabaseError for a wrong key or damaged file, leaving the file as it was.
    """
    path = Path(path)
    if create and path.exists():
        raise AlreadyExistsError(
            "A clinic database already exists here.",
            "crdesk never creates a database over an existing one; use another folder.",
        )
    if not create and not path.exists():
        raise CorruptDatabaseError(
            "The clinic database file is missing.", "Restore it from a backup."
        )
    if not create:
        with path.open("rb") as fh:
            header = fh.read(16)
        if header == PLAINTEXT_HEADER:
            raise CorruptDatabaseError(
                "This database file is not encrypted, so crdesk will not open it.",
                "Restore an encrypted backup.",
            )
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (explicit transactions).
    if read_only:
        conn = sqlcipher3.connect(read_only_uri(path, with_wal=with_wal), uri=True,
                                  isolation_level=None,
                                  check_same_thread=False)
    else:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA key = {_key_pragma(key, salt)}")
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise KnownError(
                "The SQLite library in use does not encrypt (no SQLCipher).",
                "Reinstall crdesk; it will not store patient data unencrypted.",
            )
        if read_only:
            # query_only as well: a write is refused by the connection before the file is.
            conn.execute("PRAGMA query_only = ON").fetchall()
            conn.execute("PRAGMA temp_store = MEMORY").fetchall()
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in () if read_only else (
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",
            "PRAGMA foreign_keys = ON",
            "PRAGMA secure_delete = ON",
            "PRAGMA temp_store = MEMORY",
            "PRAGMA busy_timeout = 5000",
        ):
            conn.execute(pragma).fetchall()
    except DatabaseError as exc:
        conn.close()
        known = translate_error(exc)
        if known:
            raise known from None
        raise CorruptDatabaseError(
            "The clinic database could not be opened.", "Restore the latest backup."
        ) from None
    except BaseException:
        conn.close()
        raise
    if create:
        path.chmod(0o600)
    return Database(conn, path, read_only=read_only)
