"""The recovery key: the database key itself, written for people.

Format version 1: one version byte, the 32-byte key and a 2-byte checksum (the first bytes
of SHA-256 over version and key), in Crockford base32 -> 56 characters in 14 groups of four,
e.g. ``1ABC-DEFG-...``. Input is forgiving: case, spaces and dashes are ignored, and the
letters Crockford treats as look-alikes (O->0, I/L->1) are accepted. A typo fails the
checksum instead of producing a wrong key.
"""

from __future__ import annotations

import hashlib

VERSION = 1
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {c: i for i, c in enumerate(_ALPHABET)}
_DECODE.update({"O": 0, "I": 1, "L": 1})
GROUP = 4


class RecoveryKeyFormatError(ValueError):
    pass


def _checksum(body: bytes) -> bytes:
    return hashlib.sha256(b"crdesk-recovery" + body).digest()[:2]


def encode(data_key: bytes) -> str:
    if len(data_key) != 32:
        raise ValueError("data key must be 32 bytes")
    body = bytes([VERSION]) + data_key
    raw = body + _checksum(body)
    n = int.from_bytes(raw, "big")
    nchars = len(raw) * 8 // 5  # 35 bytes = 280 bits = 56 characters exactly
    chars = [_ALPHABET[(n >> (5 * i)) & 31] for i in reversed(range(nchars))]
    text = "".join(chars)
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def decode(text: str) -> bytes:
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
    if body[0] != VERSION or _checksum(body) != check:
        raise RecoveryKeyFormatError(
            "The recovery key does not add up: a character is probably mistyped."
        )
    return body[1:]
