"""Questionnaire responses and their answers. Each answer is saved the moment it is given."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from crdesk.core.response import Correction, ResponseRecord
from crdesk.core.staff_entry import EntryRecord
from crdesk.storage import audit_repo, outcomes_repo
from crdesk.storage.clinic_repo import now_iso
from crdesk.storage.connection import Database
from crdesk.storage.id_floor import next_id_sql


def start_response(db: Database, *, patient_id: int, form_id: str, form_version: str,
                   form_hash: str, locale: str, mode: str, actor: str,
                   assessment_id: int | None = None,
                   provenance: dict[str, Any] | None = None) -> int:
    with db.transaction():
        now = now_iso()
        cur = db.execute(
            "INSERT INTO responses (id, patient_id, assessment_id, form_id, form_version,"
            " form_hash, locale, mode, status, started_at, updated_at, provenance) VALUES"
            f" ({next_id_sql('responses')}, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)",
            (patient_id, assessment_id, form_id, form_version, form_hash, locale, mode, now, now,
             json.dumps(provenance or {}, sort_keys=True)),
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


def set_kiosk_look(db: Database, response_id: int, look: dict[str, Any]) -> None:
    """Keep the text size and contrast the patient chose with the response's provenance (how
    the questions were shown), so a resumed questionnaire looks as the patient left it."""
    with db.transaction():
        row = db.execute("SELECT provenance FROM responses WHERE id = ?",
                         (response_id,)).fetchone()
        if row is None:
            return
        provenance = json.loads(row[0] or "{}")
        provenance["kiosk_look"] = look
        db.execute("UPDATE responses SET provenance = ?, updated_at = ? WHERE id = ?",
                   (json.dumps(provenance, sort_keys=True), now_iso(), response_id))


ScoreRow = tuple[float | None, str | None, dict[str, Any]]


def _store_scores(db: Database, response_id: int, scores: dict[str, ScoreRow]) -> None:
    db.execute("DELETE FROM scores WHERE response_id = ?", (response_id,))
    db.executemany(
        "INSERT INTO scores (response_id, score_id, value, band, detail) VALUES (?, ?, ?, ?, ?)",
        [(response_id, sid, value, band, json.dumps(detail, sort_keys=True))
         for sid, (value, band, detail) in scores.items()],
    )
    # Every path that completes, imports or corrects a response stores its scores last:
    # keep the dashboard's copy of its outcome values in step, in the same transaction.
    outcomes_repo.refresh(db, response_id)


def complete_response(db: Database, response_id: int, actor: str,
                      scores: dict[str, ScoreRow] | None = None,
                      remove: list[str] | None = None) -> None:
    """Mark a response complete and store its scores, with one audit row.

    ``remove`` lists answers to questions that ended up hidden (a later answer changed the
    path): they are not part of the response and must not be exported.
    """
    with db.transaction():
        now = now_iso()
        db.execute("UPDATE responses SET status = 'complete', completed_at = ?, updated_at = ?"
                   " WHERE id = ?", (now, now, response_id))
        for qid in remove or []:
            db.execute("DELETE FROM answers WHERE response_id = ? AND question_id = ?",
                       (response_id, qid))
        _store_scores(db, response_id, scores or {})
        audit_repo.append(db, actor, "response.complete", "response", response_id,
                          {"scores": len(scores or {}), "hidden_removed": len(remove or [])})


def scores(db: Database, response_id: int) -> dict[str, ScoreRow]:
    return {sid: (v, b, json.loads(d)) for sid, v, b, d in db.query(
        "SELECT score_id, value, band, detail FROM scores WHERE response_id = ?",
        (response_id,))}


# The staff method (schema 8) comes with every record: a scalar subquery keeps the FROM
# clause of each reader as it was.
_RESP_COLS = ("id, patient_id, assessment_id, form_id, form_version, form_hash, locale, mode,"
              " status, current_page, started_at, completed_at, provenance,"
              " (SELECT method FROM response_entry WHERE response_id = responses.id),"
              " (SELECT stage FROM response_entry WHERE response_id = responses.id)")


def _record(r: Any) -> ResponseRecord:
    return replace(ResponseRecord(*r[:12]), provenance=json.loads(r[12] or "{}"),
                   method=r[13], entry_stage=r[14])


def get_response(db: Database, response_id: int) -> ResponseRecord | None:
    r = db.execute(f"SELECT {_RESP_COLS} FROM responses WHERE id = ?",
                   (response_id,)).fetchone()
    return None if r is None else _record(r)


def responses_for_patient(db: Database, patient_id: int) -> list[ResponseRecord]:
    return [_record(r) for r in db.query(
        f"SELECT {_RESP_COLS} FROM responses WHERE patient_id = ? ORDER BY id", (patient_id,))]


def open_draft(db: Database, patient_id: int, form_id: str, mode: str,
               assessment_id: int | None) -> ResponseRecord | None:
    """The unfinished response to carry on with (after a crash or a break), if any; a staff
    entry (schema 8: it has a response_entry row) is carried on only by staff entry."""
    r = db.execute(
        f"SELECT {_RESP_COLS} FROM responses WHERE patient_id = ? AND form_id = ? AND mode = ?"
        " AND status = 'draft' AND assessment_id IS ? AND NOT EXISTS (SELECT 1 FROM"
        " response_entry e WHERE e.response_id = responses.id) ORDER BY id DESC LIMIT 1",
        (patient_id, form_id, mode, assessment_id)).fetchone()
    return None if r is None else _record(r)


def correct_answer(db: Database, response_id: int, question_id: str, new_value: Any,
                   reason: str, actor: str, scores: dict[str, ScoreRow]) -> int:
    """A staff correction after the patient finished: old and new value and the reason are
    kept in answer_corrections; the answer and the rescored response change together."""
    old = db.scalar("SELECT value FROM answers WHERE response_id = ? AND question_id = ?",
                    (response_id, question_id))
    encoded = None if new_value is None else json.dumps(new_value, sort_keys=True,
                                                        separators=(",", ":"))
    with db.transaction():
        now = now_iso()
        cur = db.execute(
            "INSERT INTO answer_corrections (response_id, question_id, old_value, new_value,"
            " reason, corrected_at, corrected_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (response_id, question_id, old, encoded, reason, now, actor))
        cid = int(cur.lastrowid)
        if encoded is None:
            db.execute("DELETE FROM answers WHERE response_id = ? AND question_id = ?",
                       (response_id, question_id))
        else:
            db.execute(
                "INSERT INTO answers (response_id, question_id, value, saved_at, saved_by)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (response_id, question_id) DO UPDATE SET"
                " value = excluded.value, saved_at = excluded.saved_at,"
                " saved_by = excluded.saved_by", (response_id, question_id, encoded, now, actor))
        _store_scores(db, response_id, scores)
        audit_repo.append(db, actor, "answer.correct", "response", response_id,
                          {"question": question_id, "correction": cid})
    return cid


def corrections(db: Database, response_id: int) -> list[Correction]:
    return [Correction(i, q, json.loads(o) if o else None, json.loads(n) if n else None, r, at, by)
            for i, q, o, n, r, at, by in db.query(
                "SELECT id, question_id, old_value, new_value, reason, corrected_at, corrected_by"
                " FROM answer_corrections WHERE response_id = ? ORDER BY id", (response_id,))]


def mark_reviewed(db: Database, response_id: int, actor: str) -> None:
    with db.transaction():
        now = now_iso()
        db.execute("UPDATE responses SET status = 'reviewed', reviewed_at = ?, reviewed_by = ?,"
                   " updated_at = ? WHERE id = ?", (now, actor, now, response_id))
        audit_repo.append(db, actor, "response.review", "response", response_id, {})


def delete_answer(db: Database, response_id: int, question_id: str, actor: str) -> None:
    """An answer cleared by the person answering (not a correction after completion)."""
    with db.transaction():
        db.execute("DELETE FROM answers WHERE response_id = ? AND question_id = ?",
                   (response_id, question_id))
        audit_repo.append(db, actor, "answer.clear", "response", response_id,
                          {"question": question_id})


def import_complete_response(db: Database, *, patient_id: int, assessment_id: int | None,
                             form_id: str, form_version: str, form_hash: str, locale: str,
                             mode: str, actor: str, answers: dict[str, Any],
                             scores: dict[str, ScoreRow], completed_at: str) -> int:
    """A whole finished response in one transaction (demo clinics and bulk imports).

    The caller's transaction is joined when there is one, so a demo of thousands of patients
    is written in a few commits rather than one per answer.
    """
    with db.transaction():
        cur = db.execute(
            "INSERT INTO responses (id, patient_id, assessment_id, form_id, form_version,"
            " form_hash, locale, mode, status, started_at, updated_at, completed_at) VALUES"
            f" ({next_id_sql('responses')}, ?, ?, ?, ?, ?, ?, ?, 'complete', ?, ?, ?)",
            (patient_id, assessment_id, form_id, form_version, form_hash, locale, mode,
             completed_at, completed_at, completed_at))
        rid = int(cur.lastrowid)
        db.executemany(
            "INSERT INTO answers (response_id, question_id, value, saved_at, saved_by)"
            " VALUES (?, ?, ?, ?, ?)",
            [(rid, q, json.dumps(v, sort_keys=True, separators=(",", ":")), completed_at, actor)
             for q, v in answers.items()])
        _store_scores(db, rid, scores)
        audit_repo.append(db, actor, "response.import", "response", rid,
                          {"form": form_id, "answers": len(answers)})
    return rid


# ---- staff entry (schema 8) -------------------------------------------------------------------

_ENTRY_COLS = ("response_id, method, answered_on, entered_by, entered_at, double_entry, stage,"
               " first_done_at, second_by, second_started_at, second_page, second_done_at")


def _encode(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def start_entry(db: Database, response_id: int, *, method: str, answered_on: str,
                double_entry: bool, actor: str) -> None:
    """How a staff-entered response was obtained, with its audit row (no answers in it)."""
    with db.transaction():
        db.execute(
            "INSERT INTO response_entry (response_id, method, answered_on, entered_by,"
            " entered_at, double_entry, stage) VALUES (?, ?, ?, ?, ?, ?, 'first')",
            (response_id, method, answered_on, actor, now_iso(), int(double_entry)))
        audit_repo.append(db, actor, "entry.start", "response", response_id,
                          {"method": method, "double_entry": double_entry})


def start_staff_response(db: Database, *, patient_id: int, form_id: str, form_version: str,
                         form_hash: str, locale: str, actor: str, assessment_id: int | None,
                         provenance: dict[str, Any], method: str, answered_on: str,
                         double_entry: bool) -> int:
    """A patient questionnaire typed in by staff: the response and how its answers were
    obtained, in one transaction (the kiosk's drafts never include it)."""
    with db.transaction():
        rid = start_response(db, patient_id=patient_id, form_id=form_id,
                             form_version=form_version, form_hash=form_hash, locale=locale,
                             mode="patient", actor=actor, assessment_id=assessment_id,
                             provenance=provenance)
        start_entry(db, rid, method=method, answered_on=answered_on,
                    double_entry=double_entry, actor=actor)
    return rid


def get_entry(db: Database, response_id: int) -> EntryRecord | None:
    r = db.execute(f"SELECT {_ENTRY_COLS} FROM response_entry WHERE response_id = ?",
                   (response_id,)).fetchone()
    if r is None:
        return None
    return EntryRecord(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8], r[9],
                       r[10], r[11])


def entry_draft(db: Database, patient_id: int, form_id: str,
                assessment_id: int | None) -> ResponseRecord | None:
    """The staff entry not yet counted (first entry, or waiting for its check)."""
    r = db.execute(
        f"SELECT {_RESP_COLS} FROM responses WHERE patient_id = ? AND form_id = ?"
        " AND status = 'draft' AND assessment_id IS ? AND EXISTS (SELECT 1 FROM"
        " response_entry e WHERE e.response_id = responses.id)"
        " ORDER BY id DESC LIMIT 1", (patient_id, form_id, assessment_id)).fetchone()
    return None if r is None else _record(r)


def finish_first_entry(db: Database, response_id: int, actor: str) -> None:
    """The first entry of a double-entered paper questionnaire is done: wait for the second."""
    with db.transaction():
        db.execute("UPDATE response_entry SET stage = 'awaiting_second', first_done_at = ?"
                   " WHERE response_id = ? AND stage = 'first'", (now_iso(), response_id))
        audit_repo.append(db, actor, "entry.first_done", "response", response_id, {})


def start_second_entry(db: Database, response_id: int, actor: str) -> None:
    with db.transaction():
        db.execute("UPDATE response_entry SET stage = 'second', second_by = ?,"
                   " second_started_at = ? WHERE response_id = ? AND stage = 'awaiting_second'",
                   (actor, now_iso(), response_id))
        audit_repo.append(db, actor, "entry.second_start", "response", response_id, {})


def save_second_answer(db: Database, response_id: int, question_id: str, value: Any,
                       actor: str) -> None:
    """One answer of the checking (second) entry, committed with its audit row."""
    with db.transaction():
        if value is None:
            db.execute("DELETE FROM second_entry_answers WHERE response_id = ?"
                       " AND question_id = ?", (response_id, question_id))
        else:
            db.execute(
                "INSERT INTO second_entry_answers (response_id, question_id, value, saved_at,"
                " saved_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (response_id, question_id)"
                " DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at,"
                " saved_by = excluded.saved_by",
                (response_id, question_id, _encode(value), now_iso(), actor))
        audit_repo.append(db, actor, "answer.second_save", "response", response_id,
                          {"question": question_id})


def second_answers(db: Database, response_id: int) -> dict[str, Any]:
    return {q: json.loads(v) for q, v in db.query(
        "SELECT question_id, value FROM second_entry_answers WHERE response_id = ?",
        (response_id,))}


def set_second_page(db: Database, response_id: int, page: str) -> None:
    with db.transaction():
        db.execute("UPDATE response_entry SET second_page = ? WHERE response_id = ?",
                   (page, response_id))


def finish_second_entry(db: Database, response_id: int, actor: str,
                        found: dict[str, tuple[Any, Any]]) -> None:
    """Store each difference between the two entries (both values) and wait for them to be
    resolved; with none, the first entry's answers stand as they are."""
    with db.transaction():
        db.execute("DELETE FROM entry_differences WHERE response_id = ?", (response_id,))
        db.executemany(
            "INSERT INTO entry_differences (response_id, question_id, first_value,"
            " second_value) VALUES (?, ?, ?, ?)",
            [(response_id, q, None if a is None else _encode(a),
              None if b is None else _encode(b)) for q, (a, b) in found.items()])
        db.execute("UPDATE response_entry SET stage = 'resolving', second_done_at = ?"
                   " WHERE response_id = ?", (now_iso(), response_id))
        audit_repo.append(db, actor, "entry.second_done", "response", response_id,
                          {"differences": len(found)})


def entry_differences(db: Database, response_id: int) -> dict[str, tuple[Any, Any, str | None]]:
    """question id -> (first value, second value, which was kept: "first", "second" or None
    while unresolved)."""
    return {q: (None if a is None else json.loads(a), None if b is None else json.loads(b), c)
            for q, a, b, c in db.query(
                "SELECT question_id, first_value, second_value, chosen FROM entry_differences"
                " WHERE response_id = ?", (response_id,))}


def resolve_difference(db: Database, response_id: int, question_id: str, chosen: str,
                       value: Any, actor: str) -> None:
    """Keep one entry's value: the answer and the resolution change together."""
    with db.transaction():
        now = now_iso()
        db.execute("UPDATE entry_differences SET chosen = ?, resolved_by = ?, resolved_at = ?"
                   " WHERE response_id = ? AND question_id = ?",
                   (chosen, actor, now, response_id, question_id))
        if value is None:
            db.execute("DELETE FROM answers WHERE response_id = ? AND question_id = ?",
                       (response_id, question_id))
        else:
            db.execute(
                "INSERT INTO answers (response_id, question_id, value, saved_at, saved_by)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (response_id, question_id) DO UPDATE SET"
                " value = excluded.value, saved_at = excluded.saved_at,"
                " saved_by = excluded.saved_by", (response_id, question_id, _encode(value),
                                                  now, actor))
        audit_repo.append(db, actor, "entry.resolve", "response", response_id,
                          {"question": question_id, "kept": chosen})


def complete_entry(db: Database, response_id: int, actor: str, scores: dict[str, ScoreRow],
                   remove: list[str]) -> None:
    """Complete a staff-entered response: it counts from this transaction on, not before."""
    with db.transaction():
        complete_response(db, response_id, actor, scores, remove)
        db.execute("UPDATE response_entry SET stage = 'done' WHERE response_id = ?",
                   (response_id,))


def skip_section(db: Database, response_id: int, section_id: str, reason: str,
                 actor: str, clear: list[str]) -> None:
    """A section not administered, with the reason; any answers already in it are removed."""
    with db.transaction():
        db.execute(
            "INSERT INTO section_skips (response_id, section_id, reason, skipped_by,"
            " skipped_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (response_id, section_id)"
            " DO UPDATE SET reason = excluded.reason, skipped_by = excluded.skipped_by,"
            " skipped_at = excluded.skipped_at",
            (response_id, section_id, reason, actor, now_iso()))
        for qid in clear:
            db.execute("DELETE FROM answers WHERE response_id = ? AND question_id = ?",
                       (response_id, qid))
        audit_repo.append(db, actor, "section.skip", "response", response_id,
                          {"section": section_id, "cleared": len(clear)})


def unskip_section(db: Database, response_id: int, section_id: str, actor: str) -> None:
    with db.transaction():
        db.execute("DELETE FROM section_skips WHERE response_id = ? AND section_id = ?",
                   (response_id, section_id))
        audit_repo.append(db, actor, "section.unskip", "response", response_id,
                          {"section": section_id})


def section_skips(db: Database, response_id: int) -> dict[str, str]:
    """section id -> the reason it was not administered."""
    return dict(db.query("SELECT section_id, reason FROM section_skips WHERE response_id = ?",
                         (response_id,)))


def completed_methods(db: Database) -> list[tuple[str, str, str | None]]:
    """(assessment kind, mode, staff method) of every completed patient questionnaire of an
    assessment: what the dashboard needs to break completion down by mode (no answers read)."""
    return [(k, m, e) for k, m, e in db.query(
        "SELECT a.kind, r.mode, e.method FROM responses r JOIN assessments a"
        " ON a.id = r.assessment_id LEFT JOIN response_entry e ON e.response_id = r.id"
        " WHERE r.status IN ('complete', 'reviewed') AND r.mode = 'patient'")]
