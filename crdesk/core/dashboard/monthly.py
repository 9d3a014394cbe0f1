"""The SPC charts' monthly points from monthly summaries, without making episode facts.

An SPC chart covers ``figures.SPC_MONTHS`` months (24) to the end of the period, so a
financial year's dashboard needs more than twice the episodes its other figures need.
Making an ``EpisodeFacts`` (dates, dictionaries) for each of those only to take a median
of day differences was most of the dashboard's time at 50,000 patients. Instead, each
referral month has a ``MonthSummary``: counts and sorted lists of day differences that do
not depend on the day the dashboard is looked at, worked out from compact rows
(``MonthRow``: day numbers and three codes) that storage reads from the kept facts, and
kept by storage per month (schema 12, marked stale with the facts). ``MonthSummary.point``
turns a summary into a chart's value for a given day.

The definitions are exactly ``figures._month_value``'s over ``EpisodeFacts`` (which
stays the reference, and serves any chart this module does not know):
``tests/core/dashboard/test_monthly.py`` checks the points on random months and days,
``tests/services/test_dashboard_fast.py`` the whole dashboard on a random clinic before
and after edits.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

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


def next_month(y: int, m: int) -> tuple[int, int]:
    return (y + 1, 1) if m == 12 else (y, m + 1)


def month_first_day(y: int, m: int) -> int:
    return dt.date(y, m, 1).toordinal()


# The layout of a stored summary (MonthSummary.to_json): bump it when a summary holds
# something else, and every kept one is worked out again at its next read.
SUMMARY_FORMAT = 1
Codes = tuple[str | None, str | None]  # initiating event, treatment


@dataclass
class MonthSummary:
    """What every chart's point for one referral month needs, as counts and sorted day
    lists that do not depend on the day the dashboard is looked at (so they can be kept:
    storage keeps one per month, schema 12). ``point`` turns it into a chart's value."""

    waits: dict[Codes, list[int]] = field(default_factory=dict)  # referral to start, >= 0
    durations: list[int] = field(default_factory=list)  # start to end, >= 0
    started: int = 0
    not_started: int = 0  # no start, an outcome other than "completed"
    started_with_a1: int = 0
    a2_done: int = 0  # A1 and A2 recorded
    a2_in_window: int = 0  # ... A2 within NACR's window after A1
    a1_open: list[int] = field(default_factory=list)  # A1 day of those with A1, no A2

    def to_json(self) -> str:
        return json.dumps({
            "format": SUMMARY_FORMAT,
            "waits": [[e, t, w] for (e, t), w in self.waits.items()],
            "durations": self.durations, "started": self.started,
            "not_started": self.not_started, "started_with_a1": self.started_with_a1,
            "a2_done": self.a2_done, "a2_in_window": self.a2_in_window,
            "a1_open": self.a1_open}, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> MonthSummary | None:
        """None for a summary of another format (to be worked out again)."""
        d = json.loads(text)
        if d.get("format") != SUMMARY_FORMAT:
            return None
        return cls({(e, t): w for e, t, w in d["waits"]}, d["durations"], d["started"],
                   d["not_started"], d["started_with_a1"], d["a2_done"], d["a2_in_window"],
                   d["a1_open"])

    def point(self, cid: str, standards: NcpCr, as_of: dt.date) -> tuple[float | None, int]:
        """(value, patients behind it) of chart ``cid`` for this month: the same as
        figures._month_value over the month's episodes' facts."""
        if cid == "wait":
            waits = [w for ws in self.waits.values() for w in ws]
            return _median(waits), len(waits)
        if cid == "uptake":
            den = self.started + self.not_started
            return (100 * self.started / den if den else None), den
        if cid == "a2_share":
            # kpis.a2_split: with A1 and no A2, counted once the window has closed
            # (a1 + window < as_of).
            closed = bisect_left(self.a1_open, as_of.toordinal() - _WINDOW_DAYS)
            den = self.a2_done + closed
            return (100 * self.a2_in_window / den if den else None), den
        std = standards.kpi(cid)
        if std.kind == "median_duration":
            return _median(self.durations), len(self.durations)
        if std.kind == "a1_share":
            n = self.started
            return (100 * self.started_with_a1 / n if n else None), n
        if std.kind == "median_wait":
            waits = [w for (e, t), ws in self.waits.items()
                     if standards.priority_group(e, t) in std.groups for w in ws]
            return _median(waits), len(waits)
        raise ValueError(f"chart {cid} ({std.kind}) has no monthly fast path")


def summarise(rows: Iterable[MonthRow]) -> MonthSummary:
    """The summary of one month's rows (the episodes referred in it)."""
    no = NO_DAY
    out = MonthSummary()
    waits = out.waits
    for r, s, e, a1, a2, event, treatment, outcome in rows:
        if s != no:
            out.started += 1
            if s >= r:
                key = (event, treatment)
                got = waits.get(key)
                if got is None:
                    waits[key] = [s - r]
                else:
                    got.append(s - r)
            if e != no and e >= s:
                out.durations.append(e - s)
            if a1 != no:
                out.started_with_a1 += 1
        elif outcome is not None and outcome != "completed":
            out.not_started += 1
        if a1 != no:
            if a2 != no:
                out.a2_done += 1
                if a1 <= a2 <= a1 + _WINDOW_DAYS:
                    out.a2_in_window += 1
            else:
                out.a1_open.append(a1)
    for ws in waits.values():
        ws.sort()
    out.durations.sort()
    out.a1_open.sort()
    return out


def _median(xs: list[int]) -> float | None:
    return statistics.median(xs) if xs else None
