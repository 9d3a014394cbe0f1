"""XmR (individuals) charts with the special-cause rules of NHS England's Making Data Count.

Method (numbers from standards/spc-making-data-count.yaml):
- centre line: the mean of the points; moving range |x_i - x_(i-1)| between consecutive
  points; process limits: mean +/- limit_factor x mean moving range (2.66 = 3 / 1.128);
  "two sigma": mean +/- near_limit_fraction x (limit - mean).
- special cause: a point outside the limits; a run of ``shift_points`` all above or all
  below the mean (a point exactly on the mean ends the run); ``trend_points`` in a row each
  higher (or each lower) than the one before (an equal value ends the trend); 2 of 3
  consecutive points beyond two sigma on the same side.
- variation label: of the latest point, as Making Data Count's icons do: common cause, or
  special cause improving / concerning (which side is better belongs to the measure).
- assurance against a target: the target outside the limits on the bad side of the whole
  process -> consistently met; between the limits -> hit and miss; outside on the good
  side -> consistently not met.
- fewer than ``minimum_points`` points: a run chart without limits, with the reason.

Months without any patient have no point (a gap, not a zero).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crdesk.core.dashboard.standards import SpcRules

COMMON = "common cause"
IMPROVING = "special cause improving"
CONCERNING = "special cause concerning"
MET = "consistently met"
HIT_AND_MISS = "hit and miss"
NOT_MET = "consistently not met"


@dataclass(frozen=True)
class Point:
    label: str  # "2026-04"
    value: float | None  # None: no patients that month
    n: int = 0  # patients behind the value (for suppression)


@dataclass
class SpcChart:
    title: str
    better: str  # "higher" or "lower"
    unit: str
    points: list[Point]
    mean: float | None = None
    mean_moving_range: float | None = None
    upper: float | None = None
    lower: float | None = None
    upper_near: float | None = None
    lower_near: float | None = None
    # index into ``points`` -> the rules that flagged it ("outside", "shift", "trend",
    # "two_of_three") and the side ("high"/"low")
    special: dict[int, tuple[set[str], str]] = field(default_factory=dict)
    variation: str | None = None
    assurance: str | None = None
    target: float | None = None
    reason: str = ""  # why there are no limits or no assurance label

    @property
    def has_limits(self) -> bool:
        return self.upper is not None


def _runs(values: list[float], test: object) -> list[list[int]]:
    """Maximal runs of consecutive indices where ``test(i)`` holds."""
    runs: list[list[int]] = []
    cur: list[int] = []
    for i in range(len(values)):
        if test(i):  # type: ignore[operator]
            cur.append(i)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def xmr(title: str, points: list[Point], rules: SpcRules, *, better: str,
        target: float | None = None, unit: str = "") -> SpcChart:
    if better not in ("higher", "lower"):
        raise ValueError("better must be 'higher' or 'lower'")
    chart = SpcChart(title, better, unit, points, target=target)
    present = [(i, p.value) for i, p in enumerate(points) if p.value is not None]
    if not present:
        chart.reason = "No data in this period."
        return chart
    idx = [i for i, _ in present]
    xs = [float(v) for _, v in present if v is not None]
    chart.mean = sum(xs) / len(xs)
    if len(xs) < rules.minimum_points:
        chart.reason = (f"Only {len(xs)} month(s) with data: process limits need at least "
                        f"{rules.minimum_points} ({rules.title}), so this is a run chart.")
        return chart
    mrs = [abs(b - a) for a, b in zip(xs, xs[1:], strict=False)]
    chart.mean_moving_range = sum(mrs) / len(mrs)
    half = rules.limit_factor * chart.mean_moving_range
    m = chart.mean
    chart.upper, chart.lower = m + half, m - half
    chart.upper_near = m + rules.near_limit_fraction * half
    chart.lower_near = m - rules.near_limit_fraction * half

    def flag(k: int, rule: str, side: str) -> None:
        pos = idx[k]
        rules_set, _ = chart.special.setdefault(pos, (set(), side))
        rules_set.add(rule)
        # A point flagged on both sides cannot happen for one rule; keep the first side.

    for k, x in enumerate(xs):
        if x > chart.upper:
            flag(k, "outside", "high")
        elif x < chart.lower:
            flag(k, "outside", "low")
    for side, test in (("high", lambda k: xs[k] > m), ("low", lambda k: xs[k] < m)):
        for run in _runs(xs, test):
            if len(run) >= rules.shift_points:
                for k in run:
                    flag(k, "shift", side)
    # Trends: runs of strict rises (or falls); a run of r steps covers r + 1 points.
    for side, step in (("high", lambda k: k > 0 and xs[k] > xs[k - 1]),
                       ("low", lambda k: k > 0 and xs[k] < xs[k - 1])):
        for run in _runs(xs, step):
            if len(run) + 1 >= rules.trend_points:
                for k in [run[0] - 1, *run]:
                    flag(k, "trend", side)
    if rules.two_of_three:
        for side, beyond in (("high", lambda k: xs[k] > chart.upper_near),  # type: ignore[operator]
                             ("low", lambda k: xs[k] < chart.lower_near)):  # type: ignore[operator]
            for start in range(len(xs) - 2):
                window = [k for k in range(start, start + 3) if beyond(k)]
                if len(window) >= 2:
                    for k in window:
                        flag(k, "two_of_three", side)
    last = idx[-1]
    if last in chart.special:
        side = chart.special[last][1]
        good = (side == "high") == (better == "higher")
        chart.variation = IMPROVING if good else CONCERNING
    else:
        chart.variation = COMMON
    chart.assurance = assurance(chart.lower, chart.upper, target, better)
    if target is None:
        chart.reason = "No target set, so no assurance label."
    return chart


def assurance(lower: float | None, upper: float | None, target: float | None,
              better: str) -> str | None:
    if target is None or lower is None or upper is None:
        return None
    if better == "higher":
        if target <= lower:
            return MET
        return NOT_MET if target > upper else HIT_AND_MISS
    if target >= upper:
        return MET
    return NOT_MET if target < lower else HIT_AND_MISS
