"""Keyed pseudonyms for de-identified exports: stable within one clinic, meaningless outside.

HMAC-SHA256 under a random per-clinic key kept inside the encrypted database, so the same
patient gets the same pseudonym in every local export, but nobody without the clinic's key
can link it back to an NHS number (a plain hash of a 10-digit number could be reversed by
trying all of them).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_key() -> bytes:
    return secrets.token_bytes(32)


def pseudonym(key: bytes, identifier: str) -> str:
    digest = hmac.new(key, b"crdesk-pseudonym-v1:" + identifier.encode(), hashlib.sha256)
    return "P" + digest.hexdigest()[:16].upper()
