"""Uptake, completion, reasons, waits and durations by priority group, and outcomes.

Definitions (the cohort is the episodes referred in the period, kpis.cohort):
- uptake: started / (started + not started with a recorded outcome); episodes still
  waiting to start are shown beside it, not counted as a miss;
- completion: completed / (started and finished: any outcome recorded);
- reasons: the recorded outcome of those who did not start or did not finish;
- waits: referral to start, days; durations: start to end, days; medians by priority group;
- outcomes: for each "optimal" value of the standards edition, the share at the optimal
  value among those with a value at assessment 1, and at assessment 2; the mean change
  (A2 - A1) among those with both, with its n.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from crdesk.core.dashboard.facts import NOT_STARTED_OUTCOMES, EpisodeFacts
from crdesk.core.dashboard.kpis import days
from crdesk.core.dashboard.standards import NcpCr


@dataclass(frozen=True)
class Uptake:
    referred: int
    started: int
    not_started: int  # with an outcome saying why
    waiting: int  # no start and no outcome yet
    finished: int  # started and an outcome recorded
    completed: int
    in_programme: int
    reasons_not_started: dict[str, int]
    reasons_not_finished: dict[str, int]


def uptake(eps: Sequence[EpisodeFacts]) -> Uptake:
    started = [f for f in eps if f.started]
    not_started = [f for f in eps if not f.started and f.outcome is not None
                   and not f.completed]
    finished = [f for f in started if f.outcome is not None]
    return Uptake(
        referred=len(eps), started=len(started), not_started=len(not_started),
        waiting=sum(1 for f in eps if not f.started and f.outcome is None),
        finished=len(finished), completed=sum(1 for f in finished if f.completed),
        in_programme=sum(1 for f in started if f.outcome is None),
        reasons_not_started=dict(Counter(str(f.outcome) for f in not_started)),
        reasons_not_finished=dict(Counter(str(f.outcome) for f in finished
                                          if not f.completed)),
    )


@dataclass(frozen=True)
class GroupTimes:
    group: str
    label: str
    referred: int
    wait_median: float | None
    wait_n: int
    wait_missing: int  # started but the wait cannot be worked out
    duration_median: float | None
    duration_n: int


def times_by_group(eps: Sequence[EpisodeFacts], standards: NcpCr) -> list[GroupTimes]:
    by: dict[str, list[EpisodeFacts]] = {g.id: [] for g in standards.priority_groups}
    by["other"] = []
    memo: dict[tuple[str | None, str | None], str] = {}
    for f in eps:
        key = (f.initiating_event, f.treatment)
        g = memo.get(key)
        if g is None:
            g = memo[key] = standards.priority_group(*key)
        by[g].append(f)
    out = []
    for gid, fs in by.items():
        waits = [d for f in fs if (d := days(f.referral, f.start)) is not None and d >= 0]
        durs = [d for f in fs if (d := days(f.start, f.end)) is not None and d >= 0]
        missing = sum(1 for f in fs if f.started
                      and ((d := days(f.referral, f.start)) is None or d < 0))
        out.append(GroupTimes(gid, standards.group_label(gid), len(fs),
                              statistics.median(waits) if waits else None, len(waits), missing,
                              statistics.median(durs) if durs else None, len(durs)))
    return out


@dataclass(frozen=True)
class OutcomeLine:
    measure: str
    label: str
    a1_optimal: int
    a1_n: int
    a2_optimal: int
    a2_n: int
    mean_change: float | None  # A2 - A1, None when not meaningful or nobody has both
    change_n: int


def outcomes(eps: Sequence[EpisodeFacts], standards: NcpCr) -> list[OutcomeLine]:
    # One pass over the episodes (this runs for every equity group too).
    opt = standards.optimal
    n = len(opt)
    a1_opt, a1_n, a2_opt, a2_n, ch_n = [0] * n, [0] * n, [0] * n, [0] * n, [0] * n
    ch_sum = [0.0] * n
    for f in eps:
        v1, v2 = f.a1_values, f.a2_values
        if not v1 and not v2:
            continue
        for i, o in enumerate(opt):
            x1, x2 = v1.get(o.measure), v2.get(o.measure)
            if x1 is not None:
                a1_n[i] += 1
                a1_opt[i] += o.is_optimal(x1)
            if x2 is not None:
                a2_n[i] += 1
                a2_opt[i] += o.is_optimal(x2)
                if x1 is not None:
                    ch_n[i] += 1
                    ch_sum[i] += x2 - x1
    return [OutcomeLine(o.measure, o.label, a1_opt[i], a1_n[i], a2_opt[i], a2_n[i],
                        ch_sum[i] / ch_n[i] if ch_n[i] and o.mean_change else None,
                        ch_n[i] if o.mean_change else 0)
            for i, o in enumerate(opt)]


REASON_LABELS = {
    "declined": "Declined to take part",
    "did_not_attend": "Did not attend",
    "withdrew": "Started but withdrew",
    "died": "Died",
    "other": "Other reason",
}
assert set(NOT_STARTED_OUTCOMES) <= set(REASON_LABELS)
