"""The patient list's rows kept compact: a few strings per patient, not an object each.

At 200,000 patients one Python object per row and field (a PatientSummary, its dates, its
assessment dicts) costs seconds to build and hundreds of megabytes. Storage hands the list
two texts per patient instead, in name order:

- ``ident``: family name, given name, hospital number and NHS number (what is searched and
  sorted by), as ``family SEP_NAME given SEP hospital SEP nhs``;
- ``detail``: date of birth and the opted-out flag (``1``/``0``), as ``dob SEP flag``;

and, read separately (a background read after the list is shown, or a few rows at a time
for the rows on screen), each patient's newest episode as one ``state`` text: episode id,
outcome, programme start and end, referral date, A1/A2/A3 due and done, joined by SEP
(empty for none). A PatientSummary is made from these only for a row that is looked at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import overload

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


SEP = "\x1f"
SEP_NAME = "\x01"  # below every character a name holds: "de" sorts before "de la cruz"
_KINDS = ("A1", "A2", "A3")
# Fetches the state texts of the given patient ids (None: every patient); patients with
# no episode may be left out.
StateFetcher = Callable[[Sequence[int] | None], Mapping[int, str]]
_MADE_LIMIT = 4096  # summaries kept for rows on screen; dropped all at once past this


def state_text(s: PatientSummary) -> str:
    """The state text of a summary's newest episode ("" when it has none)."""
    if s.episode_id is None:
        return ""
    a = s.assessments
    parts = [str(s.episode_id), s.outcome, s.programme_start, s.programme_end,
             s.referral_date]
    for kind in _KINDS:
        parts += [a.get(kind, {}).get("due_date"), a.get(kind, {}).get("done_date")]
    return SEP.join(p or "" for p in parts)


def ident_text(s: PatientSummary) -> str:
    return SEP.join((f"{s.family_name}{SEP_NAME}{s.given_name}", s.hospital_number,
                     s.nhs_number))


def search_keys(idents: Sequence[str]) -> list[str]:
    """The lower-case idents, lowered in one call rather than one per row."""
    keys = "\n".join(idents).lower().split("\n")
    if len(keys) != len(idents):  # a newline inside a name: never misalign the rows
        keys = [i.lower() for i in idents]
    return keys


class PatientRows(Sequence[PatientSummary]):
    """Positions 0..n-1 over the compact texts; ``rows[pos]`` makes the summary."""

    def __init__(self, ids: Sequence[int], idents: Sequence[str], details: Sequence[str],
                 fetch: StateFetcher | None = None,
                 states: Mapping[int, str] | None = None) -> None:
        if not len(ids) == len(idents) == len(details):
            raise ValueError("the patient list's columns differ in length")
        self.ids = ids
        self.idents = idents
        self.details = details
        self._fetch = fetch
        self._states: dict[int, str] = dict(states or {})
        self.complete = states is not None or fetch is None
        self._made: dict[int, PatientSummary] = {}

    @classmethod
    def from_summaries(cls, rows: Iterable[PatientSummary]) -> PatientRows:
        rows = list(rows)
        out = cls([r.id for r in rows], [ident_text(r) for r in rows],
                  [f"{r.date_of_birth or ''}{SEP}{int(r.nacr_opt_out)}" for r in rows],
                  states={r.id: state_text(r) for r in rows})
        out._made = dict(enumerate(rows))  # the very objects given
        return out

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, pos: int) -> PatientSummary: ...
    @overload
    def __getitem__(self, pos: slice) -> list[PatientSummary]: ...

    def __getitem__(self, pos: int | slice) -> PatientSummary | list[PatientSummary]:
        if isinstance(pos, slice):
            return [self[i] for i in range(*pos.indices(len(self)))]
        made = self._made.get(pos)
        if made is None:
            if pos < 0 or pos >= len(self.ids):
                raise IndexError(pos)
            self.prefetch([pos])
            made = self.summary(pos)
            if len(self._made) >= _MADE_LIMIT:
                self._made.clear()
            self._made[pos] = made
        return made

    def __iter__(self) -> Iterator[PatientSummary]:
        self.ensure_all()  # one read, not one per row
        for pos in range(len(self.ids)):
            made = self._made.get(pos)
            yield made if made is not None else self.summary(pos)

    # ---- the texts ------------------------------------------------------------------------

    def ident(self, pos: int) -> tuple[str, str, str, str]:
        """(family, given, hospital number, NHS number) of the row."""
        name, hosp, nhs = self.idents[pos].split(SEP)
        family, _, given = name.partition(SEP_NAME)
        return family, given, hosp, nhs

    def date_of_birth(self, pos: int) -> str:
        return self.details[pos].partition(SEP)[0]

    def opted_out(self, pos: int) -> bool:
        return self.details[pos].endswith("1")

    def has_state(self, pos: int) -> bool:
        return self.complete or self.ids[pos] in self._states

    def prefetch(self, positions: Iterable[int]) -> None:
        """Read the states of those rows not yet known (one small read)."""
        if self.complete or self._fetch is None:
            return
        ids = self.ids
        missing = [ids[p] for p in positions if ids[p] not in self._states]
        if missing:
            found = self._fetch(missing)
            self._states.update((i, found.get(i, "")) for i in missing)

    def ensure_all(self) -> None:
        """Every row's state, read now (when the background read has not arrived)."""
        if not self.complete and self._fetch is not None:
            self.set_states(self._fetch(None))

    def set_states(self, states: Mapping[int, str]) -> None:
        """Every patient's state (those left out have no episode)."""
        self._states = dict(states)
        self.complete = True

    def state(self, pos: int) -> str:
        return self._states.get(self.ids[pos], "")

    def summary(self, pos: int) -> PatientSummary:
        """A fresh summary of the row (the state read first when it is not known)."""
        family, given, hosp, nhs = self.ident(pos)
        dob, _, flag = self.details[pos].partition(SEP)
        state = self.state(pos)
        if not state:
            return PatientSummary(self.ids[pos], nhs, hosp, family, given, dob, flag == "1")
        (eid, outcome, start, end, referral, a1due, a1done, a2due, a2done, a3due,
         a3done) = [p or None for p in state.split(SEP)]
        assessments = {kind: {"due_date": due, "done_date": done} for kind, due, done in (
            ("A1", a1due, a1done), ("A2", a2due, a2done), ("A3", a3due, a3done))
            if due or done}
        return PatientSummary(self.ids[pos], nhs, hosp, family, given, dob, flag == "1",
                              episode_id=int(eid or 0), outcome=outcome,
                              programme_start=start, programme_end=end,
                              referral_date=referral, assessments=assessments)
