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


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


COLUMNS = ("Name", "NHS number", "Hospital no.", "Date of birth", "Status", "Referred")


class PatientIndex:
    """Rows with their search keys and statuses; ``filter`` returns row positions."""

    def __init__(self, rows: list[PatientSummary], today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        self.rows = rows
        self.statuses = [r.status(today) for r in rows]
        self.opted_out = [r.nacr_opt_out for r in rows]
        self.name_keys = [f"{r.family_name} {r.given_name}\t{r.hospital_number}".lower()
                          for r in rows]
        self.nhs_keys = [r.nhs_number for r in rows]
        self.hospital_keys = [r.hospital_number.lower() for r in rows]
        self._last: tuple[str, str, list[int] | None, list[int]] | None = None

    def __len__(self) -> int:
        return len(self.rows)

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
        return [r.referral_date or "" for r in rows]


def _kind(query: str) -> str:
    """A query of digits (with spaces or dashes) is an NHS or hospital number."""
    bare = query.replace(" ", "").replace("-", "")
    return "number" if bare.isdigit() else "text"
