"""The patient list's rows, search and sort, kept free of Qt so it can be tested and timed.

Search must stay instant at 200,000 patients, so every row's searchable text is prepared
once (one lower-case string: name, hospital number, NHS digits; lowered in one call) and a
keystroke is one pass in C over those strings (``compress`` over ``map(contains, ...)``,
no Python code per row). Typing more narrows the previous result instead of starting
again. Statuses and next actions are worked out only for rows on screen until a status
filter or a sort by them needs every row (the statuses usually arrive first, from the
background read that follows the list being shown).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from typing import Any

from crdesk.core import care_status
from crdesk.core.dashboard.worklist import OpenEpisode, windows
from crdesk.core.dates import iso_date
from crdesk.core.patient_rows import SEP, PatientRows, PatientSummary, search_keys

__all__ = ["COLUMNS", "DUE_COLUMN", "NEXT_ACTION_COLUMN", "NextAction", "PatientIndex",
           "PatientRows", "PatientSummary", "next_action", "open_episode", "statuses_of"]


@dataclass(frozen=True, slots=True)
class NextAction:
    """What the patient's newest episode needs next, and by when (None: nothing due)."""

    text: str
    due: dt.date | None
    overdue: bool


NOTHING = NextAction("", None, False)
STOPPED_OUTCOMES = ("declined", "did_not_attend", "withdrew", "died", "other")


def open_episode(row: PatientSummary) -> OpenEpisode:
    """The row's newest episode as the worklist's rules take it (no name, no priority group:
    the list reads neither). Only for a row with an episode."""
    assert row.episode_id is not None
    a = row.assessments

    def d(kind: str, which: str) -> str | None:
        return a.get(kind, {}).get(which)

    return OpenEpisode(
        episode_id=row.episode_id, patient_id=row.id, patient="",
        referral=iso_date(row.referral_date), start=iso_date(row.programme_start),
        outcome=row.outcome, priority_group="", programme_end=row.programme_end,
        a1_due=d("A1", "due_date"), a1_done=d("A1", "done_date"),
        a2_due=d("A2", "due_date"), a2_done=d("A2", "done_date"),
        a3_due=d("A3", "due_date"), a3_done=d("A3", "done_date"))


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
    episode = open_episode(row)
    # The worklist's windows that show today, as episode_items takes them, without making
    # its items (their reasons are formatted text the list never shows): sorting 200,000
    # rows by next action works this out for each. Only an A2's days left are used.
    shown = [w for w in windows(episode, {}) if w.shows(today)]
    a1 = iso_date(a.get("A1", {}).get("done_date"))
    if shown:
        w = min(shown, key=lambda w: w.due or dt.date.max)
        left = None
        if w.group == "a2_due" and a1 is not None:
            left = (care_status.a2_window_closes(a1) - today).days
        return _action(w.group, w.due, left, today)
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


def statuses_of(rows: PatientRows, today: dt.date) -> dict[int, str]:
    """patient id -> status, for every row with an episode (the others are "referred").
    Run on a background thread after the list is shown: seconds at 200,000 patients."""
    out: dict[int, str] = {}
    for pos in range(len(rows)):
        if rows.state(pos):
            out[rows.ids[pos]] = rows.summary(pos).status(today)
    return out


class PatientIndex:
    """Rows with their search keys and statuses; ``filter`` returns row positions."""

    def __init__(self, rows: Sequence[PatientSummary] | PatientRows,
                 today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        self.today = today
        self.rows = rows if isinstance(rows, PatientRows) else PatientRows.from_summaries(rows)
        # Worked out when a row is first shown or the list is sorted by it: 200,000 rows
        # would otherwise cost seconds at every load.
        self._next: dict[int, NextAction] = {}
        self._statuses: list[str] | None = None
        self._opted_out: list[bool] | None = None
        self.keys = search_keys(self.rows.idents)
        self._in_order: tuple[list[int] | None, list[str]] = (None, self.keys)
        self._last: tuple[str, str, list[int] | None, list[int]] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    # ---- per row, worked out when needed --------------------------------------------------

    @property
    def statuses(self) -> list[str]:
        if self._statuses is None:
            self.rows.ensure_all()
            self.set_statuses(statuses_of(self.rows, self.today))
        assert self._statuses is not None
        return self._statuses

    def set_statuses(self, by_id: Mapping[int, str]) -> None:
        referred = care_status.REFERRED
        self._statuses = [by_id.get(i, referred) for i in self.rows.ids]

    def status(self, pos: int) -> str:
        if self._statuses is not None:
            return self._statuses[pos]
        return self.rows[pos].status(self.today)

    @property
    def opted_out(self) -> list[bool]:
        if self._opted_out is None:
            self._opted_out = [d.endswith("1") for d in self.rows.details]
        return self._opted_out

    def next_action(self, pos: int) -> NextAction:
        found = self._next.get(pos)
        if found is None:
            found = self._next[pos] = next_action(self.rows[pos], self.today)
        return found

    # ---- search ---------------------------------------------------------------------------

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
        result = self._filter(query, status, candidates, order)
        self._last = (query, status, order, result)
        return result

    def _keys_of(self, candidates: range | list[int], order: list[int] | None) -> Any:
        """The search keys of ``candidates``, in their order, without a Python loop."""
        if isinstance(candidates, range):
            return self.keys
        if candidates is order:
            kept_order, keys = self._in_order
            if kept_order is not order:  # once per sort order, then reused per keystroke
                keys = list(map(self.keys.__getitem__, order))
                self._in_order = (order, keys)
            return keys
        return map(self.keys.__getitem__, candidates)

    def _filter(self, query: str, status: str, candidates: range | list[int],
                order: list[int] | None = None) -> list[int]:
        if status == care_status.OPTED_OUT:
            candidates = list(compress(candidates, map(self.opted_out.__getitem__, candidates)))
        elif status:
            candidates = list(compress(candidates, map(
                operator.eq, map(self.statuses.__getitem__, candidates), repeat(status))))
        if not query:
            return list(candidates)
        words = [_digits(query)] if _kind(query) == "number" else query.split()
        for word in words:
            # ``word in key`` for every candidate, in C: a keystroke at 200,000 rows is a
            # few milliseconds. NHS and hospital numbers are in the key after the name.
            keys = self._keys_of(candidates, order)
            candidates = list(compress(candidates, map(operator.contains, keys,
                                                       repeat(word))))
        return list(candidates)

    # ---- sort -----------------------------------------------------------------------------

    def sorted_rows(self, column: int, descending: bool = False) -> list[int]:
        """Every row position in the order of one column (ties keep their stored order)."""
        keys = self.sort_key(column)
        return sorted(range(len(self.rows)), key=keys.__getitem__, reverse=descending)

    def sort_key(self, column: int) -> list[Any]:  # one comparable type per column
        if column == 0:
            # family SEP_NAME given SEP ...: sorts as (family, given); storage reads the
            # rows in nearly this order, so this sort is one quick pass.
            return self.keys
        if column == 1:
            return [k.rpartition(SEP)[2] for k in self.keys]
        if column == 2:
            return [k.split(SEP)[1] for k in self.keys]
        if column == 3:
            return [d.partition(SEP)[0] for d in self.rows.details]
        if column == 4:
            rank = {s: i for i, s in enumerate(care_status.STATUS_LABELS)}
            return [rank[s] for s in self.statuses]
        self.rows.ensure_all()
        actions = [self.next_action(i) for i in range(len(self.rows))]
        if column == NEXT_ACTION_COLUMN:
            return [(a.text == "", a.text, a.due or dt.date.max) for a in actions]
        # Due: the most overdue first, rows with nothing due last.
        return [a.due or dt.date.max for a in actions]


def _kind(query: str) -> str:
    """A query of digits (with spaces or dashes) is an NHS or hospital number."""
    bare = query.replace(" ", "").replace("-", "")
    return "number" if bare.isdigit() else "text"
