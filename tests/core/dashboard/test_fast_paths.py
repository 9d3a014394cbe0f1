"""The dashboard's fast paths equal the plain definitions they replace, on random clinics:
the equity tables counted once for all four dimensions, the equity signatures and outcomes
measure by measure, KPI 7's split, and completeness grouped by the sets of present
fields."""

from __future__ import annotations

import datetime as dt
import random

from crdesk.core.care_status import a2_counts_for_nacr
from crdesk.core.dashboard import activity, equity, kpis
from crdesk.core.dashboard.completeness import FACT_SOURCES, completeness
from crdesk.core.dashboard.facts import EpisodeFacts
from crdesk.core.dashboard.standards import load_equity, load_ncp_cr

NCP = load_ncp_cr()
GROUPS = load_equity()
TODAY = dt.date(2026, 12, 1)


def _random_facts(seed: int, n: int = 600) -> list[EpisodeFacts]:
    rng = random.Random(seed)

    def day(lo: int, hi: int) -> dt.date | None:
        return None if rng.random() < 0.25 else TODAY + dt.timedelta(days=rng.randint(lo, hi))

    out = []
    for i in range(n):
        a1 = day(-500, 0)
        out.append(EpisodeFacts(
            i, 1000 + i, day(-600, 0), day(-550, 0), day(-450, 0), a1,
            (a1 + dt.timedelta(days=rng.randint(-10, 200))) if a1 and rng.random() < 0.6
            else None, None, rng.choice(["mi_stemi", "angina", None]),
            rng.choice(["pci", "cabg", None]), None,
            rng.choice([None, "completed", "declined", "withdrew"]),
            rng.choice([None, 34, 58, 67, 81]), rng.choice([None, "1", "2", "9", "X"]),
            rng.choice([None, "A", "H", "M", "Z", "99"]), rng.choice([None, *range(1, 11)]),
            rng.random() < 0.1,
            {"bmi": rng.uniform(18, 40)} if rng.random() < 0.5 else {},
            {k: v for k, v in (("bmi", rng.uniform(18, 40)),
                               ("hads_anxiety", float(rng.randint(0, 21))),
                               ("smoking", float(rng.randint(0, 1)))) if rng.random() < 0.6},
            frozenset(s for s in FACT_SOURCES if rng.random() < 0.8)))
    return out


def test_all_breakdowns_at_once_equal_each_breakdown() -> None:
    for seed in range(5):
        eps = _random_facts(seed)
        together = equity.breakdowns(eps, GROUPS, NCP)
        assert list(together) == list(equity.DIMENSIONS)
        for d in equity.DIMENSIONS:
            assert together[d] == equity.breakdown(eps, d, GROUPS, NCP), (seed, d)
        assert sum(r.uptake.referred for r in together["sex"]) == len(eps)


def test_signatures_and_outcomes_equal_their_definitions() -> None:
    for seed in range(5):
        eps = _random_facts(seed)
        assert equity.signatures(eps, NCP) == [equity.signature(f, NCP) for f in eps]
        assert activity.outcomes(eps, NCP) == activity._outcomes_plain(eps, NCP), seed
        assert any(line.change_n for line in activity.outcomes(eps, NCP))
    assert equity.signatures([], NCP) == [] and activity.outcomes([], NCP)[0].a1_n == 0


def test_kpi7_split_equals_its_definition() -> None:
    for seed in range(5):
        eps = _random_facts(seed)
        for as_of in (TODAY, TODAY - dt.timedelta(days=120)):
            den, num, late = kpis.a2_split(eps, as_of)
            want_den = [f for f in eps if kpis.a2_eligible(f, as_of)]
            want_num = [f for f in want_den if f.a2 is not None and f.a1 is not None
                        and a2_counts_for_nacr(f.a1, f.a2)]
            assert den == want_den and num == want_num
            assert late == sum(1 for f in want_den if f.a2 is not None) - len(want_num)
            assert num and len(num) < len(den)  # the random clinic has both kinds


def test_completeness_grouped_equals_per_episode() -> None:
    eps = _random_facts(3)
    columns = [(f"col_{s}", s, i % 2 == 0) for i, s in enumerate(FACT_SOURCES)]
    c = completeness(eps, columns)
    going = [f for f in eps if not f.opted_out]
    assert c.episodes == len(going)
    for field, (_, source, _) in zip(c.fields, columns, strict=True):
        want = tuple(f.episode_id for f in going if source not in f.present)
        assert field.missing_ids == want
        assert field.present == len(going) - len(want)
