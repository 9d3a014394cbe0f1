"""Progress comparison: directions use the documented clinical thresholds."""

from __future__ import annotations

import pytest

from crdesk.core.outcome_measures import MEASURE_BY_ID
from crdesk.core.progress import (
    BETTER,
    NONE,
    SAME,
    WORSE,
    AssessmentData,
    compare,
    direction,
    measure_value,
)


def m(mid: str):  # noqa: ANN201
    return MEASURE_BY_ID[mid]


@pytest.mark.parametrize(("first", "last", "expected"), [
    (12, 9, BETTER),      # 3 points down
    (5, 6, SAME),         # 1 point: below the 1.5-point MCID
    (7, 8, WORSE),        # 1 point, but crosses into "borderline": a band change counts
    (9, 11, WORSE),
    (None, 4, NONE),
])
def test_hads_direction(first: float | None, last: float | None, expected: str) -> None:
    assert direction(m("hads_anxiety"), first, last) == expected


def test_reaching_150_minutes_counts_even_when_the_change_is_small() -> None:
    assert direction(m("active_minutes_week"), 140, 150) == BETTER
    assert direction(m("active_minutes_week"), 160, 140) == WORSE
    assert direction(m("active_minutes_week"), 60, 75) == SAME
    assert direction(m("active_minutes_week"), 60, 100) == BETTER
    assert direction(m("reaches_150_minutes"), "no", "yes") == BETTER
    assert direction(m("reaches_150_minutes"), "yes", "no") == WORSE


def test_smoking_order_and_coop_and_walks() -> None:
    assert direction(m("smoking"), "current", "ex_under_6m") == BETTER
    assert direction(m("smoking"), "ex_over_6m", "current") == WORSE
    assert direction(m("smoking"), "never", "never") == SAME
    assert direction(m("coop_feelings"), 4, 2) == BETTER
    assert direction(m("coop_pain"), 1, 2) == WORSE
    assert direction(m("iswt_distance"), 300, 360) == SAME  # under the 70 m MCID
    assert direction(m("iswt_distance"), 300, 370) == BETTER
    assert direction(m("six_minute_distance"), 400, 370) == WORSE


def test_bmi_and_weight_move_towards_a_healthy_range() -> None:
    assert direction(m("bmi"), 31.0, 30.2) == BETTER
    assert direction(m("bmi"), 22.0, 23.5) == SAME  # inside the healthy range throughout
    assert direction(m("bmi"), 17.0, 18.0) == BETTER  # underweight gaining
    assert direction(m("weight"), 100.0, 97.0, bmi_first=32.0) == BETTER
    assert direction(m("weight"), 55.0, 53.0, bmi_first=17.5) == WORSE
    assert direction(m("weight"), 70.0, 65.0, bmi_first=22.0) == SAME
    assert direction(m("systolic_bp"), 150, 138) == BETTER
    assert direction(m("systolic_bp"), 120, 128) == SAME  # within the aim throughout


def test_compare_side_by_side_with_change_text_and_missing_values() -> None:
    a1 = AssessmentData("A1", "2026-02-02", {"hads_anxiety": 11.0, "bmi": 31.1},
                        {"active_days_week": 2, "active_minutes_day": 30,
                         "smoking_status": "current"},
                        {"weight": {"value": 92.0, "unit": "kg"}, "iswt_distance": 300,
                         "total_cholesterol": {"special": "dont_know"}})
    a2 = AssessmentData("A2", "2026-04-27", {"hads_anxiety": 7.0, "bmi": 29.9},
                        {"active_days_week": 5, "active_minutes_day": 30,
                         "smoking_status": "ex_under_6m"},
                        {"weight": {"value": 88.5, "unit": "kg"}, "iswt_distance": 420})
    rows = {r.measure.id: r for r in compare({"A1": a1, "A2": a2})}
    assert rows["hads_anxiety"].direction == BETTER
    assert rows["hads_anxiety"].note == "abnormal to normal"
    assert rows["hads_anxiety"].change_text == "−4"
    assert rows["active_minutes_week"].texts == {"A1": "60 min", "A2": "150 min"}
    assert rows["smoking"].direction == BETTER  # patient answer used when staff's is missing
    assert rows["weight"].direction == BETTER and rows["weight"].change_text == "−3.5 kg"
    assert rows["iswt_distance"].direction == BETTER
    assert "total_cholesterol" not in rows, "a 'don't know' is no value"
    assert measure_value(m("hads_depression"), a1) is None


def test_a3_is_compared_with_a1_when_present() -> None:
    data = {k: AssessmentData(k, None, {"hads_depression": v})
            for k, v in (("A1", 12.0), ("A2", 9.0), ("A3", 13.0))}
    row = compare(data)[0]
    assert row.values == {"A1": 12.0, "A2": 9.0, "A3": 13.0}
    assert row.change == 1.0 and row.direction == SAME
