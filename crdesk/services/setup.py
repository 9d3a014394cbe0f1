"""First-run set-up that leaves nothing behind until the recovery key is confirmed.

ClinicHome.create makes the data key itself, so the recovery key only exists once a clinic
exists. To keep the promise "no clinic without a confirmed recovery key", the wizard creates
the clinic in a private folder beside the real one (same disk, so moving is a rename) and
moves the files in only after the user has typed the key back. Cancelling, or a crash,
leaves just that folder, which holds no patient data and is removed at the next set-up.
The set-up wizard uses this, and only this, to make a clinic.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crdesk.crypto import recovery
from crdesk.errors import AlreadyExistsError, RecoveryKeyError
from crdesk.keyslots import normalise_username
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome

log = logging.getLogger(__name__)

STAGING_PREFIX = ".setup-"
RECOVERY_GROUP = recovery.GROUP  # characters per group of the recovery key, for the screen
__all__ = ["RECOVERY_GROUP", "StagedClinic", "normalise_username", "remove_stale_staging"]

if TYPE_CHECKING:
    from crdesk.crypto.kdf import KdfCost

@dataclass
class StagedClinic:
    target: BaseDir
    staging: BaseDir
    recovery_key: str
    admin: str

    @classmethod
    def create(cls, target: BaseDir, *, clinic_name: str, ods_code: str, admin: str,
               password: str, cost: KdfCost | None = None) -> StagedClinic:
        """Create the clinic in a fresh staging folder; the caller holds ``target``'s lock."""
        staging = BaseDir(target.root / f"{STAGING_PREFIX}{secrets.token_hex(6)}")
        try:
            with ClinicHome.open(staging) as home:
                new = access.create(home, clinic_name=clinic_name, ods_code=ods_code,
                                    admin=admin, password=password, cost=cost)
        except BaseException:
            shutil.rmtree(staging.root, ignore_errors=True)
            raise
        return cls(target, staging, new.recovery_key, admin.strip().lower())

    def matches(self, typed: str) -> bool:
        """True when ``typed`` decodes to this clinic's key.

        Raises RecoveryKeyError, naming the problem, when ``typed`` is not a well-formed key.
        """
        try:
            return recovery.decode(typed) == recovery.decode(self.recovery_key)
        except recovery.RecoveryKeyFormatError as exc:
            raise RecoveryKeyError(str(exc), "Check each group against your paper copy.") \
                from None

    def commit(self) -> None:
        """Move the new clinic into place. Never over an existing file."""
        moves = [(self.staging.root / p.name, p) for p in self.target.db_companions()]
        moves.append((self.staging.keyslots, self.target.keyslots))
        if any(dst.exists() for src, dst in moves if src.exists()) or self.target.db.exists():
            raise AlreadyExistsError(
                "A clinic already exists in this folder.",
                "crdesk never creates a clinic over an existing one; restart crdesk to sign in.",
            )
        # The database (and any WAL beside it) first: if we stop half-way, the key slots can
        # be re-made from the recovery key the user has just confirmed.
        for src, dst in moves:
            if src.exists():
                os.rename(src, dst)
        self.discard()
        log.info("set-up confirmed: clinic moved into place")

    def discard(self) -> None:
        shutil.rmtree(self.staging.root, ignore_errors=True)


def remove_stale_staging(target: BaseDir) -> None:
    """Remove folders left by a set-up that was cancelled or interrupted."""
    if not target.root.is_dir():
        return
    for p in target.root.iterdir():
        if p.is_dir() and p.name.startswith(STAGING_PREFIX):
            shutil.rmtree(Path(p), ignore_errors=True)
