"""The recovery key, written for people.

One version byte, a 32-byte secret and a 2-byte checksum (the first bytes of SHA-256 over
version and secret), in Crockford base32 -> 56 characters in 14 groups of four, e.g.
``1ABC-DEFG-...``. Input is forgiving: case, spaces and dashes are ignored, and the letters
Crockford treats as look-alikes (O->0, I/L->1) are accepted. A typo fails the checksum
instead of producing a wrong key.

- Version 1 (clinics made before issue 12): the secret *is* the database key, which every
  user's key slot opens, staff included.
- Version 2: the secret ``R`` is the clinic's recovery secret; the database key is
  HKDF(R, "crdesk data key v2"), and the admin key (crypto/adminkey.py) is kept sealed
  under another key derived from R. A staff member holding the database key cannot work
  back to R, so cannot print the recovery key nor open the admin secrets with it.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = 1  # the database key itself
VERSION_SECRET = 2  # a recovery secret the database key is derived from
_VERSIONS = (VERSION, VERSION_SECRET)
DATA_KEY_INFO = b"crdesk data key v2"
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {c: i for i, c in enumerate(_ALPHABET)}
_DECODE.update({"O": 0, "I": 1, "L": 1})
GROUP = 4


class RecoveryKeyFormatError(ValueError):
    pass


def _checksum(body: bytes) -> bytes:
    return hashlib.sha256(b"crdesk-recovery" + body).digest()[:2]


def data_key_from_secret(secret: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=DATA_KEY_INFO).derive(
        secret)


def encode(data_key: bytes) -> str:
    """A version-1 key: the database key itself (clinics from before issue 12, tests)."""
    return _encode(VERSION, data_key)


def encode_secret(secret: bytes) -> str:
    """A version-2 key: the recovery secret (new clinics, and every rekey)."""
    return _encode(VERSION_SECRET, secret)


def decode(text: str) -> bytes:
    """The database key a recovery key opens (either version)."""
    version, secret = decode_secret(text)
    return secret if version == VERSION else data_key_from_secret(secret)


def _encode(version: int, data_key: bytes) -> str:
    if len(data_key) != 32:
        raise ValueError("data key must be 32 bytes")
    body = bytes([version]) + data_key
    raw = body + _checksum(body)
    n = int.from_bytes(raw, "big")
    nchars = len(raw) * 8 // 5  # 35 bytes = 280 bits = 56 characters exactly
    chars = [_ALPHABET[(n >> (5 * i)) & 31] for i in reversed(range(nchars))]
    text = "".join(chars)
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def decode_secret(text: str) -> tuple[int, bytes]:
    """The version and the 32-byte secret of a typed recovery key."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    if len(cleaned) != 56:
        raise RecoveryKeyFormatError(
            f"A recovery key has 56 characters (14 groups of 4); this one has {len(cleaned)}."
        )
    n = 0
    for pos, ch in enumerate(cleaned, 1):
        if ch not in _DECODE:
            raise RecoveryKeyFormatError(f"Character {pos} ({ch!r}) cannot be in a recovery key.")
        n = (n << 5) | _DECODE[ch]
    raw = n.to_bytes(35, "big")
    body, check = raw[:-2], raw[-2:]
    if body[0] not in _VERSIONS or _checksum(body) != check:
        raise RecoveryKeyFormatError(
            "The recovery key does not add up: a character is probably mistyped."
        )
    return body[0], body[1:]
