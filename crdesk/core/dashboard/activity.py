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
    started = [f for f in eps if f.start is not None]
    not_started = [f for f in eps if f.start is None and f.outcome is not None
                   and f.outcome != "completed"]
    finished = [f for f in started if f.outcome is not None]
    return Uptake(
        referred=len(eps), started=len(started), not_started=len(not_started),
        waiting=sum(1 for f in eps if f.start is None and f.outcome is None),
        finished=len(finished), completed=sum(1 for f in finished if f.outcome == "completed"),
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
        # One pass, days() inlined: waits (referral to start, >= 0), durations (start to
        # end, >= 0), and the started whose wait cannot be worked out.
        waits, durs, missing = [], [], 0
        for f in fs:
            start = f.start
            if start is None:
                continue
            ref, end = f.referral, f.end
            if ref is not None and start >= ref:
                waits.append((start - ref).days)
            else:
                missing += 1
            if end is not None and end >= start:
                durs.append((end - start).days)
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
    # One pass over the episodes, over the values each has (most have a few or none),
    # with each measure's test as two numbers: this runs for every equity group too.
    opt = standards.optimal
    n = len(opt)
    a1_opt, a1_n, a2_opt, a2_n, ch_n = [0] * n, [0] * n, [0] * n, [0] * n, [0] * n
    ch_sum = [0.0] * n
    where = {o.measure: i for i, o in enumerate(opt)}
    if len(where) != n:
        return _outcomes_plain(eps, standards)  # a measure listed twice: measure by measure
    below = [o.below for o in opt]
    at_least = [o.at_least for o in opt]

    # Optimal.is_optimal, inlined below: x < below, else x >= at_least (never without both).
    for f in eps:
        v1, v2 = f.a1_values, f.a2_values
        if v1:
            for k, x1 in v1.items():
                i = where.get(k)
                if i is not None:
                    a1_n[i] += 1
                    b, a = below[i], at_least[i]
                    if (x1 < b) if b is not None else (a is not None and x1 >= a):
                        a1_opt[i] += 1
        if v2:
            for k, x2 in v2.items():
                i = where.get(k)
                if i is not None:
                    a2_n[i] += 1
                    b, a = below[i], at_least[i]
                    if (x2 < b) if b is not None else (a is not None and x2 >= a):
                        a2_opt[i] += 1
                    before = v1.get(k)
                    if before is not None:
                        ch_n[i] += 1
                        ch_sum[i] += x2 - before
    return [OutcomeLine(o.measure, o.label, a1_opt[i], a1_n[i], a2_opt[i], a2_n[i],
                        ch_sum[i] / ch_n[i] if ch_n[i] and o.mean_change else None,
                        ch_n[i] if o.mean_change else 0)
            for i, o in enumerate(opt)]


def _outcomes_plain(eps: Sequence[EpisodeFacts], standards: NcpCr) -> list[OutcomeLine]:
    """``outcomes`` by its definition, measure by measure (the reference for the tests)."""
    opt = standards.optimal
    out = []
    for o in opt:
        x1s = [(f, f.a1_values.get(o.measure)) for f in eps]
        x2s = [f.a2_values.get(o.measure) for f in eps]
        a1 = [x for _, x in x1s if x is not None]
        a2 = [x for x in x2s if x is not None]
        ch = [x2 - x1 for (_, x1), x2 in zip(x1s, x2s, strict=True)
              if x1 is not None and x2 is not None]
        ch_sum = 0.0
        for d in ch:
            ch_sum += d
        out.append(OutcomeLine(o.measure, o.label, sum(map(o.is_optimal, a1)), len(a1),
                               sum(map(o.is_optimal, a2)), len(a2),
                               ch_sum / len(ch) if ch and o.mean_change else None,
                               len(ch) if o.mean_change else 0))
    return out


REASON_LABELS = {
    "declined": "Declined to take part",
    "did_not_attend": "Did not attend",
    "withdrew": "Started but withdrew",
    "died": "Died",
    "other": "Other reason",
}
assert set(NOT_STARTED_OUTCOMES) <= set(REASON_LABELS)
