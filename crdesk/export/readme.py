"""README.txt inside every package: what it is and how the receiver checks it."""

from __future__ import annotations

from crdesk.export.package import Manifest
from crdesk.export.profile import Profile


def receiver_readme(m: Manifest, profile: Profile, encrypted: bool) -> str:
    lines = [
        f"crdesk export package - clinic {m.clinic_code}, batch {m.sequence} ({m.batch_id})",
        f"Profile: {profile.id} version {profile.version} - {profile.title}",
        f"Created: {m.created} by crdesk {m.software_version}",
        "",
        "Files:",
        *[f"  {name}: {count} row(s), SHA-256 {m.sha256[name]}"
          for name, count in sorted(m.row_counts.items())],
        "",
        "This ZIP was signed by the clinic (CMS SignedData, SHA-256)"
        + (" and encrypted to the receiver (CMS EnvelopedData, AES-256)." if encrypted else "."),
        "",
        "To check and unpack a package with crdesk:",
        "  crdesk verify PACKAGE.p7m --key receiver-key.pem --clinic-cert clinic-cert.pem"
        " --out DIR",
        "",
        "Or with OpenSSL only:",
    ]
    if encrypted:
        lines += [
            "  openssl cms -decrypt -binary -inform DER -in PACKAGE.p7m \\",
            "      -inkey receiver-key.pem -recip receiver-cert.pem -out signed.p7s",
        ]
    else:
        lines += ["  (the package is signed only: signed.p7s is PACKAGE.p7m itself)"]
    lines += [
        "  openssl cms -verify -binary -inform DER -in signed.p7s \\",
        "      -CAfile clinic-cert.pem -out package.zip",
        "  unzip package.zip && sha256sum -c <(python3 -c 'import json;"
        " m=json.load(open(\"manifest.json\"));"
        " print(\"\\n\".join(f\"{v}  {k}\" for k,v in m[\"sha256\"].items()))')",
        "",
        "'Verification successful' from openssl proves the clinic holding clinic-cert.pem made",
        "the package and nothing changed since. A missing value is an empty field, never",
        "'Unknown'. Records marked 'amendment' replace the same episode sent in an earlier batch.",
    ]
    own = [c.name for c in profile.columns if c.code_list == "crdesk"]
    if own:
        lines += [
            "",
            "These columns carry crdesk's own codes (no NHS Data Dictionary or NACR code list",
            "was available; the values are listed in the clinic's export profile):",
            *[f"  {name}" for name in own],
        ]
    return "\n".join(lines) + "\n"
