"""Fail any test during which crdesk logs a WARNING or above that the test did not expect.

After qutebrowser's ``tests/helpers/logfail.py``. A warning in the log is either a bug or a
situation the test means to create; a test that means it says so::

    @pytest.mark.expected_log_warning(r"could not load bundled font")
    def test_...

With patterns, every such record must match one of them; without, any is allowed. Either way
the test must log at least one (as ``xfail_strict``: a marker that is no longer needed goes).
"""

from __future__ import annotations

import logging
import re

import pytest

LOGGER = "crdesk"


class LogFailHandler(logging.Handler):
    """Keeps every record of WARNING or above logged under ``crdesk``."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _describe(record: logging.LogRecord) -> str:
    return f"{record.levelname} {record.name}: {record.getMessage()}"


def check(handler: LogFailHandler, marker: pytest.Mark | None) -> None:
    """Fail the test for records it did not expect (call after the test has run)."""
    records = handler.records
    if marker is None:
        if records:
            pytest.fail("crdesk logged a warning this test does not expect (mark it with "
                        "@pytest.mark.expected_log_warning if it should):\n  "
                        + "\n  ".join(_describe(r) for r in records), pytrace=False)
        return
    patterns = [re.compile(p) for p in marker.args]
    unexpected = [r for r in records
                  if patterns and not any(p.search(r.getMessage()) for p in patterns)]
    if unexpected:
        pytest.fail("crdesk logged warnings outside expected_log_warning's patterns:\n  "
                    + "\n  ".join(_describe(r) for r in unexpected), pytrace=False)
    if not records:
        pytest.fail("marked expected_log_warning, but crdesk logged no warning: remove the "
                    "marker", pytrace=False)
