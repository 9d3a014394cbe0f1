"""The export package, format version 1.

``<clinic>_<profile>_<seq>_<yyyymmdd>.p7m`` = CMS EnvelopedData (AES-256, to every
recipient) of CMS SignedData (clinic key, SHA-256) of a deterministic ZIP holding
``manifest.json``, the data file(s) and ``README.txt``. The ZIP is byte-for-byte the same
for the same batch: fixed member order and timestamps, no extra fields, so a re-issued
batch carries identical data.
"""

from __future__ import annotations

import hashlib
import io
import json
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

FORMAT = "crdesk-export"
FORMAT_VERSION = 1
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Manifest:
    batch_id: str
    sequence: int
    clinic_code: str
    profile: str
    profile_version: str
    forms: dict[str, str]
    created: str
    software_version: str
    row_counts: dict[str, int]
    sha256: dict[str, str]
    amendments: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> bytes:
        d = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "batch_id": self.batch_id,
            "sequence": self.sequence,
            "clinic_code": self.clinic_code,
            "profile": self.profile,
            "profile_version": self.profile_version,
            "forms": dict(sorted(self.forms.items())),
            "created": self.created,
            "software_version": self.software_version,
            "row_counts": dict(sorted(self.row_counts.items())),
            "amendments": self.amendments,
            "sha256": dict(sorted(self.sha256.items())),
            **self.extra,
        }
        return (json.dumps(d, indent=1, sort_keys=False) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        d = json.loads(data)
        if d.get("format") != FORMAT:
            raise ValueError("not a crdesk export manifest")
        if int(d.get("format_version", 0)) > FORMAT_VERSION:
            raise ValueError("made by a newer crdesk")
        known = {"format", "format_version", "batch_id", "sequence", "clinic_code", "profile",
                 "profile_version", "forms", "created", "software_version", "row_counts",
                 "sha256", "amendments"}
        return cls(d["batch_id"], int(d["sequence"]), d["clinic_code"], d["profile"],
                   str(d["profile_version"]), dict(d["forms"]), d["created"],
                   d["software_version"], {k: int(v) for k, v in d["row_counts"].items()},
                   dict(d["sha256"]), int(d.get("amendments", 0)),
                   {k: v for k, v in d.items() if k not in known})


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_zip(files: dict[str, bytes], manifest: Manifest, readme: str) -> bytes:
    """Deterministic ZIP: manifest first, then README and data files in name order."""
    buf = io.BytesIO()
    members = [("manifest.json", manifest.to_json()), ("README.txt", readme.encode("utf-8"))]
    members += sorted(files.items())
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = 3  # fixed, whatever OS made it
            zf.writestr(info, data)
    return buf.getvalue()


class DeflatedMember:
    """A ZIP member compressed as it is written (raw deflate), with its CRC-32, SHA-256 and
    sizes kept on the way: the export writes its data file a line at a time and never holds
    the uncompressed file."""

    def __init__(self, name: str, level: int = 1) -> None:
        self.name = name
        self._z = zlib.compressobj(level, zlib.DEFLATED, -15)
        self._parts: list[bytes] = []
        self._sha = hashlib.sha256()
        self.crc = 0
        self.size = 0
        self._done = False

    def write(self, data: bytes) -> None:
        self._sha.update(data)
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        out = self._z.compress(data)
        if out:
            self._parts.append(out)

    def close(self) -> None:
        if not self._done:
            self._parts.append(self._z.flush())
            self._done = True

    def sha256(self) -> str:
        return self._sha.hexdigest()

    def compressed(self) -> bytes:
        self.close()
        return b"".join(self._parts)


def _member(name: str, data: bytes, level: int = 6) -> DeflatedMember:
    m = DeflatedMember(name, level)
    m.write(data)
    m.close()
    return m


_DOS_DATE = ((_ZIP_TIME[0] - 1980) << 9) | (_ZIP_TIME[1] << 5) | _ZIP_TIME[2]
_DOS_TIME = (_ZIP_TIME[3] << 11) | (_ZIP_TIME[4] << 5) | (_ZIP_TIME[5] // 2)


def assemble_zip(data: DeflatedMember, manifest: Manifest, readme: str) -> bytes:
    """The same deterministic ZIP as ``build_zip`` (manifest first, then README, then the
    data file; fixed times and attributes, no extra fields), from a data member already
    compressed. Written by hand (PKWARE APPNOTE 4.3: local headers, central directory,
    end record) because zipfile cannot take data compressed beforehand, and the manifest,
    which must come first, needs the data's hash."""
    members = [_member("manifest.json", manifest.to_json()),
               _member("README.txt", readme.encode("utf-8")), data]
    out = io.BytesIO()
    central = []
    for m in members:
        body = m.compressed()
        name = m.name.encode("utf-8")
        offset = out.tell()
        # version needed 2.0, no flags, deflate, time, date, crc, sizes, name, no extra
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, _DOS_TIME, _DOS_DATE,
                              m.crc, len(body), m.size, len(name), 0))
        out.write(name)
        out.write(body)
        if max(offset, len(body), m.size) >= 0xFFFFFFFF:
            raise ValueError("the export is too large for a ZIP without ZIP64")
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", (3 << 8) | 20, 20, 0, 8,
                                   _DOS_TIME, _DOS_DATE, m.crc, len(body), m.size, len(name),
                                   0, 0, 0, 0, 0o600 << 16, offset) + name)
    start = out.tell()
    for c in central:
        out.write(c)
    size = out.tell() - start
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central),
                          size, start, 0))
    return out.getvalue()


def read_zip(data: bytes) -> tuple[Manifest, dict[str, bytes]]:
    """Unpack and check every hash in the manifest; raise ValueError naming the problem.

    The returned files include ``manifest.json`` itself, as it was signed.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            if "manifest.json" not in names:
                raise ValueError("the package has no manifest.json")
            manifest = Manifest.from_json(zf.read("manifest.json"))
            files = {n: zf.read(n) for n in names}
    except zipfile.BadZipFile:
        raise ValueError("the signed content is not a ZIP archive") from None
    for name, digest in manifest.sha256.items():
        if name not in files:
            raise ValueError(f"{name} is listed in the manifest but missing")
        if sha256_hex(files[name]) != digest:
            raise ValueError(f"{name} does not match its SHA-256 in the manifest")
    unlisted = set(files) - set(manifest.sha256) - {"README.txt", "manifest.json"}
    if unlisted:
        raise ValueError(f"files not listed in the manifest: {', '.join(sorted(unlisted))}")
    return manifest, files
