"""The dashboard service on a real encrypted clinic holding the hand-built clinic."""

from __future__ import annotations

import dataclasses
import json

import pytest

from crdesk.core.dashboard import kpis
from crdesk.errors import PermissionDeniedError, ValidationError
from crdesk.services import deprivation
from crdesk.services.dashboard import DashboardService, Standards
from crdesk.services.session import Session
from crdesk.storage import audit_repo
from tests.core.dashboard.hand_clinic import AS_OF, PERIOD, facts
from tests.helpers.dashboard_clinic import LOOKUP_CSV, write_hand_clinic


def small_standards() -> Standards:
    s = Standards()
    s.ncp_cr = dataclasses.replace(s.ncp_cr, minimum_denominator=1)
    return s


@pytest.fixture
def hand(admin: Session) -> Session:
    write_hand_clinic(admin)
    deprivation.import_text(admin, LOOKUP_CSV, "england", "lookup.csv")
    return admin


def _last_audit(session: Session) -> tuple[str, str, str, dict[str, object]]:
    e = audit_repo.entries(session._db, limit=1)[0]  # newest first
    return e.actor, e.action, e.entity_id, json.loads(e.detail)


def test_facts_from_the_database_match_the_hand_built_ones(hand: Session) -> None:
    got = {f.patient_id: f for f in DashboardService(hand).facts()}
    assert len(got) == len(facts())
    by_ref = {(f.referral, f.initiating_event, f.treatment): f for f in got.values()}
    for want in facts():
        f = by_ref[(want.referral, want.initiating_event, want.treatment)]
        assert (f.start, f.end, f.a1, f.a2, f.outcome) == (want.start, want.end, want.a1,
                                                           want.a2, want.outcome)
        assert (f.age, f.sex, f.ethnic, f.opted_out) == (want.age, want.sex, want.ethnic,
                                                         want.opted_out)
        assert f.decile == want.decile  # through the imported lookup; none -> None
        assert dict(f.a1_values) == {k: float(v) for k, v in want.a1_values.items()}
        assert dict(f.a2_values) == {k: float(v) for k, v in want.a2_values.items()}
        assert "episode.referral_date" in f.present or want.referral is None


def test_kpis_from_the_database(hand: Session, staff: Session) -> None:
    fig = DashboardService(hand, small_standards()).figures(PERIOD, as_of=AS_OF)
    k = {r.number: r for r in fig.kpis}
    assert (k[3].value, k[4].numerator, k[4].denominator, k[5].value, k[6].value) == (
        56, 4, 5, 45, 25)
    assert (k[7].numerator, k[7].denominator, k[7].status) == (1, 3, kpis.NO_THRESHOLD)
    assert fig.cohort.opted_out == 1 and fig.cohort.no_referral_date == 1
    assert k[1].status == kpis.NOT_ENTERED
    # Staff may view the same figures.
    fig2 = DashboardService(staff, small_standards()).figures(PERIOD, as_of=AS_OF)
    assert [r.value for r in fig2.kpis] == [r.value for r in fig.kpis]


def test_admin_settings_are_admin_only_and_audited(hand: Session, staff: Session) -> None:
    svc = DashboardService(hand, small_standards())
    svc.set_kpi1_professions(4)
    assert _last_audit(hand)[1] == "dashboard.kpi1"
    svc.set_kpi7_threshold(30)
    actor, action, _, detail = _last_audit(hand)
    assert (actor, action, detail["percent"]) == ("admin", "dashboard.kpi7_threshold", 30)
    svc.set_nation("wales")
    fig = svc.figures(PERIOD, as_of=AS_OF)
    k = {r.number: r for r in fig.kpis}
    assert (k[1].status, k[7].status, k[5].status) == (kpis.MET, kpis.MET, kpis.NOT_MET)
    assert fig.nation == "wales" and fig.rating.colour == "amber"
    for call in (lambda s: s.set_kpi1_professions(5), lambda s: s.set_kpi7_threshold(10),
                 lambda s: s.set_nation("england")):
        with pytest.raises(PermissionDeniedError):
            call(DashboardService(staff))
    with pytest.raises(ValidationError):
        svc.set_kpi7_threshold(150)
    with pytest.raises(ValidationError):
        svc.set_nation("scotland")


def test_drill_down_returns_patients_and_is_audited(hand: Session, staff: Session) -> None:
    svc = DashboardService(staff, small_standards())
    fig = svc.figures(PERIOD, as_of=AS_OF)
    k7 = next(r for r in fig.kpis if r.number == 7)
    patients = svc.drill_down(k7.denominator_ids, "kpi7.denominator")
    assert len(patients) == 3
    actor, action, entity_id, detail = _last_audit(staff)
    assert (actor, action, entity_id, detail["patients"]) == (
        "staff", "dashboard.drill_down", "kpi7.denominator", 3)


def test_equity_deprivation_through_the_lookup(hand: Session) -> None:
    fig = DashboardService(hand, small_standards()).figures(PERIOD, as_of=AS_OF)
    dep = {r.group: r.uptake.referred for r in fig.equity["deprivation_quintile"]}
    assert dep == {"1 (most deprived)": 2, "2": 2, "3": 0, "4": 0, "5 (least deprived)": 2,
                   "Not known": 1}


def test_an_empty_clinic(admin: Session) -> None:
    fig = DashboardService(admin).figures(PERIOD, as_of=AS_OF)
    assert fig.empty and all(r.status in (kpis.NO_PATIENTS, kpis.NOT_ENTERED)
                             for r in fig.kpis)


def test_preflight_count_is_the_exports_own(hand: Session) -> None:
    fig = DashboardService(hand, small_standards()).figures(PERIOD, as_of=AS_OF,
                                                            with_preflight=True)
    # Held back (all periods): no assessment 1 (E3, E4, E6, E7, E10; E10 also has no date
    # of birth), no referral date (E9), and E8's gender 9: an old PERSON STATED GENDER code
    # with no GENDER IDENTITY equivalent (issue 10), held back until staff choose again.
    # E5 opted out: never a row. E1 and E2 are ready.
    assert fig.completeness.held_back == 7
    c = {f.column: f for f in fig.completeness.fields}
    assert c["REFERRAL_DATE"].of == 6  # seven referred, one opted out
    assert c["A1_DATE"].present == 3  # E1, E2, E8 (E5 opted out)


def test_facts_for_a_period_read_only_the_months_shown(hand: Session) -> None:
    import datetime as dt

    from crdesk.core.dashboard.periods import financial_year

    svc = DashboardService(hand, small_standards())
    later = svc.facts(financial_year(2030))  # SPC months from April 2029: none referred
    assert [f.referral for f in later] == [None]  # only E9, kept to be counted
    fig_all = svc.figures(PERIOD, as_of=AS_OF, facts=svc.facts())
    fig = svc.figures(PERIOD, as_of=AS_OF)
    assert [(k.value, k.numerator, k.denominator) for k in fig.kpis] == [
        (k.value, k.numerator, k.denominator) for k in fig_all.kpis]
    assert fig.cohort.no_referral_date == 1
    assert svc.facts(financial_year(2026))[0].referral == dt.date(2026, 4, 1)
