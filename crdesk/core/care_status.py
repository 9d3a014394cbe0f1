"""Where a patient is in their cardiac rehab, and NACR's assessment windows.

Status comes from the newest episode: its outcome, and which assessments are done. The
NACR windows (nacr.md 1.1): an A2 more than 20 weeks after A1 was discounted; A3 is due
12 months after A1. Due dates for A2 default to 12 weeks after A1 (or the programme end).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from crdesk.core.dates import iso_date
from crdesk.core.outcome_measures import A2_DUE_WEEKS, A2_WINDOW_WEEKS, A3_DUE_MONTHS

REFERRED = "referred"
AWAITING_A1 = "awaiting_a1"
IN_PROGRAMME = "in_programme"
AWAITING_A2 = "awaiting_a2"
COMPLETED = "completed"
DECLINED = "declined"
DID_NOT_ATTEND = "did_not_attend"
STOPPED = "stopped"
OPTED_OUT = "opted_out"  # a flag beside the status, also offered as a filter

STATUS_LABELS: dict[str, str] = {
    REFERRED: "Referred",
    AWAITING_A1: "Awaiting assessment 1",
    IN_PROGRAMME: "In programme",
    AWAITING_A2: "Awaiting assessment 2",
    COMPLETED: "Completed",
    DECLINED: "Declined",
    DID_NOT_ATTEND: "Did not attend",
    STOPPED: "Did not finish",
    OPTED_OUT: "Opted out of NACR",
}

# Episode outcomes: the values the NACR export profile maps (forms/exports/nacr.yaml).
OUTCOMES: dict[str, str] = {
    "completed": "Completed the programme",
    "declined": "Declined to take part",
    "did_not_attend": "Did not attend",
    "withdrew": "Started but withdrew",
    "died": "Died",
    "other": "Other reason for not finishing",
}

# Every one of the three assessments.
Dates = Mapping[str, Mapping[str, str | None]]  # kind -> {"due_date", "done_date"}


_date = iso_date


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day n months later; the 29th-31st fall back to the month's last day."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def status(outcome: str | None, programme_start: str | None, programme_end: str | None,
           assessments: Dates, today: dt.date) -> str:
    """The status of one episode (the patient list shows the newest episode's)."""
    if outcome == "declined":
        return DECLINED
    if outcome == "did_not_attend":
        return DID_NOT_ATTEND
    if outcome in ("withdrew", "died", "other"):
        return STOPPED
    done = {k for k, v in assessments.items() if v.get("done_date")}
    if outcome == "completed" or "A2" in done:
        return COMPLETED
    if "A1" in done:
        a2_due = a2_due_date(assessments, programme_end)
        end = _date(programme_end)
        if (a2_due is not None and a2_due <= today) or (end is not None and end <= today):
            return AWAITING_A2
        return IN_PROGRAMME
    if assessments.get("A1", {}).get("due_date") or programme_start:
        return AWAITING_A1
    return REFERRED


def a2_due_date(assessments: Dates, programme_end: str | None = None) -> dt.date | None:
    set_due = _date(assessments.get("A2", {}).get("due_date"))
    if set_due:
        return set_due
    if _date(programme_end):
        return _date(programme_end)
    a1 = _date(assessments.get("A1", {}).get("done_date"))
    return a1 + dt.timedelta(weeks=A2_DUE_WEEKS) if a1 else None


def a2_window_closes(a1_done: dt.date) -> dt.date:
    """The last day an assessment 2 counts for NACR (20 weeks after assessment 1)."""
    return a1_done + dt.timedelta(weeks=A2_WINDOW_WEEKS)


def a2_counts_for_nacr(a1_done: dt.date, a2_done: dt.date) -> bool:
    """NACR discounted an A2 more than 20 weeks after A1 (and one before A1 is an error)."""
    return a1_done <= a2_done <= a2_window_closes(a1_done)


def a3_due_date(assessments: Dates) -> dt.date | None:
    set_due = _date(assessments.get("A3", {}).get("due_date"))
    if set_due:
        return set_due
    a1 = _date(assessments.get("A1", {}).get("done_date"))
    return add_months(a1, A3_DUE_MONTHS) if a1 else None


@dataclass(frozen=True)
class AssessmentLine:
    kind: str
    due: dt.date | None
    done: dt.date | None
    warning: str  # empty when all is well


def uk(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def assessment_lines(assessments: Dates, programme_end: str | None,
                     today: dt.date) -> list[AssessmentLine]:
    """A1, A2, A3 with due dates and the NACR window warnings staff must see."""
    a1_done = _date(assessments.get("A1", {}).get("done_date"))
    lines = [AssessmentLine("A1", _date(assessments.get("A1", {}).get("due_date")), a1_done,
                            "")]
    a2_done = _date(assessments.get("A2", {}).get("done_date"))
    a2_warn = ""
    if a1_done is not None:
        closes = a2_window_closes(a1_done)
        if a2_done is not None and a2_done > closes:
            weeks = (a2_done - a1_done).days // 7
            a2_warn = (f"Assessment 2 was {weeks} weeks after assessment 1: NACR does not "
                       f"count an assessment 2 more than {A2_WINDOW_WEEKS} weeks after "
                       "assessment 1.")
        elif a2_done is None and today > closes:
            a2_warn = (f"The NACR window for assessment 2 closed on {uk(closes)} "
                       f"({A2_WINDOW_WEEKS} weeks after assessment 1).")
        elif a2_done is None and (closes - today).days <= 14:
            a2_warn = (f"Assessment 2 must be done by {uk(closes)} to count for NACR "
                       f"({A2_WINDOW_WEEKS} weeks after assessment 1).")
    lines.append(AssessmentLine("A2", a2_due_date(assessments, programme_end), a2_done,
                                a2_warn))
    a3_due = a3_due_date(assessments)
    a3_done = _date(assessments.get("A3", {}).get("done_date"))
    a3_warn = ""
    if a3_due is not None and a3_done is None and today > a3_due + dt.timedelta(weeks=4):
        a3_warn = f"Assessment 3 was due on {uk(a3_due)} (12 months after assessment 1)."
    lines.append(AssessmentLine("A3", a3_due, a3_done, a3_warn))
    return lines


def next_assessment(assessments: Dates) -> str | None:
    """The assessment a questionnaire would be for next, or None when all three are done."""
    for kind in ("A1", "A2", "A3"):
        if not assessments.get(kind, {}).get("done_date"):
            return kind
    return None
