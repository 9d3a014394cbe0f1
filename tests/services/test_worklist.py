"""The worklist service on a real clinic: every group from the database, counts, limits."""

from __future__ import annotations

import datetime as dt

from crdesk.core.episode import Episode
from crdesk.core.patient import Patient
from crdesk.services.session import Session
from crdesk.services.worklist import WorklistService
from crdesk.storage import episodes_repo, goals_repo, patients_repo, responses_repo

TODAY = dt.date(2026, 12, 1)


def _patient(s: Session, n: int) -> int:
    return patients_repo.insert(s._db, Patient(None, None, f"H{n}", f"Family{n}", f"Given{n}",
                                              "1950-01-01"))


def _episode(s: Session, pid: int, **kw: str | None) -> int:
    return episodes_repo.insert(s._db, Episode(None, pid, **kw))  # type: ignore[arg-type]


def test_every_group_from_the_database(admin: Session, staff: Session) -> None:
    s = admin
    with s._db.transaction():
        # Referred 40 days ago after PCI (threshold 33): awaiting A1 and past the wait.
        p1 = _patient(s, 1)
        _episode(s, p1, initiating_event="mi_stemi", treatment="pci",
                 referral_date=(TODAY - dt.timedelta(days=40)).isoformat())
        # A1 on 2026-07-20, in programme: A2 window closes 2026-12-07.
        p2 = _patient(s, 2)
        e2 = _episode(s, p2, initiating_event="mi_stemi", treatment="pci",
                      referral_date="2026-07-01", programme_start="2026-07-25")
        a2 = episodes_repo.set_assessment(s._db, e2, "A1", done_date="2026-07-20")
        # Completed a year ago with A1 on 2025-12-05: A3 due 2026-12-05.
        p3 = _patient(s, 3)
        e3 = _episode(s, p3, initiating_event="heart_failure", treatment="medical",
                      referral_date="2025-11-20", programme_start="2025-12-10",
                      programme_end="2026-02-10", outcome="completed")
        episodes_repo.set_assessment(s._db, e3, "A1", done_date="2025-12-05")
        episodes_repo.set_assessment(s._db, e3, "A2", done_date="2026-02-10")
        # Declined long ago, everything done: nothing to do.
        p4 = _patient(s, 4)
        _episode(s, p4, referral_date="2025-01-01", outcome="declined")
        goals_repo.insert(s._db, e2, "activity", "Walk daily", "", "2026-12-03", "admin")
    for rid_patient in (p2, p3):
        responses_repo.import_complete_response(
            s._db, patient_id=rid_patient, assessment_id=a2, form_id="nacr_patient",
            form_version="1", form_hash="h", locale="en-GB", mode="patient", actor="admin",
            answers={}, scores={}, completed_at="2026-11-20T10:00:00+00:00")
    responses_repo.start_response(s._db, patient_id=p1, form_id="nacr_patient",
                                  form_version="1", form_hash="h", locale="en-GB",
                                  mode="patient", assessment_id=None, actor="admin")
    w = WorklistService(staff).worklist(TODAY)  # staff may see it
    assert w.counts() == {"awaiting_a1": 1, "wait": 1, "a2_due": 1, "a3_due": 1, "draft": 1,
                          "review": 2, "goal_review": 1, "opt_out_confirm": 0}
    assert {i.patient_id for i in w.group("wait")} == {p1}
    assert w.group("a2_due")[0].days_left == 6
    dues = [i.due for i in w.items if i.due]
    assert dues == sorted(dues)
    # A limit lists the oldest few and still counts them all.
    few = WorklistService(staff).worklist(TODAY, limit=1)
    assert len(few.group("review")) == 1 and few.counts()["review"] == 2
    assert few.this_week().counts()["review"] == 2


def test_a_completed_episode_without_an_assessment_2_row_is_listed(admin: Session) -> None:
    # Completed, A1 on 2026-07-20, no A2 row at all: NACR's window closes 2026-12-07, so
    # assessment 2 is due (the reads before schema 5 looked only at episodes with an A2
    # row or no outcome, and missed this one).
    s = admin
    with s._db.transaction():
        pid = _patient(s, 7)
        eid = _episode(s, pid, initiating_event="mi_stemi", treatment="pci",
                       referral_date="2026-07-01", programme_start="2026-07-25",
                       programme_end="2026-11-20", outcome="completed")
        episodes_repo.set_assessment(s._db, eid, "A1", done_date="2026-07-20")
    items = WorklistService(admin).worklist(TODAY).group("a2_due")
    assert [(i.episode_id, i.days_left) for i in items] == [(eid, 6)]
