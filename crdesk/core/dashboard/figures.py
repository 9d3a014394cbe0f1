"""Every dashboard figure for one period and nation, from the episode facts.

``compute`` is what the dashboard screen, the service report and the bench call; it is
pure and takes the facts, the standards and the admin's two settings (KPI 1, the KPI 7
threshold). ``monthly_series`` feeds the SPC charts: the charts cover the
``SPC_MONTHS`` months to the end of the period, so that the limits rest on enough points
even for a quarter.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from crdesk.core.care_status import add_months
from crdesk.core.dashboard import activity, equity, kpis, monthly, spc
from crdesk.core.dashboard.activity import GroupTimes, OutcomeLine, Uptake
from crdesk.core.dashboard.completeness import Completeness, completeness
from crdesk.core.dashboard.equity import EquityRow
from crdesk.core.dashboard.facts import EpisodeFacts
from crdesk.core.dashboard.kpis import Cohort, KpiResult, Rating
from crdesk.core.dashboard.periods import Period
from crdesk.core.dashboard.standards import EquityGroups, NcpCr, SpcRules

SPC_MONTHS = 24
# Charts offered: id -> (title, better, unit). "wait" and "a2_share" are the default pair.
CHARTS: dict[str, tuple[str, str, str]] = {
    "wait": ("Median wait, referral to start (all groups)", "lower", "days"),
    "a2_share": ("Assessment 2 recorded (% of those due)", "higher", "%"),
    "kpi3": ("Median duration, start to end", "higher", "days"),
    "kpi4": ("Assessment 1 recorded (% of those who started)", "higher", "%"),
    "kpi5": ("CABG median wait, referral to start", "lower", "days"),
    "kpi6": ("MI / PCI median wait, referral to start", "lower", "days"),
    "uptake": ("Uptake (% who started of those decided)", "higher", "%"),
}
DEFAULT_CHARTS = ("wait", "a2_share")


@dataclass
class Figures:
    period: Period
    nation: str
    edition: str
    as_of: dt.date
    cohort: Cohort
    kpis: list[KpiResult]
    rating: Rating
    uptake: Uptake
    times: list[GroupTimes]
    outcomes: list[OutcomeLine]
    equity: dict[str, list[EquityRow]]
    completeness: Completeness
    charts: list[spc.SpcChart] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.cohort.episodes


def compute(facts: Sequence[EpisodeFacts], period: Period, nation: str, *, standards: NcpCr,
            groups: EquityGroups, rules: SpcRules, as_of: dt.date,
            kpi1_professions: int | None = None, kpi7_threshold: float | None = None,
            export_columns: Sequence[tuple[str, str, bool]] = (),
            held_back: int | None = None,
            charts: Sequence[str] = DEFAULT_CHARTS,
            month_summaries: Mapping[tuple[int, int], monthly.MonthSummary] | None = None
            ) -> Figures:
    """``month_summaries``: the SPC months' summaries (monthly.py; a month not in it had
    no referrals), when the caller has them; then ``facts`` need hold only the period's
    episodes (and those without a referral date), and every chart ``monthly.supports``
    is worked out from the summaries. Without them the charts come from ``facts``, which
    must then cover the SPC months (``spc_months``)."""
    cohort, results = kpis.compute(facts, period, standards, nation, as_of=as_of,
                                   kpi1_professions=kpi1_professions,
                                   kpi7_threshold=kpi7_threshold)
    eps = cohort.episodes
    sigs = equity.signatures(eps, standards)
    fig = Figures(
        period, nation, standards.edition, as_of, cohort, results,
        kpis.rating(results, standards), activity.uptake(eps),
        activity.times_by_group(eps, standards), activity.outcomes(eps, standards),
        equity.breakdowns(eps, groups, standards, sigs),
        completeness(eps, export_columns, held_back))
    months = spc_months(period)
    if month_summaries is not None:
        if not all(monthly.supports(c, standards) for c in charts):
            raise ValueError("a chart without a monthly summary needs the SPC months' facts")
        nobody = monthly.MonthSummary()
        for cid in charts:
            points = [spc.Point(f"{y}-{m:02d}", *month_summaries.get((y, m), nobody).point(
                cid, standards, as_of)) for y, m in months]
            fig.charts.append(chart_of_points(cid, points, standards, nation, rules,
                                              kpi7_threshold))
        return fig
    by_month = _by_referral_month(facts)
    for cid in charts:
        fig.charts.append(chart(cid, by_month, months, standards, nation, rules, as_of,
                                kpi7_threshold))
    return fig


def spc_months(period: Period) -> list[tuple[int, int]]:
    last = period.end.replace(day=1)
    first = add_months(last, -(SPC_MONTHS - 1))
    return Period(first, period.end, "spc").months()


def _by_referral_month(facts: Sequence[EpisodeFacts]) -> dict[tuple[int, int],
                                                               list[EpisodeFacts]]:
    by: dict[tuple[int, int], list[EpisodeFacts]] = defaultdict(list)
    for f in facts:
        if f.referral is not None:
            by[(f.referral.year, f.referral.month)].append(f)
    return by


def _month_value(cid: str, eps: list[EpisodeFacts], standards: NcpCr, nation: str,
                 as_of: dt.date, kpi7_threshold: float | None) -> tuple[float | None, int]:
    """(value, patients behind it) for one month's referrals."""
    if cid == "wait":
        waits = [d for f in eps if (d := kpis.days(f.referral, f.start)) is not None and d >= 0]
        return (statistics.median(waits) if waits else None), len(waits)
    if cid == "uptake":
        u = activity.uptake(eps)
        den = u.started + u.not_started
        return (100 * u.started / den if den else None), den
    if cid == "a2_share":  # KPI 7 as kpis.compute works it out, without the rest
        due, done, _ = kpis.a2_split([f for f in eps if f.referral is not None], as_of)
        return (100 * len(done) / len(due) if due else None), len(due)
    kid = cid
    loose = replace(standards, minimum_denominator=1)  # each month is small by nature
    period = Period(dt.date(1900, 1, 1), dt.date(9999, 12, 31), "all")
    _, results = kpis.compute(eps, period, loose, nation, as_of=as_of,
                              kpi7_threshold=kpi7_threshold, only=kid)
    r = results[0]
    return r.value, r.denominator


def chart(cid: str, by_month: dict[tuple[int, int], list[EpisodeFacts]],
          months: list[tuple[int, int]], standards: NcpCr, nation: str, rules: SpcRules,
          as_of: dt.date, kpi7_threshold: float | None) -> spc.SpcChart:
    if cid not in CHARTS:
        raise ValueError(f"unknown chart {cid}; choose from {', '.join(CHARTS)}")
    points = []
    for y, m in months:
        value, n = _month_value(cid, by_month.get((y, m), []), standards, nation, as_of,
                                kpi7_threshold)
        points.append(spc.Point(f"{y}-{m:02d}", value, n))
    return chart_of_points(cid, points, standards, nation, rules, kpi7_threshold)


def chart_of_points(cid: str, points: list[spc.Point], standards: NcpCr, nation: str,
                    rules: SpcRules, kpi7_threshold: float | None) -> spc.SpcChart:
    """Chart ``cid`` (its title, direction and target) over its monthly points."""
    if cid not in CHARTS:
        raise ValueError(f"unknown chart {cid}; choose from {', '.join(CHARTS)}")
    title, better, unit = CHARTS[cid]
    target = None
    kid = "kpi7" if cid == "a2_share" else cid
    if kid.startswith("kpi"):
        target = standards.kpi(kid).thresholds.get(nation)
        if kid == "kpi7" and kpi7_threshold is not None:
            target = kpi7_threshold
    return spc.xmr(title, points, rules, better=better, target=target, unit=unit)
