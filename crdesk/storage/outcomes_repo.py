"""The outcome values of each completed response, kept ready for the dashboard.

The dashboard reads episode-level facts, never the answer rows (ARCHITECTURE.md). The
seven values it needs per response (three scores, four answers) are copied into
``response_outcomes`` whenever a completed response's answers or scores change, in the
same transaction: ``responses_repo._store_scores`` calls ``refresh`` (every path that
completes, imports or corrects a response stores its scores last). ``rebuild`` recomputes
the whole table; a test compares the two. Answer values are kept as their stored JSON
text and decoded by the reader.
"""

from __future__ import annotations

from crdesk.storage.connection import Database

SCORES = ("bmi", "hads_anxiety", "hads_depression")
ANSWERS = ("active_minutes_week", "active_days_week", "active_minutes_day", "smoking_status",
           "smoking_status_verified")
COLUMNS = ("response_id", "assessment_id", "mode", *SCORES, *ANSWERS)

_SELECT = (
    "SELECT r.id, r.assessment_id, r.mode, "
    + ", ".join(f"(SELECT value FROM scores WHERE response_id = r.id AND score_id = '{s}')"
                for s in SCORES)
    + ", "
    + ", ".join(f"(SELECT value FROM answers WHERE response_id = r.id"
                f" AND question_id = '{q}')" for q in ANSWERS)
    + " FROM responses r WHERE r.status IN ('complete', 'reviewed')"
      " AND r.assessment_id IS NOT NULL"
)
_INSERT = f"INSERT INTO response_outcomes ({', '.join(COLUMNS)}) {_SELECT}"


def refresh(db: Database, response_id: int) -> None:
    """Bring one response's row up to date (call inside the write's transaction)."""
    db.execute("DELETE FROM response_outcomes WHERE response_id = ?", (response_id,))
    db.execute(_INSERT + " AND r.id = ?", (response_id,))


def rebuild(db: Database) -> None:
    with db.transaction():
        db.execute("DELETE FROM response_outcomes")
        db.execute(_INSERT)


def kept(db: Database) -> list[tuple[object, ...]]:
    return [tuple(r) for r in db.query(
        f"SELECT {', '.join(COLUMNS)} FROM response_outcomes ORDER BY response_id")]


def computed(db: Database) -> list[tuple[object, ...]]:
    """What a rebuild would give, without writing it."""
    return [tuple(r) for r in db.query(_SELECT + " ORDER BY r.id")]
