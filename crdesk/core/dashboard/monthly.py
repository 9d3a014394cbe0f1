"""The SPC charts' monthly points from compact month rows, without making episode facts.

An SPC chart covers ``figures.SPC_MONTHS`` months (24) to the end of the period, so a
financial year's dashboard reads more than twice the episodes its other figures need.
Making an ``EpisodeFacts`` (dates, dictionaries) for each of those only to take a median
of day differences was most of the dashboard's time at 50,000 patients. Storage gives
instead one plain tuple per episode referred in the chart's months (``MonthRow``: day
numbers and three codes), and this module works each month's point out of those with
integer arithmetic.

The definitions are exactly ``figures._month_value``'s over ``EpisodeFacts`` (which
stays the reference, and serves any chart this module does not know):
``tests/core/dashboard/test_monthly.py`` and ``tests/services/test_dashboard_fast.py``
check the two give the same charts on random clinics, before and after edits.
"""

from __future__ import annotations

import datetime as dt
import statistics
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from operator import itemgetter

from crdesk.core.dashboard.standards import NcpCr
from crdesk.core.outcome_measures import A2_WINDOW_WEEKS

# A missing day in a month row (day numbers are date.toordinal(), always >= 1).
NO_DAY = -1
# referral, start, end, A1 done, A2 done (day numbers; the referral is never NO_DAY),
# then the initiating event, the treatment and the outcome codes.
MonthRow = tuple[int, int, int, int, int, str | None, str | None, str | None]

_WINDOW_DAYS = 7 * A2_WINDOW_WEEKS
# Chart id -> the KPI kind whose monthly value it is (for the charts named by a KPI id).
_KPI_KINDS = ("median_duration", "a1_share", "median_wait")


def supports(cid: str, standards: NcpCr) -> bool:
    """Whether ``points`` can work out chart ``cid`` (else use figures.chart on facts)."""
    if cid in ("wait", "uptake", "a2_share"):
        return True
    std = next((k for k in standards.kpis if k.id == cid), None)
    return std is not None and std.kind in _KPI_KINDS


def by_month(rows: Iterable[MonthRow],
             months: Sequence[tuple[int, int]]) -> dict[tuple[int, int], list[MonthRow]]:
    """The rows referred in each of ``months`` (consecutive, in order), by (year, month):
    sorted by referral day once, then cut at each month's first day."""
    ordered = sorted(rows, key=itemgetter(0))
    days = [r[0] for r in ordered]
    out: dict[tuple[int, int], list[MonthRow]] = {}
    for y, m in months:
        first = dt.date(y, m, 1)
        after = dt.date(y + 1, 1, 1) if m == 12 else dt.date(y, m + 1, 1)
        lo = bisect_left(days, first.toordinal())
        hi = bisect_left(days, after.toordinal(), lo)
        out[(y, m)] = ordered[lo:hi]
    return out


def _median(xs: list[int]) -> float | None:
    return statistics.median(xs) if xs else None


def month_value(cid: str, rows: Sequence[MonthRow], standards: NcpCr,
                as_of: dt.date) -> tuple[float | None, int]:
    """(value, patients behind it) of chart ``cid`` for one month's referrals: the same as
    figures._month_value over those episodes' facts."""
    no = NO_DAY
    if cid == "wait":
        waits = [s - r for r, s, _, _, _, _, _, _ in rows if s != no and s >= r]
        return _median(waits), len(waits)
    if cid == "uptake":
        started = not_started = 0
        for _, s, _, _, _, _, _, outcome in rows:
            if s != no:
                started += 1
            elif outcome is not None and outcome != "completed":
                not_started += 1
        den = started + not_started
        return (100 * started / den if den else None), den
    if cid == "a2_share":  # kpis.a2_split in day numbers
        today = as_of.toordinal()
        den = num = 0
        for _, _, _, a1, a2, _, _, _ in rows:
            if a1 == no:
                continue
            if a2 != no:
                den += 1
                if a1 <= a2 <= a1 + _WINDOW_DAYS:
                    num += 1
            elif a1 + _WINDOW_DAYS < today:
                den += 1
        return (100 * num / den if den else None), den
    std = standards.kpi(cid)
    if std.kind == "median_duration":
        durations = [e - s for _, s, e, _, _, _, _, _ in rows
                     if s != no and e != no and e >= s]
        return _median(durations), len(durations)
    if std.kind == "a1_share":
        started = with_a1 = 0
        for _, s, _, a1, _, _, _, _ in rows:
            if s != no:
                started += 1
                with_a1 += a1 != no
        return (100 * with_a1 / started if started else None), started
    if std.kind == "median_wait":
        memo: dict[tuple[str | None, str | None], bool] = {}
        waits = []
        for r, s, _, _, _, event, treatment, _ in rows:
            mine = memo.get((event, treatment))
            if mine is None:
                mine = memo[(event, treatment)] = (
                    standards.priority_group(event, treatment) in std.groups)
            if mine and s != no and s >= r:
                waits.append(s - r)
        return _median(waits), len(waits)
    raise ValueError(f"chart {cid} ({std.kind}) has no monthly fast path")
