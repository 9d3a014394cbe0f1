"""The receiver's side: decrypt, check the clinic's signature and every hash, unpack."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from crdesk.atomic import write_atomic
from crdesk.crypto import cms
from crdesk.errors import AlreadyExistsError, KnownError
from crdesk.export.package import Manifest, read_zip


class VerifyError(KnownError):
    """The package failed a check; nothing was unpacked."""


# Member names a crdesk package uses (manifest.json, README.txt, nacr_episodes.csv): one
# plain file name each. Anything else, on any platform, is refused before a byte is
# written: no folders, no drive letters, no leading dot, no Windows device names.
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                    *(f"lpt{i}" for i in range(1, 10))}


def safe_member_name(name: str) -> bool:
    stem = name.split(".", 1)[0].lower()
    return bool(_SAFE_NAME.match(name)) and ".." not in name and stem not in _WINDOWS_DEVICES


@dataclass(frozen=True)
class Verified:
    manifest: Manifest
    files: dict[str, bytes]


def verify_package(package: bytes, receiver_key_pem: bytes, clinic_cert_pem: bytes) -> Verified:
    try:
        clinic_cert = cms.load_certificate(clinic_cert_pem)
        signed = cms.decrypt(package, receiver_key_pem)
        content = cms.verify(signed, clinic_cert)
    except cms.CmsError as exc:
        raise VerifyError(str(exc), "Ask the clinic to send the package again.") from None
    try:
        manifest, files = read_zip(content)
    except ValueError as exc:
        raise VerifyError(f"The package failed its integrity check: {exc}.",
                          "Ask the clinic to send the package again.") from None
    return Verified(manifest, files)


def unpack(verified: Verified, out_dir: Path) -> list[Path]:
    """Write manifest and files into ``out_dir``; never overwrites an existing file."""
    items = verified.files
    unsafe = sorted(n for n in items if not safe_member_name(n))
    if unsafe:
        raise VerifyError(f"The package names an unsafe file path: {unsafe[0]!r}.",
                          "Nothing was unpacked. Ask the clinic to send the package again.")
    out_dir.mkdir(parents=True, exist_ok=True)
    clashes = [n for n in items if (out_dir / n).exists()]
    if clashes:
        raise AlreadyExistsError(f"{out_dir} already holds {', '.join(sorted(clashes))}.",
                                 "Unpack into an empty folder.")
    written = []
    for name, data in items.items():
        write_atomic(out_dir / name, data, overwrite=False)
        written.append(out_dir / name)
    return written
