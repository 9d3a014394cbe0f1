"""The dashboard's month-by-month kept data: the SPC charts' month summaries (schema 12).

Both are worked out from the kept episode facts (``dashboard_repo``) per calendar month of
referral, and marked stale with them: ``dashboard_repo.refresh_kept_facts`` marks the month
an episode was referred in before and the month it is referred in now, in the same
transaction as the facts it writes. ``month`` is year * 12 + month - 1 (``month_key``).
"""

from __future__ import annotations

import datetime as dt

from crdesk.core.dashboard.monthly import (
    MonthRow,
    MonthSummary,
    month_first_day,
    next_month,
    summarise,
)
from crdesk.storage.connection import Database
from crdesk.storage.dashboard_repo import CODE_SEP, NO_CODE, PACK


def month_summaries(db: Database, months: list[tuple[int, int]],
                    until: dt.date) -> dict[tuple[int, int], MonthSummary]:
    """The SPC month summaries (core/dashboard/monthly.py) of ``months``, of the episodes
    referred in each up to ``until``. Whole months are kept (schema 12) and a marked or
    missing one is worked out again from the kept facts and stored first; a month that
    ``until`` cuts short is worked out each time (never kept). Call
    ``refresh_kept_facts`` first (it marks the months it changes)."""
    out: dict[tuple[int, int], MonthSummary] = {}
    whole = [ym for ym in months if month_first_day(*next_month(*ym)) - 1 <= until.toordinal()]
    part = [ym for ym in months if ym not in whole]
    if whole:
        keys = {y * 12 + m - 1: (y, m) for y, m in whole}
        lo, hi = min(keys), max(keys)
        stale = {int(r[0]) for r in db.query(
            "SELECT month FROM spc_month_stale WHERE month BETWEEN ? AND ?", (lo, hi))}
        for key, text in db.execute(
                "SELECT month, summary FROM spc_month_summaries WHERE month BETWEEN ? AND ?",
                (lo, hi)):
            if key in keys and key not in stale:
                got = MonthSummary.from_json(text)
                if got is not None:
                    out[keys[key]] = got
        missing = [k for k in keys if keys[k] not in out]
        if missing:
            with db.transaction():
                for key in missing:
                    y, m = keys[key]
                    first = month_first_day(y, m)
                    summary = summarise(month_rows(
                        db, first, month_first_day(*next_month(y, m)) - 1))
                    db.execute("INSERT INTO spc_month_summaries (month, summary) VALUES (?, ?)"
                               " ON CONFLICT (month) DO UPDATE SET summary = excluded.summary",
                               (key, summary.to_json()))
                    db.execute("DELETE FROM spc_month_stale WHERE month = ?", (key,))
                    out[(y, m)] = summary
    for y, m in part:
        out[(y, m)] = summarise(month_rows(db, month_first_day(y, m), until.toordinal()))
    return out


def month_rows(db: Database, first: int, last: int) -> list[MonthRow]:
    """The kept facts of the episodes referred from day ``first`` to day ``last`` (day
    numbers, both included) as the SPC charts' compact rows (core/dashboard/monthly.py):
    referral, start, end, A1 and A2 as day numbers (NO_DAY for none), then event, treatment
    and outcome. Through the referral index: a month is a small part of the table."""
    unpack_from = PACK.unpack_from
    code_sets: dict[str, tuple[str | None, ...]] = {}
    out: list[MonthRow] = []
    for packed, codes in db.execute(
            "SELECT packed, codes FROM episode_facts WHERE referral BETWEEN ? AND ?",
            (first, last)):
        c = code_sets.get(codes)
        if c is None:
            parts = codes.split(CODE_SEP)
            c = code_sets[codes] = tuple(None if x == NO_CODE else x for x in parts[:3])
        out.append(unpack_from(packed)[1:6] + c)  # type: ignore[arg-type]
    return out
