"""Goals and their reviews (schema 3). Reviews are only ever added: the history is kept."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from crdesk.core.goals import Goal, GoalReview
from crdesk.storage.clinic_repo import now_iso
from crdesk.storage.connection import Database
from crdesk.storage.id_floor import next_id_sql

_GOAL_COLS = ("id, episode_id, area, goal, target, review_date, status, created_at, created_by,"
              " updated_at")
_REVIEW_COLS = "id, goal_id, assessment, status, note, reviewed_at, reviewed_by"


def insert(db: Database, episode_id: int, area: str, goal: str, target: str,
           review_date: str | None, actor: str) -> int:
    now = now_iso()
    cur = db.execute(
        "INSERT INTO goals (id, episode_id, area, goal, target, review_date, status,"
        f" created_at, created_by, updated_at) VALUES ({next_id_sql('goals')}, ?, ?, ?, ?, ?,"
        " 'active', ?, ?, ?)",
        (episode_id, area, goal, target, review_date, now, actor, now))
    return int(cur.lastrowid)


def update_text(db: Database, goal_id: int, area: str, goal: str, target: str,
                review_date: str | None) -> None:
    db.execute("UPDATE goals SET area = ?, goal = ?, target = ?, review_date = ?, updated_at = ?"
               " WHERE id = ?", (area, goal, target, review_date, now_iso(), goal_id))


def add_review(db: Database, goal_id: int, assessment: str | None, status: str, note: str,
               actor: str) -> int:
    now = now_iso()
    cur = db.execute(
        "INSERT INTO goal_reviews (goal_id, assessment, status, note, reviewed_at, reviewed_by)"
        " VALUES (?, ?, ?, ?, ?, ?)", (goal_id, assessment, status, note, now, actor))
    db.execute("UPDATE goals SET status = ?, updated_at = ? WHERE id = ?", (status, now, goal_id))
    return int(cur.lastrowid)


def _review(r: Any) -> GoalReview:
    return GoalReview(*r)


def for_episodes(db: Database, episode_ids: list[int]) -> list[Goal]:
    """Goals of these episodes with their reviews, oldest first."""
    if not episode_ids:
        return []
    marks = ", ".join("?" for _ in episode_ids)
    goals = db.query(f"SELECT {_GOAL_COLS} FROM goals WHERE episode_id IN ({marks})"
                     " ORDER BY id", tuple(episode_ids))
    if not goals:
        return []
    ids = [g[0] for g in goals]
    reviews: dict[int, list[GoalReview]] = {}
    gmarks = ", ".join("?" for _ in ids)
    for r in db.query(f"SELECT {_REVIEW_COLS} FROM goal_reviews WHERE goal_id IN ({gmarks})"
                      " ORDER BY id", tuple(ids)):
        reviews.setdefault(r[1], []).append(_review(r))
    return [replace(Goal(*g), reviews=tuple(reviews.get(g[0], []))) for g in goals]


def get(db: Database, goal_id: int) -> Goal | None:
    r = db.execute(f"SELECT {_GOAL_COLS} FROM goals WHERE id = ?", (goal_id,)).fetchone()
    if r is None:
        return None
    found = for_episodes(db, [int(r[1])])
    return next((g for g in found if g.id == goal_id), None)
