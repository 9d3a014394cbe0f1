"""The dashboard's fast path (the period's facts alone, read from the facts kept per
referral month, schema 14; the SPC months from the monthly summaries kept ready, schema
12) gives exactly the figures worked out from every episode's kept facts, on a random
clinic spread over three years, for several periods (one starting and ending inside a
month) and days, and again after random edits that move episodes between months, change
their dates or delete them (so a kept month that was not marked or dropped would show)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from crdesk.core.dashboard.figures import CHARTS
from crdesk.core.dashboard.periods import (
    Period,
    default_period,
    financial_year,
    parse_period,
    quarter,
    rolling_12_months,
)
from crdesk.core.episode import Episode
from crdesk.core.patient import Patient
from crdesk.services.dashboard import DashboardService
from crdesk.services.session import Session
from crdesk.storage import dashboard_months_repo, dashboard_repo, episodes_repo, patients_repo

START = dt.date(2024, 1, 1)
EVENTS = (("mi_stemi", "pci"), ("mi_nstemi", None), ("angina", "cabg"), ("heart_failure", None),
          (None, None), ("mi_stemi", "cabg"))


def _day(rng: random.Random, after: dt.date | None, lo: int, hi: int,
         missing: float = 0.25) -> str | None:
    if after is None or rng.random() < missing:
        return None
    return (after + dt.timedelta(days=rng.randint(lo, hi))).isoformat()


def _episode(rng: random.Random, pid: int, eid: int | None = None) -> Episode:
    ref = START + dt.timedelta(days=rng.randint(0, 1060)) if rng.random() > 0.05 else None
    start = _day(rng, ref, -5, 80)  # a few start before the referral (excluded)
    s = dt.date.fromisoformat(start) if start else None
    event, treatment = rng.choice(EVENTS)
    return Episode(eid, pid, initiating_event=event, treatment=treatment,
                   referral_date=ref.isoformat() if ref else None, programme_start=start,
                   programme_end=_day(rng, s, -3, 120),
                   outcome=rng.choice([None, "completed", "declined", "did_not_attend",
                                       "withdrew", "died"]))


def _assess(session: Session, rng: random.Random, eid: int, e: Episode) -> None:
    ref = dt.date.fromisoformat(e.referral_date) if e.referral_date else START
    a1 = _day(rng, ref, 0, 60, 0.3)
    if a1:
        episodes_repo.set_assessment(session._db, eid, "A1", done_date=a1)
        a2 = _day(rng, dt.date.fromisoformat(a1), -5, 200, 0.4)
        if a2:
            episodes_repo.set_assessment(session._db, eid, "A2", done_date=a2)


def _clinic(session: Session, rng: random.Random, n: int) -> list[int]:
    eids = []
    with session._db.transaction():
        for i in range(n):
            pid = patients_repo.insert(session._db, Patient(
                None, None, f"R{i}", f"Family{i}", f"Given{i}", "1955-06-01",
                rng.choice(["1", "2"]), rng.choice(["A", "M", None]), "LS1 1AA", None))
            e = _episode(rng, pid)
            eid = episodes_repo.insert(session._db, e)
            _assess(session, rng, eid, e)
            eids.append(eid)
    return eids


def _edit(session: Session, rng: random.Random, eids: list[int], steps: int) -> None:
    db = session._db
    with db.transaction():
        for _ in range(steps):
            kind = rng.choice(("move", "dates", "assessment", "new", "delete"))
            if kind == "new":
                pid = int(db.scalar("SELECT min(id) FROM patients"))
                e = _episode(rng, pid)
                eids.append(episodes_repo.insert(db, e))
                _assess(session, rng, eids[-1], e)
                continue
            eid = rng.choice(eids)
            e = episodes_repo.get(db, eid)
            assert e is not None
            if kind == "move":  # to another month (the old one's summary no longer holds)
                episodes_repo.update(db, dataclasses.replace(
                    e, referral_date=_episode(rng, e.patient_id).referral_date))
            elif kind == "dates":
                episodes_repo.update(db, dataclasses.replace(
                    e, programme_start=_episode(rng, e.patient_id).programme_start,
                    outcome=rng.choice([None, "completed", "declined"])))
            elif kind == "assessment":
                episodes_repo.set_assessment(db, eid, rng.choice(("A1", "A2")),
                                             done_date=_day(rng, START, 0, 1100, 0))
            else:
                eids.remove(eid)
                db.execute("DELETE FROM assessments WHERE episode_id = ?", (eid,))
                db.execute("DELETE FROM episodes WHERE id = ?", (eid,))


def _check(svc: DashboardService, period: Period, as_of: dt.date) -> None:
    charts = tuple(CHARTS)
    db = svc.session._db
    svc.refresh_kept_facts()
    # The facts kept per month (stored at the first read of a month, dropped by a change)
    # are the kept facts of the episodes referred in the period, row for row.
    assert dashboard_months_repo.period_facts(db, period.start, period.end) == \
        dashboard_repo.episode_facts(db, period.start, period.end), period
    fast = svc.figures(period, as_of=as_of, charts=charts)
    slow = svc.figures(period, as_of=as_of, charts=charts, facts=svc.facts(period))
    assert fast.charts == slow.charts, (period, as_of)
    assert fast == slow, (period, as_of)
    # Drill-downs: the same patients behind every KPI.
    for a, b in zip(fast.kpis, slow.kpis, strict=True):
        assert a.denominator_ids == b.denominator_ids and a.numerator_ids == b.numerator_ids


def test_fast_figures_equal_the_figures_of_every_episode_before_and_after_edits(
        admin: Session) -> None:
    rng = random.Random(12)
    eids = _clinic(admin, rng, 260)
    svc = DashboardService(admin)
    as_of = dt.date(2026, 11, 17)
    periods = [default_period(as_of), financial_year(2025), quarter(2025, 3),
               rolling_12_months(as_of), parse_period("2025-02-15..2025-08-20")]
    for period in periods:
        _check(svc, period, as_of)
    fig = svc.figures(periods[0], as_of=as_of)
    assert all(sum(p.n for p in c.points) > 40 for c in fig.charts)  # the charts have data
    kept = admin._db.scalar("SELECT count(*) FROM spc_month_summaries")
    assert kept >= 24  # whole months read are kept; marks remain only on months not read
    # (November 2026, cut short by the period, is worked out at each read, never kept)
    assert admin._db.scalar("SELECT min(month) FROM spc_month_stale") >= 2026 * 12 + 10
    months_kept = admin._db.scalar("SELECT count(*) FROM episode_fact_months")
    assert months_kept >= 20  # every month a period covered
    # A period reaching far outside the referrals stores only the months referred in.
    _check(svc, parse_period("1900-01-01..2099-12-31"), as_of)
    assert admin._db.scalar("SELECT count(*) FROM episode_fact_months") <= 12 * 4
    for round_ in range(4):
        _edit(admin, rng, eids, 25)
        svc.refresh_kept_facts()
        assert admin._db.scalar("SELECT count(*) FROM spc_month_stale")  # months marked
        # and the facts of the months the edits touched dropped (worked out at next read)
        assert admin._db.scalar("SELECT count(*) FROM episode_fact_months") < months_kept
        for period in periods:
            _check(svc, period, as_of - dt.timedelta(days=40 * round_))
