"""Opening a backup away from the live clinic: the check after each off-laptop backup, the
``crdesk backup-verify`` command and the restore drill ("Test a backup", issue 17).

A backup is unpacked into a temporary folder beside the clinic (never into the clinic's
own files), opened there with a key, checked as ``crdesk check`` checks the live database
(every page's checksum, the structure, the audit chain, and the audit anchor the manifest
carries), counted, and the temporary copy is then overwritten and removed. The live
database is only read, for the comparison.

The keys tried, in order: the signed-in session's data key (a backup taken under the
clinic's current key), then the signed-in admin's password in the backup's *own* key slots
or the backup's recovery key (a backup from before a key rotation, and the proof that the
slots in the backup open). Everything here is admin-only except the check right after a
scheduled backup, which uses the key that just wrote it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crdesk.errors import KnownError
from crdesk.services import anchor
from crdesk.services.files import read_manifest
from crdesk.services.session import Session
from crdesk.storage import audit_repo, clinic_repo
from crdesk.storage.connection import Database, DatabaseError, open_database

log = logging.getLogger(__name__)

VERIFY_PREFIX = ".verify-"
_UNPACK = ("clinic.db", "clinic.db-wal", "keyslots.json")


@dataclass(frozen=True)
class BackupCheck:
    """What opening one backup found. ``problems`` empty = it opens and checks clean."""

    path: Path
    created: str
    problems: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    head: tuple[int, str] = (0, "")
    opened_with: str = ""  # "clinic key", "admin password", "recovery key"

    @property
    def ok(self) -> bool:
        return not self.problems


def _wipe(folder: Path) -> None:
    """Overwrite each file with zeros, then remove the folder. The copies are encrypted
    pages already; overwriting means even those do not linger in free space where the
    filesystem writes in place (an SSD may still remap: the encryption is the real guard)."""
    if not folder.exists():
        return
    for p in folder.iterdir():
        with contextlib.suppress(OSError):
            if p.is_file():
                size = p.stat().st_size
                with p.open("r+b") as fh:
                    left = size
                    while left > 0:
                        n = min(left, 1 << 20)
                        fh.write(b"\0" * n)
                        left -= n
                    fh.flush()
                    os.fsync(fh.fileno())
    shutil.rmtree(folder, ignore_errors=True)


def clear_leftovers(root: Path) -> None:
    """Temporary copies a crash left behind (called before each check)."""
    if root.is_dir():
        for p in root.iterdir():
            if p.is_dir() and p.name.startswith(VERIFY_PREFIX):
                _wipe(p)


@contextlib.contextmanager
def _unpacked(root: Path, source: Path) -> Any:
    clear_leftovers(root)
    folder = Path(tempfile.mkdtemp(prefix=VERIFY_PREFIX, dir=root))
    try:
        os.chmod(folder, 0o700)
        with zipfile.ZipFile(source) as zf:
            for name in _UNPACK:
                if name in zf.namelist():
                    with zf.open(name) as src, (folder / name).open("wb") as dst:
                        shutil.copyfileobj(src, dst, 1 << 20)
        yield folder
    finally:
        _wipe(folder)


def _open_with(folder: Path, keys: list[tuple[str, bytes]]) -> tuple[Database, bytes, str] | None:
    for how, key in keys:
        try:
            return open_database(folder / "clinic.db", key), key, how
        except KnownError:
            continue
    return None


def _checks(db: Database, key: bytes, manifest: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    try:
        damaged = db.cipher_integrity()
    except (DatabaseError, KnownError, MemoryError):
        damaged = ["the page check could not finish"]
    if damaged:
        return [f"{len(damaged)} page(s) of the backed-up database fail their checksum"]
    try:
        structure = db.sqlite_integrity()
        if structure:
            problems.append("the backed-up database's structure has problems: "
                            + "; ".join(structure[:3]))
        chain = audit_repo.verify(db)
        if chain.first_broken is not None:
            problems.append(f"the backup's audit log is broken at entry {chain.first_broken} "
                            f"({chain.reason})")
        held = manifest.get("audit_anchor")
        if isinstance(held, dict):
            finding = anchor.compare(db, key, held, "the backup's manifest")
            if finding.problem:
                problems.append(finding.problem)
    except (DatabaseError, KnownError, MemoryError):
        problems.append("the checks stopped at a damaged page of the backed-up database")
    return problems


def check_backup(session: Session, source: Path, *,
                 extra_keys: list[tuple[str, bytes]] | None = None,
                 use_clinic_key: bool = True) -> BackupCheck:
    """Open ``source`` in a temporary folder with the session's key (unless told not to),
    then ``extra_keys``, and check it; never raises for a bad backup, it reports."""
    source = Path(source)
    assert session._key is not None
    try:
        manifest = read_manifest(source)
    except KnownError as exc:
        return BackupCheck(source, "", [exc.message])
    created = str(manifest.get("created", ""))
    live_id = session.clinic().database_id
    theirs = str(manifest.get("database_id", ""))
    if theirs and theirs != live_id:
        return BackupCheck(source, created, [
            f"{source.name} is a backup of another clinic (database {theirs[:8]}), not of "
            f"this one (database {live_id[:8]})"])
    keys = [*([("clinic key", session._key)] if use_clinic_key else []), *(extra_keys or [])]
    try:
        with _unpacked(session.home.basedir.root, source) as folder:
            opened = _open_with(folder, keys)
            if opened is None:
                return BackupCheck(source, created, [
                    f"{source.name} does not open with "
                    + ("the clinic's key" if use_clinic_key else "")
                    + (" or " if use_clinic_key and extra_keys else "")
                    + ("the password or recovery key given" if extra_keys else "")
                    + " (it may be from before a key rotation)"])
            db, key, how = opened
            counts: dict[str, int] = {}
            head = (0, "")
            try:
                problems = _checks(db, key, manifest)
                if not problems and clinic_repo.clinic(db).database_id != live_id:
                    problems = [f"{source.name} holds another clinic's database"]
                if not problems:
                    counts = clinic_repo.record_counts(db)
                    head = audit_repo.head(db)
            except (DatabaseError, KnownError, MemoryError):
                problems = ["the backed-up database is damaged: it could not be read to "
                            "the end"]
            finally:
                db.close()
    except OSError as exc:
        return BackupCheck(source, created, [
            f"{source.name} could not be copied for the check ({exc.strerror or exc})"])
    return BackupCheck(source, created, problems, counts, head, how)


# ---- the restore drill -------------------------------------------------------------------


@dataclass(frozen=True)
class DrillResult:
    check: BackupCheck
    live_counts: dict[str, int]
    chain_continues: bool  # the live audit log holds the backup's head entry unchanged
    lines: list[str]

    @property
    def ok(self) -> bool:
        return self.check.ok and self.chain_continues


def backup_keys(session: Session, source: Path, *, password: str = "",
                recovery_key: str = "") -> list[tuple[str, bytes]]:
    """The keys a new laptop would have for ``source``: the recovery key, and the signed-in
    user's password in the backup's *own* key slots (the slot file is read into a
    throw-away folder, so no counter of the live clinic is touched)."""
    from crdesk.services.restore import key_from_backup_slots, key_from_recovery_text

    out: list[tuple[str, bytes]] = []
    if recovery_key:
        k = key_from_recovery_text(recovery_key)
        if k is not None:
            out.append(("recovery key", k))
    if password:
        with contextlib.suppress(KnownError, OSError, zipfile.BadZipFile, KeyError), \
                zipfile.ZipFile(source) as zf, tempfile.TemporaryDirectory(
                    prefix=VERIFY_PREFIX, dir=session.home.basedir.root) as tmp:
            (Path(tmp) / "keyslots.json").write_bytes(zf.read("keyslots.json"))
            k = key_from_backup_slots(Path(tmp), session.username, password)
            if k is not None:
                out.append(("admin password", k))
    return out


def drill(session: Session, source: Path, *, password: str = "",
          recovery_key: str = "") -> DrillResult:
    """Restore ``source`` into a temporary folder, unlock it with this admin's password
    (through the backup's own key slots) or the recovery key, and compare it with the live
    clinic. The clinic's current key is not offered: the drill proves what a new laptop
    would have, the backup and a password or the recovery key."""
    session.require_admin("test a backup")
    if not password and not recovery_key:
        raise KnownError("The test needs your password or the recovery key.",
                         "Type one of them; the backup is opened with it, as on a new laptop.")
    source = Path(source)
    extra = backup_keys(session, source, password=password, recovery_key=recovery_key)
    if not extra:
        check = BackupCheck(source, "", [
            f"{source.name} does not open with the password or recovery key given"])
        try:
            read_manifest(source)
        except KnownError as exc:
            check = BackupCheck(source, "", [exc.message])
    else:
        # Only the keys a new laptop would have: the session's key is left out on purpose.
        check = check_backup(session, source, extra_keys=extra, use_clinic_key=False)
    live = clinic_repo.record_counts(session._db)
    continues = False
    lines: list[str] = []
    if check.ok:
        seq, h = check.head
        continues = audit_repo.hash_at(session._db, seq) == h
        lines.append(f"Opened {source.name} (made {check.created[:16].replace('T', ' ')}) "
                     f"with the {check.opened_with}; every check passed.")
        counts = []
        for table, n in check.counts.items():
            now = live.get(table, 0)
            diff = "" if now == n else f" (the clinic now has {now})"
            counts.append(f"{table.replace('_', ' ')} {n}{diff}")
        lines.append("In the backup: " + ", ".join(counts) + ".")
        lines.append("The live audit log continues the backup's chain (entry "
                     f"{seq} is unchanged)." if continues else
                     f"PROBLEM: the live audit log does not hold the backup's entry {seq} "
                     "unchanged.")
    else:
        lines.extend(check.problems)
    return DrillResult(check, live, continues, lines)
