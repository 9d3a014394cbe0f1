"""Where the admin key's traces live in the database, and the sealing of old clinics'
secrets: shared by the session (sign-in) and services/identity.py (crypto/adminkey.py says
why). No x509 here, so a sign-in does not import it."""

from __future__ import annotations

from crdesk.crypto import adminkey
from crdesk.storage import clinic_repo
from crdesk.storage.connection import Database

KEY = "signing_key_pem"
PSEUDONYM_KEY = "pseudonym_key"
SEALED = (KEY, PSEUDONYM_KEY)
# A keyed hash of the admin key, and the admin key sealed under the recovery secret.
ADMIN_CHECK = "admin_key_check"
ADMIN_RECOVERY = "admin_key_recovery"


def seal_plain_secrets(db: Database, admin_key: bytes) -> int:
    """Inside the caller's transaction: seal secrets stored in the clear (clinics made
    before issue 12) under ``admin_key``; returns how many were sealed."""
    count = 0
    for name in SEALED:
        value = clinic_repo.get_setting(db, name)
        if value and not adminkey.is_sealed(value):
            clinic_repo.set_setting(db, name, adminkey.seal_secret(admin_key, name,
                                                                   value.encode()))
            count += 1
    return count


def admin_key_from_recovery(db: Database, recovery_secret: bytes) -> bytes | None:
    """The admin key through a version-2 recovery secret, checked; None without one."""
    sealed = clinic_repo.get_setting(db, ADMIN_RECOVERY)
    check = clinic_repo.get_setting(db, ADMIN_CHECK)
    if not sealed or not check:
        return None
    try:
        key = adminkey.open_with_recovery(recovery_secret, sealed)
    except adminkey.AdminKeyError:
        return None
    return key if adminkey.matches(key, check) else None
