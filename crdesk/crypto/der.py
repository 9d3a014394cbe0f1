"""A minimal DER reader: just enough to open CMS SignedData and EnvelopedData.

The ``cryptography`` package builds CMS but has no public API to verify a signature or to
decrypt without the recipient certificate, so the receiver side reads the structure here.
Only definite lengths (DER) are accepted; anything malformed raises DerError.
"""

from __future__ import annotations

from dataclasses import dataclass


class DerError(ValueError):
    pass


# Limits that no package crdesk writes comes near, so that a hostile file is refused at
# once instead of keeping the reader busy: the OIDs CMS uses are under 12 bytes, and an
# export of 200,000 patients is a few hundred megabytes.
MAX_OID_BYTES = 32
MAX_ARC_BYTES = 5  # 35 bits: arcs in real OIDs are far smaller
MAX_INPUT_BYTES = 1 << 30


@dataclass(frozen=True)
class Tlv:
    tag: int
    start: int  # offset of the tag byte in the source
    header_len: int
    length: int
    source: bytes

    @property
    def value(self) -> bytes:
        off = self.start + self.header_len
        return self.source[off : off + self.length]

    @property
    def raw(self) -> bytes:
        return self.source[self.start : self.start + self.header_len + self.length]

    @property
    def constructed(self) -> bool:
        return bool(self.tag & 0x20)

    def children(self) -> list[Tlv]:
        if not self.constructed:
            raise DerError("not a constructed element")
        return read_all(self.source, self.start + self.header_len,
                        self.start + self.header_len + self.length)


def read_tlv(data: bytes, pos: int, end: int | None = None) -> Tlv:
    end = len(data) if end is None else end
    if pos + 2 > end:
        raise DerError("truncated element")
    tag = data[pos]
    if tag & 0x1F == 0x1F:
        raise DerError("multi-byte tags are not used in CMS")
    first = data[pos + 1]
    if first < 0x80:
        length, header = first, 2
    else:
        n = first & 0x7F
        if n == 0 or n > 4 or pos + 2 + n > end:
            raise DerError("indefinite or oversized length")
        length = int.from_bytes(data[pos + 2 : pos + 2 + n], "big")
        header = 2 + n
        # DER: the shortest form only (a long form for < 128 or a leading zero is invalid).
        if length < 0x80 or data[pos + 2] == 0:
            raise DerError("non-minimal length encoding")
    if pos + header + length > end:
        raise DerError("element runs past its container")
    if tag == 0x02 and length == 0:
        raise DerError("empty INTEGER")
    return Tlv(tag, pos, header, length, data)


def read_all(data: bytes, pos: int, end: int) -> list[Tlv]:
    out = []
    while pos < end:
        t = read_tlv(data, pos, end)
        out.append(t)
        pos = t.start + t.header_len + t.length
    return out


def parse(data: bytes) -> Tlv:
    if len(data) > MAX_INPUT_BYTES:
        raise DerError(f"larger than {MAX_INPUT_BYTES >> 20} MB, so not a crdesk package")
    t = read_tlv(data, 0)
    if t.header_len + t.length != len(data):
        raise DerError("trailing bytes after the structure")
    return t


def oid(t: Tlv) -> str:
    if t.tag != 0x06:
        raise DerError("expected an OBJECT IDENTIFIER")
    if t.length > MAX_OID_BYTES:
        raise DerError("OBJECT IDENTIFIER too long")
    v = t.value
    if not v:
        raise DerError("empty OID")
    if v[-1] & 0x80:
        raise DerError("OBJECT IDENTIFIER ends inside an arc")
    parts = [v[0] // 40, v[0] % 40]
    n, arc_bytes = 0, 0
    for b in v[1:]:
        if arc_bytes == 0 and b == 0x80:
            raise DerError("non-minimal OBJECT IDENTIFIER arc")
        n = (n << 7) | (b & 0x7F)
        arc_bytes += 1
        if arc_bytes > MAX_ARC_BYTES:
            raise DerError("OBJECT IDENTIFIER arc too large")
        if not b & 0x80:
            parts.append(n)
            n, arc_bytes = 0, 0
    return ".".join(map(str, parts))


def expect(t: Tlv, tag: int, what: str) -> Tlv:
    if t.tag != tag:
        raise DerError(f"expected {what}")
    return t
