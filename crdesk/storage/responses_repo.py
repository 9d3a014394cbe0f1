"""Questionnaire responses and their answers. Each answer is saved the moment it is given."""

from __future__ import annotations

import json
from typing import Any

from crdesk.storage import audit_repo
from crdesk.storage.clinic_repo import now_iso
from crdesk.storage.connection import Database


def start_response(db: Database, *, patient_id: int, form_id: str, form_version: str,
                   form_hash: str, locale: str, mode: str, actor: str,
                   assessment_id: int | None = None) -> int:
    with db.transaction():
        now = now_iso()
        cur = db.execute(
            "INSERT INTO responses (patient_id, assessment_id, form_id, form_version, form_hash,"
            " locale, mode, status, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'draft',"
            " ?, ?)",
            (patient_id, assessment_id, form_id, form_version, form_hash, locale, mode, now, now),
        )
        rid = int(cur.lastrowid)
        audit_repo.append(db, actor, "response.start", "response", rid,
                          {"form": form_id, "version": form_version, "patient": patient_id})
    return rid


def save_answer(db: Database, response_id: int, question_id: str, value: Any,
                actor: str) -> None:
    """Commit one answer and its audit row together; returns only once both are durable.

    Kept to two b-tree pages per save (the answer and the audit row): the response's
    "last changed" time is the newest answer's saved_at, and the page a patient is on is
    saved on page change (set_current_page), not with every answer.
    """
    encoded = json.dumps(value, sort_keys=True, separators=(",", ":"))
    with db.transaction():
        db.execute(
            "INSERT INTO answers (response_id, question_id, value, saved_at, saved_by)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (response_id, question_id) DO UPDATE SET"
            " value = excluded.value, saved_at = excluded.saved_at, saved_by = excluded.saved_by",
            (response_id, question_id, encoded, now_iso(), actor),
        )
        # The audit row names the question, never the answer.
        audit_repo.append(db, actor, "answer.save", "response", response_id,
                          {"question": question_id})


def answers(db: Database, response_id: int) -> dict[str, Any]:
    rows = db.query(
        "SELECT question_id, value FROM answers WHERE response_id = ?", (response_id,)
    )
    return {q: json.loads(v) for q, v in rows}


def set_current_page(db: Database, response_id: int, page: str) -> None:
    """Remember where the patient is, so a crash resumes on the same page."""
    with db.transaction():
        db.execute("UPDATE responses SET current_page = ?, updated_at = ? WHERE id = ?",
                   (page, now_iso(), response_id))


def complete_response(db: Database, response_id: int, actor: str,
                      scores: dict[str, tuple[float | None, str | None]] | None = None) -> None:
    """Mark a response complete and store its scores, with one audit row."""
    with db.transaction():
        now = now_iso()
        db.execute("UPDATE responses SET status = 'complete', completed_at = ?, updated_at = ?"
                   " WHERE id = ?", (now, now, response_id))
        db.execute("DELETE FROM scores WHERE response_id = ?", (response_id,))
        db.executemany(
            "INSERT INTO scores (response_id, score_id, value, band) VALUES (?, ?, ?, ?)",
            [(response_id, sid, value, band) for sid, (value, band) in (scores or {}).items()],
        )
        audit_repo.append(db, actor, "response.complete", "response", response_id,
                          {"scores": len(scores or {})})


def scores(db: Database, response_id: int) -> dict[str, tuple[float | None, str | None]]:
    return {sid: (v, b) for sid, v, b in db.query(
        "SELECT score_id, value, band FROM scores WHERE response_id = ?", (response_id,))}
