"""The worklist's groups, urgency order and 'this week' filter, on hand-made rows."""

from __future__ import annotations

import datetime as dt

from crdesk.core.dashboard.worklist import GoalDue, OpenEpisode, OpenResponse, build

D = dt.date
TODAY = D(2026, 12, 1)
WAITS = {"cabg": 46.0, "mi": 33.0, "mi_pci": 33.0, "pci": 33.0}


def ep(eid: int, *, referral: dt.date | None = None, start: dt.date | None = None,
       outcome: str | None = None, group: str = "mi_pci", a1_due: str | None = None,
       a1: str | None = None, a2_due: str | None = None, a2: str | None = None,
       a3: str | None = None, end: str | None = None) -> OpenEpisode:
    return OpenEpisode(eid, 100 + eid, f"Patient {eid}", referral, start, outcome, group,
                       a1_due, a1, a2_due, a2, None, a3, end)


def test_groups_and_order() -> None:
    eps = [
        # referred 40 days ago, MI/PCI threshold 33: awaiting A1, and past the threshold
        ep(1, referral=TODAY - dt.timedelta(days=40)),
        # referred 27 days ago: 6 days left -> approaching; 20 days ago: not yet listed
        ep(2, referral=TODAY - dt.timedelta(days=27), a1="2026-11-20"),
        ep(3, referral=TODAY - dt.timedelta(days=20), a1="2026-11-25"),
        # A1 on 2026-07-20: window closes 2026-12-07 (6 days left)
        ep(4, referral=D(2026, 7, 1), start=D(2026, 7, 25), a1="2026-07-20"),
        # A1 on 2026-06-01: window closed 2026-10-19, 43 days ago: dropped (kept 28 days)
        ep(5, referral=D(2026, 5, 1), start=D(2026, 6, 5), a1="2026-06-01"),
        # A1 on 2026-07-01: closed 2026-11-18 (13 days ago): listed as closed
        ep(6, referral=D(2026, 6, 20), start=D(2026, 7, 5), a1="2026-07-01"),
        # A3 due 12 months after A1 (2025-12-10): in 9 days
        ep(7, referral=D(2025, 11, 1), start=D(2025, 12, 15), a1="2025-12-10",
           a2="2026-03-01", outcome="completed"),
        # declined: nothing to do
        ep(8, referral=TODAY - dt.timedelta(days=60), outcome="declined"),
        # heart failure has no wait threshold: awaiting A1 only
        ep(9, referral=TODAY - dt.timedelta(days=80), group="heart_failure"),
    ]
    responses = [OpenResponse(1, 201, "P", "draft", D(2026, 11, 30), "A1"),
                 OpenResponse(2, 202, "Q", "complete", D(2026, 11, 29), "A2")]
    goals = [GoalDue(1, 7, 107, "Patient 7", "activity", D(2026, 12, 5))]
    w = build(eps, responses, goals, TODAY, WAITS)
    c = w.counts()
    assert c == {"awaiting_a1": 2, "wait": 2, "a2_due": 2, "a3_due": 1, "draft": 1,
                 "review": 1, "goal_review": 1, "opt_out_confirm": 0}
    waits = {i.episode_id: i for i in w.group("wait")}
    assert waits[1].days_left == -7 and "past it" in waits[1].reason
    assert waits[2].days_left == 6
    a2 = {i.episode_id: i for i in w.group("a2_due")}
    assert a2[4].days_left == 6 and "6 day(s) left" in a2[4].reason
    assert a2[6].days_left == -13 and "closed on 18/11/2026" in a2[6].reason
    assert 5 not in a2
    # Most urgent (earliest due) first.
    dues = [i.due for i in w.items]
    assert dues == sorted(dues)
    week = w.this_week()
    assert all(i.due <= TODAY + dt.timedelta(days=7) for i in week.items if i.due)
    assert week.counts()["a3_due"] == 0  # due in 9 days: not this week
    assert week.counts()["goal_review"] == 1


def test_nothing_to_do() -> None:
    w = build([], [], [], TODAY, WAITS)
    assert w.items == [] and set(w.counts().values()) == {0}
