"""Field checks: postcodes, GP practice and ODS codes, dates."""

from __future__ import annotations

import datetime as dt

from crdesk.core import validation as v


def test_postcodes() -> None:
    assert v.normalise_postcode(" ls61ab ") == "LS6 1AB"
    for ok in ("LS6 1AB", "sw1a 1aa", "M1 1AE", "EC1A 1BB", "B33 8TH"):
        assert v.postcode_problem(ok) is None, ok
    for bad in ("LS6", "QQ1 1AA", "12345", "LS6 1CI"):
        assert v.postcode_problem(bad), bad
    assert v.postcode_problem("") is None


def test_codes_and_dates() -> None:
    assert v.gp_practice_problem("a81001") is None
    assert v.gp_practice_problem("A8100") and v.gp_practice_problem("881001")
    assert v.ods_problem("RX1") is None and v.ods_problem("") and v.ods_problem("R!")
    assert v.parse_date("31/03/2024") == dt.date(2024, 3, 31)
    assert v.parse_date("2024-03-31") == dt.date(2024, 3, 31)
    assert v.parse_date("31/02/2024") is None
    today = dt.date(2026, 6, 1)
    assert v.date_problem("02/06/2026", today=today) == "This date is in the future."
    assert v.date_problem("02/06/2026", allow_future=True, today=today) is None
    assert v.order_problem("2026-02-01", "2026-01-01", "programme start", "programme end") \
        == "The programme end is before the programme start."
    assert v.uk_date("2026-02-01") == "01/02/2026"
