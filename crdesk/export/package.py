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
import zipfile
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
