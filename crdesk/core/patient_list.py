"""The patient list's rows, search and sort, kept free of Qt so it can be tested and timed.

Search must stay instant at 50,000 patients, so every row's searchable text is prepared once
(lower-case name and hospital number, NHS digits) and a keystroke is one list comprehension
over those strings. Typing more narrows the previous result instead of starting again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from crdesk.core import care_status
from crdesk.core.dashboard.worklist import OpenEpisode, episode_items
from crdesk.core.dates import iso_date


@dataclass(frozen=True, slots=True)
class PatientSummary:
    id: int
    nhs_number: str
    hospital_number: str
    family_name: str
    given_name: str
    date_of_birth: str
    nacr_opt_out: bool
    episode_id: int | None = None
    outcome: str | None = None
    programme_start: str | None = None
    programme_end: str | None = None
    referral_date: str | None = None
    assessments: Mapping[str, Mapping[str, str | None]] = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        return f"{self.family_name.upper()}, {self.given_name}"

    def status(self, today: dt.date) -> str:
        if self.episode_id is None:
            return care_status.REFERRED
        return care_status.status(self.outcome, self.programme_start, self.programme_end,
                                  self.assessments, today)


@dataclass(frozen=True, slots=True)
class NextAction:
    """What the patient's newest episode needs next, and by when (None: nothing due)."""

    text: str
    due: dt.date | None
    overdue: bool


NOTHING = NextAction("", None, False)
STOPPED_OUTCOMES = ("declined", "did_not_attend", "withdrew", "died", "other")


def next_action(row: PatientSummary, today: dt.date) -> NextAction:
    """The next action on the patient list, by the worklist's rules.

    The worklist (core/dashboard/worklist.episode_items) decides what is due now; it only
    looks two weeks ahead and lets long-closed windows drop off its list, so when it has
    nothing the next assessment that is still owed is shown with its due date (care_status),
    however far ahead or however long ago: an assessment 1 due nine months ago stays
    visible here. Waits against the NCP_CR thresholds need the priority group, which the
    list does not read; the Home page's worklist shows those.
    """
    if row.episode_id is None:
        return NextAction("Add the referral", None, False)
    a = row.assessments

    def d(kind: str, which: str) -> str | None:
        return a.get(kind, {}).get(which)

    episode = OpenEpisode(
        episode_id=row.episode_id, patient_id=row.id, patient="",
        referral=iso_date(row.referral_date), start=iso_date(row.programme_start),
        outcome=row.outcome, priority_group="", programme_end=row.programme_end,
        a1_due=d("A1", "due_date"), a1_done=d("A1", "done_date"),
        a2_due=d("A2", "due_date"), a2_done=d("A2", "done_date"),
        a3_due=d("A3", "due_date"), a3_done=d("A3", "done_date"))
    items = episode_items(episode, today, {})
    if items:
        item = min(items, key=lambda i: i.due or dt.date.max)
        return _action(item.group, item.due, item.days_left, today)
    a1 = iso_date(a.get("A1", {}).get("done_date"))
    if a1 is None:
        if row.outcome is not None:
            return NOTHING
        due = iso_date(a.get("A1", {}).get("due_date")) or iso_date(row.referral_date)
        return _action("awaiting_a1", due, None, today)
    if not a.get("A2", {}).get("done_date") and row.outcome not in STOPPED_OUTCOMES:
        due = care_status.a2_due_date(a, row.programme_end)
        left = (care_status.a2_window_closes(a1) - today).days
        return _action("a2_due", due, left, today)
    if not a.get("A3", {}).get("done_date") and row.outcome != "died":
        return _action("a3_due", care_status.a3_due_date(a), None, today)
    return NOTHING


def _action(group: str, due: dt.date | None, days_left: int | None,
            today: dt.date) -> NextAction:
    if group == "awaiting_a1":
        text = "Assessment 1"
    elif group == "wait":
        text = "Start the programme (wait threshold)"
    elif group == "a2_due":
        text = "Assessment 2"
        if days_left is not None and days_left < 0:
            text += "; NACR window closed"
        elif days_left is not None and days_left <= 14:
            text += "; NACR window closing"
    else:
        text = "Assessment 3 (12 months)"
    return NextAction(text, due, due is not None and due < today)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


COLUMNS = ("Name", "NHS number", "Hospital no.", "Date of birth", "Status", "Next action",
           "Due")
NEXT_ACTION_COLUMN = 5
DUE_COLUMN = 6


class PatientIndex:
    """Rows with their search keys and statuses; ``filter`` returns row positions."""

    def __init__(self, rows: list[PatientSummary], today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        self.today = today
        self.rows = rows
        # Worked out when a row is first shown or the list is sorted by it: 50,000 rows
        # would otherwise cost a second at every load.
        self._next: dict[int, NextAction] = {}
        self.statuses = [r.status(today) for r in rows]
        self.opted_out = [r.nacr_opt_out for r in rows]
        self.name_keys = [f"{r.family_name} {r.given_name}\t{r.hospital_number}".lower()
                          for r in rows]
        self.nhs_keys = [r.nhs_number for r in rows]
        self.hospital_keys = [r.hospital_number.lower() for r in rows]
        self._last: tuple[str, str, list[int] | None, list[int]] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def next_action(self, pos: int) -> NextAction:
        found = self._next.get(pos)
        if found is None:
            found = self._next[pos] = next_action(self.rows[pos], self.today)
        return found

    def filter(self, text: str, status: str = "", order: list[int] | None = None) -> list[int]:
        """Positions of the rows that match, in ``order`` (all rows in a sort order, so the
        result needs no sorting of its own) or in stored order."""
        query = " ".join(text.lower().split())
        candidates: range | list[int] = range(len(self.rows)) if order is None else order
        if self._last is not None:
            last_query, last_status, last_order, last_result = self._last
            # Typing one more character can only narrow the result: search within it.
            if last_status == status and last_order is order and last_query \
                    and query.startswith(last_query) and _kind(query) == _kind(last_query):
                candidates = last_result
        result = self._filter(query, status, candidates)
        self._last = (query, status, order, result)
        return result

    def _filter(self, query: str, status: str, candidates: range | list[int]) -> list[int]:
        if status == care_status.OPTED_OUT:
            flags = self.opted_out
            candidates = [i for i in candidates if flags[i]]
        elif status:
            statuses = self.statuses
            candidates = [i for i in candidates if statuses[i] == status]
        if not query:
            return list(candidates)
        if _kind(query) == "number":
            digits = _digits(query)
            nhs, hosp = self.nhs_keys, self.hospital_keys
            return [i for i in candidates if digits in nhs[i] or digits in hosp[i]]
        words = query.split()
        keys = self.name_keys
        if len(words) == 1:
            word = words[0]
            return [i for i in candidates if word in keys[i]]
        return [i for i in candidates if all(w in keys[i] for w in words)]

    def sorted_rows(self, column: int, descending: bool = False) -> list[int]:
        """Every row position in the order of one column (ties keep their stored order)."""
        keys = self.sort_key(column)
        return sorted(range(len(self.rows)), key=keys.__getitem__, reverse=descending)

    def sort_key(self, column: int) -> list[Any]:  # one comparable type per column
        rows = self.rows
        if column == 0:
            return [(r.family_name.lower(), r.given_name.lower()) for r in rows]
        if column == 1:
            return [r.nhs_number for r in rows]
        if column == 2:
            return [r.hospital_number.lower() for r in rows]
        if column == 3:
            return [r.date_of_birth for r in rows]
        if column == 4:
            order = list(care_status.STATUS_LABELS)
            return [order.index(s) for s in self.statuses]
        actions = [self.next_action(i) for i in range(len(rows))]
        if column == NEXT_ACTION_COLUMN:
            return [(a.text == "", a.text, a.due or dt.date.max) for a in actions]
        # Due: the most overdue first, rows with nothing due last.
        return [a.due or dt.date.max for a in actions]


def _kind(query: str) -> str:
    """A query of digits (with spaces or dashes) is an NHS or hospital number."""
    bare = query.replace(" ", "").replace("-", "")
    return "number" if bare.isdigit() else "text"
