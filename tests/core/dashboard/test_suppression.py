"""The disclosure rule on hand-worked tables (NHS Digital, HES/ECDS 2018)."""

from __future__ import annotations

import dataclasses

import pytest

from crdesk.core.dashboard.standards import load_disclosure
from crdesk.core.dashboard.suppression import Suppressor, exact_table
from crdesk.core.dashboard.tables import Count, Percent, Stat, Table, Text, Value

RULE = load_disclosure()
S = Suppressor(RULE)


@pytest.mark.parametrize(("n", "shown"), [
    (0, 0), (1, "*"), (7, "*"), (8, 10), (10, 10), (12, 10), (13, 15), (17, 15), (18, 20),
    (22, 20), (23, 25), (235, 235), (237, 235), (238, 240)])
def test_counts(n: int, shown: int | str) -> None:
    assert S.count(n) == shown


def test_percentages_come_from_the_rounded_counts() -> None:
    assert S.percent(12, 38) == pytest.approx(100 * 10 / 40)  # 25.0, not 31.6
    assert S.percent(0, 38) == 0.0
    assert S.percent(5, 38) == "*"  # the numerator is suppressed
    assert S.percent(3, 5) == "*"  # both
    assert S.percent(0, 0) is None
    assert S.percent(0, 5) == "*"  # the denominator is suppressed


def test_means_and_medians_of_fewer_than_eight_are_not_shown() -> None:
    assert S.stat(21.5, 7) == "*"
    assert S.stat(21.5, 8) == 22
    assert S.stat(2.345, 8, 1) == 2.3
    assert S.stat(None, 0) is None


def test_a_table_exact_and_suppressed() -> None:
    t = Table("t", "T", ["group", "referred", "started", "uptake", "median wait", "threshold"])
    t.rows = [[Text("White"), Count(40), Count(33), Percent(33, 40), Stat(20.5, 33), Value(46)],
              [Text("Black"), Count(6), Count(5), Percent(5, 6), Stat(30.0, 5), Value(46)],
              [Text("Mixed"), Count(0), Count(0), Percent(0, 0), Stat(None, 0), Value(46)]]
    assert exact_table(t) == [["White", 40, 33, 82.5, 20, 46], ["Black", 6, 5, 83.3, 30, 46],
                              ["Mixed", 0, 0, None, None, 46]]
    assert S.table(t) == [["White", 40, 35, 87.5, 20, 46], ["Black", "*", "*", "*", "*", 46],
                          ["Mixed", 0, 0, None, None, 46]]


def test_the_rule_is_data() -> None:
    stricter = Suppressor(dataclasses.replace(RULE, suppress_to=9, round_to=10))
    assert stricter.count(9) == "*" and stricter.count(14) == 10 and stricter.count(15) == 20
    assert RULE.edition == "disclosure-nhs-digital-2018" and "rounded" in RULE.summary
