"""Unit conversions for UK patients: exact factors, metric storage, sensible rounding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crdesk.core.forms.units import (
    UnitError,
    cm_to_ft_in,
    from_metric,
    ft_in_to_cm,
    kg_to_st_lb,
    st_lb_to_kg,
    to_metric,
)


def test_hand_worked_conversions() -> None:
    # 5 ft 8 in = 68 in x 2.54 = 172.72 cm; 12 st 8 lb = 176 lb x 0.45359237 = 79.832... kg
    assert ft_in_to_cm(5, 8) == pytest.approx(172.72)
    assert st_lb_to_kg(12, 8) == pytest.approx(79.83225712)
    assert to_metric("height", {"unit": "ft_in", "ft": 5, "in": 8}) == 172.7
    assert to_metric("weight", {"unit": "st_lb", "st": 12, "lb": 8}) == 79.8
    assert to_metric("length", {"unit": "in", "in": 34}) == 86.4
    assert to_metric("weight", {"unit": "kg", "kg": 80.25}) == 80.3  # half up, not to even


def test_back_to_imperial_rounds_to_whole_inches_and_pounds() -> None:
    assert cm_to_ft_in(172.7) == (5, 8)
    assert cm_to_ft_in(182.88) == (6, 0)
    assert kg_to_st_lb(79.8) == (12, 8)
    assert from_metric("ft_in", 172.7) == {"unit": "ft_in", "ft": 5, "in": 8}


@pytest.mark.parametrize(
    ("quantity", "entry", "code"),
    [
        ("height", {"unit": "ft_in", "ft": 5, "in": 12}, "inches_too_many"),
        ("weight", {"unit": "st_lb", "st": 12, "lb": 14}, "pounds_too_many"),
        ("weight", {"unit": "cm", "cm": 80}, "entry_unit"),
        ("height", {"unit": "ft_in", "ft": 5}, "entry_missing_part"),
        ("height", {"unit": "cm", "cm": -3}, "entry_negative"),
        ("height", {"unit": "cm", "cm": "tall"}, "entry_missing_part"),
        ("height", {"unit": "cm", "cm": 170, "in": 3}, "entry_missing_part"),
    ],
)
def test_impossible_entries_are_refused_with_a_reason(
    quantity: str, entry: dict, code: str
) -> None:
    with pytest.raises(UnitError) as info:
        to_metric(quantity, entry)
    assert info.value.code == code


@given(st.integers(0, 8), st.integers(0, 11))
def test_feet_and_inches_survive_a_round_trip(feet: int, inches: int) -> None:
    metric = to_metric("height", {"unit": "ft_in", "ft": feet, "in": inches})
    assert cm_to_ft_in(metric) == (feet, inches)


@given(st.integers(0, 50), st.integers(0, 13))
def test_stones_and_pounds_survive_a_round_trip(stones: int, pounds: int) -> None:
    metric = to_metric("weight", {"unit": "st_lb", "st": stones, "lb": pounds})
    assert kg_to_st_lb(metric) == (stones, pounds)
