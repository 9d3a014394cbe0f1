"""Reporting periods: financial year, quarter, rolling 12 months, or any two dates.

Both boundaries are inclusive: an episode referred on the first or the last day belongs to
the period. UK financial years run 1 April to 31 March; quarter 1 is April-June.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from crdesk.core.care_status import add_months


class PeriodError(ValueError):
    """A period that cannot be used (inverted, empty, malformed)."""


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    label: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(f"The period ends ({self.end}) before it starts ({self.start}).")

    def contains(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every calendar month the period touches, in order."""
        out = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def as_text(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def financial_year_of(day: dt.date) -> int:
    """The year the financial year containing ``day`` starts in (2026 for FY 2026/27)."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year(start_year: int) -> Period:
    return Period(dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31),
                  f"Financial year {start_year}/{(start_year + 1) % 100:02d}")


def quarter(start_year: int, q: int) -> Period:
    if q not in (1, 2, 3, 4):
        raise PeriodError("A quarter is 1, 2, 3 or 4.")
    first = add_months(dt.date(start_year, 4, 1), 3 * (q - 1))
    last = add_months(first, 3) - dt.timedelta(days=1)
    return Period(first, last, f"Q{q} {start_year}/{(start_year + 1) % 100:02d}")


def rolling_12_months(as_of: dt.date) -> Period:
    """The 12 whole months ending with the month before ``as_of`` (a partial current month
    would make the last point of every chart look like a fall)."""
    end = as_of.replace(day=1) - dt.timedelta(days=1)
    start = add_months(end.replace(day=1), -11)
    return Period(start, end, f"12 months to {end:%B %Y}")


def default_period(as_of: dt.date) -> Period:
    """The dashboard opens on the financial year so far (as the team's week describes)."""
    fy = financial_year(financial_year_of(as_of))
    return Period(fy.start, min(fy.end, as_of), f"{fy.label} to date")


def parse_period(text: str) -> Period:
    """``YYYY-MM-DD..YYYY-MM-DD`` (inclusive), ``fy2026``, ``fy2026q1``."""
    t = text.strip().lower()
    if not t:
        raise PeriodError("The period is empty: give it as 2026-04-01..2027-03-31.")
    if t.startswith("fy"):
        body = t[2:]
        try:
            if "q" in body:
                year, q = body.split("q", 1)
                return quarter(int(year), int(q))
            return financial_year(int(body))
        except ValueError:
            raise PeriodError(f"'{text}' is not a financial year such as fy2026 or "
                              "fy2026q1.") from None
    parts = t.split("..")
    if len(parts) != 2 or not parts[0] or not parts[1]:
        raise PeriodError(f"'{text}' is not a period: give it as 2026-04-01..2027-03-31.")
    try:
        start, end = dt.date.fromisoformat(parts[0]), dt.date.fromisoformat(parts[1])
    except ValueError:
        raise PeriodError(f"'{text}' has a date that is not YYYY-MM-DD.") from None
    return Period(start, end, f"{start:%d %b %Y} to {end:%d %b %Y}")
