"""Find damage in a clinic database without changing anything (issue 13).

Every page's HMAC is checked at sign-in only when it is worth its cost (a full pass over an
800 MB clinic takes seconds): after an unclean shutdown, or when the last full check is a
day old (``full_check_due``). Otherwise the quick look (header, page 1, the schema, the
-wal's checksums). A page that fails later, while being read, is reported as damage by
storage/connection.py, and the session then writes nothing more.

Run before anything writes at sign-in, and by ``check``. Three looks, none of which can
touch the files: the database's pages through a read-only, immutable open
(``PRAGMA cipher_integrity_check``: every page's HMAC), the write-ahead log's own checksums
(read here as bytes, because SQLite silently drops a WAL from its first bad frame on, which
would lose committed changes without a word), and, done by the caller, the header's salt
compared with the one the key slots remember.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crdesk.errors import KnownError
from crdesk.storage.connection import DatabaseError, damage_marker, open_database

_WAL_MAGIC = (0x377F0682, 0x377F0683)  # little- / big-endian checksums
_WAL_HEADER = 32
_FRAME_HEADER = 24


def _checksum(data: bytes, big_endian: bool, s0: int = 0, s1: int = 0) -> tuple[int, int]:
    """SQLite's WAL checksum (wal.c walChecksumBytes) over ``data`` (a multiple of 8)."""
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def wal_problems(wal: Path) -> list[str]:
    """Damage in the -wal file: a bad header or frame followed by frames that were written
    (and checksummed) after it. A bad frame at the very end is a write cut short by a crash,
    which SQLite is built to drop: that is not damage."""
    return _read_wal(wal)[0]


def wal_pages(wal: Path) -> set[int]:
    """The pages SQLite reads from the -wal rather than the main file: those of the whole
    frames up to the last commit before any bad one. Their copies in the main file may be
    torn by a checkpoint that a crash or a full disk cut short, which is not damage."""
    return _read_wal(wal)[1]


def _read_wal(wal: Path) -> tuple[list[str], set[int]]:
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return [], set()
    if len(data) < _WAL_HEADER:
        return [], set()  # empty (after a checkpoint) or a header cut short
    magic, _version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:32])
    frame = _FRAME_HEADER + page_size
    frames = (len(data) - _WAL_HEADER) // frame if 512 <= page_size <= 65536 else 0
    if magic not in _WAL_MAGIC or page_size & (page_size - 1) or not 512 <= page_size <= 65536:
        return (["the write-ahead log (-wal) has a damaged header: the recent changes it holds "
                 "cannot be read"] if len(data) > _WAL_HEADER else []), set()
    big = magic & 1 == 1
    problems: list[str] = []
    if _checksum(data[:24], big) != (c0, c1):
        problems.append("the write-ahead log's header fails its checksum: the "
                        f"{frames} recent change page(s) it holds would be lost")
        return (problems if frames else []), set()
    previous = (c0, c1)
    bad: list[int] = []
    covered: set[int] = set()
    pending: set[int] = set()
    for n in range(frames):
        at = _WAL_HEADER + n * frame
        head = data[at:at + _FRAME_HEADER]
        pgno, commit, f1, f2, k0, k1 = struct.unpack(">6I", head)
        if (f1, f2) != (salt1, salt2):
            break  # frames of an earlier log generation: SQLite ignores them by design
        s = _checksum(head[:8], big, *previous)
        if _checksum(data[at + _FRAME_HEADER:at + frame], big, *s) != (k0, k1):
            bad.append(n + 1)
        elif not bad:
            pending.add(pgno)
            if commit:  # a commit frame: its transaction's pages are read from the log
                covered |= pending
                pending = set()
        previous = (k0, k1)  # go on from the stored value: is anything after it whole?
    if bad and (bad[-1] < frames or len(bad) > 1):
        # A later frame checks out against its predecessor's stored checksum, so it was
        # written after the bad one: the bad frame is damage, not a torn last write.
        lost = frames - bad[0] + 1
        problems.append(f"write-ahead log (-wal) frame(s) {', '.join(map(str, bad[:20]))} "
                        f"fail their checksum: {lost} recent change page(s) from frame "
                        f"{bad[0]} on are lost (the read-only view shows the changes before it)")
    return problems, covered


_PAGE = re.compile(r"\bpage (\d+)\b")


def page_problems(db_path: Path, key: bytes, salt: bytes | None = None) -> list[str]:
    """Pages whose HMAC fails, through a read-only immutable open of the main file, less
    those whose current copy is a whole frame of the -wal (see ``wal_pages``)."""
    in_wal = wal_pages(Path(f"{db_path}-wal"))
    return [p for p in _main_file_problems(db_path, key, salt)
            if not ((m := _PAGE.search(p)) and int(m.group(1)) in in_wal)]


def _main_file_problems(db_path: Path, key: bytes, salt: bytes | None) -> list[str]:
    try:
        db = open_database(db_path, key, read_only=True, salt=salt)
    except KnownError:
        db = None
    if db is None:
        # Page 1 (the schema) does not decrypt: ask for the page check on a bare
        # connection, which needs no schema.
        return _bare_page_check(db_path, key, salt)
    try:
        return [str(r[0]) for r in db.query("PRAGMA cipher_integrity_check")]
    except (DatabaseError, KnownError, MemoryError) as exc:
        return [f"the page check could not finish ({type(exc).__name__})"]
    finally:
        db.close()


def _bare_page_check(db_path: Path, key: bytes, salt: bytes | None) -> list[str]:
    import sqlcipher3

    from crdesk.storage.connection import _key_pragma, read_only_uri

    conn = sqlcipher3.connect(read_only_uri(db_path), uri=True, isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = {_key_pragma(key, salt)}")
        conn.execute("PRAGMA query_only = ON")
        rows = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        return rows or ["page 1 (the schema) cannot be read"]
    except (DatabaseError, MemoryError) as exc:
        return [f"the database cannot be read at all ({type(exc).__name__})"]
    finally:
        conn.close()


# When the last full page check found the file whole (UTC, ISO 8601), in clinic_settings:
# inside the database, so a restored or copied file brings its own.
LAST_FULL_CHECK = "integrity.last_full_page_check"
FULL_CHECK_EVERY = timedelta(days=1)


@dataclass(frozen=True)
class Scan:
    problems: list[str]  # in words without identifiers; empty when the file looks whole
    full: bool  # every page's HMAC was checked (record it with ``LAST_FULL_CHECK``)
    why: str  # why this depth: "unclean shutdown", "due", "never", "recent"


def full_check_due(db_path: Path, key: bytes, salt: bytes | None = None,
                   now: datetime | None = None) -> str:
    """Why every page must be checked now, or "" when the quick look is enough.

    A -wal with frames in it at sign-in, while this process holds the clinic's lock (so no
    other process has the file open), was left by a crash or power cut, which is when a
    page is torn: check them all. Otherwise once a day, which finds damage that happened
    while crdesk was closed (a failing disk, a bad copy) within a day.
    """
    wal = Path(f"{db_path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return "unclean shutdown"
    if damage_marker(db_path).exists():
        return "damage met before"  # removed once a full check finds the file whole
    last = _last_full_check(db_path, key, salt)
    if last is None:
        return "never"
    age = (now or datetime.now(UTC)) - last
    # A last check in the future is a clock that went back: do not trust it.
    return "" if timedelta(0) <= age < FULL_CHECK_EVERY else "due"


def _last_full_check(db_path: Path, key: bytes, salt: bytes | None) -> datetime | None:
    try:
        db = open_database(db_path, key, read_only=True, salt=salt)
    except KnownError:
        return None
    try:
        value = db.scalar("SELECT value FROM clinic_settings WHERE key = ?",
                          (LAST_FULL_CHECK,))
        when = datetime.fromisoformat(str(value)) if value else None
        return when if when is None or when.tzinfo else when.replace(tzinfo=UTC)
    except (DatabaseError, KnownError, MemoryError, ValueError):
        return None  # unreadable: treated as never checked, so the full check runs
    finally:
        db.close()


def quick_problems(db_path: Path, key: bytes, salt: bytes | None = None) -> list[str]:
    """The quick look: page 1 and the schema decrypt and pass their HMAC (an open reads
    them), and the -wal's checksums. Anything wrong: the full check, for the whole list."""
    try:
        db = open_database(db_path, key, read_only=True, salt=salt)
    except KnownError:
        return page_problems(db_path, key, salt)
    try:
        db.query("SELECT name, rootpage FROM sqlite_master")
    except (DatabaseError, KnownError, MemoryError):
        return page_problems(db_path, key, salt)
    finally:
        db.close()
    return []


def scan(db_path: Path, key: bytes, salt: bytes | None = None, *,
         now: datetime | None = None, full: bool = False) -> Scan:
    """Everything found; every page when ``full`` is asked or ``full_check_due`` says so."""
    why = "asked" if full else full_check_due(db_path, key, salt, now)
    problems = page_problems(db_path, key, salt) if why else quick_problems(db_path, key, salt)
    problems += wal_problems(Path(f"{db_path}-wal"))
    return Scan(problems, bool(why), why or "recent")
