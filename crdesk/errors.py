"""The two kinds of failure crdesk knows.

``KnownError`` is something the user or the environment caused (wrong password, disk full,
a file from another clinic). It carries a plain message and what to do next, and it never
contains a patient identifier, so it is safe to show, log and print. Anything else is a bug.
"""

from __future__ import annotations


class KnownError(Exception):
    """A failure with a message for the user and a hint on what to do."""

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class NotInitialisedError(KnownError):
    """No clinic database in the base directory."""


class AlreadyExistsError(KnownError):
    """Refusing to create something over an existing file."""


class WrongPasswordError(KnownError):
    """The user name or password did not unlock any key slot."""


class AccountLockedError(KnownError):
    """Too many failed unlocks: the account waits out its lock."""


class DatabaseInUseError(KnownError):
    """Another crdesk process holds this clinic's database."""


class CorruptDatabaseError(KnownError):
    """The database cannot be read with the key we have, or fails an integrity check."""


class DamagedDatabaseError(CorruptDatabaseError):
    """The clinic database is damaged: it is refused for this action, or cannot be opened
    at all. ``problems`` lists what the read-only damage scan found (no identifiers)."""

    def __init__(self, message: str, hint: str = "", problems: list[str] | None = None) -> None:
        super().__init__(message, hint)
        self.problems = list(problems or [])


class NewerDatabaseError(KnownError):
    """The database was written by a newer crdesk."""


class KeySlotError(KnownError):
    """The key-slot file is missing, damaged or belongs to another database."""


class DiskFullError(KnownError):
    """A write failed for lack of space; nothing was acknowledged."""


class PermissionDeniedError(KnownError):
    """The signed-in role may not do this."""


class ValidationError(KnownError):
    """A value the user gave is not acceptable (password policy, NHS number, ...)."""


class RecoveryKeyError(KnownError):
    """The recovery key was mistyped or does not belong to this database."""
