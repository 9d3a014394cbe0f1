"""Stored dates: ISO text (``2026-04-01``, or the date part of a timestamp) to ``date``, and
age on a day. One copy, used by the care status, the worklist, the dashboard facts and the
export rows, so that they agree on what a malformed or missing date means (None)."""

from __future__ import annotations

import datetime as dt


def iso_date(text: str | None) -> dt.date | None:
    """An ISO date (or the date part of a timestamp); None for empty or malformed text."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def age_on(dob: dt.date | None, on: dt.date | None) -> int | None:
    """Whole years from ``dob`` to ``on`` (None when either is unknown)."""
    if dob is None or on is None:
        return None
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))
