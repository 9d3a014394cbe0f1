"""Every KPI, uptake, outcome and equity figure of the hand-built clinic (hand_clinic.py),
worked out by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from crdesk.core.dashboard import activity, equity, kpis
from crdesk.core.dashboard.figures import compute
from crdesk.core.dashboard.periods import Period
from crdesk.core.dashboard.standards import load_equity, load_ncp_cr, load_spc
from tests.core.dashboard.hand_clinic import AS_OF, PERIOD, facts

NCP = load_ncp_cr()
SMALL = dataclasses.replace(NCP, minimum_denominator=1)  # a hand-built clinic is tiny


def run(nation: str = "england", standards=SMALL, kpi1=3, kpi7=None):  # type: ignore[no-untyped-def]
    cohort, results = kpis.compute(facts(), PERIOD, standards, nation, as_of=AS_OF,
                                   kpi1_professions=kpi1, kpi7_threshold=kpi7)
    return cohort, {r.number: r for r in results}


def test_cohort_boundaries_missing_dates_and_opt_outs() -> None:
    cohort, _ = run()
    # E1 on the first day and E2 on the last are in; E3 the day before and E4 after are out.
    assert sorted(f.episode_id for f in cohort.episodes) == [1, 2, 5, 6, 7, 8, 10]
    assert cohort.no_referral_date == 1  # E9
    assert cohort.opted_out == 1  # E5 counts in the clinic's own figures


def test_kpis_england_by_hand() -> None:
    _, k = run()
    assert (k[1].value, k[1].status) == (3, kpis.MET)
    # KPI 2: MI (E8), MI + PCI (E1, E10), PCI (E7), CABG (E2, E6), heart failure (E5).
    assert (k[2].numerator, k[2].denominator, k[2].status) == (5, 5, kpis.MET)
    # KPI 3: durations 61 (E1), 56 (E5), 41 (E6) -> median 56 >= 56 (the boundary).
    assert (k[3].value, k[3].numerator, k[3].denominator, k[3].status) == (56, 2, 3, kpis.MET)
    # KPI 4: started E1 E2 E5 E6 E8; A1 on all but E6 -> 4/5 = 80 % >= 80 (the boundary).
    assert (k[4].numerator, k[4].denominator) == (4, 5)
    assert k[4].value == pytest.approx(80.0) and k[4].status == kpis.MET
    # KPI 5: CABG waits 50 (E2), 40 (E6) -> median 45 <= 46; one patient within 46.
    assert (k[5].value, k[5].numerator, k[5].denominator, k[5].status) == (45, 1, 2, kpis.MET)
    # KPI 6: MI/PCI waits 30 (E1), 20 (E8); E7 and E10 never started -> median 25 <= 33.
    assert (k[6].value, k[6].numerator, k[6].denominator, k[6].status) == (25, 2, 2, kpis.MET)
    # KPI 7: due: E1 (A2 done), E5 (A2 done, but 174 days after A1), E8 (window closed,
    # no A2); E2 is still inside its window. Counted: E1 only -> 1/3.
    assert (k[7].numerator, k[7].denominator, k[7].outside_window) == (1, 3, 1)
    assert k[7].value == pytest.approx(100 / 3)
    assert k[7].status == kpis.NO_THRESHOLD and k[7].threshold is None
    assert set(k[7].denominator_ids) == {1, 5, 8} and k[7].numerator_ids == (1,)


def test_rating_needs_every_kpi() -> None:
    _, k = run()
    r = kpis.rating(list(k.values()), NCP)
    assert r.colour is None and "KPI 7" in r.text and r.met == 6
    _, k = run(kpi7=30)  # 33.3 % >= 30
    assert k[7].status == kpis.MET
    assert kpis.rating(list(k.values()), NCP).colour == "green"
    _, k = run(kpi7=50)
    assert kpis.rating(list(k.values()), NCP).colour == "amber"
    _, k = run(kpi1=None, kpi7=50)
    assert k[1].status == kpis.NOT_ENTERED


def test_thresholds_differ_by_nation() -> None:
    _, k = run("wales")  # KPI 4 >= 68, KPI 5 <= 42, KPI 6 <= 26
    assert (k[4].status, k[5].status, k[6].status) == (kpis.MET, kpis.NOT_MET, kpis.MET)
    assert k[5].threshold == 42
    _, k = run("northern_ireland")  # KPI 4 >= 88, KPI 5 <= 52, KPI 6 <= 40
    assert (k[4].status, k[5].status, k[6].status) == (kpis.NOT_MET, kpis.MET, kpis.MET)


def test_a_small_denominator_says_not_enough_patients() -> None:
    _, k = run(standards=NCP)  # the edition's minimum of 8 patients
    for n in (3, 4, 5, 6, 7):
        assert k[n].status == kpis.NOT_ENOUGH and k[n].value is None
        assert k[n].met is None
    assert k[4].denominator == 5  # the counts are still there for the screen


def test_a_period_with_no_patients() -> None:
    empty = Period(dt.date(2030, 4, 1), dt.date(2031, 3, 31), "FY 2030/31")
    cohort, results = kpis.compute(facts(), empty, SMALL, "england", as_of=AS_OF)
    assert cohort.episodes == []
    assert all(r.status == kpis.NO_PATIENTS for r in results if r.number > 1)
    fig = compute(facts(), empty, "england", standards=SMALL, groups=load_equity(),
                  rules=load_spc(), as_of=AS_OF)
    assert fig.empty and fig.uptake.referred == 0
    assert all(o.a1_n == 0 and o.mean_change is None for o in fig.outcomes)


def test_uptake_completion_and_reasons() -> None:
    cohort, _ = run()
    u = activity.uptake(cohort.episodes)
    # The equity tables count the same way (by signature): all groups add up to it.
    rows = equity.breakdown(cohort.episodes, "sex", load_equity(), NCP)
    assert sum(r.uptake.finished for r in rows) == 3
    assert sum(r.uptake.in_programme for r in rows) == 2
    assert (u.referred, u.started, u.not_started, u.waiting) == (7, 5, 1, 1)
    assert (u.finished, u.completed, u.in_programme) == (3, 2, 2)
    assert u.reasons_not_started == {"declined": 1}
    assert u.reasons_not_finished == {"withdrew": 1}


def test_waits_and_durations_by_priority_group() -> None:
    cohort, _ = run()
    g = {t.group: t for t in activity.times_by_group(cohort.episodes, NCP)}
    assert (g["cabg"].referred, g["cabg"].wait_median, g["cabg"].wait_n) == (2, 45, 2)
    assert (g["cabg"].duration_median, g["cabg"].duration_n) == (41, 1)
    assert (g["mi_pci"].referred, g["mi_pci"].wait_median, g["mi_pci"].wait_n) == (2, 30, 1)
    assert (g["heart_failure"].wait_median, g["heart_failure"].duration_median) == (14, 56)
    assert g["other"].referred == 0 and g["other"].wait_median is None


def test_outcomes_optimal_shares_and_mean_change() -> None:
    cohort, _ = run()
    o = {x.measure: x for x in activity.outcomes(cohort.episodes, NCP)}
    # BMI < 30: A1 31, 28, 32 -> 1 of 3; A2 29, 27 -> 2 of 2; change -2, -1 -> -1.5 (n 2)
    assert (o["bmi"].a1_optimal, o["bmi"].a1_n, o["bmi"].a2_optimal, o["bmi"].a2_n) == (
        1, 3, 2, 2)
    assert o["bmi"].mean_change == pytest.approx(-1.5) and o["bmi"].change_n == 2
    # >= 150 minutes: 60 -> 150 (the boundary counts as optimal)
    assert (o["active_minutes_week"].a1_optimal, o["active_minutes_week"].a2_optimal) == (0, 1)
    assert o["active_minutes_week"].mean_change == pytest.approx(90)
    # HADS anxiety < 8: A1 9, 7 -> 1 of 2; A2 6, 7 -> 2 of 2; change -3, 0 -> -1.5
    assert (o["hads_anxiety"].a1_optimal, o["hads_anxiety"].a2_optimal) == (1, 2)
    assert o["hads_anxiety"].mean_change == pytest.approx(-1.5)
    # Not smoking: 0 of 1 -> 1 of 1; no mean change for a yes/no measure
    assert (o["smoking"].a1_optimal, o["smoking"].a2_optimal) == (0, 1)
    assert o["smoking"].mean_change is None and o["smoking"].change_n == 0
    assert o["hads_depression"].a1_n == 0


def test_equity_breakdowns() -> None:
    cohort, _ = run()
    groups = load_equity()
    eth = {r.group: r for r in equity.breakdown(cohort.episodes, "ethnic_group", groups, NCP)}
    assert (eth["White"].uptake.referred, eth["White"].uptake.started) == (2, 1)  # E1, E10
    assert eth["White"].a2_recorded == 1
    assert eth["Asian or Asian British"].uptake.referred == 1  # E2 (H)
    assert eth["Not stated"].uptake.referred == 1  # E5 (Z)
    assert eth["Not known"].uptake.referred == 1  # E7 (no code)
    assert eth["Mixed"].uptake.referred == 0  # listed although empty
    dep = {r.group: r for r in equity.breakdown(cohort.episodes, "deprivation_quintile",
                                                groups, NCP)}
    # deciles 1 (E1), 2 (E8) -> quintile 1; 3 (E6), 4 (E7) -> 2; 9 (E10), 10 (E2) -> 5
    assert equity.members(cohort.episodes, "deprivation_quintile", "1 (most deprived)",
                          groups) == [1, 8]
    assert dep["2"].uptake.referred == 2 and dep["5 (least deprived)"].uptake.referred == 2
    assert dep["Not known"].uptake.referred == 1  # E5: a postcode not in the lookup
    assert dep["1 (most deprived)"].a2_optimal["bmi"] == (1, 1)
    age = {r.group: r.uptake.referred for r in equity.breakdown(cohort.episodes, "age_band",
                                                                groups, NCP)}
    assert age == {"under 40": 1, "40-49": 1, "50-59": 1, "60-69": 1, "70-79": 1,
                   "80 and over": 1, "Not known": 1}
    sex = {r.group: r.uptake.referred for r in equity.breakdown(cohort.episodes, "sex",
                                                                groups, NCP)}
    assert sex == {"Male": 3, "Female": 3, "Non-binary": 0, "Other": 0,
                   "Indeterminate (old code)": 1, "Not known": 0}
