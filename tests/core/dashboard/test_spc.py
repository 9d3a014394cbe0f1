"""XmR charts and Making Data Count's special-cause rules on hand-worked series.

Each series' mean, mean moving range and limits are worked by hand in the comments
(limits = mean +/- 2.66 x mean MR; two sigma = mean +/- 2/3 of that).
"""

from __future__ import annotations

import pytest

from crdesk.core.dashboard import spc
from crdesk.core.dashboard.standards import load_spc

RULES = load_spc()


def chart(xs: list[float | None], better: str = "higher",
          target: float | None = None) -> spc.SpcChart:
    return spc.xmr("t", [spc.Point(f"m{i}", x, 10) for i, x in enumerate(xs)], RULES,
                   better=better, target=target)


def flagged(ch: spc.SpcChart) -> dict[int, tuple[list[str], str]]:
    return {i: (sorted(r), side) for i, (r, side) in ch.special.items()}


def test_common_cause_limits_by_hand() -> None:
    # sum 138 / 12 = 11.5; MRs 2,1,2,3,2,1,2,3,2,1,2 = 21 / 11 = 1.9091
    # half-width 2.66 x 1.9091 = 5.0782 -> limits 6.4218 .. 16.5782
    ch = chart([10, 12, 11, 13, 10, 12, 11, 13, 10, 12, 11, 13], better="lower", target=20)
    assert ch.mean == pytest.approx(11.5)
    assert ch.mean_moving_range == pytest.approx(21 / 11)
    assert ch.upper == pytest.approx(16.5782, abs=1e-4)
    assert ch.lower == pytest.approx(6.4218, abs=1e-4)
    assert ch.upper_near == pytest.approx(11.5 + 0.6667 * 5.0782, abs=1e-3)
    assert ch.special == {}
    assert ch.variation == spc.COMMON
    assert ch.assurance == spc.MET  # lower is better and 20 is above the upper limit


def test_assurance_labels() -> None:
    xs: list[float | None] = [10, 12, 11, 13, 10, 12, 11, 13, 10, 12, 11, 13]
    assert chart(xs, "lower", 12).assurance == spc.HIT_AND_MISS
    assert chart(xs, "lower", 5).assurance == spc.NOT_MET
    assert chart(xs, "higher", 5).assurance == spc.MET
    assert chart(xs, "higher", 17).assurance == spc.NOT_MET
    assert chart(xs, "higher", None).assurance is None


def test_point_outside_the_limits() -> None:
    # sum 155 / 12 = 12.9167; MRs sum 38 / 11 = 3.4545; upper 12.9167 + 9.1891 = 22.1058
    ch = chart([10, 12, 11, 13, 10, 12, 11, 13, 10, 12, 11, 30], better="lower")
    assert ch.upper == pytest.approx(22.1058, abs=1e-3)
    assert flagged(ch) == {11: (["outside"], "high")}
    assert ch.variation == spc.CONCERNING  # a high wait is bad


def test_seven_in_a_row_above_the_mean_is_a_shift_six_is_not() -> None:
    # mean 128 / 12 = 10.667; points 5..11 (11,12,11,12,11,12,11) all above it.
    # MRs 4,4,4,4,3,1,1,1,1,1,1 = 25 / 11 -> limits 4.621 .. 16.712: nothing outside.
    ch = chart([8, 12, 8, 12, 8, 11, 12, 11, 12, 11, 12, 11])
    assert flagged(ch) == {i: (["shift"], "high") for i in range(5, 12)}
    assert ch.variation == spc.IMPROVING  # higher is better
    # The same with point 5 at 8: only six in a row above the mean (10.417).
    ch = chart([8, 12, 8, 12, 8, 8, 12, 11, 12, 11, 12, 11])
    assert ch.special == {} and ch.variation == spc.COMMON


def test_seven_rising_is_a_trend_six_is_not() -> None:
    # 8 < 9 < ... < 14: seven points rising. mean 11.083, limits 6.731 .. 15.436;
    # two sigma 8.181 .. 13.985: only point 11 (14) is beyond, alone.
    ch = chart([12, 10, 12, 10, 12, 8, 9, 10, 11, 12, 13, 14], better="lower")
    assert flagged(ch) == {i: (["trend"], "high") for i in range(5, 12)}
    assert ch.variation == spc.CONCERNING
    ch = chart([12, 10, 12, 10, 12, 10, 9, 10, 11, 12, 13, 14], better="lower")
    assert ch.special == {}


def test_two_of_three_beyond_two_sigma_on_one_side() -> None:
    # 16 points 10,11,... then 14, 10.5, 14. sum 206.5 / 19 = 10.868
    # MRs: fifteen of 1, then 3, 3.5, 3.5 = 25 / 18 = 1.3889; half-width 3.6944
    # upper 14.563 (14 is inside); two sigma 10.868 + 2.4630 = 13.331 (14 is beyond)
    ch = chart([10, 11] * 8 + [14, 10.5, 14])
    assert ch.upper == pytest.approx(14.563, abs=1e-3)
    assert ch.upper_near == pytest.approx(13.331, abs=1e-3)
    assert flagged(ch) == {16: (["two_of_three"], "high"), 18: (["two_of_three"], "high")}
    # Beyond two sigma on opposite sides is not the rule.
    ch = chart([10, 11] * 8 + [14, 10.5, 7.7])
    assert "two_of_three" not in {r for rs, _ in ch.special.values() for r in rs}


def test_too_few_points_is_a_run_chart_with_the_reason() -> None:
    ch = chart([10, 12, 11, None, 13])
    assert not ch.has_limits and ch.variation is None
    assert "at least 12" in ch.reason and ch.mean == pytest.approx(11.5)


def test_gaps_are_skipped_not_zero() -> None:
    xs: list[float | None] = [10, 12, 11, 13, 10, None, 12, 11, 13, 10, 12, 11, 13]
    ch = chart(xs)
    assert ch.mean == pytest.approx(11.5) and ch.has_limits
    assert chart([None, None]).reason == "No data in this period."
