"""The log check itself: a crdesk warning fails a test unless the test expects it."""

from __future__ import annotations

import logging

import pytest

from tests.helpers import logfail


def _logged(*messages: str) -> logfail.LogFailHandler:
    handler = logfail.LogFailHandler()
    log = logging.getLogger("logfail-self-check")  # not under crdesk: the autouse check
    log.propagate = False                           # must not see these
    log.addHandler(handler)
    try:
        log.info("info is not a warning")
        for m in messages:
            log.warning(m)
    finally:
        log.removeHandler(handler)
    return handler


@pytest.mark.expected_log_warning(r"^seen$")
def test_the_autouse_check_sees_crdesk_warnings() -> None:
    # This test's own marker: without it, the warning below would fail the test.
    logging.getLogger("crdesk.test.logfail").warning("seen")


def test_an_unexpected_warning_fails() -> None:
    with pytest.raises(pytest.fail.Exception, match="does not expect"):
        logfail.check(_logged("disk nearly full"), None)
    logfail.check(_logged(), None)  # info only: passes


def test_the_marker_allows_only_what_it_names() -> None:
    mark = pytest.mark.expected_log_warning(r"^disk").mark
    logfail.check(_logged("disk nearly full"), mark)
    with pytest.raises(pytest.fail.Exception, match="outside"):
        logfail.check(_logged("disk nearly full", "something else"), mark)
    logfail.check(_logged("anything"), pytest.mark.expected_log_warning.mark)


def test_a_marker_with_no_warning_fails() -> None:
    with pytest.raises(pytest.fail.Exception, match="remove the marker"):
        logfail.check(_logged(), pytest.mark.expected_log_warning.mark)
