"""Audit-chain anchors: the chain head recorded outside the database, so `check` can tell
a truncated or rewritten audit log (issue 12: deleting the last rows after dropping the
trigger went unseen).

An anchor is ``{"format": "crdesk-audit-anchor", "version": 1, "database_id", "seq",
"hash", "at", "event", "mac"}``: the last entry's sequence number and hash, when and why
it was taken, and an HMAC under a key derived from the data key (crypto/anchor.py). It is
written to ``audit-anchor.json`` at every sign-in and sign-out (after comparing with the one
there), put in every backup's manifest and every export package's manifest.

What it does not stop: someone holding the data key (any signed-in user's slot opens it)
can rewrite the log *and* write a matching anchor. It does catch a rewrite by anyone
without the key, and a rewrite by a key holder shows against any anchor already taken out
of their reach (a backup, an export package sent on).
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from crdesk.atomic import write_atomic
from crdesk.crypto.anchor import anchor_key, anchor_mac, mac_ok
from crdesk.paths import BaseDir
from crdesk.storage import audit_repo, clinic_repo
from crdesk.storage.connection import Database

log = logging.getLogger(__name__)

FORMAT = "crdesk-audit-anchor"
VERSION = 1
MAX_BYTES = 64 * 1024
# Set in the database once the first anchor is written: from then on a missing anchor
# file is a finding, not the normal state of a clinic made before anchors.
ANCHORED_SETTING = "audit_anchor_since"

_FIELDS = ("format", "version", "database_id", "seq", "hash", "at", "event")


@dataclass(frozen=True)
class Finding:
    """What comparing an anchor with the database found ('' problem = consistent)."""

    problem: str
    note: str = ""


def make_anchor(db: Database, data_key: bytes, event: str) -> dict[str, Any]:
    """The current chain head, authenticated: for the anchor file and for manifests."""
    seq, h = audit_repo.head(db)
    fields: dict[str, Any] = {
        "format": FORMAT, "version": VERSION,
        "database_id": clinic_repo.clinic(db).database_id, "seq": seq, "hash": h,
        "at": datetime.now(UTC).isoformat(timespec="seconds"), "event": event,
    }
    return {**fields, "mac": anchor_mac(anchor_key(data_key), fields)}


def read_file(b: BaseDir) -> dict[str, Any] | None:
    """The anchor file's content; None when there is none. Unreadable is a dict too, so
    the comparison reports it."""
    path = b.audit_anchor
    if not path.exists():
        return None
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        d = json.loads(raw.decode("utf-8")) if len(raw) <= MAX_BYTES else None
    except (OSError, ValueError):
        d = None
    return d if isinstance(d, dict) else {"format": "unreadable"}


def compare(db: Database, data_key: bytes, anchor: dict[str, Any], where: str) -> Finding:
    """Does the database's audit log still hold what ``anchor`` saw?"""
    if anchor.get("format") != FORMAT:
        return Finding(f"the audit anchor in {where} is unreadable")
    try:
        fields = {k: anchor[k] for k in _FIELDS}
        seq, h, mac = int(anchor["seq"]), str(anchor["hash"]), str(anchor["mac"])
    except (KeyError, TypeError, ValueError):
        return Finding(f"the audit anchor in {where} is incomplete")
    if int(fields["version"]) > VERSION:
        return Finding("", f"the audit anchor in {where} was written by a newer crdesk")
    if not mac_ok(anchor_key(data_key), fields, mac):
        return Finding(f"the audit anchor in {where} was not written with this clinic's key "
                       "(changed outside crdesk, or taken from another clinic)")
    if fields["database_id"] != clinic_repo.clinic(db).database_id:
        return Finding(f"the audit anchor in {where} belongs to another clinic database")
    last, _ = audit_repo.head(db)
    at = fields["at"]
    if last < seq:
        return Finding(f"the audit log was truncated: the anchor of {at} saw {seq} entries, "
                       f"the database now has {last}")
    if audit_repo.hash_at(db, seq) != h:
        return Finding(f"the audit log was rewritten: entry {seq} is not the one anchored "
                       f"at {at}")
    return Finding("", f"matches the anchor of {at} ({fields['event']}, entry {seq})")


def check_file(b: BaseDir, db: Database, data_key: bytes) -> Finding:
    anchor = read_file(b)
    if anchor is None:
        if clinic_repo.get_setting(db, ANCHORED_SETTING):
            return Finding("the audit anchor file (audit-anchor.json) is missing, although "
                           "this clinic has written one before")
        return Finding("", "no audit anchor yet (it is written at the next sign-in)")
    return compare(db, data_key, anchor, "audit-anchor.json")


def write_file(b: BaseDir, db: Database, data_key: bytes, event: str) -> bool:
    """Anchor the chain head now, unless the anchor there no longer matches the database:
    that one is kept as evidence (check reports it) and False is returned."""
    finding = check_file(b, db, data_key)
    if finding.problem and read_file(b) is not None:
        log.warning("audit anchor does not match the database; kept for check")
        return False
    anchor = make_anchor(db, data_key, event)
    with contextlib.suppress(OSError):
        # An anchor that cannot be written (read-only folder) must not stop a sign-out.
        write_atomic(b.audit_anchor, json.dumps(anchor, indent=1).encode() + b"\n")
        return True
    return False


def mark_anchored(db: Database) -> None:
    """Inside the caller's transaction: the clinic keeps anchors from now on."""
    if not clinic_repo.get_setting(db, ANCHORED_SETTING):
        clinic_repo.set_setting(db, ANCHORED_SETTING,
                                datetime.now(UTC).isoformat(timespec="seconds"))


def replace_file(b: BaseDir, db: Database, data_key: bytes, event: str) -> None:
    """Anchor anew without comparing: after a restore or a rekey, which crdesk itself made
    (the old anchor names another chain or another key)."""
    anchor = make_anchor(db, data_key, event)
    write_atomic(b.audit_anchor, json.dumps(anchor, indent=1).encode() + b"\n")




def carry_over_rekey(b: BaseDir, db: Database, old_key: bytes, new_key: bytes) -> None:
    """After a key rotation (finished now, or at the next start after a crash): an anchor
    still under the old key that matches the chain is written again under the new one."""
    current = read_file(b)
    if current is None or not compare(db, new_key, current, "").problem:
        return
    if compare(db, old_key, current, "").problem:
        return  # not a clean anchor under the old key either: keep it for check
    with contextlib.suppress(OSError):
        replace_file(b, db, new_key, "rekey")
