"""Backups of a clinic: the encrypted database, its WAL and the key slots, in one file.

Format ``crdesk-backup`` version 1: a ZIP (stored, not compressed: the pages are encrypted)
holding ``manifest.json`` (format, version, created, software version, database id and the
size and SHA-256 of each member), ``clinic.db``, ``clinic.db-wal`` when it has content, and
``keyslots.json``. Nothing in it is readable without a password or the recovery key.
Backups are taken while this process holds the instance lock, so no other crdesk writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from crdesk import __version__
from crdesk.atomic import atomic_writer
from crdesk.errors import AlreadyExistsError, CorruptDatabaseError, DiskFullError, KnownError
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


def write_backup(b: BaseDir, out: Path, *, overwrite: bool = False) -> Path:
    """Write a backup of ``b`` to ``out`` atomically; the caller holds the instance lock."""
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


def restore_backup(b: BaseDir, source: Path, *, replace: bool = False) -> Path | None:
    """Put a backup's files in place; the caller holds the instance lock.

    Refuses to touch an existing clinic unless ``replace``; then the current files are
    first saved as a backup in ``backups/`` (returned), so a restore never loses data.
    """
    read_manifest(source)
    set_aside: Path | None = None
    if b.db.exists() or b.keyslots.exists():
        if not replace:
            raise AlreadyExistsError(
                "This folder already holds a clinic database.",
                "Use --replace to swap it for the backup (the current one is kept in backups/).",
            )
        if b.db.exists() and b.keyslots.exists():
            set_aside = snapshot_backup(b, "replaced-by-restore")
        else:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            keep = b.backups / f"{stamp}-replaced-files"
            keep.mkdir(mode=0o700)
            for p in [*b.db_companions(), b.keyslots]:
                if p.exists():
                    shutil.copy2(p, keep / p.name)
            set_aside = keep
    staged: list[tuple[Path, Path]] = []
    try:
        with zipfile.ZipFile(source) as zf:
            for name in ("clinic.db", "clinic.db-wal", "keyslots.json"):
                if name not in zf.namelist():
                    continue
                target = b.root / name
                with atomic_writer(target.with_name(f".restore-{name}")) as fh:
                    fh.write(zf.read(name))
                staged.append((target.with_name(f".restore-{name}"), target))
    except (DiskFullError, OSError):
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    # Stale WAL/SHM from the replaced database must not be applied to the restored one.
    for p in b.db_companions()[1:]:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
    for tmp, target in staged:
        tmp.replace(target)
    return set_aside
