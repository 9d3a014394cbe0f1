"""The dashboard's month-by-month kept data: the SPC charts' month summaries (schema 12)
and the episode facts of each referral month (schema 14).

Both are worked out from the kept episode facts (``dashboard_repo``) per calendar month of
referral, and marked stale with them: ``dashboard_repo.refresh_kept_facts`` marks the month
an episode was referred in before and the month it is referred in now, in the same
transaction as the facts it writes. ``month`` is year * 12 + month - 1 (``month_key``).
"""

from __future__ import annotations

import datetime as dt
import marshal
from operator import itemgetter
from typing import Any

from crdesk.core.dashboard.facts import EpisodeFacts
from crdesk.core.dashboard.monthly import (
    MonthRow,
    MonthSummary,
    month_first_day,
    next_month,
    summarise,
)
from crdesk.core.gc_pause import paused_gc
from crdesk.storage.connection import Database
from crdesk.storage.dashboard_repo import (
    CODE_SEP,
    NO_CODE,
    PACK,
    Days,
    facts_referred,
    facts_without_referral,
    month_key,
)


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


# ---- the episode facts of each referral month (schema 14) --------------------------------

# episode_fact_months.facts: marshal (version 4) of a list, in episode id order, of one
# tuple per episode: the EpisodeFacts fields in order, each date as its day number (-1 for
# none), the two outcome-value mappings as dicts (None when empty). marshal, not pickle:
# loading it makes plain values only and runs no code. Changing the layout means bumping
# FACT_MONTHS_FORMAT (a kept month of another format is worked out again).
FACT_MONTHS_FORMAT = 1
_MARSHAL_VERSION = 4
_NO_DAY = -1
_EPISODE_ID = itemgetter(0)
assert EpisodeFacts._fields[0] == "episode_id"


def _day_number(d: dt.date | None) -> int:
    return _NO_DAY if d is None else d.toordinal()


def _encode(facts: list[EpisodeFacts]) -> bytes:
    n = _day_number
    return marshal.dumps([
        (f.episode_id, f.patient_id, n(f.referral), n(f.start), n(f.end), n(f.a1), n(f.a2),
         n(f.a3), f.initiating_event, f.treatment, n(f.event_date), f.outcome, f.age, f.sex,
         f.ethnic, f.decile, f.opted_out, dict(f.a1_values) or None,
         dict(f.a2_values) or None, f.present) for f in facts], _MARSHAL_VERSION)


def _decode(blob: bytes, day: Any, out: list[EpisodeFacts]) -> None:
    """Append the facts ``blob`` holds to ``out``: one C call per field at most."""
    make = EpisodeFacts._make
    append = out.append
    empty = EpisodeFacts._field_defaults["a1_values"]
    for (eid, pid, ref, start, end, a1, a2, a3, event, treatment, event_day, outcome, age,
         sex, ethnic, decile, opted, v1, v2, present) in marshal.loads(blob):
        append(make((eid, pid, day(ref), day(start), day(end), day(a1), day(a2), day(a3),
                     event, treatment, day(event_day), outcome, age, sex, ethnic, decile,
                     opted, v1 or empty, v2 or empty, present)))


def period_facts(db: Database, since: dt.date, until: dt.date) -> list[EpisodeFacts]:
    """The kept facts of the episodes referred from ``since`` to ``until`` (both included)
    and of every episode without a referral date, in episode order: what
    ``dashboard_repo.episode_facts(db, since, until)`` returns, read per month of referral
    from ``episode_fact_months``. A missing month (new, or dropped by a change) is worked
    out from the kept facts and stored first, each in a short transaction of its own (so
    that no refresh can drop it between the read and the store). Call
    ``refresh_kept_facts`` first."""
    first, last = month_key(since), month_key(until)
    # Only the months anyone was referred in (two index look-ups): a period from 1900 on
    # must not store centuries of empty months.
    lo_day, hi_day = db.query("SELECT min(referral), max(referral) FROM episode_facts")[0]
    if lo_day is None:
        first, last = 0, -1  # nobody has a referral date: no month to read
    else:
        first = max(first, month_key(dt.date.fromordinal(lo_day)))
        last = min(last, month_key(dt.date.fromordinal(hi_day)))
    out: list[EpisodeFacts] = []
    with paused_gc():
        day = Days().__getitem__
        found: set[int] = set()
        for key, fmt, blob in db.execute(
                "SELECT month, format, facts FROM episode_fact_months"
                " WHERE month BETWEEN ? AND ?", (first, last)):
            if fmt != FACT_MONTHS_FORMAT:
                continue  # worked out again below
            found.add(key)
            start = len(out)
            try:
                _decode(blob, day, out)
            except (ValueError, EOFError, TypeError):
                del out[start:]  # not a value this code wrote: worked out again below
                found.discard(key)
        for key in range(first, last + 1):
            if key not in found:
                out.extend(_store_month(db, key))
        lo, hi = since.toordinal(), until.toordinal()
        if first <= last and (month_first_day(*_year_month(first)) < lo or
                              month_first_day(*next_month(*_year_month(last))) - 1 > hi):
            # The period starts or ends inside a month: only its own days' referrals.
            out = [f for f in out if lo <= f.referral.toordinal() <= hi]  # type: ignore[union-attr]
        out.extend(facts_without_referral(db))
        out.sort(key=_EPISODE_ID)
    return out


def _year_month(key: int) -> tuple[int, int]:
    return key // 12, key % 12 + 1


def _store_month(db: Database, key: int) -> list[EpisodeFacts]:
    """Work month ``key``'s facts out from the kept facts and keep them (unless the file
    is open read-only, as a damaged one is)."""
    y, m = _year_month(key)
    first, last = month_first_day(y, m), month_first_day(*next_month(y, m)) - 1
    if db.read_only:
        return facts_referred(db, first, last)
    with db.transaction():
        facts = facts_referred(db, first, last)
        db.execute("INSERT INTO episode_fact_months (month, format, episodes, facts)"
                   " VALUES (?, ?, ?, ?) ON CONFLICT (month) DO UPDATE SET"
                   " format = excluded.format, episodes = excluded.episodes,"
                   " facts = excluded.facts",
                   (key, FACT_MONTHS_FORMAT, len(facts), _encode(facts)))
    return facts
