"""Backups of a clinic: the encrypted database, its WAL and the key slots, in one file.

Format ``crdesk-backup`` version 1: a ZIP (stored, not compressed: the pages are encrypted)
holding ``manifest.json`` (format, version, created, software version, database id and the
size and SHA-256 of each member, and since issue 12 ``audit_anchor``: the audit chain head
when it was taken, authenticated, see services/anchor.py), ``clinic.db``, ``clinic.db-wal``
when it has content, and
``keyslots.json``. Nothing in it is readable without a password or the recovery key.
Backups are taken while this process holds the instance lock, so no other crdesk writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from crdesk import __version__
from crdesk.atomic import atomic_writer, write_atomic
from crdesk.errors import AlreadyExistsError, CorruptDatabaseError, KnownError
from crdesk.paths import BaseDir

FORMAT = "crdesk-backup"
VERSION = 1
SUFFIX = ".crbackup"


def database_salt(db_path: Path) -> str:
    with db_path.open("rb") as fh:
        return fh.read(16).hex()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _members(b: BaseDir) -> list[tuple[str, Path]]:
    wal = Path(f"{b.db}-wal")
    items = [("clinic.db", b.db)]
    if wal.exists() and wal.stat().st_size > 0:
        items.append(("clinic.db-wal", wal))
    items.append(("keyslots.json", b.keyslots))
    return items


def write_backup(b: BaseDir, out: Path, *, overwrite: bool = False,
                 anchor: dict[str, object] | None = None) -> Path:
    """Write a backup of ``b`` to ``out`` atomically; the caller holds the instance lock.

    ``anchor`` is the audit chain's head, authenticated (services/anchor.py), from the
    signed-in session taking the backup."""
    if not b.db.exists():
        raise KnownError("There is no clinic database to back up in this folder.", "")
    if not b.keyslots.exists():
        raise KnownError("The key-slot file is missing, so a backup could not be opened.",
                         "Run 'crdesk recover' first.")
    out = Path(out)
    if out.exists() and not overwrite:
        raise AlreadyExistsError(f"{out.name} already exists.", "Choose another file name.")
    members = _members(b)
    keyslots = json.loads(b.keyslots.read_text(encoding="utf-8"))
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "software_version": __version__,
        "database_id": keyslots.get("database_id", ""),
        **({"audit_anchor": anchor} if anchor else {}),
        "members": [
            {"name": name, "size": p.stat().st_size, "sha256": _sha256(p)} for name, p in members
        ],
    }
    with atomic_writer(out, overwrite=overwrite) as fh, zipfile.ZipFile(
        fh, "w", compression=zipfile.ZIP_STORED
    ) as zf:
        zf.writestr("manifest.json", json.dumps(manifest, indent=1))
        for name, p in members:
            zf.write(p, name)
    return out


def snapshot_backup(b: BaseDir, label: str) -> Path:
    """An automatic backup into ``backups/`` (before a migration, rekey or restore)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return write_backup(b, b.backups / f"{stamp}-{label}{SUFFIX}")


def read_manifest(path: Path) -> dict[str, object]:
    """Check a backup file completely; return its manifest or raise with a plain reason."""
    bad = CorruptDatabaseError(f"{Path(path).name} is not a complete crdesk backup.",
                               "Use another backup file; this one was not changed.")
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            if manifest.get("format") != FORMAT:
                raise bad
            if int(manifest.get("version", 0)) > VERSION:
                raise KnownError("This backup was made by a newer crdesk.",
                                 "Install the latest crdesk to restore it.")
            names = {m["name"] for m in manifest["members"]}
            if not {"clinic.db", "keyslots.json"} <= names:
                raise bad
            for m in manifest["members"]:
                if hashlib.sha256(zf.read(m["name"])).hexdigest() != m["sha256"]:
                    raise bad
            return dict(manifest)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise bad from None


# ---- restoring: stage, one journal write, then the swap --------------------------------------
#
# A restore never leaves the new database with the old key slots (issue 13): the backup's
# files are first written whole into a staging folder beside the clinic (same disk, so each
# move is a rename), and the restored database gets its "clinic.restore" audit entry there.
# Writing the journal is the one switch: before it, the clinic is untouched and the staging
# folder is litter; after it, the next start of crdesk (ClinicHome.open) finishes the moves.

JOURNAL_NAME = "restore-journal.json"
JOURNAL_FORMAT = "crdesk-restore-journal"
JOURNAL_VERSION = 1
STAGING_PREFIX = ".restore-"
# What a restore moves into place: a backup's members, and the restored chain's anchor
# (written in the staging folder, so it arrives with the database it describes).
_MEMBERS = ("clinic.db", "clinic.db-wal", "keyslots.json", "audit-anchor.json")


def _step(name: str) -> None:
    """Called after each step of a restore: tests put a crash here (tests/security)."""


def stage_restore(b: BaseDir, source: Path) -> Path:
    """Check ``source`` completely and unpack it into a new staging folder (returned)."""
    read_manifest(source)
    staging = b.root / f"{STAGING_PREFIX}{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}"
    staging.mkdir(mode=0o700)
    try:
        with zipfile.ZipFile(source) as zf:
            for name in _MEMBERS:
                if name in zf.namelist():
                    with atomic_writer(staging / name) as fh:
                        fh.write(zf.read(name))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _step("staged")
    return staging


def commit_restore(b: BaseDir, staging: Path) -> None:
    """The switch: write the journal, then move the staged files into place."""
    # A WAL the staged database no longer needs (opened and checkpointed there) must not
    # travel; SQLite's shared-memory file never does.
    for extra in ("clinic.db-wal", "clinic.db-shm"):
        p = staging / extra
        if p.exists() and (extra.endswith("shm") or p.stat().st_size == 0):
            p.unlink()
    names = [n for n in _MEMBERS if (staging / n).exists()]
    journal = {"format": JOURNAL_FORMAT, "version": JOURNAL_VERSION, "staging": staging.name,
               "files": names}
    write_atomic(b.root / JOURNAL_NAME, json.dumps(journal).encode("utf-8"))
    _step("journal")
    _apply_journal(b, staging, names)


def _apply_journal(b: BaseDir, staging: Path, names: list[str]) -> None:
    """Move what is still staged into place; safe to run again after a crash."""
    if (staging / "clinic.db").exists():
        # The replaced database's WAL must never be applied to the restored one. Only
        # while the staged database has not moved yet: after, the WAL there is its own.
        for p in b.db_companions()[1:]:
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
        _step("companions-removed")
    for name in names:
        src = staging / name
        if src.exists():
            os.replace(src, b.root / name)
            _step(f"moved-{name}")
    (b.root / JOURNAL_NAME).unlink(missing_ok=True)
    _step("journal-removed")
    shutil.rmtree(staging, ignore_errors=True)


def finish_interrupted_restore(b: BaseDir) -> bool:
    """At start, with the instance lock: finish a restore that passed its switch, and
    clear staging left by one that did not. True when a restore was finished."""
    journal_path = b.root / JOURNAL_NAME
    if journal_path.exists():
        try:
            d = json.loads(journal_path.read_text(encoding="utf-8"))
            if d.get("format") != JOURNAL_FORMAT or int(d.get("version", 0)) > JOURNAL_VERSION:
                raise ValueError("not a restore journal")
            staging = b.root / str(d["staging"])
            names = [str(n) for n in d["files"]]
            if (not staging.name.startswith(STAGING_PREFIX) or "/" in staging.name
                    or "\\" in staging.name or any(n not in _MEMBERS for n in names)):
                raise ValueError("names outside a restore")
        except (OSError, ValueError, KeyError, TypeError):
            raise CorruptDatabaseError(
                f"An interrupted restore left {JOURNAL_NAME}, and it cannot be read.",
                "Restore the backup again ('crdesk restore'); the previous clinic is in "
                "backups/.") from None
        _apply_journal(b, staging, names)
        return True
    if b.root.is_dir():
        for p in b.root.iterdir():
            if p.is_dir() and p.name.startswith(STAGING_PREFIX):
                shutil.rmtree(p, ignore_errors=True)
    return False


def restore_needs_finishing(b: BaseDir) -> bool:
    return (b.root / JOURNAL_NAME).exists() or (
        b.root.is_dir() and any(p.name.startswith(STAGING_PREFIX) for p in b.root.iterdir()))


def set_aside_current(b: BaseDir) -> Path | None:
    """Keep the clinic about to be replaced in ``backups/`` (a restore never loses data)."""
    if not (b.db.exists() or b.keyslots.exists()):
        return None
    if b.db.exists() and b.keyslots.exists():
        return snapshot_backup(b, "replaced-by-restore")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    keep = b.backups / f"{stamp}-replaced-files"
    keep.mkdir(mode=0o700)
    for p in [*b.db_companions(), b.keyslots]:
        if p.exists():
            shutil.copy2(p, keep / p.name)
    return keep
