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


# ---- the windows storage keeps ready give exactly the items of the day ----------------------

def _reference_items(e: OpenEpisode, today: dt.date,
                     waits: dict[str, float]) -> list[tuple[str, dt.date | None, int | None]]:
    """The worklist's rules as first written, as conditions on today (before the windows):
    (group, due, days left) of every item ``e`` gives on ``today``."""
    from crdesk.core.care_status import a2_due_date, a2_window_closes, a3_due_date
    from crdesk.core.dashboard import worklist as w

    out: list[tuple[str, dt.date | None, int | None]] = []
    ahead = today + dt.timedelta(days=w.LOOKAHEAD_DAYS)
    stopped = e.outcome in ("declined", "did_not_attend", "withdrew", "died", "other")
    dates = {"A1": {"due_date": e.a1_due, "done_date": e.a1_done},
             "A2": {"due_date": e.a2_due, "done_date": e.a2_done},
             "A3": {"due_date": e.a3_due, "done_date": e.a3_done}}
    a1 = dt.date.fromisoformat(e.a1_done) if e.a1_done else None
    if e.outcome is None and a1 is None:
        out.append(("awaiting_a1", (dt.date.fromisoformat(e.a1_due) if e.a1_due else None)
                    or e.referral, None))
    threshold = waits.get(e.priority_group)
    if e.start is None and e.outcome is None and e.referral and threshold is not None:
        left = int(threshold) - (today - e.referral).days
        if left <= w.WAIT_WARNING_DAYS:
            out.append(("wait", e.referral + dt.timedelta(days=int(threshold)), left))
    if a1 is not None and not e.a2_done and not stopped:
        due = a2_due_date(dates, e.programme_end)
        closes = a2_window_closes(a1)
        left = (closes - today).days
        if ((due is not None and due <= ahead) or left <= w.LOOKAHEAD_DAYS) \
                and left >= -w.CLOSED_KEEP_DAYS:
            out.append(("a2_due", due or closes, left))
    if a1 is not None and not e.a3_done and e.outcome != "died":
        due = a3_due_date(dates)
        if due is not None and due <= ahead and (today - due).days <= w.A3_KEEP_DAYS:
            out.append(("a3_due", due, (due - today).days))
    return out


def test_windows_give_the_same_items_as_the_rules_on_every_day() -> None:
    import random

    from crdesk.core.dashboard.worklist import episode_items

    rng = random.Random(9)

    def day(lo: int, hi: int) -> dt.date:
        return TODAY + dt.timedelta(days=rng.randint(lo, hi))

    def maybe(d: dt.date) -> str | None:
        return d.isoformat() if rng.random() < 0.6 else None

    checked = 0
    for n in range(200):
        ref = day(-500, 0)
        e = ep(n, referral=ref if rng.random() < 0.9 else None,
               start=day(-480, 10) if rng.random() < 0.5 else None,
               outcome=rng.choice([None, None, "completed", "declined", "died", "withdrew"]),
               group=rng.choice(["mi_pci", "cabg", "heart_failure", "other"]),
               a1_due=maybe(day(-480, 30)), a1=maybe(day(-480, 0)),
               a2_due=maybe(day(-400, 60)), a2=maybe(day(-300, 0)) if rng.random() < 0.3
               else None, a3=None, end=maybe(day(-400, 60)))
        for offset in range(-420, 60, 11):
            today = TODAY + dt.timedelta(days=offset)
            got = [(i.group, i.due, i.days_left) for i in episode_items(e, today, WAITS)]
            assert got == _reference_items(e, today, WAITS), (e, today)
            checked += len(got)
    assert checked > 500  # the random episodes do give items
