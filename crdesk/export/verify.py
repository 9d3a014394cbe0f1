"""The receiver's side: decrypt, check the clinic's signature and every hash, unpack."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    signed_at: dt.datetime | None = None


def _parse_created(text: str) -> dt.datetime | None:
    try:
        t = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def verify_package(package: bytes, receiver_key_pem: bytes, clinic_cert_pem: bytes) -> Verified:
    """Decrypt, check the signature and every hash, and tie the batch to its signer: the
    manifest's clinic code must be the signer certificate's, and the certificate must have
    been valid when the package was signed (issue 12)."""
    try:
        clinic_cert = cms.load_certificate(clinic_cert_pem)
        signed = cms.decrypt(package, receiver_key_pem)
        content, signed_at = cms.verify_with_time(signed, clinic_cert)
    except cms.CmsError as exc:
        raise VerifyError(str(exc), "Ask the clinic to send the package again.") from None
    try:
        manifest, files = read_zip(content)
    except ValueError as exc:
        raise VerifyError(f"The package failed its integrity check: {exc}.",
                          "Ask the clinic to send the package again.") from None
    subject = clinic_cert.subject.rfc4514_string()
    if not cms.certificate_names_clinic(clinic_cert, manifest.clinic_code):
        raise VerifyError(
            f"The package says it comes from clinic {manifest.clinic_code!r}, but it was signed "
            f"with the certificate of {subject}.",
            "Do not use it. Check you have the right clinic's certificate, and ask the clinic.")
    when = signed_at or _parse_created(manifest.created)
    if when is None:
        raise VerifyError("The package does not say when it was signed.",
                          "Ask the clinic to send the package again.")
    if not clinic_cert.not_valid_before_utc <= when <= clinic_cert.not_valid_after_utc:
        raise VerifyError(
            f"The package was signed on {when:%d %B %Y}, when the certificate of {subject} "
            f"was not valid ({clinic_cert.not_valid_before_utc:%d %B %Y} to "
            f"{clinic_cert.not_valid_after_utc:%d %B %Y}).",
            "Do not use it. Ask the clinic for a package signed with a current certificate.")
    return Verified(manifest, files, when)


# ---- batches already received: a register on the receiver's side ------------------------
#
# ``received-batches.json`` (format "crdesk-received", version 1) in the receiver's crdesk
# folder: clinic code, profile, sequence and batch id of every package verified there. A
# sequence number seen before with another batch id means the clinic's ledger went back
# (a restore from before an export) or a package is being passed off as another.

REGISTER_FORMAT = "crdesk-received"
REGISTER_VERSION = 1
MAX_REGISTER_BYTES = 8 * 1024 * 1024


def _load_register(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_REGISTER_BYTES + 1)
        if len(raw) > MAX_REGISTER_BYTES:
            raise ValueError("too large")
        d = json.loads(raw.decode("utf-8"))
        if d.get("format") != REGISTER_FORMAT or int(d.get("version", 0)) > REGISTER_VERSION:
            raise ValueError("not a register")
        return [dict(b) for b in d["batches"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise KnownError(f"{path.name} (the batches received so far) cannot be read.",
                         "Move it aside to start a new register, or restore it.") from None


def note_received(register: Path, verified: Verified) -> list[str]:
    """Record this batch; return warnings about its sequence number, if seen before."""
    m = verified.manifest
    batches = _load_register(register)
    warnings = []
    for b in batches:
        if (b.get("clinic_code"), b.get("profile"), b.get("sequence")) != (
                m.clinic_code, m.profile, m.sequence):
            continue
        if b.get("batch_id") == m.batch_id:
            warnings.append(f"Batch {m.sequence} ({m.batch_id}) was verified here before, on "
                            f"{str(b.get('verified_at', ''))[:10]}: a re-issue or a copy.")
        else:
            warnings.append(
                f"WARNING: batch number {m.sequence} from clinic {m.clinic_code} was already "
                f"received as another batch ({b.get('batch_id')}). The clinic's export "
                "ledger may have gone back (a restore from a backup), or this package is not "
                "what it claims: check with the clinic before loading it.")
    if not any(b.get("batch_id") == m.batch_id for b in batches):
        batches.append({"clinic_code": m.clinic_code, "profile": m.profile,
                        "sequence": m.sequence, "batch_id": m.batch_id,
                        "verified_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")})
        register.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(register, json.dumps({"format": REGISTER_FORMAT,
                                           "version": REGISTER_VERSION,
                                           "batches": batches}, indent=1).encode() + b"\n")
    return warnings


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
