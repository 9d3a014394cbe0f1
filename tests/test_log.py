"""The log file: owner-only, and identifier-shaped text blanked, tracebacks included."""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
from pathlib import Path

import pytest

from crdesk.log import setup_logging


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
