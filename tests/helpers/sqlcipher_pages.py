"""Read a SQLCipher 4 database or WAL the way an attacker with the key would: every page
decrypted, free pages and unused space included (``sqlcipher_export`` or a dump would show
only live rows). SQLCipher 4 defaults: 4096-byte pages, AES-256-CBC, 80 reserved bytes at
the end of each page (16-byte IV, 64-byte HMAC-SHA512); page 1 starts with the 16-byte salt.
A raw key (``x'...'``) is the AES key itself."""

from __future__ import annotations

import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
WAL_HEADER = 32
FRAME_HEADER = 24


def _decrypt_page(key: bytes, page: bytes, first: bool) -> bytes:
    iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
    start = 16 if first else 0
    d = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return d.update(page[start:PAGE - RESERVE]) + d.finalize()


def database_pages(key: bytes, data: bytes) -> bytes:
    out = []
    for i in range(0, len(data) - len(data) % PAGE, PAGE):
        out.append(_decrypt_page(key, data[i:i + PAGE], first=i == 0))
    return b"".join(out)


def wal_pages(key: bytes, data: bytes) -> bytes:
    out = []
    pos = WAL_HEADER
    while pos + FRAME_HEADER + PAGE <= len(data):
        (page_no,) = struct.unpack(">I", data[pos:pos + 4])
        page = data[pos + FRAME_HEADER:pos + FRAME_HEADER + PAGE]
        out.append(_decrypt_page(key, page, first=page_no == 1))
        pos += FRAME_HEADER + PAGE
    return b"".join(out)
