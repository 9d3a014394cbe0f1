"""The key that authenticates audit-chain anchors: derived from the data key, for nothing else.

An anchor (the chain head: sequence number and hash) is kept outside the database, so a
truncated or rewritten audit log can be told from the real one. The MAC key comes from the
data key through HKDF with its own label: someone who can write the folder but holds no key
cannot forge an anchor, and the anchor key says nothing about the data key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ANCHOR_INFO = b"crdesk audit anchor v1"


def anchor_key(data_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=ANCHOR_INFO).derive(
        data_key)


def _canon(fields: dict[str, Any]) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()


def anchor_mac(key: bytes, fields: dict[str, Any]) -> str:
    """HMAC-SHA256 over the anchor's fields in canonical JSON (every field but the MAC)."""
    return hmac.new(key, _canon(fields), hashlib.sha256).hexdigest()


def mac_ok(key: bytes, fields: dict[str, Any], mac: str) -> bool:
    return hmac.compare_digest(anchor_mac(key, fields), mac)
