"""The key-slot file (keyslots.json): who may unlock the clinic database, and with what.

Format (version 1)::

    {"format": "crdesk-keyslots", "version": 1, "database_id": "<hex>",
     "slots": [{"slot_id", "username", "created", "kdf": {...}, "public_key",
                "sealed": {"nonce", "ct"}, "wrapped": {"epk", "nonce", "ct"},
                "pending": {...}?}],
     "failures": {"<username>": {"consecutive": n, "locked_until": t, "unreported": [t, ...]}}}

The file holds no patient data and no key in the clear. It is rewritten atomically. The
database id ties it to one database: the id is also stored inside the encrypted database
and compared after every unlock. ``pending`` is a second wrapped key that exists only while
a rekey is in progress, so a crash half-way leaves a key that opens the database.
"""

from __future__ import annotations

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
    SealedPrivateKey,
    UnwrapError,
    WrappedKey,
    new_sealed_keypair,
    open_private_key,
    unwrap_with_private,
    wrap_to_public,
)
from crdesk.errors import AccountLockedError, KeySlotError, ValidationError, WrongPasswordError

FORMAT = "crdesk-keyslots"
VERSION = 1
MAX_FAILURES = 10
LOCK_SECONDS = 5 * 60
MAX_FILE_BYTES = 4 * 1024 * 1024  # a slot is under 1 kB; thousands of users fit easily
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
_DUMMY_PARAMS = KdfParams(DEFAULT_COST.time_cost, DEFAULT_COST.memory_kib,
                          DEFAULT_COST.parallelism, b"\0" * 16)


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
class Slot:
    slot_id: str
    username: str
    created: str
    kdf: KdfParams
    sealed: SealedPrivateKey
    wrapped: WrappedKey
    pending: WrappedKey | None = None

    def metadata(self, database_id: str) -> dict[str, Any]:
        return {
            "format_version": VERSION,
            "database_id": database_id,
            "slot_id": self.slot_id,
            "username": self.username,
            "kdf": self.kdf.to_json(),
        }

    def seal_aad(self, database_id: str) -> bytes:
        return _canon(self.metadata(database_id))

    def wrap_aad(self, database_id: str) -> bytes:
        return _canon({**self.metadata(database_id), "public_key": self.sealed.public_key.hex()})

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "slot_id": self.slot_id,
            "username": self.username,
            "created": self.created,
            "kdf": self.kdf.to_json(),
            "public_key": self.sealed.public_key.hex(),
            "sealed": {"nonce": self.sealed.nonce.hex(), "ct": self.sealed.ciphertext.hex()},
            "wrapped": _wrapped_json(self.wrapped),
        }
        if self.pending is not None:
            d["pending"] = _wrapped_json(self.pending)
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Slot:
        pub = bytes.fromhex(d["public_key"])
        return cls(
            slot_id=str(d["slot_id"]),
            username=str(d["username"]),
            created=str(d["created"]),
            kdf=KdfParams.from_json(d["kdf"]),
            sealed=SealedPrivateKey(
                pub, bytes.fromhex(d["sealed"]["nonce"]), bytes.fromhex(d["sealed"]["ct"])
            ),
            wrapped=_wrapped_from(d["wrapped"]),
            pending=_wrapped_from(d["pending"]) if d.get("pending") else None,
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


@dataclass
class UnlockedSlot:
    """What a successful unlock yields: the data key(s) and the user's private key."""

    username: str
    data_key: bytes
    pending_key: bytes | None
    private_key: bytes
    reported_failures: list[str]


@dataclass
class KeySlotFile:
    path: Path
    database_id: str
    slots: list[Slot] = field(default_factory=list)
    failures: dict[str, Failures] = field(default_factory=dict)
    # First 16 bytes of the database file (SQLCipher's random salt): tells a key-slot file
    # from another database apart from a damaged one.
    database_salt: str = ""

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
            slots = [Slot.from_json(s) for s in d["slots"]]
            failures = {
                k: Failures(int(v["consecutive"]), float(v["locked_until"]),
                            list(v.get("unreported", [])))
                for k, v in d.get("failures", {}).items()
            }
            return cls(path, str(d["database_id"]), slots, failures,
                       str(d.get("database_salt", "")))
        except KeySlotError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise KeySlotError(
                "The key-slot file (keyslots.json) is damaged.",
                "Restore it from a backup, or run 'crdesk recover' with the clinic's recovery key.",
            ) from None

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

    def save(self) -> None:
        write_atomic(self.path, json.dumps(self.to_json(), indent=1).encode("utf-8") + b"\n")

    # ---- slots ----------------------------------------------------------------------------

    def find(self, username: str) -> Slot | None:
        return next((s for s in self.slots if s.username == username), None)

    def usernames(self) -> list[str]:
        return [s.username for s in self.slots]

    def set_slot(self, username: str, password: str, data_key: bytes,
                 cost: KdfCost = DEFAULT_COST) -> None:
        """Create or replace ``username``'s slot (in memory; call save())."""
        slot_id = secrets.token_hex(8)
        kdf = cost.new_params()
        meta_slot = Slot(slot_id, username, _now_iso(), kdf,
                         SealedPrivateKey(b"", b"", b""), WrappedKey(b"", b"", b""))
        kek = derive_key(password, kdf)
        sealed, _private = new_sealed_keypair(kek, meta_slot.seal_aad(self.database_id))
        meta_slot.sealed = sealed
        meta_slot.wrapped = wrap_to_public(
            sealed.public_key, data_key, meta_slot.wrap_aad(self.database_id)
        )
        self.slots = [s for s in self.slots if s.username != username] + [meta_slot]

    def remove_slot(self, username: str) -> None:
        self.slots = [s for s in self.slots if s.username != username]
        self.failures.pop(username, None)

    def stage_rekey(self, new_key: bytes) -> None:
        """Wrap ``new_key`` as 'pending' for every slot, beside the current key."""
        for s in self.slots:
            s.pending = wrap_to_public(s.sealed.public_key, new_key, s.wrap_aad(self.database_id))

    def finish_rekey(self) -> None:
        for s in self.slots:
            if s.pending is not None:
                s.wrapped, s.pending = s.pending, None

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

    def unlock(self, username: str, password: str, now: float | None = None) -> UnlockedSlot:
        """Open ``username``'s slot; record a failure (and save) on a wrong password."""
        now = time.time() if now is None else now
        self.check_not_locked(username, now)
        slot = self.find(username)
        if slot is None:
            # Same work and same answer as a wrong password: do not reveal which names exist.
            derive_key(password, _DUMMY_PARAMS)
            raise _wrong_password()
        kek = derive_key(password, slot.kdf)
        try:
            private = open_private_key(kek, slot.sealed, slot.seal_aad(self.database_id))
        except UnwrapError:
            self._record_failure(username, now)
            raise _wrong_password() from None
        try:
            aad = slot.wrap_aad(self.database_id)
            data_key = unwrap_with_private(private, slot.wrapped, aad)
            pending = unwrap_with_private(private, slot.pending, aad) if slot.pending else None
        except UnwrapError:
            raise KeySlotError(
                "This user's key slot is damaged.",
                "An admin can reset the password, or use the recovery key ('crdesk recover').",
            ) from None
        reported = []
        f = self.failures.get(username)
        if f and (f.consecutive or f.unreported):
            reported = list(f.unreported)
            self.failures.pop(username)
            self.save()
        return UnlockedSlot(username, data_key, pending, private, reported)

    def _record_failure(self, username: str, now: float) -> None:
        f = self.failures.setdefault(username, Failures())
        f.consecutive += 1
        f.unreported.append(datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds"))
        f.unreported = f.unreported[-100:]
        if f.consecutive >= MAX_FAILURES:
            f.locked_until = now + LOCK_SECONDS
            f.consecutive = 0
        self.save()


def _wrong_password() -> WrongPasswordError:
    return WrongPasswordError(
        "Wrong user name or password.",
        "Check Caps Lock and try again. After 10 wrong tries the account locks for 5 minutes.",
    )
