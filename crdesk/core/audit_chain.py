"""The audit log's hash chain: each entry commits to the one before it.

Changing, removing or reordering any entry changes every hash after it, so verification
can name the first broken link.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    detail: str
    prev_hash: str
    hash: str


def link_hash(prev_hash: str, seq: int, at: str, actor: str, action: str, entity: str,
              entity_id: str, detail: str) -> str:
    payload = json.dumps(
        [1, prev_hash, seq, at, actor, action, entity, entity_id, detail],
        separators=(",", ":"), ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    entries: int
    first_broken: int | None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.first_broken is None


def verify_chain(entries: list[AuditEntry]) -> ChainReport:
    prev = GENESIS
    expected_seq = 1
    for e in entries:
        if e.seq != expected_seq:
            return ChainReport(len(entries), e.seq,
                               f"entry {expected_seq} is missing (next found is {e.seq})")
        if e.prev_hash != prev:
            return ChainReport(len(entries), e.seq,
                               f"entry {e.seq} does not follow entry {e.seq - 1}")
        if link_hash(prev, e.seq, e.at, e.actor, e.action, e.entity, e.entity_id,
                     e.detail) != e.hash:
            return ChainReport(len(entries), e.seq, f"entry {e.seq} was altered")
        prev = e.hash
        expected_seq += 1
    return ChainReport(len(entries), None)
