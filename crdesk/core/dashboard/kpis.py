"""NCP_CR KPIs 1-7 from the clinic's own records (definitions: docs/ARCHITECTURE.md,
"Clinic dashboard").

The cohort is every episode *referred* in the period (both boundaries inclusive); an
episode without a referral date cannot be placed in a period and is excluded and counted.
Patients who opted out of NACR are included: these are the clinic's own figures, which
never go to NACR; the report says how many.

Each KPI keeps its numerator and denominator (and the episode ids behind them, for the
drill-down). A KPI whose denominator is below the edition's ``minimum_denominator`` says
"not enough patients" and is neither met nor not met; KPI 7 without a threshold says
"threshold not set"; KPI 1 is entered by the admin.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from crdesk.core.care_status import a2_window_closes
from crdesk.core.dashboard.facts import EpisodeFacts
from crdesk.core.dashboard.periods import Period
from crdesk.core.dashboard.standards import KpiStandard, NcpCr
from crdesk.core.outcome_measures import A2_WINDOW_WEEKS

MET = "met"
NOT_MET = "not met"
NOT_ENOUGH = "not enough patients"
NO_PATIENTS = "no patients in this period"
NO_THRESHOLD = "threshold not set"
NOT_ENTERED = "not entered"

KPI2_GROUPS = ("mi", "mi_pci", "pci", "cabg", "heart_failure")


@dataclass(frozen=True)
class KpiResult:
    id: str
    number: int
    title: str
    unit: str
    comparison: str
    threshold: float | None
    value: float | None
    numerator: int
    denominator: int
    status: str  # MET, NOT_MET, NOT_ENOUGH, NO_PATIENTS, NO_THRESHOLD, NOT_ENTERED
    source_url: str
    excluded: int = 0  # episodes left out for a missing or impossible date
    excluded_reason: str = ""
    numerator_ids: tuple[int, ...] = ()  # episode ids (drill-down only; never in a file)
    denominator_ids: tuple[int, ...] = ()
    note: str = ""
    outside_window: int = 0  # KPI 7: assessment 2 records NACR would not count

    @property
    def kind_is_share(self) -> bool:
        return self.unit == "%"

    @property
    def met(self) -> bool | None:
        return True if self.status == MET else False if self.status == NOT_MET else None


@dataclass(frozen=True)
class Rating:
    met: int
    assessed: int
    colour: str | None  # "green", "amber", "red"; None until all seven can be assessed
    text: str


@dataclass
class Cohort:
    """The episodes referred in the period, and what was left out."""

    period: Period
    episodes: list[EpisodeFacts] = field(default_factory=list)
    no_referral_date: int = 0
    opted_out: int = 0


def cohort(facts: Sequence[EpisodeFacts], period: Period) -> Cohort:
    c = Cohort(period)
    first, last = period.start, period.end  # period.contains, inlined: one call less each
    eps = c.episodes
    for f in facts:
        ref = f.referral
        if ref is None:
            c.no_referral_date += 1
        elif first <= ref <= last:
            eps.append(f)
    c.opted_out = sum(1 for f in eps if f.opted_out)
    return c


def days(a: dt.date | None, b: dt.date | None) -> int | None:
    return None if a is None or b is None else (b - a).days


def _result(std: KpiStandard, nation: str, value: float | None, num: int, den: int,
            min_den: int, *, threshold: float | None = None, no_patients: bool = False,
            excluded: int = 0, excluded_reason: str = "", num_ids: tuple[int, ...] = (),
            den_ids: tuple[int, ...] = (), note: str = "", outside_window: int = 0) -> KpiResult:
    th = std.thresholds.get(nation) if threshold is None else threshold
    if no_patients:
        status = NO_PATIENTS
    elif den < min_den or value is None:
        status = NOT_ENOUGH
    elif th is None:
        status = NO_THRESHOLD
    else:
        status = MET if std.met(value, th) else NOT_MET
    if status in (NO_PATIENTS, NOT_ENOUGH):
        value = None  # never a misleading percentage or median from a handful
    return KpiResult(std.id, std.number, std.title, std.unit, std.comparison, th, value, num,
                     den, status, std.source_url, excluded, excluded_reason, num_ids, den_ids,
                     note or std.note, outside_window)


def compute(facts: Sequence[EpisodeFacts], period: Period, standards: NcpCr, nation: str,
            *, as_of: dt.date, kpi1_professions: int | None = None,
            kpi7_threshold: float | None = None,
            only: str | None = None) -> tuple[Cohort, list[KpiResult]]:
    """``only``: compute just that KPI (an SPC chart's monthly points)."""
    c = cohort(facts, period)
    eps = c.episodes
    empty = not eps
    md = standards.minimum_denominator
    out: list[KpiResult] = []
    memo: dict[tuple[str | None, str | None], str] = {}
    groups: list[str] = []  # each episode's priority group, in the order of ``eps``
    wanted = [k for k in standards.kpis if only is None or k.id == only]
    if any(k.kind in ("priority_groups", "median_wait") for k in wanted):
        for f in eps:
            key = (f.initiating_event, f.treatment)
            g = memo.get(key)
            if g is None:
                g = memo[key] = standards.priority_group(*key)
            groups.append(g)
    for std in sorted(standards.kpis, key=lambda k: k.number):
        if only is not None and std.id != only:
            continue
        if std.kind == "mdt":
            th = std.thresholds.get(nation)
            if kpi1_professions is None:
                out.append(KpiResult(std.id, std.number, std.title, std.unit, std.comparison,
                                     th, None, 0, 0, NOT_ENTERED, std.source_url, note=std.note))
            else:
                status = NO_THRESHOLD if th is None else (
                    MET if std.met(kpi1_professions, th) else NOT_MET)
                out.append(KpiResult(std.id, std.number, std.title, std.unit, std.comparison,
                                     th, float(kpi1_professions), kpi1_professions, 0, status,
                                     std.source_url, note=std.note))
        elif std.kind == "priority_groups":
            seen = sorted(set(groups) & set(KPI2_GROUPS))
            ids = tuple(f.episode_id for f, g in zip(eps, groups, strict=True)
                        if g in KPI2_GROUPS)
            out.append(_result(std, nation, float(len(seen)), len(seen), len(KPI2_GROUPS), 0,
                               no_patients=empty, num_ids=ids, den_ids=ids,
                               note="Groups with at least one referral: "
                                    + (", ".join(standards.group_label(g) for g in seen)
                                       or "none")))
        elif std.kind == "median_duration":
            out.append(_duration(std, nation, eps, md, empty))
        elif std.kind == "a1_share":
            # The properties (started, completed) inlined: this runs over the period.
            started = [f for f in eps if f.start is not None]
            with_a1 = [f for f in started if f.a1 is not None]
            no_start = sum(1 for f in eps if f.start is None and f.outcome == "completed")
            out.append(_result(std, nation, _pct(len(with_a1), len(started)), len(with_a1),
                               len(started), md, no_patients=empty, excluded=no_start,
                               excluded_reason="completed with no start date",
                               num_ids=_ids(with_a1), den_ids=_ids(started)))
        elif std.kind == "median_wait":
            mine = [f for f, g in zip(eps, groups, strict=True) if g in std.groups]
            out.append(_wait(std, nation, mine, md, empty))
        elif std.kind == "a2_share":
            out.append(_a2(std, nation, eps, md, empty, as_of, kpi7_threshold))
    return c, out


def _ids(fs: Sequence[EpisodeFacts]) -> tuple[int, ...]:
    return tuple(map(_EPISODE_ID, fs))  # in C: these run over every episode of the period


_EPISODE_ID = itemgetter(0)  # EpisodeFacts.episode_id
assert EpisodeFacts._fields[0] == "episode_id"


def _pct(num: int, den: int) -> float | None:
    return None if den == 0 else 100 * num / den


def _duration(std: KpiStandard, nation: str, eps: list[EpisodeFacts], md: int,
              empty: bool) -> KpiResult:
    good, bad = [], 0
    for f in eps:
        start, end = f.start, f.end
        if start is None:
            continue
        if end is not None and end >= start:  # days(start, end) >= 0, inlined
            good.append((f, (end - start).days))
        elif f.outcome is not None:
            bad += 1  # finished (an outcome is recorded) but the end date is missing/impossible
    th = std.thresholds.get(nation)
    value = statistics.median([d for _, d in good]) if good else None
    num = [f for f, d in good if th is not None and std.met(d, th)]
    return _result(std, nation, value, len(num), len(good), md, no_patients=empty,
                   excluded=bad, excluded_reason="programme end date missing or before start",
                   num_ids=_ids(num), den_ids=_ids([f for f, _ in good]))


def _wait(std: KpiStandard, nation: str, mine: list[EpisodeFacts], md: int,
          empty: bool) -> KpiResult:
    good, bad = [], 0
    for f in mine:
        ref, start = f.referral, f.start
        if ref is not None and start is not None:  # days(ref, start), inlined
            if start >= ref:
                good.append((f, (start - ref).days))
            else:
                bad += 1
        elif start is None and f.outcome == "completed":
            bad += 1
    th = std.thresholds.get(nation)
    value = statistics.median([d for _, d in good]) if good else None
    num = [f for f, d in good if th is not None and std.met(d, th)]
    return _result(std, nation, value, len(num), len(good), md, no_patients=empty,
                   excluded=bad, excluded_reason="start date missing or before referral",
                   num_ids=_ids(num), den_ids=_ids([f for f, _ in good]))


def a2_eligible(f: EpisodeFacts, as_of: dt.date) -> bool:
    """Counted in KPI 7's denominator: A1 done, and either A2 done or NACR's 20-week
    window already closed (a patient still inside the window is not yet a miss)."""
    if f.a1 is None:
        return False
    return f.a2 is not None or a2_window_closes(f.a1) < as_of


def a2_split(eps: Sequence[EpisodeFacts],
             as_of: dt.date) -> tuple[list[EpisodeFacts], list[EpisodeFacts], int]:
    """KPI 7's denominator, numerator (A2 inside NACR's window) and how many of the
    denominator have an A2 NACR would not count."""
    # a2_eligible and care_status.a2_counts_for_nacr, inlined: this runs over every
    # episode of the SPC chart's 24 months as well as the period's.
    window = dt.timedelta(weeks=A2_WINDOW_WEEKS)
    den, num = [], []
    with_a2 = 0
    for f in eps:
        a1 = f.a1
        if a1 is None:
            continue
        a2 = f.a2
        if a2 is not None:
            den.append(f)
            with_a2 += 1
            if a1 <= a2 <= a1 + window:
                num.append(f)
        elif a1 + window < as_of:
            den.append(f)
    return den, num, with_a2 - len(num)


def _a2(std: KpiStandard, nation: str, eps: list[EpisodeFacts], md: int, empty: bool,
        as_of: dt.date, threshold: float | None) -> KpiResult:
    den, num, late = a2_split(eps, as_of)
    return _result(std, nation, _pct(len(num), len(den)), len(num), len(den), md,
                   threshold=threshold, no_patients=empty, num_ids=_ids(num), den_ids=_ids(den),
                   outside_window=late)


def rating(results: Sequence[KpiResult], standards: NcpCr) -> Rating:
    met = sum(1 for r in results if r.met is True)
    assessed = sum(1 for r in results if r.met is not None)
    total = len(results)
    if assessed < total:
        missing = ", ".join(f"KPI {r.number}" for r in results if r.met is None)
        return Rating(met, assessed, None,
                      f"Not rated: {missing} cannot be assessed yet ({met} of {assessed} "
                      "assessed met).")
    if met >= standards.rating_green:
        colour = "green"
    elif met >= standards.rating_amber_from:
        colour = "amber"
    else:
        colour = "red"
    return Rating(met, assessed, colour, f"{colour.capitalize()}: {met} of {total} KPIs met.")
