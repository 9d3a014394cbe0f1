"""The key-slot file (keyslots.json): who may unlock the clinic database, and with what.

Format (version 2)::

    {"format": "crdesk-keyslots", "version": 2, "database_id": "<hex>", "database_salt": "<hex>",
     "slots": [{"slot_version": 2, "slot_id", "username", "created", "kdf": {...},
                "public_key", "sealed": {"nonce", "ct"},
                "keys": [{"epk", "nonce", "ct", "link"}, ...],
                "pending": {"epk", "nonce", "ct", "link"}?,
                "admin_key": {"epk", "nonce", "ct"}?}],   # admins only (crypto/adminkey.py)
     "failures": {"<username>": {"consecutive": n, "locked_until": t, "unreported": [t, ...]}}}

Each slot seals, under its password (AES-256-GCM, slot metadata as associated data), the
user's X25519 private key *and a fingerprint of the one data key the slot accepts*
(keywrap.key_fingerprint). ``keys`` are data keys wrapped to the user's public key, oldest
first: the first must match the sealed fingerprint, and each later one carries a ``link``,
its fingerprint authenticated under the key before it (a rekey, made by someone who held the
old key). The last is the current key. Someone who can write the folder but knows no key
cannot make a slot accept a key of their own (issue 12: key substitution): unlock refuses.
At each sign-in the slot is sealed again to the current key, so the chain is short.
``pending`` is the next key during a rekey, linked under the current one, so a crash half-way
leaves a key that opens the database.

Version 1 slots (crdesk before this format; ``"wrapped"`` instead of ``"keys"``, nothing
bound in the sealed part) still open, and are sealed again as version 2 at their user's next
sign-in. The file holds no patient data and no key in the clear; it is rewritten atomically,
and the failure counters are re-read from disk before every write, so a stale copy in memory
never undoes a lockout. The database id ties it to one database: the id is also stored inside
the encrypted database and compared after every unlock.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import re
import secrets
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crdesk.atomic import write_atomic
from crdesk.crypto.kdf import DEFAULT_COST, KdfCost, KdfParams, derive_key
from crdesk.crypto.keywrap import (
    FINGERPRINT_BYTES,
    SealedPrivateKey,
    UnwrapError,
    WrappedKey,
    key_fingerprint,
    new_private_key,
    open_private_key,
    public_of,
    rekey_link,
    seal_payload,
    unwrap_with_private,
    wrap_to_public,
)
from crdesk.errors import AccountLockedError, KeySlotError, ValidationError, WrongPasswordError

FORMAT = "crdesk-keyslots"
VERSION = 2
SLOT_VERSION = 2
MAX_FAILURES = 10
LOCK_SECONDS = 5 * 60
MAX_FILE_BYTES = 4 * 1024 * 1024  # a slot is under 1 kB; thousands of users fit easily
# Failure counters are kept for any name typed, known or not (so an unknown name locks
# like a known one); the oldest are dropped past this many so the file cannot grow forever.
MAX_FAILURE_RECORDS = 500
MAX_KEY_CHAIN = 64  # keys a slot may carry: one per rekey since its user last signed in
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")


def normalise_username(name: str) -> str:
    uname = name.strip().lower()
    if not USERNAME_RE.match(uname):
        raise ValidationError(
            "A user name is 2 to 32 characters: letters, digits, dot, dash or underscore.",
            "Choose a user name such as 'jsmith'.",
        )
    return uname


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _canon(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()


@dataclass
class LinkedKey:
    """A data key wrapped to the slot's public key, with its link to the key before it."""

    wrapped: WrappedKey
    link: bytes = b""  # empty for the key the sealed fingerprint names

    def to_json(self) -> dict[str, str]:
        return {**_wrapped_json(self.wrapped), "link": self.link.hex()}

    @classmethod
    def from_json(cls, d: dict[str, str]) -> LinkedKey:
        return cls(_wrapped_from(d), bytes.fromhex(str(d.get("link", ""))))


@dataclass
class Slot:
    slot_id: str
    username: str
    created: str
    kdf: KdfParams
    sealed: SealedPrivateKey
    keys: list[LinkedKey]
    pending: LinkedKey | None = None
    version: int = SLOT_VERSION
    # The admin key (crypto/adminkey.py) wrapped to this slot's public key: admins only.
    admin_key: WrappedKey | None = None

    @property
    def wrapped(self) -> WrappedKey:
        """The current data key, wrapped."""
        return self.keys[-1].wrapped

    def metadata(self, database_id: str) -> dict[str, Any]:
        return {
            "format_version": self.version,
            "database_id": database_id,
            "slot_id": self.slot_id,
            "username": self.username,
            "kdf": self.kdf.to_json(),
        }

    def seal_aad(self, database_id: str) -> bytes:
        return _canon(self.metadata(database_id))

    def wrap_aad(self, database_id: str) -> bytes:
        return _canon({**self.metadata(database_id), "public_key": self.sealed.public_key.hex()})

    def admin_aad(self, database_id: str) -> bytes:
        return _canon({**self.metadata(database_id), "public_key": self.sealed.public_key.hex(),
                       "purpose": "admin-key"})

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "slot_version": self.version,
            "slot_id": self.slot_id,
            "username": self.username,
            "created": self.created,
            "kdf": self.kdf.to_json(),
            "public_key": self.sealed.public_key.hex(),
            "sealed": {"nonce": self.sealed.nonce.hex(), "ct": self.sealed.ciphertext.hex()},
        }
        if self.version == 1:
            d.pop("slot_version")
            d["wrapped"] = _wrapped_json(self.wrapped)
            if self.pending is not None:
                d["pending"] = _wrapped_json(self.pending.wrapped)
            return d
        d["keys"] = [k.to_json() for k in self.keys]
        if self.pending is not None:
            d["pending"] = self.pending.to_json()
        if self.admin_key is not None:
            d["admin_key"] = _wrapped_json(self.admin_key)
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Slot:
        pub = bytes.fromhex(d["public_key"])
        version = int(d.get("slot_version", 1))
        if version > SLOT_VERSION or version < 1:
            raise ValueError("unknown slot version")
        if version == 1:
            keys = [LinkedKey(_wrapped_from(d["wrapped"]))]
            pending = LinkedKey(_wrapped_from(d["pending"])) if d.get("pending") else None
        else:
            keys = [LinkedKey.from_json(k) for k in d["keys"]]
            if not 1 <= len(keys) <= MAX_KEY_CHAIN:
                raise ValueError("a slot carries 1 to 64 keys")
            pending = LinkedKey.from_json(d["pending"]) if d.get("pending") else None
        admin_key = _wrapped_from(d["admin_key"]) if version >= 2 and d.get("admin_key") \
            else None
        return cls(
            slot_id=str(d["slot_id"]),
            username=str(d["username"]),
            created=str(d["created"]),
            kdf=KdfParams.from_json(d["kdf"]),
            sealed=SealedPrivateKey(
                pub, bytes.fromhex(d["sealed"]["nonce"]), bytes.fromhex(d["sealed"]["ct"])
            ),
            keys=keys,
            pending=pending,
            version=version,
            admin_key=admin_key,
        )


def _wrapped_json(w: WrappedKey) -> dict[str, str]:
    return {"epk": w.ephemeral_public.hex(), "nonce": w.nonce.hex(), "ct": w.ciphertext.hex()}


def _wrapped_from(d: dict[str, str]) -> WrappedKey:
    return WrappedKey(bytes.fromhex(d["epk"]), bytes.fromhex(d["nonce"]), bytes.fromhex(d["ct"]))


@dataclass
class Failures:
    consecutive: int = 0
    locked_until: float = 0.0
    unreported: list[str] = field(default_factory=list)


def _failures_from(d: dict[str, Any]) -> dict[str, Failures]:
    return {
        str(k): Failures(int(v["consecutive"]), float(v["locked_until"]),
                         [str(t) for t in v.get("unreported", [])])
        for k, v in d.items()
    }


@dataclass
class UnlockedSlot:
    """What a successful unlock yields: the data key(s) and the user's private key."""

    username: str
    data_key: bytes
    pending_key: bytes | None
    private_key: bytes
    reported_failures: list[str]
    upgraded: bool = False  # the slot was sealed again (format upgrade or a rekey caught up)
    admin_key: bytes | None = None  # only from an admin's slot


def _damaged_file() -> KeySlotError:
    return KeySlotError(
        "The key-slot file (keyslots.json) is damaged.",
        "Restore it from a backup, or run 'crdesk recover' with the clinic's recovery key.",
    )


def substituted_key_error() -> KeySlotError:
    return KeySlotError(
        "This key slot holds a data key it was never given: the key-slot file was changed "
        "outside crdesk, and the database beside it may not be this clinic's.",
        "Do not type patient data into it. Tell your admin: restore clinic.db and "
        "keyslots.json from a backup you trust, or use 'crdesk recover' with the recovery key.",
    )


@dataclass
class KeySlotFile:
    path: Path
    database_id: str
    slots: list[Slot] = field(default_factory=list)
    failures: dict[str, Failures] = field(default_factory=dict)
    # First 16 bytes of the database file (SQLCipher's random salt): tells a key-slot file
    # from another database apart from a damaged one.
    database_salt: str = ""
    # Names whose counters this copy removed (a removed user): kept out when merging.
    _forgotten: set[str] = field(default_factory=set, repr=False)

    # ---- file I/O -------------------------------------------------------------------------

    @classmethod
    def new(cls, path: Path, database_id: str) -> KeySlotFile:
        return cls(path=path, database_id=database_id)

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        if not path.exists():
            raise KeySlotError(
                "The key-slot file (keyslots.json) is missing.",
                "Restore it from a backup, or run 'crdesk recover' with the clinic's recovery key.",
            )
        d = _read(path)
        try:
            slots = [Slot.from_json(s) for s in d["slots"]]
            failures = _failures_from(d.get("failures", {}))
            return cls(path, str(d["database_id"]), slots, failures,
                       str(d.get("database_salt", "")))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise _damaged_file() from None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "database_id": self.database_id,
            "database_salt": self.database_salt,
            "slots": [s.to_json() for s in self.slots],
            "failures": {
                k: {"consecutive": f.consecutive, "locked_until": f.locked_until,
                    "unreported": f.unreported}
                for k, f in sorted(self.failures.items())
            },
        }

    def _disk_failures(self) -> dict[str, Failures] | None:
        """The counters as the file has them now, or None when it cannot be read."""
        try:
            d = _read(self.path)
            return _failures_from(d.get("failures", {}))
        except (KeySlotError, OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def refresh_failures(self) -> None:
        """Take the counters from disk: another copy of this file (another window, a
        sign-in that failed) may have counted since this one was loaded."""
        disk = self._disk_failures()
        if disk is not None:
            self.failures = {k: v for k, v in disk.items() if k not in self._forgotten}

    def save(self) -> None:
        # The counters on disk are the truth: a copy loaded before a lockout must not
        # write it away (issue 12: a stale copy erased an admin's lock).
        self.refresh_failures()
        self._write()

    def _write(self) -> None:
        if len(self.failures) > MAX_FAILURE_RECORDS:
            keep = sorted(self.failures.items(),
                          key=lambda kv: (kv[1].locked_until, kv[1].unreported[-1:]))
            self.failures = dict(keep[-MAX_FAILURE_RECORDS:])
        write_atomic(self.path, json.dumps(self.to_json(), indent=1).encode("utf-8") + b"\n")

    # ---- slots ----------------------------------------------------------------------------

    def find(self, username: str) -> Slot | None:
        return next((s for s in self.slots if s.username == username), None)

    def usernames(self) -> list[str]:
        return [s.username for s in self.slots]

    def set_slot(self, username: str, password: str, data_key: bytes,
                 cost: KdfCost = DEFAULT_COST, admin_key: bytes | None = None) -> None:
        """Create or replace ``username``'s slot (in memory; call save()), bound to
        ``data_key``: the slot will accept no other key except through a rekey link.
        ``admin_key`` is given for admins only."""
        slot = Slot(secrets.token_hex(8), username, _now_iso(), cost.new_params(),
                    SealedPrivateKey(b"", b"", b""), [])
        kek = derive_key(password, slot.kdf)
        self._seal(slot, kek, new_private_key(), data_key)
        self.slots = [s for s in self.slots if s.username != username] + [slot]
        if admin_key is not None:
            self.grant_admin_key(username, admin_key)

    def grant_admin_key(self, username: str, admin_key: bytes) -> bool:
        """Wrap the admin key to ``username``'s slot (an admin's); False when there is no
        such slot or it is of the old format (it gets it once sealed again)."""
        slot = self.find(username)
        if slot is None or slot.version < SLOT_VERSION:
            return False
        slot.admin_key = wrap_to_public(slot.sealed.public_key, admin_key,
                                        slot.admin_aad(self.database_id))
        return True

    def revoke_admin_key(self, username: str) -> None:
        slot = self.find(username)
        if slot is not None:
            slot.admin_key = None

    def _seal(self, slot: Slot, kek: bytes, private: bytes, data_key: bytes) -> None:
        """Seal ``private`` with ``data_key``'s fingerprint; the slot holds just that key."""
        slot.version = SLOT_VERSION
        fp = key_fingerprint(data_key, self.database_id)
        slot.sealed = seal_payload(kek, public_of(private), private + fp,
                                   slot.seal_aad(self.database_id))
        slot.keys = [LinkedKey(wrap_to_public(slot.sealed.public_key, data_key,
                                              slot.wrap_aad(self.database_id)))]

    def remove_slot(self, username: str) -> None:
        self.slots = [s for s in self.slots if s.username != username]
        self.failures.pop(username, None)
        self._forgotten.add(username)

    def stage_rekey(self, new_key: bytes, current_key: bytes) -> None:
        """Wrap ``new_key`` as 'pending' for every slot, beside the current key, with its
        fingerprint authenticated under ``current_key`` (which only a key holder knows)."""
        fp = key_fingerprint(new_key, self.database_id)
        for s in self.slots:
            aad = s.wrap_aad(self.database_id)
            s.pending = LinkedKey(wrap_to_public(s.sealed.public_key, new_key, aad),
                                  rekey_link(current_key, fp, aad))

    def finish_rekey(self) -> None:
        for s in self.slots:
            if s.pending is not None:
                if s.version == 1:
                    s.keys = [s.pending]  # nothing bound yet: sealed again at next sign-in
                else:
                    s.keys = [*s.keys, s.pending][-MAX_KEY_CHAIN:]
                s.pending = None

    def drop_pending(self) -> None:
        for s in self.slots:
            s.pending = None

    # ---- unlocking ------------------------------------------------------------------------

    def check_not_locked(self, username: str, now: float | None = None) -> None:
        f = self.failures.get(username)
        now = time.time() if now is None else now
        if f and f.locked_until > now:
            minutes = max(1, round((f.locked_until - now) / 60))
            raise AccountLockedError(
                "This account is locked after 10 wrong passwords in a row.",
                f"Try again in about {minutes} minute(s), or ask an admin.",
            )

    def _dummy_params(self) -> KdfParams:
        """Argon2 settings for a name with no slot: the clinic's own cost, so an unknown
        name takes as long as a known one."""
        cost = self.slots[0].kdf if self.slots else DEFAULT_COST
        return KdfParams(cost.time_cost, cost.memory_kib, cost.parallelism, b"\0" * 16)

    def unlock(self, username: str, password: str, now: float | None = None) -> UnlockedSlot:
        """Open ``username``'s slot; count a failure (and save) on a wrong password.

        A name with no slot is treated exactly like a wrong password for a known one: the
        same Argon2 work, the same message, and the same counter and lock.
        """
        now = time.time() if now is None else now
        self.refresh_failures()
        try:
            self.check_not_locked(username, now)
        except AccountLockedError:
            # Guesses made while locked are counted too, so the audit log sees them.
            self._record_failure(username, now, while_locked=True)
            raise
        slot = self.find(username)
        kek = derive_key(password, slot.kdf if slot is not None else self._dummy_params())
        if slot is None:
            self._record_failure(username, now)
            raise _wrong_password()
        try:
            payload = open_private_key(kek, slot.sealed, slot.seal_aad(self.database_id))
        except UnwrapError:
            self._record_failure(username, now)
            raise _wrong_password() from None
        private, data_key, pending = self._open_keys(slot, payload)
        upgraded = False
        if slot.version < SLOT_VERSION or len(slot.keys) > 1:
            # A slot of the old format, or one that missed rekeys: seal it again to the
            # current key now that the password is at hand, so its chain starts afresh.
            self._seal(slot, kek, private, data_key)
            if pending is not None:
                aad = slot.wrap_aad(self.database_id)
                slot.pending = LinkedKey(
                    wrap_to_public(slot.sealed.public_key, pending, aad),
                    rekey_link(data_key, key_fingerprint(pending, self.database_id), aad))
            upgraded = True
        admin_key = None
        if slot.admin_key is not None:
            try:
                admin_key = unwrap_with_private(private, slot.admin_key,
                                                slot.admin_aad(self.database_id))
            except UnwrapError:
                admin_key = None  # a changed admin key is not one: the session works without
        reported: list[str] = []
        f = self.failures.get(username)
        if f and (f.consecutive or f.unreported):
            reported = list(f.unreported)
            self.failures.pop(username)
        if upgraded or reported:
            self._write_keeping_failures(clear=username)
        return UnlockedSlot(username, data_key, pending, private, reported, upgraded,
                            admin_key)

    def _open_keys(self, slot: Slot, payload: bytes) -> tuple[bytes, bytes, bytes | None]:
        """The private key, the current data key and any pending one, each checked against
        what the password sealed."""
        aad = slot.wrap_aad(self.database_id)
        if slot.version == 1:
            private, bound = payload, None
        elif len(payload) == 32 + FINGERPRINT_BYTES:
            private, bound = payload[:32], payload[32:]
        else:
            raise _damaged_slot()
        try:
            keys = [unwrap_with_private(private, k.wrapped, aad) for k in slot.keys]
            pending = (unwrap_with_private(private, slot.pending.wrapped, aad)
                       if slot.pending is not None else None)
        except UnwrapError:
            raise _damaged_slot() from None
        if any(len(k) != 32 for k in keys) or (pending is not None and len(pending) != 32):
            raise _damaged_slot()
        if bound is not None:
            if not hmac.compare_digest(key_fingerprint(keys[0], self.database_id), bound):
                raise substituted_key_error()
            for i in range(1, len(keys)):
                if not _link_ok(keys[i - 1], keys[i], slot.keys[i].link, aad,
                                self.database_id):
                    raise substituted_key_error()
        if pending is not None and slot.pending is not None and bound is not None \
                and not _link_ok(keys[-1], pending, slot.pending.link, aad, self.database_id):
            raise substituted_key_error()
        return private, keys[-1], pending

    def _write_keeping_failures(self, clear: str) -> None:
        """Save this copy's slots with the counters from disk, minus ``clear``'s."""
        self.refresh_failures()
        self.failures.pop(clear, None)
        self._write()

    def _record_failure(self, username: str, now: float, *, while_locked: bool = False) -> None:
        # Read, change, write at once: never count on a copy older than the file.
        self.refresh_failures()
        self._forgotten.discard(username)
        f = self.failures.setdefault(username, Failures())
        f.unreported.append(datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds"))
        f.unreported = f.unreported[-100:]
        if not while_locked:
            f.consecutive += 1
            if f.consecutive >= MAX_FAILURES:
                f.locked_until = now + LOCK_SECONDS
                f.consecutive = 0
        with contextlib.suppress(OSError):
            # A read-only folder must not turn a wrong password into a crash; the count
            # is then lost, and Argon2's cost is the protection left.
            self._write()


def _link_ok(prev: bytes, key: bytes, link: bytes, aad: bytes, database_id: str) -> bool:
    want = rekey_link(prev, key_fingerprint(key, database_id), aad)
    return bool(link) and hmac.compare_digest(want, link)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise ValueError("far larger than any key-slot file")
        d = json.loads(raw.decode("utf-8"))
        if not isinstance(d, dict) or d.get("format") != FORMAT:
            raise ValueError("not a key-slot file")
        if int(d.get("version", 0)) > VERSION:
            raise KeySlotError(
                "The key-slot file was written by a newer version of crdesk.",
                "Install the newer crdesk to open this clinic.",
            )
        return d
    except KeySlotError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise _damaged_file() from None


def _damaged_slot() -> KeySlotError:
    return KeySlotError(
        "This user's key slot is damaged.",
        "An admin can reset the password, or use the recovery key ('crdesk recover').",
    )


def _wrong_password() -> WrongPasswordError:
    return WrongPasswordError(
        "Wrong user name or password.",
        "Check Caps Lock and try again. After 10 wrong tries the account locks for 5 minutes.",
    )
