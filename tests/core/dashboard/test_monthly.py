"""The SPC monthly summaries (core/dashboard/monthly.py) give each chart's monthly point
exactly as figures._month_value gives it from the episodes' facts, on random months and
days, and come back whole from their stored JSON."""

from __future__ import annotations

import datetime as dt

from crdesk.core.dashboard import figures, monthly
from crdesk.core.dashboard.facts import EpisodeFacts
from tests.core.dashboard.test_fast_paths import NCP, TODAY, _random_facts


def _row(f: EpisodeFacts) -> monthly.MonthRow:
    def n(d: dt.date | None) -> int:
        return monthly.NO_DAY if d is None else d.toordinal()
    return (n(f.referral), n(f.start), n(f.end), n(f.a1), n(f.a2), f.initiating_event,
            f.treatment, f.outcome)


def test_summary_points_equal_the_points_from_facts() -> None:
    for seed in range(4):
        month = [f for f in _random_facts(seed, 300) if f.referral is not None]
        summary = monthly.summarise(map(_row, month))
        again = monthly.MonthSummary.from_json(summary.to_json())
        assert again == summary
        for cid in figures.CHARTS:
            assert monthly.supports(cid, NCP)
            for as_of in (TODAY, TODAY - dt.timedelta(days=100), TODAY + dt.timedelta(days=90)):
                want = figures._month_value(cid, month, NCP, "england", as_of, None)
                assert summary.point(cid, NCP, as_of) == want, (seed, cid, as_of)
                assert want[1] > 0  # the random month has patients behind every chart
    empty = monthly.MonthSummary()
    assert all(empty.point(c, NCP, TODAY) == (None, 0) for c in figures.CHARTS)


def test_a_summary_of_another_format_is_worked_out_again() -> None:
    text = monthly.MonthSummary().to_json().replace(
        f'"format":{monthly.SUMMARY_FORMAT}', '"format":0')
    assert monthly.MonthSummary.from_json(text) is None


def test_outcomes_in_one_pass_equal_them_measure_by_measure() -> None:
    from crdesk.core.dashboard import activity

    for seed in range(4):
        eps = _random_facts(seed, 400)
        fast = activity.outcomes(eps, NCP)
        assert fast == activity._outcomes_plain(eps, NCP)
        assert any(o.change_n for o in fast) and any(o.a2_optimal for o in fast)
