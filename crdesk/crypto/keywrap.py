"""Key slots: each user's password unlocks their own X25519 private key, which unwraps the
database key.

Why two layers rather than wrapping the database key straight under the password key: an
admin who rotates the database key (rekey) must re-wrap it for every other user without
knowing their passwords. Wrapping to each user's public key allows exactly that, while the
private key stays sealed under the user's password (AES-256-GCM, slot metadata as associated
data, so editing a slot's parameters or user name makes it fail to open).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

WRAP_INFO = b"crdesk data-key wrap v1"
FINGERPRINT_INFO = b"crdesk data-key fingerprint v1\0"
LINK_INFO = b"crdesk rekey link v1\0"
FINGERPRINT_BYTES = 32


class UnwrapError(Exception):
    """Authentication failed: wrong password, or tampered or foreign slot data."""


def random_data_key() -> bytes:
    return secrets.token_bytes(32)


@dataclass(frozen=True)
class SealedPrivateKey:
    public_key: bytes
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class WrappedKey:
    ephemeral_public: bytes
    nonce: bytes
    ciphertext: bytes


def new_private_key() -> bytes:
    return X25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def new_sealed_keypair(kek: bytes, aad: bytes) -> tuple[SealedPrivateKey, bytes]:
    """Make a user key pair; return it sealed under ``kek`` and the raw private key."""
    priv = X25519PrivateKey.generate()
    raw = priv.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return reseal_private_key(kek, raw, aad), raw


def reseal_private_key(kek: bytes, private_key: bytes, aad: bytes) -> SealedPrivateKey:
    pub = X25519PrivateKey.from_private_bytes(private_key).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    nonce = secrets.token_bytes(12)
    return SealedPrivateKey(pub, nonce, AESGCM(kek).encrypt(nonce, private_key, aad))


def key_fingerprint(data_key: bytes, database_id: str) -> bytes:
    """What a key slot seals under the password to name the one data key it accepts.

    A keyed hash (the data key is the HMAC key), so the fingerprint says nothing about the
    key to someone who reads the slot file, and names one database id.
    """
    return hmac.new(data_key, FINGERPRINT_INFO + database_id.encode(), hashlib.sha256).digest()


def rekey_link(old_key: bytes, new_key_fingerprint: bytes, aad: bytes) -> bytes:
    """The new key's fingerprint authenticated under the old key: only someone holding the
    key a slot already accepts can make it accept the next one (a rekey)."""
    return hmac.new(old_key, LINK_INFO + aad + new_key_fingerprint, hashlib.sha256).digest()


def seal_payload(kek: bytes, public_key: bytes, payload: bytes, aad: bytes) -> SealedPrivateKey:
    """Seal ``payload`` (the private key and what is bound with it) under ``kek``."""
    nonce = secrets.token_bytes(12)
    return SealedPrivateKey(public_key, nonce, AESGCM(kek).encrypt(nonce, payload, aad))


def public_of(private_key: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private_key).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def open_private_key(kek: bytes, sealed: SealedPrivateKey, aad: bytes) -> bytes:
    try:
        return AESGCM(kek).decrypt(sealed.nonce, sealed.ciphertext, aad)
    except InvalidTag:
        raise UnwrapError("slot did not open") from None


def _shared_key(shared_secret: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=eph_pub + recipient_pub, info=WRAP_INFO
    ).derive(shared_secret)


def wrap_to_public(recipient_public: bytes, data_key: bytes, aad: bytes) -> WrappedKey:
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key = _shared_key(shared, eph_pub, recipient_public)
    nonce = secrets.token_bytes(12)
    return WrappedKey(eph_pub, nonce, AESGCM(key).encrypt(nonce, data_key, aad))


def unwrap_with_private(private_key: bytes, wrapped: WrappedKey, aad: bytes) -> bytes:
    priv = X25519PrivateKey.from_private_bytes(private_key)
    pub = priv.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    shared = priv.exchange(X25519PublicKey.from_public_bytes(wrapped.ephemeral_public))
    key = _shared_key(shared, wrapped.ephemeral_public, pub)
    try:
        return AESGCM(key).decrypt(wrapped.nonce, wrapped.ciphertext, aad)
    except InvalidTag:
        raise UnwrapError("wrapped key did not open") from None
