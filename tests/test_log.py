"""The log file: owner-only, and identifier-shaped text blanked, tracebacks included."""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
from pathlib import Path

import pytest

from crdesk.log import redact, setup_logging


@pytest.mark.expected_log_warning(r"^patient .* born ", r"^failed$")  # identifiers on purpose
def test_log_is_private_and_redacted(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs")
    log = logging.getLogger("crdesk.test.log")
    try:
        log.warning("patient %s born %s", "943 476 5919", "1950-02-01")
        try:
            raise ValueError("bad NHS number 9434765919 for 01/02/1950")
        except ValueError:
            log.exception("failed")
    finally:
        root = logging.getLogger()
        for h in list(root.handlers):
            if isinstance(h, logging.handlers.RotatingFileHandler):
                root.removeHandler(h)
                h.close()
    text = path.read_text()
    assert "failed" in text and "ValueError" in text
    for secret in ("9434765919", "943 476 5919", "1950-02-01", "01/02/1950"):
        assert secret not in text
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("secret", [
    "LS1 4AP", "ls14ap", "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB",
    "31 March 1950", "1st Feb 1950", "March 31, 1950", "31 mar. 1950", "01.02.1950",
    "01-02-1950", "1 january 50",
])
def test_postcodes_and_dates_in_words_are_blanked(secret: str) -> None:
    line = f"could not save the record of someone at {secret} today"
    assert secret.lower() not in redact(line).lower()


@pytest.mark.parametrize("secret", [
    "07700 900123", "07700900123", "0113 496 0000", "01134960000", "020 7946 0000",
    "+44 7700 900123", "+447700900123", "+44 (0)113 496 0000", "(0113) 496 0000",
    "0300 303 5678", "0113-496-0000",
])
def test_phone_numbers_are_blanked(secret: str) -> None:
    line = f"could not save contact details: phone {secret}, please retry"
    clean = redact(line)
    assert secret not in clean and "[phone]" in clean
    assert not any(run in clean for run in ("900123", "4960000", "496 0000"))


@pytest.mark.parametrize("kept", [
    "patient 42 response 7", "export batch 3 of profile nacr", "2026-12-01T19:24:37+00:00",
    "crdesk 1.0.0 starting", "schema version 4", "took 0.25 s", "batch 0001 of 0003",
    "patient 104 episode 2031",
])
def test_ordinary_log_words_stay(kept: str) -> None:
    assert redact(kept) == kept
