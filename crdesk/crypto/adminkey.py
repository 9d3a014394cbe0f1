"""The admin key: what only admins (and the recovery key) can open (issue 12 item 3).

Every key slot opens the database key, staff slots included, so a secret kept under the
database key alone is a secret from nobody who can sign in. The clinic's signing key and
pseudonym key are therefore sealed (AES-256-GCM, the setting's name as associated data)
under a random 32-byte admin key ``A``. ``A`` is wrapped to each admin's slot public key
(keyslots.py), and sealed under a key derived from the version-2 recovery secret
(crypto/recovery.py); a check value (a keyed hash of ``A``) kept in the database tells the
right ``A`` from a substituted one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SEALED_PREFIX = "aead1:"
_SECRETS_INFO = b"crdesk admin secrets v1"
_RECOVERY_INFO = b"crdesk admin key under recovery v1"
_CHECK_INFO = b"crdesk admin key check v1"


class AdminKeyError(Exception):
    """A sealed secret did not open: another admin key, or changed outside crdesk."""


def new_admin_key() -> bytes:
    return secrets.token_bytes(32)


def _derive(key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(key)


def check_value(admin_key: bytes) -> str:
    return hmac.new(admin_key, _CHECK_INFO, hashlib.sha256).hexdigest()


def matches(admin_key: bytes, check: str) -> bool:
    return hmac.compare_digest(check_value(admin_key), check)


def is_sealed(text: str) -> bool:
    return text.startswith(SEALED_PREFIX)


def _seal(key: bytes, aad: bytes, plaintext: bytes) -> str:
    nonce = secrets.token_bytes(12)
    return SEALED_PREFIX + (nonce + AESGCM(key).encrypt(nonce, plaintext, aad)).hex()


def _open(key: bytes, aad: bytes, text: str) -> bytes:
    if not is_sealed(text):
        raise AdminKeyError("not a sealed value")
    try:
        raw = bytes.fromhex(text[len(SEALED_PREFIX):])
        return AESGCM(key).decrypt(raw[:12], raw[12:], aad)
    except (ValueError, InvalidTag):
        raise AdminKeyError("the sealed value did not open") from None


def seal_secret(admin_key: bytes, name: str, plaintext: bytes) -> str:
    return _seal(_derive(admin_key, _SECRETS_INFO), name.encode(), plaintext)


def open_secret(admin_key: bytes, name: str, text: str) -> bytes:
    return _open(_derive(admin_key, _SECRETS_INFO), name.encode(), text)


def seal_for_recovery(recovery_secret: bytes, admin_key: bytes) -> str:
    return _seal(_derive(recovery_secret, _RECOVERY_INFO), b"admin-key", admin_key)


def open_with_recovery(recovery_secret: bytes, text: str) -> bytes:
    return _open(_derive(recovery_secret, _RECOVERY_INFO), b"admin-key", text)
