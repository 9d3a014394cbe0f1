"""The off-laptop rotation as data: a year of made-up backup dates, what is kept."""

from __future__ import annotations

import datetime as dt

import pytest

from crdesk.core.rotation import Rotation, to_keep

UTC = dt.UTC


def _daily(start: dt.date, days: int, hour: int = 18) -> list[dt.datetime]:
    return [dt.datetime.combine(start + dt.timedelta(days=i), dt.time(hour), UTC)
            for i in range(days)]


def test_a_year_of_daily_backups_keeps_7_daily_4_weekly_12_monthly() -> None:
    stamps = _daily(dt.date(2025, 12, 1), 366)  # 1 Dec 2025 .. 1 Dec 2026
    keep = to_keep(stamps, Rotation(7, 4, 12))
    d = dt.date
    expected = (
        # the newest of each of the last 7 days
        [d(2026, 11, 25) + dt.timedelta(days=i) for i in range(7)]
        # of the last 4 ISO weeks (this week's is 1 Dec, last week's 29 Nov, already kept)
        + [d(2026, 11, 22), d(2026, 11, 15)]
        # of the last 12 months (Dec's and Nov's already kept)
        + [d(2026, 10, 31), d(2026, 9, 30), d(2026, 8, 31), d(2026, 7, 31), d(2026, 6, 30),
           d(2026, 5, 31), d(2026, 4, 30), d(2026, 3, 31), d(2026, 2, 28), d(2026, 1, 31)])
    assert sorted(s.date() for s in keep) == sorted(expected)
    assert max(stamps) in keep


def test_monthly_keeps_the_newest_of_each_month() -> None:
    stamps = _daily(dt.date(2026, 1, 1), 120)  # Jan .. Apr 2026
    keep = to_keep(stamps, Rotation(daily=0, weekly=0, monthly=12))
    # newest of Jan, Feb, Mar, and the newest overall (in April)
    assert sorted(s.date() for s in keep) == [dt.date(2026, 1, 31), dt.date(2026, 2, 28),
                                              dt.date(2026, 3, 31), dt.date(2026, 4, 30)]


def test_several_backups_a_day_keep_the_newest_of_the_day() -> None:
    day = dt.date(2026, 6, 1)
    stamps = [dt.datetime.combine(day, dt.time(h), UTC) for h in (9, 13, 17)]
    assert to_keep(stamps, Rotation(1, 0, 0)) == {stamps[-1]}


def test_days_without_backups_do_not_push_good_ones_out() -> None:
    # A clinic closed for a fortnight: the 7 daily slots count days that have a backup.
    before = _daily(dt.date(2026, 7, 1), 7)
    after = _daily(dt.date(2026, 7, 22), 1)
    keep = to_keep(before + after, Rotation(7, 0, 0))
    assert keep == set(before[1:] + after)


def test_nothing_to_keep_and_bad_policy() -> None:
    assert to_keep([]) == set()
    with pytest.raises(ValueError):
        Rotation(-1, 0, 0)
