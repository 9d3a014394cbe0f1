"""Every action crdesk writes to the audit log has words (tools read the code for them)."""

from __future__ import annotations

import re
from pathlib import Path

from crdesk.core.audit_words import PHRASES, describe

CRDESK = Path(__file__).resolve().parents[2] / "crdesk"
WRITES = re.compile(r'(?:append\(db, [^,]+, |change\(|record\()"([a-z_]+(?:\.[a-z_]+)*)"')


def test_every_written_action_has_words() -> None:
    written = {m for f in CRDESK.rglob("*.py") for m in WRITES.findall(f.read_text())}
    assert {"patient.view", "goal.review", "report.print"} <= written
    assert written - set(PHRASES) == set()


def test_sentences() -> None:
    assert describe("goal.review", "jsmith", "PEMBERTON, Edith") == \
        "jsmith reviewed a goal of PEMBERTON, Edith"
    assert describe("patient.view", "jsmith", None) == \
        "jsmith opened the record of a patient no longer on record"
    assert describe("patient.view", "jsmith", "patient 12") == \
        "jsmith opened the record of patient 12"
    assert describe("made.up", "jsmith", None, "goal", "4") == "jsmith: made.up (goal 4)"
