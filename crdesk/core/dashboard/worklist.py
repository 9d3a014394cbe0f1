"""The staff worklist (Home page): who needs something, most urgent first.

Storage hands over the open episodes, draft and unreviewed responses and goals due; this
turns them into items, each with the patient to open, a due date and a plain reason.
Urgency is the due date: the earliest (most overdue) first. "This week" keeps the items
due within seven days, overdue ones included.

Groups and when an item appears (crdesk's choices where no standard exists):
- awaiting_a1: referred, no assessment 1, no outcome; due on the A1 due date, else the
  referral date.
- wait: not started, no outcome, in a priority group with an NCP_CR wait threshold for the
  clinic's nation, and within ``WAIT_WARNING_DAYS`` of it or past it.
- a2_due: A1 done, no A2, not stopped; due (care_status.a2_due_date) within
  ``LOOKAHEAD_DAYS``; says how many days are left before NACR's 20-week window closes, or
  that it closed (kept for ``CLOSED_KEEP_DAYS`` after closing, then it drops off).
- a3_due: A1 done, no A3, not died; due at 12 months (care_status.a3_due_date) within
  ``LOOKAHEAD_DAYS``, kept for ``A3_KEEP_DAYS`` after.
- draft: a questionnaire started but not finished.
- review: a patient questionnaire completed and awaiting staff review.
- goal_review: an active goal whose review date is within seven days or past.
- opt_out_confirm: a patient whose NACR opt-out is waiting for staff confirmation (raised
  at the kiosk); due the day it was raised, so the oldest is first. ``pending_opt_outs``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from crdesk.core.care_status import a2_due_date, a2_window_closes, a3_due_date, uk
from crdesk.core.dashboard.kpis import KPI2_GROUPS
from crdesk.core.dashboard.standards import NcpCr
from crdesk.core.dates import iso_date

LOOKAHEAD_DAYS = 14
WAIT_WARNING_DAYS = 7
CLOSED_KEEP_DAYS = 28
A3_KEEP_DAYS = 56
THIS_WEEK_DAYS = 7

GROUPS: dict[str, str] = {
    "awaiting_a1": "Referrals awaiting assessment 1",
    "wait": "Waits near or past the NCP_CR threshold",
    "a2_due": "Assessment 2 due",
    "a3_due": "Assessment 3 due (12 months)",
    "draft": "Questionnaires started, not finished",
    "review": "Questionnaires awaiting staff review",
    "goal_review": "Goals due for review",
    "opt_out_confirm": "Opt-outs waiting for confirmation",
}
# The groups that come from an episode's dates (``windows``).
EPISODE_GROUPS = ("awaiting_a1", "wait", "a2_due", "a3_due")


@dataclass(frozen=True, slots=True)
class OpenEpisode:
    episode_id: int
    patient_id: int
    patient: str  # the name staff see (never leaves the screen)
    referral: dt.date | None
    start: dt.date | None
    outcome: str | None
    priority_group: str
    a1_due: str | None
    a1_done: str | None
    a2_due: str | None
    a2_done: str | None
    a3_due: str | None
    a3_done: str | None
    programme_end: str | None


@dataclass(frozen=True, slots=True)
class OpenResponse:
    response_id: int
    patient_id: int
    patient: str
    status: str  # "draft" or "complete"
    when: dt.date | None  # started (draft) or completed (awaiting review)
    assessment: str | None


@dataclass(frozen=True, slots=True)
class GoalDue:
    goal_id: int
    episode_id: int
    patient_id: int
    patient: str
    area: str
    review_date: dt.date


@dataclass(frozen=True)
class WorkItem:
    group: str
    patient_id: int
    patient: str
    due: dt.date | None
    reason: str
    episode_id: int | None = None
    response_id: int | None = None
    goal_id: int | None = None
    days_left: int | None = None  # before a deadline (negative: past it)


@dataclass
class Worklist:
    today: dt.date
    items: list[WorkItem] = field(default_factory=list)
    # Items of a group not listed (beyond the per-group limit), in all and due this week.
    unlisted: dict[str, int] = field(default_factory=dict)
    unlisted_this_week: dict[str, int] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        c = Counter(i.group for i in self.items)
        return {g: c.get(g, 0) + self.unlisted.get(g, 0) for g in GROUPS}

    def this_week(self) -> Worklist:
        limit = self.today + dt.timedelta(days=THIS_WEEK_DAYS)
        return Worklist(self.today, [i for i in self.items if i.due is not None
                                     and i.due <= limit], dict(self.unlisted_this_week),
                        dict(self.unlisted_this_week))

    def group(self, gid: str) -> list[WorkItem]:
        return [i for i in self.items if i.group == gid]


_d = iso_date


def _assessments(e: OpenEpisode) -> Mapping[str, Mapping[str, str | None]]:
    return {"A1": {"due_date": e.a1_due, "done_date": e.a1_done},
            "A2": {"due_date": e.a2_due, "done_date": e.a2_done},
            "A3": {"due_date": e.a3_due, "done_date": e.a3_done}}


def wait_thresholds(ncp: NcpCr, nation: str) -> dict[str, float]:
    """Priority group -> days, from the nation's median-wait KPIs (5: CABG, 6: MI/PCI)."""
    out: dict[str, float] = {}
    for k in ncp.kpis:
        th = k.thresholds.get(nation)
        if k.kind == "median_wait" and th is not None:
            for g in k.groups:
                if g in KPI2_GROUPS:
                    out[g] = th
    return out


@dataclass(frozen=True, slots=True)
class OptOutToConfirm:
    patient_id: int
    patient: str
    since: dt.date | None  # when the patient raised it


def pending_opt_outs(waiting: Sequence[OptOutToConfirm] = ()) -> list[WorkItem]:
    """Opt-outs waiting for staff confirmation (the patient is left out of exports
    meanwhile): one item each, due the day it was raised."""
    return [WorkItem("opt_out_confirm", w.patient_id, w.patient, w.since,
                     "Opted out at the kiosk (or asked to talk to staff first); confirm "
                     "with the date, or clear with a reason") for w in waiting]


@dataclass(frozen=True, slots=True)
class Window:
    """When one episode gives an item of one group: from ``show_from`` to ``show_until``
    (both included; None: no bound). It depends only on the episode and the thresholds,
    not on today, so storage keeps it ready per episode and the worklist reads only the
    windows open today (``build_items`` turns those into items)."""

    group: str
    due: dt.date | None  # the item's due date (its urgency)
    show_from: dt.date | None = None
    show_until: dt.date | None = None

    def shows(self, today: dt.date) -> bool:
        return ((self.show_from is None or self.show_from <= today)
                and (self.show_until is None or today <= self.show_until))


def windows(e: OpenEpisode, wait_thresholds: Mapping[str, float]) -> list[Window]:
    """Every group ``e`` can give an item in, and when (see the module docstring)."""
    out: list[Window] = []
    lookahead = dt.timedelta(days=LOOKAHEAD_DAYS)
    stopped = e.outcome in ("declined", "did_not_attend", "withdrew", "died", "other")
    a1 = _d(e.a1_done)
    if e.outcome is None and a1 is None:
        out.append(Window("awaiting_a1", _d(e.a1_due) or e.referral))
    threshold = wait_thresholds.get(e.priority_group)
    if e.start is None and e.outcome is None and e.referral and threshold is not None:
        # Shown once the days left (threshold - days waited) are WAIT_WARNING_DAYS or fewer.
        wait_due = e.referral + dt.timedelta(days=int(threshold))
        out.append(Window("wait", wait_due, wait_due - dt.timedelta(days=WAIT_WARNING_DAYS)))
    if a1 is not None and not e.a2_done and not stopped:
        a2_due = a2_due_date(_assessments(e), e.programme_end)
        closes = a2_window_closes(a1)
        # Due within the lookahead, or the window closing within it; kept a while after.
        first = closes if a2_due is None else min(a2_due, closes)
        out.append(Window("a2_due", a2_due or closes, first - lookahead,
                          closes + dt.timedelta(days=CLOSED_KEEP_DAYS)))
    if a1 is not None and not e.a3_done and e.outcome != "died":
        a3_due = a3_due_date(_assessments(e))
        if a3_due is not None:
            out.append(Window("a3_due", a3_due, a3_due - lookahead,
                              a3_due + dt.timedelta(days=A3_KEEP_DAYS)))
    return out


def item(w: Window, e: OpenEpisode, today: dt.date,
         wait_thresholds: Mapping[str, float]) -> WorkItem:
    """The item window ``w`` of episode ``e`` gives on ``today`` (``w.shows(today)``)."""
    if w.group == "awaiting_a1":
        return WorkItem("awaiting_a1", e.patient_id, e.patient, w.due,
                        "Referred; assessment 1 not done"
                        + (f" (due {uk(w.due)})" if w.due else ""), e.episode_id)
    if w.group == "wait":
        assert e.referral is not None
        threshold = int(wait_thresholds[e.priority_group])
        waited = (today - e.referral).days
        left = threshold - waited
        words = (f"waited {waited} days; the threshold is {threshold}"
                 + (" (past it)" if left < 0 else f" ({left} days left)"))
        return WorkItem("wait", e.patient_id, e.patient, w.due, f"Not started: {words}",
                        e.episode_id, days_left=left)
    if w.group == "a2_due":
        a1 = _d(e.a1_done)
        assert a1 is not None
        closes = a2_window_closes(a1)
        left = (closes - today).days
        if left >= 0:
            reason = f"Assessment 2 due; {left} day(s) left in NACR's window ({uk(closes)})"
        else:
            reason = f"Assessment 2 not done; NACR's window closed on {uk(closes)}"
        return WorkItem("a2_due", e.patient_id, e.patient, w.due, reason, e.episode_id,
                        days_left=left)
    assert w.group == "a3_due" and w.due is not None
    return WorkItem("a3_due", e.patient_id, e.patient, w.due,
                    f"Assessment 3 due {uk(w.due)} (12 months after assessment 1)",
                    e.episode_id, days_left=(w.due - today).days)


def episode_items(e: OpenEpisode, today: dt.date,
                  wait_thresholds: Mapping[str, float]) -> list[WorkItem]:
    return [item(w, e, today, wait_thresholds) for w in windows(e, wait_thresholds)
            if w.shows(today)]


def build(episodes: Sequence[OpenEpisode], responses: Sequence[OpenResponse],
          goals: Sequence[GoalDue], today: dt.date,
          wait_thresholds: Mapping[str, float],
          response_totals: Mapping[str, int] | None = None,
          opt_outs: Sequence[OptOutToConfirm] = ()) -> Worklist:
    """The worklist from every open episode (``assemble`` takes the items already made,
    as the service does from the windows storage keeps ready).
    ``wait_thresholds``: priority group id -> days (the nation's KPI 5 / 6 thresholds).
    ``response_totals``: status -> how many there are in all, when ``responses`` holds only
    the oldest few of each."""
    items: list[WorkItem] = []
    for e in episodes:
        items += episode_items(e, today, wait_thresholds)
    return assemble(items, responses, goals, today, response_totals, opt_outs=opt_outs)


def assemble(episode_work: Sequence[WorkItem], responses: Sequence[OpenResponse],
             goals: Sequence[GoalDue], today: dt.date,
             response_totals: Mapping[str, int] | None = None,
             unlisted: Mapping[str, int] | None = None,
             unlisted_this_week: Mapping[str, int] | None = None,
             opt_outs: Sequence[OptOutToConfirm] = ()) -> Worklist:
    """``unlisted`` / ``unlisted_this_week``: items of the episode groups counted but not
    in ``episode_work`` (beyond the per-group limit), in all and due within the week."""
    items = list(episode_work)
    for r in responses:
        if r.status == "draft":
            items.append(WorkItem("draft", r.patient_id, r.patient, r.when,
                                  "Questionnaire started, not finished"
                                  + (f" ({r.assessment})" if r.assessment else ""),
                                  response_id=r.response_id))
        else:
            items.append(WorkItem("review", r.patient_id, r.patient, r.when,
                                  "Questionnaire completed; awaiting staff review"
                                  + (f" ({r.assessment})" if r.assessment else ""),
                                  response_id=r.response_id))
    limit = today + dt.timedelta(days=THIS_WEEK_DAYS)
    for g in goals:
        if g.review_date <= limit:
            items.append(WorkItem("goal_review", g.patient_id, g.patient, g.review_date,
                                  f"Goal ({g.area}) due for review {uk(g.review_date)}",
                                  g.episode_id, goal_id=g.goal_id))
    items += pending_opt_outs(opt_outs)
    order = {g: n for n, g in enumerate(GROUPS)}
    items.sort(key=lambda i: (i.due or dt.date.max, order[i.group], i.patient_id))
    extra = {g: n for g, n in (unlisted or {}).items() if n > 0}
    extra_week = {g: n for g, n in (unlisted_this_week or {}).items() if n > 0}
    if response_totals:
        listed = Counter(r.status for r in responses)
        for status, group in (("draft", "draft"), ("complete", "review")):
            n = response_totals.get(status, 0) - listed.get(status, 0)
            if n > 0:  # all already due, so they count in "this week" too
                extra[group] = extra_week[group] = n
    return Worklist(today, items, extra, extra_week)
