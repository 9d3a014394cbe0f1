"""The two activity answers checked against each other (issue 10 item 8)."""

from __future__ import annotations

from crdesk.core.activity import contradiction, weekly_minutes


def test_weekly_minutes_is_days_times_minutes() -> None:
    assert weekly_minutes({"active_days_week": 3, "active_minutes_day": 20}) == 60
    assert weekly_minutes({"active_days_week": 0}) == 0  # minutes not asked
    assert weekly_minutes({"active_days_week": 3}) is None
    assert weekly_minutes({"active_days_week": {"special": "dont_know"},
                           "active_minutes_day": 30}) is None


def test_yes_with_too_few_minutes_is_a_contradiction() -> None:
    found = contradiction({"active_days_week": 3, "active_minutes_day": 20,
                           "reaches_150_minutes": "yes"})
    assert found is not None and found.minutes == 60 and found.said == "yes"
    assert "3 days × 20 minutes = 60 minutes a week" in found.message
    assert "correct" in found.message  # says what to do


def test_no_with_enough_minutes_is_a_contradiction() -> None:
    found = contradiction({"active_days_week": 5, "active_minutes_day": 40,
                           "reaches_150_minutes": "no"})
    assert found is not None and found.minutes == 200 and "do not reach" in found.message


def test_agreeing_or_missing_answers_are_not() -> None:
    assert contradiction({"active_days_week": 5, "active_minutes_day": 30,
                          "reaches_150_minutes": "yes"}) is None  # exactly 150
    assert contradiction({"active_days_week": 5, "active_minutes_day": 29,
                          "reaches_150_minutes": "no"}) is None
    assert contradiction({"active_days_week": 0, "reaches_150_minutes": "no"}) is None
    assert contradiction({"active_days_week": 3, "active_minutes_day": 20,
                          "reaches_150_minutes": {"special": "dont_know"}}) is None
    assert contradiction({"reaches_150_minutes": "yes"}) is None
