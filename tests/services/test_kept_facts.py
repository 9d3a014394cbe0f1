"""The dashboard's and worklist's kept-ready facts (schema 5) on a real encrypted clinic:
after any mix of writes they equal a full recomputation, the worklist read from the kept
windows equals the worklist built from every episode, and a change of nation or
deprivation lookup works every episode out again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from crdesk.core.dashboard.worklist import EPISODE_GROUPS, WorkItem, build
from crdesk.core.episode import Episode
from crdesk.services.dashboard import DashboardService
from crdesk.services.session import Session
from crdesk.services.worklist import WorklistService
from crdesk.storage import (
    dashboard_repo,
    episodes_repo,
    patients_repo,
    responses_repo,
    worklist_repo,
)
from tests.helpers.dashboard_clinic import write_hand_clinic

TODAY = dt.date(2026, 12, 1)


def key(items: list[WorkItem]) -> list[tuple[object, ...]]:
    return sorted((i.group, i.episode_id, i.due, i.days_left, i.reason)
                  for i in items if i.group in EPISODE_GROUPS)


def _full(s: Session) -> list[object]:
    """The facts worked out again from the source tables (a new generation)."""
    dash = DashboardService(s)
    db = s._db
    dashboard_repo.refresh_kept_facts(db, "forced " + dash.facts_generation(), dash.nation(),
                                      dash.standards.ncp_cr.priority_group,
                                      WorklistService(s).wait_thresholds())
    out = [tuple(f) for f in dashboard_repo.episode_facts(db)]
    dash.refresh_kept_facts()  # back to the real generation
    return out


def _random_writes(s: Session, rng: random.Random, steps: int) -> None:
    db = s._db
    eids = [r[0] for r in db.query("SELECT id FROM episodes")]
    pids = [r[0] for r in db.query("SELECT id FROM patients")]
    rids = [r[0] for r in db.query("SELECT id FROM responses WHERE status <> 'draft'")]
    for _ in range(steps):
        kind = rng.choice(("episode", "assessment", "patient", "correct", "new", "delete"))
        with db.transaction():
            if kind == "episode":
                e = episodes_repo.get(db, rng.choice(eids))
                assert e is not None
                episodes_repo.update(db, dataclasses.replace(
                    e, programme_start=rng.choice([None, "2026-06-01", "2026-10-10"]),
                    outcome=rng.choice([None, "completed", "withdrew", "declined"]),
                    treatment=rng.choice([e.treatment, "cabg", "pci"])))
            elif kind == "assessment":
                episodes_repo.set_assessment(
                    db, rng.choice(eids), rng.choice(("A1", "A2", "A3")),
                    due_date=rng.choice([None, "2026-12-05", "2027-01-20"]),
                    done_date=rng.choice([None, "2026-07-01", "2026-11-28"]))
            elif kind == "patient":
                p = patients_repo.get(db, rng.choice(pids))
                assert p is not None
                patients_repo.update(db, dataclasses.replace(
                    p, postcode=rng.choice(["LS1 1AA", "LS10 1AA", None]),
                    date_of_birth=rng.choice(["1940-03-01", "1961-12-01"]),
                    gender=rng.choice(["1", "2", None])))
            elif kind == "correct" and rids:
                responses_repo.correct_answer(db, rng.choice(rids), "active_minutes_week",
                                              rng.choice([None, 0, 90, 300]), "typo", "admin",
                                              {"bmi": (rng.uniform(19, 41), None, {})})
            elif kind == "new":
                eids.append(episodes_repo.insert(db, Episode(
                    None, rng.choice(pids), initiating_event="mi_stemi", treatment="pci",
                    referral_date=rng.choice(["2026-05-02", "2026-11-20", None]))))
            elif kind == "delete":
                eid = eids.pop(rng.randrange(len(eids)))
                db.execute("DELETE FROM goal_reviews WHERE goal_id IN"
                           " (SELECT id FROM goals WHERE episode_id = ?)", (eid,))
                db.execute("DELETE FROM goals WHERE episode_id = ?", (eid,))
                for (aid,) in db.query("SELECT id FROM assessments WHERE episode_id = ?",
                                       (eid,)):
                    for (rid,) in db.query("SELECT id FROM responses WHERE assessment_id = ?",
                                           (aid,)):
                        for table in ("answers", "scores", "answer_corrections",
                                      "response_outcomes"):
                            db.execute(f"DELETE FROM {table} WHERE response_id = ?", (rid,))
                        db.execute("DELETE FROM responses WHERE id = ?", (rid,))
                        if rid in rids:
                            rids.remove(rid)
                db.execute("DELETE FROM assessments WHERE episode_id = ?", (eid,))
                db.execute("DELETE FROM episodes WHERE id = ?", (eid,))


def test_kept_facts_equal_a_full_recomputation_after_random_writes(admin: Session) -> None:
    write_hand_clinic(admin)
    dash = DashboardService(admin)
    assert dash.refresh_kept_facts() > 0  # the first read works every episode out
    assert dash.refresh_kept_facts() == 0  # and then nothing until something changes
    rng = random.Random(6)
    for _ in range(6):
        _random_writes(admin, rng, 8)
        assert dash.refresh_kept_facts() > 0
        kept = [tuple(f) for f in dashboard_repo.episode_facts(admin._db)]
        assert kept == _full(admin)
        assert dashboard_repo.stale_count(admin._db) == 0


def test_kept_response_counts_follow_every_change(admin: Session) -> None:
    db = admin._db
    write_hand_clinic(admin)

    def counts() -> tuple[list[object], list[object]]:
        return (db.query("SELECT status, mode, n FROM response_status_counts WHERE n <> 0"
                         " ORDER BY 1, 2"),
                db.query("SELECT status, mode, count(*) FROM responses GROUP BY 1, 2"
                         " ORDER BY 1, 2"))
    kept, real = counts()
    assert kept == real and kept
    pid = int(db.scalar("SELECT min(id) FROM patients"))
    drafts = [responses_repo.start_response(
        db, patient_id=pid, form_id="nacr_patient", form_version="1", form_hash="h",
        locale="en-GB", mode=mode, assessment_id=None, actor="admin")
        for mode in ("patient", "staff", "patient")]
    kept, real = counts()
    assert kept == real
    responses_repo.complete_response(db, drafts[0], "admin", {})
    responses_repo.mark_reviewed(db, drafts[0], "admin")
    responses_repo.complete_response(db, drafts[1], "admin", {})
    kept, real = counts()
    assert kept == real
    assert ("reviewed", "patient") in {(r[0], r[1]) for r in kept}


def test_kept_worklist_equals_the_worklist_of_every_episode(admin: Session) -> None:
    write_hand_clinic(admin)
    rng = random.Random(11)
    _random_writes(admin, rng, 30)
    service = WorklistService(admin)
    db = admin._db
    ncp = service.dashboard.standards.ncp_cr
    everything = worklist_repo.listed_episodes(
        db, [r[0] for r in db.query("SELECT id FROM episodes")], ncp.priority_group)
    for today in (TODAY, TODAY - dt.timedelta(days=150), TODAY + dt.timedelta(days=90)):
        kept = service.worklist(today, limit=10_000)
        built = build(list(everything.values()), [], [], today, service.wait_thresholds())
        assert key(kept.items) == key(built.items), today
        assert key(kept.this_week().items) == key(built.this_week().items)
        assert key(kept.items)  # the clinic does give episode items on these days
        # With a limit of one per group: counted in full, listed most urgent first.
        small = service.worklist(today, limit=1)
        for g in EPISODE_GROUPS:
            assert small.counts()[g] == kept.counts()[g]
            assert small.this_week().counts()[g] == kept.this_week().counts()[g]
            listed = small.group(g)
            assert len(listed) == min(1, kept.counts()[g])
            if listed and listed[0].due is not None:
                assert listed[0].due == min(i.due or dt.date.max for i in kept.group(g))


def test_a_new_nation_or_lookup_works_every_episode_out_again(admin: Session) -> None:
    from crdesk.services import deprivation
    from tests.helpers.dashboard_clinic import LOOKUP_CSV

    write_hand_clinic(admin)
    dash = DashboardService(admin)
    dash.refresh_kept_facts()
    n = len(dashboard_repo.episode_facts(admin._db))
    assert {f.decile for f in dashboard_repo.episode_facts(admin._db)} == {None}
    # Importing a lookup: the deciles appear at the next read, without any episode written.
    deprivation.import_text(admin, LOOKUP_CSV, "england", "lookup.csv")
    assert dash.refresh_kept_facts() == n
    deciles = {f.episode_id: f.decile for f in dashboard_repo.episode_facts(admin._db)}
    assert {1, 10} <= set(deciles.values())
    assert dash.refresh_kept_facts() == 0
    # Another nation has no lookup (and other wait thresholds): worked out again.
    dash.set_nation("wales")
    assert dash.refresh_kept_facts() == n
    assert {f.decile for f in dashboard_repo.episode_facts(admin._db)} == {None}
    dash.set_nation("england")
    assert dash.refresh_kept_facts() == n
    assert {f.episode_id: f.decile for f in dashboard_repo.episode_facts(admin._db)} == deciles


def test_a_big_refresh_lets_another_connection_write_between_its_batches(
        admin: Session) -> None:
    """Every episode worked out again (as after an upgrade) in short transactions: a write
    on another connection that waits for no lock at all (busy timeout 0, where crdesk
    waits 5 s) succeeds between every two batches ("database is locked" when the admin
    window's audit row met a refresh holding the write lock for the whole clinic)."""
    write_hand_clinic(admin)
    db = admin._db
    episodes = int(db.scalar("SELECT count(*) FROM episodes"))
    assert episodes >= 10
    other = admin.for_worker()
    try:
        other._db.execute("PRAGMA busy_timeout = 0")
        # The other connection's write does fail while this one holds the write lock.
        with db.transaction(), pytest.raises(Exception, match="database is locked"):
            other.record("test.blocked", "dashboard")
        written: list[int] = []

        def write() -> None:
            other.record("test.between_batches", "dashboard", len(written))
            written.append(int(db.scalar("SELECT count(*) FROM episode_facts_stale")))

        dash = DashboardService(admin)
        done = dashboard_repo.refresh_kept_facts(
            db, "forced " + dash.facts_generation(), dash.nation(),
            dash.standards.ncp_cr.priority_group, WorklistService(admin).wait_thresholds(),
            batch=3, between_batches=write)
        assert done == episodes
        assert len(written) == -(-episodes // 3)  # one write after every batch
        assert written == sorted(written, reverse=True) and written[-1] == 0
        assert db.scalar("SELECT count(*) FROM audit_log WHERE action ="
                         " 'test.between_batches'") == len(written)
        assert [tuple(f) for f in dashboard_repo.episode_facts(db)] == _full(admin)
    finally:
        other.close()
    # The batches a real refresh writes in stay small (each well under the busy timeout).
    assert dashboard_repo.REFRESH_BATCH <= 1000
