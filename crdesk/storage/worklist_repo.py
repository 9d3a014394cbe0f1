"""The worklist's reads, and the kept worklist windows they rest on (schema 5).

Each episode's windows (``core/dashboard/worklist.py`` ``windows``: the group, the due day,
and the days it shows from and until) are worked out by ``dashboard_repo.
refresh_kept_facts`` with the episode's facts, through ``window_rows`` and
``replace_windows`` here, and read by ``open_work``: per group only the windows open today,
by index. The listed episodes alone are then read in full, with the name staff see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence

from crdesk.core.dashboard.worklist import GoalDue, OpenEpisode, OpenResponse, Window, windows
from crdesk.core.dates import iso_date as parse_date
from crdesk.storage.connection import Database

_OPEN_BOUND, _CLOSED_BOUND = 0, 99_999_999  # an open window's bounds (day numbers)
_NO_DUE = -1

# The worklist windows' inputs for a batch of stale episodes (names are not needed).
_WORK_SOURCE_SQL = """
SELECT e.id, e.patient_id, '', e.referral_date, e.programme_start, e.outcome,
       e.initiating_event, e.treatment, a1.due_date, a1.done_date, a2.due_date, a2.done_date,
       a3.due_date, a3.done_date, e.programme_end
FROM episodes e
LEFT JOIN assessments a1 ON a1.episode_id = e.id AND a1.kind = 'A1'
LEFT JOIN assessments a2 ON a2.episode_id = e.id AND a2.kind = 'A2'
LEFT JOIN assessments a3 ON a3.episode_id = e.id AND a3.kind = 'A3'
WHERE e.id IN (SELECT episode_id FROM episode_facts_stale ORDER BY episode_id LIMIT :n)
"""


WindowRow = tuple[int, str, int, int, int]  # episode id, group, due, show from, show until


def window_rows(db: Database, batch: int, group: Callable[[str | None, str | None], str],
                wait_thresholds: Mapping[str, float]) -> list[WindowRow]:
    """The worklist windows of the first ``batch`` stale episodes (in the caller's
    transaction: the stale marks say which)."""
    work: list[WindowRow] = []
    d = parse_date
    for (eid, pid, name, ref, start, outcome, event, treatment, a1due, a1done, a2due,
         a2done, a3due, a3done, end) in db.execute(_WORK_SOURCE_SQL, {"n": batch}):
        e = OpenEpisode(eid, pid, name, d(ref), d(start), outcome,
                        group(event, treatment), a1due, a1done, a2due, a2done, a3due,
                        a3done, end)
        for w in windows(e, wait_thresholds):
            work.append((eid, w.group, _NO_DUE if w.due is None else w.due.toordinal(),
                         _OPEN_BOUND if w.show_from is None else w.show_from.toordinal(),
                         _CLOSED_BOUND if w.show_until is None else w.show_until.toordinal()))
    return work


def replace_windows(db: Database, ids: Sequence[int], rows: Iterable[WindowRow]) -> None:
    """Replace the windows of episodes ``ids`` with ``rows`` (a deleted episode loses its)."""
    marks = ", ".join("?" for _ in ids)
    db.execute(f"DELETE FROM episode_work WHERE episode_id IN ({marks})", tuple(ids))
    db.executemany("INSERT INTO episode_work (episode_id, grp, due, show_from,"
                   " show_until) VALUES (?, ?, ?, ?, ?)", rows)
    # The longest window per group only grows: an upper bound is all open_work needs.
    db.execute(f"INSERT INTO episode_work_spans (grp, span) SELECT grp,"
               f" max(show_until - show_from) FROM episode_work WHERE episode_id IN"
               f" ({marks}) GROUP BY grp ON CONFLICT (grp) DO UPDATE"
               f" SET span = max(span, excluded.span)", tuple(ids))


def drop_all_windows(db: Database) -> None:
    """Every kept window gone (a change of generation works every episode out again)."""
    db.execute("DELETE FROM episode_work")
    db.execute("DELETE FROM episode_work_spans")


# The worklist's episode groups come from the kept windows (episode_work): per group, how
# many are open today (and due within the week), and the most urgent few, by index. Only
# the listed episodes are read in full, with the name staff see.
_WORK_OPEN = "grp = :grp AND show_from BETWEEN :today - :span AND :today AND show_until >= :today"
_WORK_COUNTS_SQL = f"""
SELECT count(*), count(CASE WHEN due <= :week THEN 1 END) FROM episode_work WHERE {_WORK_OPEN}
"""
_WORK_LIST_SQL = f"""
SELECT episode_id, due, show_from, show_until FROM episode_work WHERE {_WORK_OPEN}
ORDER BY coalesce(due, 99999999), episode_id LIMIT :limit
"""
_LISTED_SQL = """
SELECT e.id, e.patient_id, p.given_name || ' ' || p.family_name, e.referral_date,
       e.programme_start, e.outcome, e.initiating_event, e.treatment,
       a1.due_date, a1.done_date, a2.due_date, a2.done_date, a3.due_date, a3.done_date,
       e.programme_end
FROM episodes e
JOIN patients p ON p.id = e.patient_id
LEFT JOIN assessments a1 ON a1.episode_id = e.id AND a1.kind = 'A1'
LEFT JOIN assessments a2 ON a2.episode_id = e.id AND a2.kind = 'A2'
LEFT JOIN assessments a3 ON a3.episode_id = e.id AND a3.kind = 'A3'
WHERE e.id IN ({marks})
"""


def _bound(n: int | None, open_value: int) -> dt.date | None:
    return None if n is None or n == open_value else dt.date.fromordinal(n)


def open_work(db: Database, groups: Iterable[str], today: dt.date, week_end: dt.date,
              limit: int) -> tuple[list[tuple[int, Window]], dict[str, tuple[int, int]]]:
    """The kept windows open on ``today``: up to ``limit`` per group, most urgent first, as
    (episode id, window); and per group (open today, of which due by ``week_end``)."""
    t = today.toordinal()
    spans = {str(g): int(n) for g, n in db.query("SELECT grp, span FROM episode_work_spans")}
    counts: dict[str, tuple[int, int]] = {}
    listed: list[tuple[int, Window]] = []
    for grp in groups:
        if grp not in spans:
            continue  # no episode has ever had a window of this group
        where = {"grp": grp, "today": t, "span": spans[grp]}
        n, week = db.query(_WORK_COUNTS_SQL, {**where, "week": week_end.toordinal()})[0]
        if not n:
            continue
        counts[grp] = (int(n), int(week))
        for eid, due, first, last in db.execute(_WORK_LIST_SQL, {**where, "limit": limit}):
            listed.append((int(eid), Window(grp, _bound(due, -1),
                                            _bound(first, _OPEN_BOUND),
                                            _bound(last, _CLOSED_BOUND))))
    return listed, counts


def listed_episodes(db: Database, episode_ids: Iterable[int],
                    group_of: Callable[[str | None, str | None], str]) -> dict[int, OpenEpisode]:
    """The listed episodes in full, with the patient's name (for the screen only)."""
    ids = sorted(set(episode_ids))
    d = parse_date
    out: dict[int, OpenEpisode] = {}
    for i in range(0, len(ids), 500):
        chunk = tuple(ids[i:i + 500])
        sql = _LISTED_SQL.format(marks=", ".join("?" for _ in chunk))
        for (eid, pid, name, ref, start, outcome, event, treatment, a1due, a1done, a2due,
             a2done, a3due, a3done, end) in db.execute(sql, chunk):
            out[eid] = OpenEpisode(eid, pid, name, d(ref), d(start), outcome,
                                   group_of(event, treatment), a1due, a1done, a2due, a2done,
                                   a3due, a3done, end)
    return out


# Drafts and unreviewed patient questionnaires: counted in full, listed oldest first (by
# id, the order they were made, which the status index gives without sorting) up to a limit
# per group (a clinic that has not reviewed for months must not stall its Home page).
_RESPONSES_SQL = """
SELECT r.id, r.patient_id, p.given_name || ' ' || p.family_name, r.status,
       CASE r.status WHEN 'draft' THEN r.started_at ELSE r.completed_at END AS at, a.kind
FROM (SELECT id FROM responses WHERE status = :status AND mode = :mode
      ORDER BY id LIMIT :limit) oldest
JOIN responses r ON r.id = oldest.id
JOIN patients p ON p.id = r.patient_id
LEFT JOIN assessments a ON a.id = r.assessment_id
ORDER BY r.id
"""
# One (status, mode) at a time: with both equal, the status index gives the ids in order,
# so the oldest few are read without sorting thousands, and only they are joined.
_RESPONSE_GROUPS = {"draft": ("patient", "staff"), "complete": ("patient",)}
_RESPONSE_COUNTS_SQL = """
SELECT status, sum(n) FROM response_status_counts
WHERE status = 'draft' OR (status = 'complete' AND mode = 'patient') GROUP BY status
"""

_GOALS_SQL = """
SELECT g.id, g.episode_id, e.patient_id, p.given_name || ' ' || p.family_name, g.area,
       g.review_date
FROM goals g JOIN episodes e ON e.id = g.episode_id JOIN patients p ON p.id = e.patient_id
WHERE g.status = 'active' AND g.review_date IS NOT NULL AND g.review_date <= ?
"""


def open_responses(db: Database, limit: int) -> tuple[list[OpenResponse], dict[str, int]]:
    """Up to ``limit`` drafts and ``limit`` unreviewed patient questionnaires, oldest first,
    and how many of each there are in all."""
    rows: list[OpenResponse] = []
    for status, modes in _RESPONSE_GROUPS.items():
        found = [OpenResponse(rid, pid, name, st, parse_date(when), kind)
                 for mode in modes
                 for rid, pid, name, st, when, kind in db.execute(
                     _RESPONSES_SQL, {"status": status, "limit": limit, "mode": mode})]
        rows += sorted(found, key=lambda r: r.response_id)[:limit]
    counts = {str(s): int(n) for s, n in db.query(_RESPONSE_COUNTS_SQL)}
    return rows, counts


def goals_due(db: Database, until: dt.date) -> list[GoalDue]:
    out = []
    for gid, eid, pid, name, area, review in db.execute(_GOALS_SQL, (until.isoformat(),)):
        day = parse_date(review)
        if day is not None:
            out.append(GoalDue(gid, eid, pid, name, area, day))
    return out
