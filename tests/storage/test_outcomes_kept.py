"""The dashboard's kept-ready outcome values: what every write keeps equals a rebuild, and
schema 4 fills them for responses written under schema 3."""

from __future__ import annotations

import random
import secrets
from pathlib import Path

from crdesk.services.session import Session
from crdesk.storage import episodes_repo, outcomes_repo, responses_repo
from crdesk.storage.connection import open_database
from crdesk.storage.migrations import MIGRATIONS, migrate
from tests.helpers.dashboard_clinic import write_hand_clinic


def test_kept_equals_rebuilt_after_random_writes(admin: Session) -> None:
    ids = write_hand_clinic(admin)
    rng = random.Random(4)
    db = admin._db
    rids = [r[0] for r in db.query("SELECT id FROM responses ORDER BY id")]
    for step in range(40):
        rid = rng.choice(rids)
        kind = rng.choice(("correct", "clear", "score", "review", "new"))
        if kind == "correct":
            responses_repo.correct_answer(
                db, rid, rng.choice(outcomes_repo.ANSWERS),
                rng.choice([None, 0, 30, 200, "current", "never"]), "typo", "admin",
                {"bmi": (rng.uniform(18, 40), None, {})})
        elif kind == "clear":
            responses_repo.correct_answer(db, rid, "smoking_status", None, "wrong", "admin", {})
        elif kind == "score":
            responses_repo.complete_response(
                db, rid, "admin", {"hads_anxiety": (float(rng.randint(0, 21)), None, {})})
        elif kind == "review":
            responses_repo.mark_reviewed(db, rid, "admin")
        else:
            eid = rng.choice(list(ids.values()))
            aid = episodes_repo.set_assessment(db, eid, "A2", done_date="2026-12-01")
            rids.append(responses_repo.import_complete_response(
                db, patient_id=1, assessment_id=aid, form_id="nacr_clinical", form_version="1",
                form_hash="h", locale="en-GB", mode="staff", actor="admin",
                answers={"smoking_status_verified": "ex_under_6m"},
                scores={"bmi": (27.5, None, {})}, completed_at=f"2026-12-01T10:{step:02d}:00"))
        assert outcomes_repo.kept(db) == outcomes_repo.computed(db), (step, kind)
    outcomes_repo.rebuild(db)
    assert outcomes_repo.kept(db) == outcomes_repo.computed(db)


def test_schema_4_fills_the_outcomes_of_existing_responses(tmp_path: Path) -> None:
    db = open_database(tmp_path / "c.db", secrets.token_bytes(32), create=True)
    try:
        migrate(db, migrations=MIGRATIONS[:3])
        now = "2026-01-01T00:00:00+00:00"
        db.execute("INSERT INTO patients (id, family_name, given_name, date_of_birth,"
                   " created_at, updated_at) VALUES (1, 'F', 'G', '1950-01-01', ?, ?)",
                   (now, now))
        db.execute("INSERT INTO episodes (id, patient_id, created_at, updated_at)"
                   " VALUES (1, 1, ?, ?)", (now, now))
        db.execute("INSERT INTO assessments (id, episode_id, kind, done_date)"
                   " VALUES (1, 1, 'A1', '2026-01-01')")
        for rid, status in ((1, "complete"), (2, "draft")):
            db.execute("INSERT INTO responses (id, patient_id, assessment_id, form_id,"
                       " form_version, form_hash, locale, mode, status, started_at,"
                       " updated_at) VALUES (?, 1, 1, 'f', '1', 'h', 'en-GB', 'patient', ?,"
                       " ?, ?)", (rid, status, now, now))
            db.execute("INSERT INTO scores (response_id, score_id, value) VALUES"
                       " (?, 'hads_anxiety', 9)", (rid,))
            db.execute("INSERT INTO answers (response_id, question_id, value, saved_at,"
                       " saved_by) VALUES (?, 'smoking_status', '\"current\"', ?, 'x')",
                       (rid, now))
        assert migrate(db, migrations=MIGRATIONS[:4]) == [4]
        assert outcomes_repo.kept(db) == outcomes_repo.computed(db)
        assert outcomes_repo.kept(db) == [
            (1, 1, "patient", None, 9.0, None, None, None, None, '"current"', None)]
    finally:
        db.close()
