"""Turn an episode snapshot into one export row, and say why a row cannot go yet.

Missing values are written empty, never as "Unknown" (NACR's upload overwrote good data
with "Unknown" values: ../shared/reference/reliability.md §3). A value outside a column's
code list is not guessed: the record is held back with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from crdesk.core.activity import weekly_minutes
from crdesk.core.dates import age_on, iso_date
from crdesk.core.episode import EpisodeSnapshot
from crdesk.export.profile import Column, Profile

NACR_A2_WINDOW_WEEKS = 20  # NACR discounted an A2 more than 20 weeks after A1 (nacr.md §1.1)
AGE_BANDS = ((0, 40, "under 40"), (40, 50, "40-49"), (50, 60, "50-59"), (60, 70, "60-69"),
             (70, 80, "70-79"), (80, 200, "80 and over"))


@dataclass
class RowResult:
    episode_id: int
    patient_id: int
    values: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    opted_out: bool = False

    @property
    def ready(self) -> bool:
        return not self.errors and not self.opted_out


_date = iso_date


def _age(dob: str | None, on: dt.date) -> int | None:
    return age_on(iso_date(dob), on)


def _reference_date(s: EpisodeSnapshot, today: dt.date) -> dt.date:
    e = s.episode
    return _date(e.referral_date) or _date(e.event_date) or today


def _derived(name: str, s: EpisodeSnapshot, today: dt.date,
             pseudonymise: Callable[[str], str]) -> Any:
    if name == "age_at_referral":
        return _age(s.patient.date_of_birth, _reference_date(s, today))
    if name == "age_band":
        age = _age(s.patient.date_of_birth, _reference_date(s, today))
        if age is None:
            return None
        return next(label for lo, hi, label in AGE_BANDS if lo <= age < hi)
    if name == "postcode_district":
        pc = (s.patient.postcode or "").upper().replace(" ", "")
        return pc[:-3] if len(pc) >= 5 else None
    if name == "pseudonym":
        return pseudonymise(s.patient.nhs_number or f"patient-{s.patient.id}")
    raise KeyError(name)


Getter = Callable[[EpisodeSnapshot], Any]


def getter(source: str, today: dt.date, pseudonymise: Callable[[str], str]) -> Getter:
    """A function reading ``source`` from a snapshot; the source is parsed once, not per row
    (an export reads hundreds of thousands of values)."""
    parts = source.split(".")
    head = parts[0]
    if head == "patient":
        return lambda s: getattr(s.patient, parts[1], None)
    if head == "episode":
        return lambda s: getattr(s.episode, parts[1], None)
    if head == "assessment":
        kind, name = parts[1], parts[2]
        return lambda s: s.assessments.get(kind, {}).get(name)
    if head in ("answer", "staff"):
        key = (parts[1], "patient" if head == "answer" else "staff")
        qid = ".".join(parts[2:])
        if qid == "active_minutes_week":
            # A calculated item is not stored: days x minutes, as the form computes it.
            return lambda s: weekly_minutes(s.answers.get(key, {}))
        return lambda s: s.answers.get(key, {}).get(qid)
    if head == "score":
        kind, sid = parts[1], ".".join(parts[2:])
        return lambda s: s.scores.get(kind, {}).get(sid)
    if head == "derived":
        return lambda s: _derived(parts[1], s, today, pseudonymise)
    return lambda s: None


def _number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.2f}".rstrip("0").rstrip(".")


def format_value(col: Column, value: Any, date_format: str) -> tuple[str, str | None]:
    """The text written for ``value`` and, if it cannot be written, why."""
    if type(value) is str:  # most values: the checks below, in their order, for a text
        if not value:
            return "", None
        if col.codes:
            if value not in col.codes:
                return "", f"{col.name}: '{value}' is not in the code list"
            return col.codes[value], None
        if col.kind != "date":
            return value.replace("\r", " ").replace("\n", " "), None
    if value is None or value == "" or value == []:
        return "", None
    if isinstance(value, dict) and "special" in value:
        return col.codes.get(str(value["special"]), ""), None
    if isinstance(value, dict) and "value" in value:  # a measurement: metric value
        value = value["value"]
    if isinstance(value, list):
        parts = [format_value(col, v, date_format) for v in value]
        bad = next((why for _, why in parts if why), None)
        return ";".join(t for t, _ in parts if t), bad
    if col.codes:
        key = str(value).lower() if isinstance(value, bool) else str(value)
        if key not in col.codes:
            return "", f"{col.name}: '{key}' is not in the code list"
        return col.codes[key], None
    if col.kind == "date":
        d = _date(str(value))
        if d is None:
            return "", f"{col.name}: not a date"
        return d.strftime(date_format), None
    if isinstance(value, bool):
        return ("yes" if value else "no"), None
    if isinstance(value, int | float):
        return _number(value), None
    return str(value).replace("\r", " ").replace("\n", " "), None


def _date_order(s: EpisodeSnapshot, today: dt.date) -> tuple[list[str], list[str]]:
    e = s.episode
    errors: list[str] = []
    warnings: list[str] = []
    pairs = [("initiating event", e.event_date, "referral", e.referral_date),
             ("initiating event", e.event_date, "treatment", e.treatment_date),
             ("referral", e.referral_date, "programme start", e.programme_start),
             ("programme start", e.programme_start, "programme end", e.programme_end)]
    a1 = _date(s.assessments.get("A1", {}).get("done_date"))
    a2 = _date(s.assessments.get("A2", {}).get("done_date"))
    for first, d1, second, d2 in pairs:
        x, y = _date(d1), _date(d2)
        if x and y and y < x:
            errors.append(f"the {second} date is before the {first} date")
    for label, d in [("initiating event", e.event_date), ("referral", e.referral_date),
                     ("programme end", e.programme_end)]:
        dd = _date(d)
        if dd and dd > today:
            errors.append(f"the {label} date is in the future")
    if a1 and a2:
        if a2 < a1:
            errors.append("Assessment 2 is dated before Assessment 1")
        elif (a2 - a1).days > NACR_A2_WINDOW_WEEKS * 7:
            weeks = (a2 - a1).days // 7
            warnings.append(f"Assessment 2 is {weeks} weeks after Assessment 1; NACR discounts "
                            f"an A2 more than {NACR_A2_WINDOW_WEEKS} weeks after A1")
    return errors, warnings


# The widest window a row can be good for, as day numbers (date.toordinal()).
ALWAYS = (0, 99_999_999)


def valid_days(s: EpisodeSnapshot, today: dt.date) -> tuple[int, int]:
    """The days (``from`` <= day < ``until``, day numbers) over which a row built ``today``
    stays exactly as it is: the row reads ``today`` only in the "in the future" checks of
    ``_date_order`` (which flip on the day each date arrives) and, when the episode has no
    referral or event date, in the age worked out on ``today`` (good for that day only).
    A kept row outside its window is built again before it is read."""
    e = s.episode
    if _date(e.referral_date) is None and _date(e.event_date) is None:
        return today.toordinal(), today.toordinal() + 1
    lo, hi = ALWAYS
    t = today.toordinal()
    for d in (_date(e.event_date), _date(e.referral_date), _date(e.programme_end)):
        if d is None:
            continue
        n = d.toordinal()
        if n <= t:
            lo = max(lo, n)
        else:
            hi = min(hi, n)
    return lo, hi


class RowBuilder:
    """Builds rows for one profile; column sources are compiled once for the whole export."""

    def __init__(self, profile: Profile, *, today: dt.date,
                 pseudonymise: Callable[[str], str]) -> None:
        self.profile = profile
        self.today = today
        self.columns = [(c, getter(c.source, today, pseudonymise)) for c in profile.columns]
        # The positions of the record-type cells ("new" / "amendment"), first first.
        self.record_type_at = tuple(i for i, c in enumerate(profile.columns)
                                    if c.source == "batch.record_type")
        self.record_type_names = frozenset(c.name for c in profile.columns
                                           if c.source == "batch.record_type")
        self.names = [c.name for c in profile.columns]
        self.plan = [(c, get, c.source == "batch.record_type") for c, get in self.columns]

    def __call__(self, s: EpisodeSnapshot, record_type: str = "new") -> RowResult:
        return _build(self, s, record_type)


def _build(b: RowBuilder, s: EpisodeSnapshot, record_type: str) -> RowResult:
    profile, today = b.profile, b.today
    r = RowResult(s.episode.id or 0, s.patient.id or 0, opted_out=s.patient.nacr_opt_out)
    if r.opted_out:
        return r  # never build a row for a patient who opted out: nothing to leak
    if profile.require_a1 and not s.assessments.get("A1", {}).get("done_date"):
        r.errors.append("Assessment 1 has not been recorded")
    errors, warnings = _date_order(s, today)
    r.errors += errors
    r.warnings += warnings
    values, date_format = r.values, profile.date_format
    for col, get, is_record_type in b.plan:
        if is_record_type:
            values[col.name] = record_type
            continue
        value = get(s)
        if value is None:  # an empty cell, as format_value writes it, without the call
            text, why = "", None
        else:
            text, why = format_value(col, value, date_format)
            if why:
                r.errors.append(why)
        if col.required and not text and not why:
            r.errors.append(f"{col.name} is missing ({col.description or col.source})")
        values[col.name] = text
    return r
