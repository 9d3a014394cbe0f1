"""An unlocked clinic: the open database, who is signed in, and what they may do.

Every service method checks the role here, so a staff account cannot reach admin work
through any door (GUI, CLI or a direct call). Dropping the session closes the database
and forgets the key.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crdesk.core import nhs_number
from crdesk.core.passwords import require_acceptable
from crdesk.core.roles import Role
from crdesk.crypto import adminkey, recovery
from crdesk.crypto.kdf import DEFAULT_COST, KdfCost
from crdesk.errors import (
    AlreadyExistsError,
    CorruptDatabaseError,
    DamagedDatabaseError,
    KnownError,
    PermissionDeniedError,
    ValidationError,
    WrongPasswordError,
)
from crdesk.keyslots import KeySlotFile, normalise_username
from crdesk.services import anchor
from crdesk.services.admin_secrets import ADMIN_CHECK, ADMIN_RECOVERY, seal_plain_secrets
from crdesk.services.files import database_salt, snapshot_backup, write_backup
from crdesk.services.home import ClinicHome
from crdesk.storage import audit_repo, clinic_repo, patients_repo
from crdesk.storage.connection import Database, DatabaseError, open_database
from crdesk.storage.read_view import ReadView

log = logging.getLogger(__name__)

READ_ONLY_HINT = ("Keep this file as it is (copy the whole clinic folder somewhere safe), then "
                  "restore the latest backup ('crdesk restore', or ask your IT support).")


@dataclass(frozen=True)
class CheckReport:
    cipher_problems: list[str]
    sqlite_problems: list[str]
    audit_entries: int
    audit_broken_at: int | None
    audit_reason: str = ""
    notes: list[str] = field(default_factory=list)
    # Stored values that today's rules refuse (by record id, never the value itself).
    record_problems: list[str] = field(default_factory=list)
    # The chain compared with its anchor outside the database ('' = consistent).
    anchor_problem: str = ""
    anchor_note: str = ""

    @property
    def ok(self) -> bool:
        return (not self.cipher_problems and not self.sqlite_problems
                and self.audit_broken_at is None and not self.record_problems
                and not self.anchor_problem)

    def lines(self) -> list[str]:
        out = [
            "Encryption (page checksums): "
            + (f"{len(self.cipher_problems)} problem(s): damaged page(s), header or log"
               if self.cipher_problems else "ok"),
            *[f"  {p}" for p in self.cipher_problems[:20]],
            "Database structure: "
            + ("ok" if not self.sqlite_problems else "problems found"),
            *[f"  {p}" for p in self.sqlite_problems[:20]],
            f"Audit log: {self.audit_entries} entries, "
            + ("chain intact" if self.audit_broken_at is None
               else f"chain broken at entry {self.audit_broken_at} ({self.audit_reason})"),
            "Audit anchor: " + (f"PROBLEM: {self.anchor_problem}" if self.anchor_problem
                                else (self.anchor_note or "ok")),
            "Stored identifiers: " + (f"{len(self.record_problems)} fail today's checks"
                                      if self.record_problems else "ok"),
            *[f"  {p}" for p in self.record_problems[:20]],
            *self.notes,
        ]
        return out


def _reason(exc: BaseException) -> str:
    """A short, identifier-free reason for a failed check step."""
    if isinstance(exc, KnownError):
        return exc.message
    if isinstance(exc, MemoryError):
        return "SQLCipher refused to go on after a page that failed its checksum"
    return str(exc) or type(exc).__name__


class Session:
    def __init__(self, home: ClinicHome, db: Database, key: bytes, username: str, role: Role,
                 slots: KeySlotFile, *, worker: bool = False,
                 admin_key: bytes | None = None, damage: list[str] | None = None,
                 salt: bytes | None = None, view: ReadView | None = None) -> None:
        self.home = home
        self._db = db
        self._key: bytes | None = key
        # Opens the signing and pseudonym keys (crypto/adminkey.py): admins' sessions only.
        self._admin_key: bytes | None = admin_key if role is Role.ADMIN else None
        self.username = username
        self.role = role
        self._slots = slots
        self._worker = worker
        # What the damage scan found at sign-in (storage/damage.py): the database is then
        # open read-only at the storage level and this session writes nothing at all.
        self._signin_damage: list[str] = list(damage or [])
        self._salt = salt  # the remembered salt, when the file's header is damaged
        # What a read-only session reads (storage/read_view.py): a private copy with the
        # -wal, removed when this session (not a worker) closes.
        self._view = view
        self._damaged = bool(damage)  # also set by check(); close() then writes nothing
        # What comparing the audit anchor found at sign-in, before this session's entries.
        self._signin_anchor_problem = ""

    @classmethod
    def start(cls, home: ClinicHome, db: Database, key: bytes, username: str,
              slots: KeySlotFile, reported_failures: list[str],
              admin_key: bytes | None = None, damage: list[str] | None = None,
              salt: bytes | None = None, view: ReadView | None = None) -> Session:
        account = clinic_repo.get_user(db, username)
        info = clinic_repo.clinic(db)
        if info.database_id != slots.database_id:
            db.close()
            raise KnownError("The key-slot file does not match this clinic database.",
                             "Run 'crdesk recover' with the recovery key.")
        if account is None or not account.active:
            db.close()
            raise WrongPasswordError("This account has been removed.",
                                     "Ask an admin to add you again.")
        if damage:
            # Read-only: no sign-in row, no anchor, no admin-key upkeep (each is a write).
            # The warning in the log says the session began, without an identifier.
            log.info("signed in read-only to a damaged clinic database")
            if account.role is not Role.ADMIN:
                admin_key = None
            return cls(home, db, key, username, account.role, slots, admin_key=admin_key,
                       damage=damage, salt=salt, view=view)
        # Compared before this sign-in adds entries, so a cut chain reads as cut.
        earlier = anchor.check_file(home.basedir, db, key)
        with db.transaction():
            if reported_failures:
                audit_repo.append(db, username, "login.failures", "user", username,
                                  {"count": len(reported_failures),
                                   "first": reported_failures[0],
                                   "last": reported_failures[-1]})
            audit_repo.append(db, username, "login", "user", username, {})
            if earlier.problem:
                # Said in the chain itself, so a later anchor cannot hide it.
                audit_repo.append(db, username, "audit.anchor_mismatch", "audit", "",
                                  {"finding": earlier.problem})
            anchor.mark_anchored(db)
        anchor.write_file(home.basedir, db, key, "sign-in")
        if account.role is Role.ADMIN:
            admin_key = _settle_admin_key(db, slots, username, admin_key)
        session = cls(home, db, key, username, account.role, slots, admin_key=admin_key)
        session._signin_anchor_problem = earlier.problem
        return session

    # ---- basics -----------------------------------------------------------------------------

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def is_open(self) -> bool:
        return self._key is not None

    @property
    def damage(self) -> list[str]:
        """What the damage scan found at sign-in, and any page that failed its check while
        being read since (storage/connection.py ``MET_DAMAGE``), on any of this session's
        connections. Either way the session writes nothing more."""
        return [*self._signin_damage, *self._db.damage_found]

    @property
    def read_only(self) -> bool:
        """The database was found damaged: open read-only since sign-in, or written no more
        since a page failed while being read."""
        return bool(self._signin_damage or self._db.damage_found)

    @property
    def recent_changes_missing(self) -> bool:
        """Read-only, and the -wal's committed changes could not be included (no room for
        the private copy): the most recent changes may not be shown."""
        return self._view is not None and not self._view.includes_wal

    @property
    def wal_damaged(self) -> bool:
        """Read-only, and the -wal itself is damaged: changes after its damage are lost."""
        return any("write-ahead log" in p for p in self.damage)

    def require_writable(self, what: str) -> None:
        """Refuse ``what`` on a damaged database, saying why and what to do."""
        if self._db.damage_found and not self._signin_damage:
            raise DamagedDatabaseError(
                f"The clinic database is damaged (a part of it failed its check while it was "
                f"being read), so crdesk saves nothing more into it and cannot {what}.",
                READ_ONLY_HINT, self.damage)
        if self.damage:
            raise DamagedDatabaseError(
                f"The clinic database is damaged, so crdesk opened it read-only and cannot "
                f"{what}.", READ_ONLY_HINT, self.damage)

    def require_admin(self, what: str) -> None:
        if self.role is not Role.ADMIN:
            raise PermissionDeniedError(f"Only an admin can {what}.",
                                        "Ask the clinic's admin to do this.")

    def clinic(self) -> clinic_repo.ClinicInfo:
        return clinic_repo.clinic(self._db)

    @contextlib.contextmanager
    def change(self, action: str, entity: str = "", entity_id: str | int = "",
               detail: dict[str, Any] | None = None) -> Iterator[Database]:
        """A write and its audit entry, in one transaction.

        On a damaged database (open read-only) the body runs without an audit entry, so
        views still work; a write in it is refused at the storage level, and said so."""
        if self.damage:
            try:
                yield self._db
            except CorruptDatabaseError as exc:
                if "read-only" not in exc.message:
                    raise
                self.require_writable("save changes")
            return
        with self._db.transaction() as db:
            yield db
            audit_repo.append(db, self.username, action, entity, entity_id, detail)

    def record(self, action: str, entity: str = "", entity_id: str | int = "",
               detail: dict[str, Any] | None = None) -> None:
        """An audit entry for an event that changes no table (a view, a kiosk release)."""
        with self.change(action, entity, entity_id, detail):
            pass

    @contextlib.contextmanager
    def _slot_change(self, action: str, username: str,
                     detail: dict[str, Any] | None = None) -> Iterator[KeySlotFile]:
        """Change key slots and the database together: the slot file is saved inside the
        transaction, so a failure of either (a full disk, say) leaves both as they were."""
        # Read the file afresh first: another connection of this session (a background
        # operation) or a failed sign-in may have changed it since it was loaded.
        self._slots = KeySlotFile.load(self._slots.path)
        try:
            with self.change(action, "user", username, detail):
                yield self._slots
                self._slots.save()
        except BaseException:
            self._slots = KeySlotFile.load(self._slots.path)
            raise

    def for_worker(self) -> Session:
        """The same signed-in user on a connection of its own, for one background operation.

        A SQLite connection must not be used by two threads at once, so work that runs off
        the GUI thread (export, adding a user, check, ...) opens its own connection with the
        same key, and closes it when done. It writes no sign-in or sign-out audit rows: it is
        part of this session, not a new one. Call it on the thread that will use it.
        """
        if self._key is None:
            raise KnownError("crdesk is locked.", "Sign in again.")
        if self._view is not None:  # the same private copy as this session reads
            db = self._view.open(self._key, self._salt)
        else:
            db = open_database(self.home.basedir.db, self._key,
                               read_only=bool(self._signin_damage), salt=self._salt)
        # Damage met on any connection of this session stops writes on all of them.
        db.damage_found = self._db.damage_found
        if db.damage_found:
            db.execute("PRAGMA query_only = ON")
        return Session(self.home, db, self._key, self.username, self.role,
                       KeySlotFile.load(self._slots.path), worker=True,
                       admin_key=self._admin_key, damage=self._signin_damage,
                       salt=self._salt, view=self._view)

    def close(self, reason: str = "logout") -> None:
        """Forget the key and close the database (auto-lock, logout, exit)."""
        if self._key is None:
            return
        if self._worker:  # a background operation's own connection: nothing to record
            self._db.close()
            self._key = self._admin_key = None
            return
        if self._damaged or self._db.damage_found:
            # Nothing more is written into a file known to be damaged (not even the sign-out
            # row): the person restoring it needs it as it is.
            self._db.close()
            if self._view is not None:
                self._view.close()
            self._key = self._admin_key = None
            return
        with contextlib.suppress(KnownError), self.change(reason, "user", self.username):
            pass
        with contextlib.suppress(KnownError, DatabaseError):
            anchor.write_file(self.home.basedir, self._db, self._key, "sign-out")
        with contextlib.suppress(Exception):
            self._db.checkpoint()
        self._db.close()
        self._key = self._admin_key = None

    # ---- accounts ---------------------------------------------------------------------------

    def list_users(self) -> list[clinic_repo.UserAccount]:
        return clinic_repo.list_users(self._db)

    def add_user(self, username: str, role: Role, password: str, display_name: str = "",
                 cost: KdfCost | None = None) -> None:
        self.require_admin("add users")
        uname = normalise_username(username)
        existing = clinic_repo.get_user(self._db, uname)
        if existing is not None and existing.active:
            raise ValidationError(f"There is already a user called '{uname}'.",
                                  "Choose another user name.")
        require_acceptable(password, username=uname, clinic_name=self.clinic().name)
        assert self._key is not None
        with self._slot_change("user.add", uname, {"role": role.value}) as slots:
            clinic_repo.upsert_user(self._db, uname, role, display_name)
            slots.set_slot(uname, password, self._key, cost or DEFAULT_COST,
                           admin_key=self._admin_key if role is Role.ADMIN else None)

    def remove_user(self, username: str) -> None:
        self.require_admin("remove users")
        uname = username.strip().lower()
        account = clinic_repo.get_user(self._db, uname)
        if account is None or not account.active:
            raise ValidationError(f"There is no user called '{uname}'.", "")
        if account.role is Role.ADMIN and clinic_repo.count_active_admins(self._db) <= 1:
            raise ValidationError("This is the only admin account, so it cannot be removed.",
                                  "Add another admin first.")
        with self._slot_change("user.remove", uname) as slots:
            clinic_repo.deactivate_user(self._db, uname)
            slots.remove_slot(uname)

    def change_own_password(self, old: str, new: str, cost: KdfCost | None = None) -> None:
        # Re-check the old password against the slot: a left-open session is not enough.
        self._slots = KeySlotFile.load(self._slots.path)
        self._slots.unlock(self.username, old)
        require_acceptable(new, username=self.username, clinic_name=self.clinic().name)
        assert self._key is not None
        with self._slot_change("user.password", self.username) as slots:
            clinic_repo.touch_password(self._db, self.username)
            slots.set_slot(self.username, new, self._key, cost or DEFAULT_COST,
                           admin_key=self._admin_key)

    def reset_password(self, username: str, new: str, cost: KdfCost | None = None) -> None:
        self.require_admin("reset other users' passwords")
        uname = username.strip().lower()
        account = clinic_repo.get_user(self._db, uname)
        if account is None or not account.active:
            raise ValidationError(f"There is no user called '{uname}'.", "")
        require_acceptable(new, username=uname, clinic_name=self.clinic().name)
        assert self._key is not None
        with self._slot_change("user.password_reset", uname) as slots:
            clinic_repo.touch_password(self._db, uname)
            slots.set_slot(uname, new, self._key, cost or DEFAULT_COST,
                           admin_key=self._admin_key if account.role is Role.ADMIN else None)

    # ---- maintenance ------------------------------------------------------------------------

    def check(self) -> CheckReport:
        """Every page's checksum, the structure, the audit chain and stored identifiers.

        Whatever the damage, this reports and never raises: each step that cannot finish on
        a damaged file says so in the report. A database found damaged is marked, so that
        closing the session writes nothing more into it (no sign-out row).
        """
        try:
            cipher = [*self.damage] if self.read_only else self._db.cipher_integrity()
        except (DatabaseError, KnownError, MemoryError) as exc:
            cipher = [f"the page check could not finish ({_reason(exc)})"]
        structure: list[str] = []
        entries, broken_at, why = 0, None, ""
        records: list[str] = []
        try:
            structure = self._db.sqlite_integrity()
            chain = audit_repo.verify(self._db)
            entries, broken_at, why = chain.entries, chain.first_broken, chain.reason
            records = [f"patient {pid}: the stored NHS number fails today's check: {reason}"
                       for pid, stored in patients_repo.nhs_numbers(self._db)
                       if (reason := nhs_number.problem(stored))]
        except (DatabaseError, KnownError, MemoryError) as exc:
            # SQLCipher stops at the first page it cannot decrypt: what was not reached
            # cannot be vouched for, so the report says which checks did not finish.
            structure = [*structure, f"the checks stopped at a damaged page ({_reason(exc)})"]
            if not entries:
                broken_at, why = 0, "the audit log could not be read"
            records = ["not checked: the checks stopped at a damaged page"]
        anchor_problem, anchor_note = "", ""
        if cipher:
            anchor_note = "not compared (the database is damaged)"
        if not cipher and not any("stopped" in p for p in structure):
            try:
                assert self._key is not None
                finding = anchor.check_file(self.home.basedir, self._db, self._key)
                anchor_problem = self._signin_anchor_problem or finding.problem
                anchor_note = finding.note
                earlier = audit_repo.entries(self._db, action="audit.anchor_mismatch",
                                             limit=1000)
                if earlier:
                    anchor_note += (f"; {len(earlier)} earlier audit anchor findings recorded "
                                    f"in the chain (latest at entry {earlier[0].seq})")
            except (DatabaseError, KnownError) as exc:
                anchor_note = f"not compared ({_reason(exc)})"
        notes: list[str] = []
        with contextlib.suppress(DatabaseError, KnownError):
            if not anchor_problem and not cipher \
                    and clinic_repo.get_setting(self._db, ADMIN_RECOVERY) is None:
                notes.append("Recovery key: of the old kind (it is the database key, which "
                             "every user's key slot opens). An admin's key rotation "
                             "('crdesk rekey') issues one that is not.")
        report = CheckReport(cipher, structure, entries, broken_at, why,
                             record_problems=records, anchor_problem=anchor_problem,
                             anchor_note=anchor_note, notes=notes)
        if report.cipher_problems or report.sqlite_problems:
            self._damaged = True
        return report

    def backup(self, out: Path) -> Path:
        """An encrypted backup, by a signed-in user, audited; its manifest carries the
        audit chain's anchor, so the backup is also a copy of the head out of reach."""
        assert self._key is not None
        # A backup of a damaged file would be taken for a good one at the next restore.
        self.require_writable("take a backup (a backup of a damaged file would pass for a "
                              "good one)")
        path = Path(out)
        if path.exists():  # before the audit entry: a refused backup is not one taken
            raise AlreadyExistsError(f"{path.name} already exists.", "Choose another file name.")
        # Every page, as the sign-in's daily check would (storage/damage.py): the sign-in
        # may have taken the quick look, and a backup must not copy a damaged page.
        self._db.checkpoint()
        if problems := self._db.cipher_integrity():
            log.warning("the clinic database is damaged (%d problem(s)): backup refused",
                        len(problems))
            self._damaged = True
            self._db.damage_found.extend(problems)
            self.require_writable("take a backup (a backup of a damaged file would pass for "
                                  "a good one)")
        with self.change("backup", "clinic", self.clinic().database_id):
            pass
        self._db.checkpoint()
        return write_backup(self.home.basedir, path,
                            anchor=anchor.make_anchor(self._db, self._key, "backup"))

    def rekey(self) -> str:
        """Rotate the database key; return the new recovery key (shown once).

        Order keeps a working key at every step: back up; wrap the new key beside the old in
        every slot; rekey the database; reopen it with the new key to prove it; only then
        drop the old wrapped keys. A failure before the database changed drops the new one.
        """
        self.require_admin("rotate the database key")
        self.require_writable("rotate the database key")
        assert self._key is not None
        self._db.checkpoint()
        snapshot_backup(self.home.basedir, "before-rekey")
        # A version-2 recovery key: the new database key is derived from a new secret, so
        # the key every slot opens is not the recovery key (crypto/recovery.py).
        new_secret = secrets.token_bytes(32)
        new_key = recovery.data_key_from_secret(new_secret)
        self._slots.stage_rekey(new_key, self._key)
        self._slots.save()
        try:
            self._db.rekey(new_key)
            self._db.close()
            self._db = open_database(self.home.basedir.db, new_key)
        except BaseException:
            self._reopen_after_failed_rekey(new_key)
            raise
        # The anchor's key comes from the data key: anchor again under the new one, before
        # the slots finish (a crash between is caught up at the next start, access.py).
        anchor.carry_over_rekey(self.home.basedir, self._db, self._key, new_key)
        self._key = new_key
        self._slots.finish_rekey()
        self._slots.database_salt = database_salt(self.home.basedir.db)
        self._slots.save()
        with self.change("clinic.rekey", "clinic", self.clinic().database_id) as db:
            if self._admin_key is not None:
                clinic_repo.set_setting(db, ADMIN_RECOVERY,
                                        adminkey.seal_for_recovery(new_secret, self._admin_key))
            else:  # the old one opens only with the old secret: gone with the old key
                db.execute("DELETE FROM clinic_settings WHERE key = ?", (ADMIN_RECOVERY,))
        log.info("database key rotated")
        return recovery.encode_secret(new_secret)

    def _reopen_after_failed_rekey(self, new_key: bytes) -> None:
        assert self._key is not None
        with contextlib.suppress(Exception):
            self._db.close()
        try:
            self._db = open_database(self.home.basedir.db, self._key)
            self._slots.drop_pending()
        except KnownError:
            # The database did take the new key before the failure: keep it.
            self._db = open_database(self.home.basedir.db, new_key)
            self._key = new_key
            self._slots.finish_rekey()
        self._slots.save()


def _settle_admin_key(db: Database, slots: KeySlotFile, username: str,
                      admin_key: bytes | None) -> bytes | None:
    """At an admin's sign-in: check the admin key their slot gave, make one for a clinic
    from before issue 12 (sealing its secrets), and pass it to admins whose slots lack it."""
    check = clinic_repo.get_setting(db, ADMIN_CHECK)
    if admin_key is not None and check and not adminkey.matches(admin_key, check):
        log.warning("an admin's key slot holds an admin key that is not the clinic's")
        admin_key = None
    if admin_key is None and check:
        return None  # another admin passes it on at their next sign-in
    fresh = KeySlotFile.load(slots.path)
    admins = {u.username for u in clinic_repo.list_users(db)
              if u.role is Role.ADMIN and u.active}
    with db.transaction():
        if not check:
            admin_key = admin_key or adminkey.new_admin_key()
            sealed = seal_plain_secrets(db, admin_key)
            clinic_repo.set_setting(db, ADMIN_CHECK, adminkey.check_value(admin_key))
            audit_repo.append(db, username, "clinic.admin_key_create", "clinic", "",
                              {"secrets_sealed": sealed})
        assert admin_key is not None
        granted = [s.username for s in fresh.slots
                   if s.username in admins and s.admin_key is None
                   and fresh.grant_admin_key(s.username, admin_key)]
        if granted:
            audit_repo.append(db, username, "clinic.admin_key_pass_on", "user", "",
                              {"admins": len(granted)})
            fresh.save()  # inside the transaction: both change, or neither
    slots.slots = fresh.slots
    return admin_key
