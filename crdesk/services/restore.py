"""Restoring a backup: an admin act, audited on both sides, and atomic (issues 12 and 13).

Who may restore:

- an admin of the current clinic, signed in with their password
  (``restore_as_admin``); the backup must open with the same data key, with this admin's
  password in the backup's own key slots, or with the recovery key current when the backup
  was made (a backup from before a rekey);
- whoever holds the backup's recovery key, but only when the current clinic cannot be
  opened: there is none, or its files are missing or damaged (``restore_with_recovery_key``).
  A clinic that opens is restored by its admin, so a staff member (whose slot opens the
  data key) cannot roll it back.

The current clinic gets an entry saying what is about to replace it, and is kept in
``backups/``. The restored database gets a ``clinic.restore`` entry saying what was
restored, from when, by whom, and which chain head it replaced, written while it is still
staged, so the rollback is in the chain from its first moment in place. The swap itself is
files.stage_restore / commit_restore: a crash leaves the old clinic or the restored one,
whole. A new audit anchor is written for the restored chain.
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from crdesk.atomic import write_atomic
from crdesk.crypto import recovery
from crdesk.errors import (
    KeySlotError,
    KnownError,
    NotInitialisedError,
    PermissionDeniedError,
    RecoveryKeyError,
    WrongPasswordError,
)
from crdesk.keyslots import KeySlotFile
from crdesk.services import access, anchor
from crdesk.services.admin_secrets import ADMIN_RECOVERY
from crdesk.services.files import (
    commit_restore,
    database_salt,
    read_manifest,
    set_aside_current,
    stage_restore,
)
from crdesk.services.home import ClinicHome
from crdesk.storage import audit_repo, clinic_repo, ledger_repo
from crdesk.storage.connection import Database, DatabaseError, open_database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Restored:
    backup_created: str
    kept: Path | None  # the replaced clinic, saved in backups/
    notes: list[str] = field(default_factory=list)  # what the restore means (the ledger)


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file is, from its checked manifest (nothing is decrypted)."""

    created: str
    software_version: str
    database_id: str

    @property
    def created_words(self) -> str:
        try:
            when = datetime.fromisoformat(self.created).astimezone()
        except ValueError:
            return self.created or "at an unknown time"
        return when.strftime("%d/%m/%Y at %H:%M")


def describe_backup(source: Path) -> BackupInfo:
    """Check ``source`` completely (every member's hash) and say what it is; raises with a
    plain reason for a file that is not a whole crdesk backup."""
    manifest = read_manifest(source)
    return BackupInfo(str(manifest.get("created", "")),
                      str(manifest.get("software_version", "")),
                      str(manifest.get("database_id", "")))


def _batches(db: Database) -> list[ledger_repo.Batch]:
    try:
        return ledger_repo.batches(db)
    except DatabaseError:
        return []  # a schema from before the export ledger


def _ledger_notes(current: list[ledger_repo.Batch], restored: list[ledger_repo.Batch]) -> list[str]:
    have = {b.sequence for b in restored}
    lost = sorted((b for b in current if b.sequence not in have), key=lambda b: b.sequence)
    if not lost:
        return []
    first, last = lost[0], lost[-1]
    span = f"{first.sequence}" if first is last else f"{first.sequence} to {last.sequence}"
    return [
        f"This backup is older than the last export: export batch(es) {span} (the last made "
        f"{last.created_at[:10]}) are not in the restored export ledger.",
        "The next export will number its batch from "
        f"{first.sequence} again and send those episodes again as new; tell whoever receives "
        "the exports that batch numbers will repeat, and keep the packages already sent.",
    ]


def _open_staged(staging: Path, keys: list[bytes]) -> tuple[Database, bytes] | None:
    for key in keys:
        try:
            db = open_database(staging / "clinic.db", key)
        except KnownError:
            continue
        return db, key
    return None


def _stamp_restored(db: Database, key: bytes, staging: Path, actor: str,
                    detail: dict[str, Any]) -> None:
    """The restore's own entry, and the anchor of the chain that ends with it, both made
    while staged: they arrive in place with the database, in the same switch."""
    with db.transaction():
        audit_repo.append(db, actor, "clinic.restore", "clinic",
                          clinic_repo.clinic(db).database_id, detail)
        anchor.mark_anchored(db)
    db.checkpoint()
    write_atomic(staging / "audit-anchor.json",
                 json.dumps(anchor.make_anchor(db, key, "restore"), indent=1).encode() + b"\n")


def _finish(home: ClinicHome, staging: Path, db: Database) -> Path | None:
    """Set the current clinic aside, then the one switch."""
    db.close()
    kept = set_aside_current(home.basedir)
    commit_restore(home.basedir, staging)
    return kept


def restore_as_admin(home: ClinicHome, source: Path, username: str, password: str, *,
                     backup_recovery_key: str | None = None) -> Restored:
    """Replace the current clinic by ``source``; ``username`` must be an admin of it."""
    b = home.basedir
    manifest = read_manifest(source)
    if not b.db.exists():
        raise NotInitialisedError(
            "There is no clinic in this folder to sign in to.",
            "Restore with the backup's recovery key instead (crdesk restore --recovery-key).")
    session = access.unlock(home, username, password)
    staging: Path | None = None
    try:
        session.require_admin("restore a backup")
        theirs, ours = str(manifest.get("database_id", "")), session.clinic().database_id
        if theirs and theirs != ours:
            # Issue 17: another clinic's records must not replace this one's by mistake
            # (two clinics' backups on one USB drive).
            raise PermissionDeniedError(
                f"{Path(source).name} is a backup of another clinic (database {theirs[:8]}), "
                f"not of this one (database {ours[:8]}); nothing was changed.",
                "Choose this clinic's backup. To replace this clinic with another, move its "
                "folder away first and restore with that backup's recovery key.")
        current_batches = _batches(session._db)
        head_seq, head_hash = audit_repo.head(session._db)
        created = str(manifest.get("created", ""))
        staging = stage_restore(b, source)
        # A backup under the clinic's current key opens with the session's own key.
        keys = [k for k in (session._key, key_from_backup_slots(staging, username, password),
                            key_from_recovery_text(backup_recovery_key)) if k is not None]
        opened = _open_staged(staging, keys)
        if opened is None:
            raise KeySlotError(
                "This backup does not open with your password or with the clinic's key: it "
                "was made before a key rotation or a password change.",
                "Give the recovery key that was current when the backup was made "
                "(--recovery-key-stdin).")
        db, key = opened
        try:
            restored_batches = {x.sequence for x in _batches(db)}
            lost = [x for x in current_batches if x.sequence not in restored_batches]
            notes = _ledger_notes(current_batches, _batches(db))
            _stamp_restored(db, key, staging, session.username, {
                "backup_created": created, "method": "admin",
                "replaced_head_seq": head_seq, "replaced_head_hash": head_hash,
                "export_batches_not_in_backup": len(lost)})
            # The clinic being replaced says so too (it is kept in backups/).
            session.record("clinic.restore_replacing", "clinic", session.clinic().database_id,
                           {"backup_created": created,
                            "backup_database_id": str(manifest.get("database_id", ""))})
        except BaseException:
            db.close()
            raise
        session.close()
        kept = _finish(home, staging, db)
    except BaseException:
        session.close()
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        raise
    log.info("clinic restored from a backup by an admin")
    return Restored(created, kept, notes)


def key_from_backup_slots(staging: Path, username: str, password: str) -> bytes | None:
    """The backup's data key through this admin's slot in the backup itself (no counting:
    a wrong password here is not a sign-in)."""
    path = staging / "keyslots.json"
    try:
        slots = KeySlotFile.load(path)
        slot = slots.find(username.strip().lower())
        if slot is None:
            return None
        copy = staging / ".keyslots-probe.json"
        shutil.copy2(path, copy)
        slots.path = copy  # any counter it writes goes to a throw-away copy
        try:
            return slots.unlock(username.strip().lower(), password).data_key
        finally:
            copy.unlink(missing_ok=True)
    except (KeySlotError, WrongPasswordError, KnownError):
        return None


def key_from_recovery_text(text: str | None) -> bytes | None:
    if not text:
        return None
    try:
        return recovery.decode(text)
    except recovery.RecoveryKeyFormatError as exc:
        raise RecoveryKeyError(str(exc), "Type the key again, group by group.") from None


def current_clinic_opens(home: ClinicHome) -> bool:
    """Whether the clinic here can be opened, so that only its admin may replace it.

    It cannot when there is no database, no usable key-slot file (nobody can sign in), or
    the database's header is damaged or not the one the slots remember. Otherwise it counts
    as one that opens, whatever key is offered: a key that opens it (a staff member's data
    key) must not be a way round the admin, and one that does not cannot tell a whole clinic
    from a damaged one.
    """
    b = home.basedir
    if not b.db.exists():
        return False
    try:
        slots = KeySlotFile.load(b.keyslots)
    except KeySlotError:
        return False
    try:
        salt = database_salt(b.db)
        size = b.db.stat().st_size
    except OSError:
        return False
    if size < 4096 or size % 4096 or salt == "00" * 16:
        return False
    return bool(slots.slots) and (not slots.database_salt or salt == slots.database_salt)


def restore_with_recovery_key(home: ClinicHome, source: Path, recovery_text: str) -> Restored:
    """Restore ``source`` where no admin can sign in: no clinic, or a broken one."""
    b = home.basedir
    manifest = read_manifest(source)
    key = key_from_recovery_text(recovery_text)
    assert key is not None
    version = recovery.decode_secret(recovery_text)[0]
    if current_clinic_opens(home):
        raise PermissionDeniedError(
            "This folder holds a clinic that opens, so only one of its admins can replace it.",
            "Sign in as an admin (crdesk restore --user NAME), or 'crdesk recover' first.")
    staging = stage_restore(b, source)
    try:
        opened = _open_staged(staging, [key])
        if opened is None:
            raise RecoveryKeyError("This recovery key does not open the backup.",
                                   "Use the recovery key that was current when it was made.")
        db, _ = opened
        created = str(manifest.get("created", ""))
        try:
            if version == recovery.VERSION and clinic_repo.get_setting(db, ADMIN_RECOVERY):
                # The database key written as a recovery key: every slot opens it.
                raise RecoveryKeyError(
                    "This is not the backup's recovery key (it is of the old kind, and the "
                    "backup's clinic has a newer one).",
                    "Use the recovery key printed at set-up or at the last key rotation "
                    "before the backup.")
            _stamp_restored(db, key, staging, "recovery-key", {"backup_created": created,
                                                 "method": "recovery-key"})
        except BaseException:
            db.close()
            raise
        kept = _finish(home, staging, db)
    except BaseException:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        raise
    log.info("clinic restored from a backup with its recovery key")
    return Restored(created, kept, [
        "The clinic that was here could not be opened, so the export ledger was not compared: "
        "check the last batch number before the next export."] if b.db.exists() else [])
