"""The ways into a clinic: make one, unlock it, recover it, or check a staff password.

``create(home, ...)`` makes a new clinic (never over an existing file) and returns the
recovery key once; ``unlock(home, user, password)`` turns a password into a Session;
``recover`` uses the recovery key when the key slots are lost; ``verify_staff`` checks a
password without opening anything (the kiosk's release). Kept apart from ClinicHome so the
login screen can appear before the cryptography and database libraries are imported
(bench ``cold_start``): screens import this module on first use.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from crdesk.core.passwords import require_acceptable
from crdesk.core.roles import Role
from crdesk.core.validation import clinic_ods_code
from crdesk.crypto import adminkey, recovery
from crdesk.crypto.kdf import DEFAULT_COST, KdfCost  # KdfCost: also the GUI's type
from crdesk.errors import (
    AlreadyExistsError,
    CorruptDatabaseError,
    DamagedDatabaseError,
    KeySlotError,
    KnownError,
    NotInitialisedError,
    RecoveryKeyError,
    ValidationError,
)
from crdesk.keyslots import KeySlotFile, normalise_username
from crdesk.services.admin_secrets import ADMIN_RECOVERY, admin_key_from_recovery
from crdesk.services.files import database_salt, snapshot_backup
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage import audit_repo, clinic_repo, damage, read_view
from crdesk.storage.connection import Database, DatabaseError, damage_marker, open_database
from crdesk.storage.migrations import latest_version, migrate, schema_version

log = logging.getLogger(__name__)


_PAGE = 4096  # SQLCipher's page size, which crdesk never changes


def _looks_damaged(db_path: Path) -> bool:
    """A SQLCipher file is whole pages with a random salt; zeros or a ragged length mean
    damage rather than a key-slot file from another database."""
    size = db_path.stat().st_size
    return size < 4096 or size % 4096 != 0 or database_salt(db_path) == "00" * 16


@dataclass(frozen=True)
class NewClinic:
    recovery_key: str
    database_id: str

def create(home: ClinicHome, *, clinic_name: str, ods_code: str, admin: str, password: str,
           demo: bool = False, cost: KdfCost | None = None) -> NewClinic:
    """A new clinic; never over an existing file. Returns the recovery key (once)."""
    cost = cost or DEFAULT_COST
    b = home.basedir
    if b.db.exists() or b.keyslots.exists():
        raise AlreadyExistsError(
            "A clinic already exists in this folder.",
            "crdesk never creates a clinic over an existing one; choose another folder.",
        )
    name = clinic_name.strip()
    if not name:
        raise ValidationError("Enter the clinic's name.", "")
    ods = clinic_ods_code(ods_code)
    uname = normalise_username(admin)
    require_acceptable(password, username=uname, clinic_name=name)
    # The recovery key is a secret the database key is derived from, not the database key
    # itself, and the admin key is separate from both (crypto/recovery.py, adminkey.py).
    recovery_secret = secrets.token_bytes(32)
    data_key = recovery.data_key_from_secret(recovery_secret)
    admin_key = adminkey.new_admin_key()
    database_id = secrets.token_hex(16)
    db = open_database(b.db, data_key, create=True)
    try:
        migrate(db)
        with db.transaction():
            clinic_repo.create_clinic(db, clinic_repo.ClinicInfo(
                database_id, name, ods, demo, datetime.now(UTC).isoformat(timespec="seconds")))
            clinic_repo.upsert_user(db, uname, Role.ADMIN)
            from crdesk.services.identity import create_clinic_secrets  # x509: slow import

            create_clinic_secrets(db, name, ods, admin_key, recovery_secret)
            audit_repo.append(db, uname, "clinic.create", "clinic", database_id,
                              {"demo": demo})
        db.checkpoint()
    finally:
        db.close()
    slots = KeySlotFile.new(b.keyslots, database_id)
    slots.database_salt = database_salt(b.db)
    slots.set_slot(uname, password, data_key, cost, admin_key=admin_key)
    slots.save()
    log.info("created clinic database %s", database_id)
    return NewClinic(recovery.encode_secret(recovery_secret), database_id)

def _require_db(home: ClinicHome) -> None:
    if not home.basedir.db.exists():
        raise NotInitialisedError(
            "There is no clinic database in this folder yet.",
            "Set up the clinic first (crdesk init, or the set-up wizard).",
        )

def unlock(home: ClinicHome, username: str, password: str, *,
           full_check: bool = False) -> Session:
    """A session for ``username``. The damage scan checks every page when ``full_check``
    (``crdesk check``), after an unclean shutdown or once a day (storage/damage.py)."""
    _require_db(home)
    uname = username.strip().lower()
    slots = KeySlotFile.load(home.basedir.keyslots)
    opened = slots.unlock(uname, password)
    found, full = _damage_before_opening(home, slots, opened.data_key, full_check)
    if found is not None and opened.pending_key is not None:
        again, full = _damage_before_opening(home, slots, opened.pending_key, full_check)
        if again is None:
            found = None  # a rekey was cut short after the database took the new key
    if found is not None:
        log.warning("the clinic database is damaged (%d problem(s)); opening it read-only",
                    len(found.problems))
        return _open_damaged(home, slots, opened.data_key, uname, found,
                             admin_key=opened.admin_key)
    db: Database | None = None
    key = opened.data_key
    try:
        db, key = _open_with(home, slots, opened.data_key, opened.pending_key)
        if full:
            _record_full_check(db)
        return Session.start(home, db, key, uname, slots,
                             reported_failures=opened.reported_failures,
                             admin_key=opened.admin_key)
    except DamagedDatabaseError:
        # A page the quick look did not reach failed while signing in (the audit chain's
        # head, say): then as if the scan had found it, read-only with the banner.
        if db is not None:
            db.close()
        found, _ = _damage_before_opening(home, slots, key, True)
        if found is None:
            raise
        log.warning("the clinic database is damaged (%d problem(s)), met while signing in; "
                    "opening it read-only", len(found.problems))
        return _open_damaged(home, slots, key, uname, found,
                             admin_key=opened.admin_key)


DAMAGED_HINT = ("Keep this file as it is (copy the whole clinic folder somewhere safe), then "
                "restore the latest backup ('crdesk restore', or ask your IT support). crdesk "
                "has not changed the file.")


@dataclass(frozen=True)
class Damage:
    problems: list[str]
    salt: bytes | None  # the salt the key slots remember, when the header's is damaged


def _record_full_check(db: Database) -> None:
    """Every page was found whole: the next sign-ins within a day take the quick look."""
    try:
        with db.transaction():
            clinic_repo.set_setting(db, damage.LAST_FULL_CHECK,
                                    datetime.now(UTC).isoformat(timespec="seconds"))
    except KnownError:
        db.close()
        raise
    damage_marker(db.path).unlink(missing_ok=True)  # a restored file, found whole


def _damage_before_opening(home: ClinicHome, slots: KeySlotFile, key: bytes,
                           full_check: bool = False) -> tuple[Damage | None, bool]:
    """Look for damage before anything is written (sign-in's audit row, a migration):
    a damaged file is then opened read-only, or refused, and left byte for byte. Also
    says whether every page was checked (storage/damage.py ``full_check_due``)."""
    db_path = home.basedir.db
    salt: bytes | None = None
    problems: list[str] = []
    if slots.database_salt and database_salt(db_path) != slots.database_salt:
        remembered = bytes.fromhex(slots.database_salt)
        # Page 1's checksum does not cover the salt: if page 1 reads with the salt the
        # slots remember, it is this clinic's file with its first 16 bytes damaged.
        try:
            open_database(db_path, key, read_only=True, salt=remembered).close()
        except KnownError:
            return None, False  # another clinic's file, or worse: _open_with says which
        pages = damage.page_problems(db_path, key, remembered)
        salt = remembered
        problems.append("the file's header (its first 16 bytes, the salt) is damaged")
        problems += pages + damage.wal_problems(Path(f"{db_path}-wal"))
        full = True
    else:
        found = damage.scan(db_path, key, full=full_check)
        problems, full = found.problems, found.full
    return (Damage(problems, salt) if problems else None), full


def _open_damaged(home: ClinicHome, slots: KeySlotFile, key: bytes, username: str,
                  found: Damage, admin_key: bytes | None) -> Session:
    """A read-only session on a damaged file, or a refusal saying what was found."""
    db, view = _damaged_view(home, key, found)
    return _damaged_session(home, db, view, slots, key, username, found, admin_key)


def _summary(found: Damage) -> str:
    return f"{len(found.problems)} problem(s) found; the first: {found.problems[0]}"


def _damaged_view(home: ClinicHome, key: bytes,
                  found: Damage) -> tuple[Database, read_view.ReadView]:
    try:
        return _open_view(home.basedir.db, key, found.salt)
    except KnownError:
        raise DamagedDatabaseError(
            f"The clinic database is damaged and cannot be opened ({_summary(found)}).",
            DAMAGED_HINT, found.problems) from None


def _damaged_session(home: ClinicHome, db: Database, view: read_view.ReadView,
                     slots: KeySlotFile, key: bytes, username: str, found: Damage,
                     admin_key: bytes | None) -> Session:
    """The read-only session on an opened damaged file; on any refusal both are closed."""
    summary = _summary(found)
    try:
        if schema_version(db) != latest_version():
            raise DamagedDatabaseError(
                f"The clinic database is damaged ({summary}) and needs an upgrade, which "
                "cannot be done on a damaged file.", DAMAGED_HINT, found.problems)
        return Session.start(home, db, key, username, slots, reported_failures=[],
                             admin_key=admin_key, damage=found.problems, salt=found.salt,
                             view=view)
    except DamagedDatabaseError:
        db.close()
        view.close()
        raise
    except (KnownError, DatabaseError, MemoryError):
        db.close()
        view.close()
        raise DamagedDatabaseError(
            f"The clinic database is damaged and its accounts cannot be read ({summary}).",
            DAMAGED_HINT, found.problems) from None

def _open_view(db_path: Path, key: bytes,
               salt: bytes | None) -> tuple[Database, read_view.ReadView]:
    """A read-only connection that includes the -wal's committed changes (a private copy,
    storage/read_view.py); if the copy will not open, the original, immutable (the banner
    then says the latest changes may be missing). Raises KnownError if neither opens."""
    view = read_view.make_view(db_path)
    try:
        return view.open(key, salt), view
    except KnownError:
        view.close()
        if view.folder is None:
            raise
    fallback = read_view.ReadView(db_path, db_path, wal_frames=True)
    return fallback.open(key, salt), fallback


def _open_with(home: ClinicHome, slots: KeySlotFile, key: bytes,
               pending: bytes | None) -> tuple[Database, bytes]:
    salt = database_salt(home.basedir.db)
    if slots.database_salt and salt != slots.database_salt:
        if _looks_damaged(home.basedir.db):
            raise CorruptDatabaseError(
                "The clinic database file is damaged (its header or length is wrong).",
                "Restore the latest backup ('crdesk restore'); the file was left untouched.",
            )
        raise KeySlotError(
            "The key-slot file belongs to a different clinic database.",
            "Put back this database's own keyslots.json (from a backup), "
            "or run 'crdesk recover' with this clinic's recovery key.",
        )
    try:
        db = open_database(home.basedir.db, key)
    except CorruptDatabaseError:
        if pending is None:
            raise
        # A key rotation was interrupted after the database took the new key.
        db = open_database(home.basedir.db, pending)
        slots.finish_rekey()
        slots.save()
        from crdesk.services import anchor

        anchor.carry_over_rekey(home.basedir, db, key, pending)
        key = pending
    else:
        if pending is not None:
            slots.drop_pending()  # interrupted before the database changed
            slots.save()
    try:
        _migrate(home, db)
    except BaseException:
        db.close()
        raise
    return db, key

def _migrate(home: ClinicHome, db: Database) -> None:
    def backup(version: int) -> None:
        db.checkpoint()
        snapshot_backup(home.basedir, f"before-migration-from-{version}")

    migrate(db, backup=backup)

def recover(home: ClinicHome, recovery_text: str, admin: str, new_password: str,
            cost: KdfCost | None = None) -> Session:
    """Open with the recovery key and give ``admin`` a fresh key slot.

    A missing or damaged key-slot file is set aside and replaced by one holding just
    this admin's slot; other users then get new passwords from the admin.
    """
    cost = cost or DEFAULT_COST
    _require_db(home)
    try:
        version, secret = recovery.decode_secret(recovery_text)
    except recovery.RecoveryKeyFormatError as exc:
        raise RecoveryKeyError(str(exc), "Type the key again, group by group.") from None
    data_key = secret if version == recovery.VERSION else recovery.data_key_from_secret(secret)
    found, full = _damage_before_recovery(home, data_key)
    if found is not None:
        log.warning("the clinic database is damaged (%d problem(s)); recovery opens it "
                    "read-only and saves no new password", len(found.problems))
        return _recover_damaged(home, data_key, version, admin, found)
    try:
        db = open_database(home.basedir.db, data_key)
    except CorruptDatabaseError:
        raise RecoveryKeyError(
            "This recovery key does not open this clinic's database.",
            "Check it is the key printed for this clinic (a rekey issues a new one).",
        ) from None
    try:
        _refuse_old_kind(db, version)
        admin_key = (admin_key_from_recovery(db, secret)
                     if version == recovery.VERSION_SECRET else None)
        _migrate(home, db)
        if full:
            _record_full_check(db)
        info = clinic_repo.clinic(db)
        uname = normalise_username(admin)
        require_acceptable(new_password, username=uname, clinic_name=info.name)
        account = clinic_repo.get_user(db, uname)
        if account is not None and account.role is not Role.ADMIN:
            raise ValidationError(f"'{uname}' is a staff account, not an admin.",
                                  "Name an admin account, or a new name to create one.")
        slots = _slots_for_recovery(home, info.database_id)
        slots.database_salt = database_salt(home.basedir.db)
        slots.drop_pending()
        slots.set_slot(uname, new_password, data_key, cost, admin_key=admin_key)
        with db.transaction():
            clinic_repo.upsert_user(db, uname, Role.ADMIN)
            audit_repo.append(db, uname, "clinic.recover", "user", uname,
                              {"slots_kept": len(slots.slots) - 1})
        slots.save()
    except BaseException:
        db.close()
        raise
    return Session.start(home, db, data_key, uname, slots, reported_failures=[],
                         admin_key=admin_key)

def _refuse_old_kind(db: Database, version: int) -> None:
    if version == recovery.VERSION and clinic_repo.get_setting(db, ADMIN_RECOVERY):
        # A clinic with a version-2 recovery key: a version-1 text is its database key,
        # which every key slot (staff included) opens. It is not the recovery key.
        raise RecoveryKeyError(
            "This is not this clinic's recovery key (it is of the old kind, and this "
            "clinic has a newer one).",
            "Use the recovery key printed at set-up or at the last key rotation.")


def _loaded_slots(home: ClinicHome) -> KeySlotFile | None:
    try:
        return KeySlotFile.load(home.basedir.keyslots)
    except KeySlotError:
        return None


def _damage_before_recovery(home: ClinicHome, key: bytes) -> tuple[Damage | None, bool]:
    """The sign-in's damage scan (``_damage_before_opening``), once the recovery key is
    known to open page 1: a wrong key fails every page's HMAC, which is not damage. A key
    that opens nothing is left to the writable open below, which says so."""
    none = KeySlotFile.new(home.basedir.keyslots, "")  # no salt remembered: the plain scan
    slots = _loaded_slots(home) or none
    salts = [None] + ([bytes.fromhex(slots.database_salt)] if slots.database_salt else [])
    for salt in salts:
        try:
            open_database(home.basedir.db, key, read_only=True, salt=salt).close()
        except KnownError:
            continue
        # The file's own salt opens it: scan it whatever the slots (they may be another
        # clinic's, which recovery replaces). Only the remembered salt: a damaged header.
        return _damage_before_opening(home, none if salt is None else slots, key)
    # Page 1 opens with neither salt: a wrong key fails every page's HMAC, this clinic's
    # key with page 1 damaged fails only some. Then it is damage, as sign-in would say.
    problems = damage.page_problems(home.basedir.db, key)
    failed = sum("HMAC verification failed" in p for p in problems)
    if 0 < failed < home.basedir.db.stat().st_size // _PAGE:
        return Damage(problems + damage.wal_problems(Path(f"{home.basedir.db}-wal")),
                      None), True
    return None, False


def _recover_damaged(home: ClinicHome, key: bytes, version: int, admin: str,
                     found: Damage) -> Session:
    """Recovery on a damaged file: the same read-only session and refusals as sign-in,
    for an existing admin. Nothing is written: no new key slot, no audit row, the key-slot
    file not even set aside (its bytes may be needed to restore)."""
    db, view = _damaged_view(home, key, found)
    try:
        _refuse_old_kind(db, version)
        uname = normalise_username(admin)
        account = clinic_repo.get_user(db, uname)
        if account is None or not account.active or account.role is not Role.ADMIN:
            raise DamagedDatabaseError(
                f"The clinic database is damaged ({_summary(found)}), so crdesk opens it "
                f"read-only and cannot add or change an admin account ('{uname}' is not an "
                "admin of this clinic).", DAMAGED_HINT, found.problems)
        database_id = clinic_repo.clinic(db).database_id
    except BaseException:
        db.close()
        view.close()
        raise
    slots = _loaded_slots(home)
    if slots is None or slots.database_id != database_id:
        slots = KeySlotFile.new(home.basedir.keyslots, database_id)  # in memory, not saved
    return _damaged_session(home, db, view, slots, key, uname, found, None)


def _slots_for_recovery(home: ClinicHome, database_id: str) -> KeySlotFile:
    path = home.basedir.keyslots
    try:
        slots = KeySlotFile.load(path)
        if slots.database_id == database_id:
            return slots
    except KeySlotError:
        pass
    if path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path.rename(home.basedir.backups / f"keyslots-set-aside-{stamp}.json")
    return KeySlotFile.new(path, database_id)


@dataclass(frozen=True)
class StaffCheck:
    username: str
    earlier_failures: list[str]  # failed attempts this success clears; for the audit log


def verify_staff(home: ClinicHome, username: str, password: str) -> StaffCheck:
    """Check a staff or admin password without opening a session (the kiosk's release).

    Opening the user's key slot *is* the check, exactly as at sign-in, so wrong passwords
    count towards the lockout. Raises WrongPasswordError / AccountLockedError.
    """
    name = normalise_username(username)
    opened = KeySlotFile.load(home.basedir.keyslots).unlock(name, password)
    return StaffCheck(name, list(opened.reported_failures))
