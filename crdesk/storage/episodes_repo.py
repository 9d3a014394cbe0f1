"""Episodes and assessments, and the bulk read the export needs."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from crdesk.core.episode import EPISODE_FIELDS, Episode, EpisodeSnapshot
from crdesk.core.staff_entry import how_completed
from crdesk.storage import patients_repo
from crdesk.storage.clinic_repo import now_iso
from crdesk.storage.connection import Database
from crdesk.storage.id_floor import next_id_sql

_COLS = "id, patient_id, " + ", ".join(EPISODE_FIELDS)


def _episode(r: Any) -> Episode:
    return Episode(*r)


def insert(db: Database, e: Episode) -> int:
    now = now_iso()
    cols = ", ".join(EPISODE_FIELDS)
    marks = ", ".join("?" for _ in EPISODE_FIELDS)
    cur = db.execute(
        f"INSERT INTO episodes (id, patient_id, {cols}, created_at, updated_at)"
        f" VALUES ({next_id_sql('episodes')}, ?, {marks}, ?, ?)",
        (e.patient_id, *(getattr(e, f) for f in EPISODE_FIELDS), now, now),
    )
    return int(cur.lastrowid)


def update(db: Database, e: Episode) -> None:
    sets = ", ".join(f"{f} = ?" for f in EPISODE_FIELDS)
    db.execute(f"UPDATE episodes SET {sets}, updated_at = ? WHERE id = ?",
               (*(getattr(e, f) for f in EPISODE_FIELDS), now_iso(), e.id))


def get(db: Database, episode_id: int) -> Episode | None:
    r = db.execute(f"SELECT {_COLS} FROM episodes WHERE id = ?", (episode_id,)).fetchone()
    return None if r is None else _episode(r)


def for_patient(db: Database, patient_id: int) -> list[Episode]:
    return [_episode(r) for r in db.query(
        f"SELECT {_COLS} FROM episodes WHERE patient_id = ? ORDER BY id", (patient_id,))]


def assessment_id(db: Database, episode_id: int, kind: str) -> int | None:
    """The assessment's id, without creating it."""
    found = db.scalar("SELECT id FROM assessments WHERE episode_id = ? AND kind = ?",
                      (episode_id, kind))
    return None if found is None else int(found)


def set_assessment(db: Database, episode_id: int, kind: str, *, due_date: str | None = None,
                   done_date: str | None = None) -> int:
    db.execute(
        "INSERT INTO assessments (episode_id, kind, due_date, done_date) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (episode_id, kind) DO UPDATE SET"
        " due_date = coalesce(excluded.due_date, due_date),"
        " done_date = coalesce(excluded.done_date, done_date)",
        (episode_id, kind, due_date, done_date),
    )
    return int(db.scalar("SELECT id FROM assessments WHERE episode_id = ? AND kind = ?",
                         (episode_id, kind)))


def _decode(text: str) -> Any:
    """json.loads, with a fast path for the plain strings and integers most answers are."""
    if text[:1] == '"' and "\\" not in text:
        return text[1:-1]
    if text.isdigit():
        return int(text)
    if text.replace(".", "", 1).isdigit():
        return float(text)
    return json.loads(text)


def _in(ids: Iterable[int]) -> str:
    """An SQL list of integers (never text: nothing to quote)."""
    return "(" + ", ".join(str(int(i)) for i in ids) + ")"


def snapshots(db: Database, question_ids: Iterable[str] | None = None,
              episode_ids: Iterable[int] | None = None) -> list[EpisodeSnapshot]:
    """Every episode with its data, read in a few bulk queries (the export reads all).

    ``question_ids`` limits which answers are read (an export needs only its columns);
    ``episode_ids`` limits which episodes (the kept export rows rebuild a few hundred at a
    time: services/export.py). The same code reads both ways, so a kept row is built from
    exactly what a from-scratch build reads.
    """
    only = None if episode_ids is None else sorted({int(i) for i in episode_ids})
    if only is None:
        patients = {p.id: p for p in patients_repo.all_patients(db)}
        episodes = [_episode(r) for r in db.query(f"SELECT {_COLS} FROM episodes ORDER BY id")]
        as_sql = "SELECT id, episode_id, kind, due_date, done_date FROM assessments"
    else:
        episodes = [_episode(r) for r in db.query(
            f"SELECT {_COLS} FROM episodes WHERE id IN {_in(only)} ORDER BY id")]
        patients = {p.id: p for p in patients_repo.get_many(
            db, (e.patient_id for e in episodes)).values()}
        as_sql = ("SELECT id, episode_id, kind, due_date, done_date FROM assessments"
                  f" WHERE episode_id IN {_in(only)}")
    assessments: dict[int, dict[str, dict[str, str | None]]] = defaultdict(dict)
    kind_of: dict[int, tuple[int, str]] = {}
    for aid, eid, kind, due, done in db.query(as_sql):
        assessments[eid][kind] = {"due_date": due, "done_date": done}
        kind_of[aid] = (eid, kind)
    # Newest completed response per (episode, assessment, mode): later ids win.
    newest: dict[tuple[int, str, str], tuple[int, str, str]] = {}
    rs_sql = ("SELECT id, assessment_id, mode, form_id, form_version,"
              " (SELECT method FROM response_entry WHERE response_id = responses.id)"
              " FROM responses WHERE status IN ('complete', 'reviewed')"
              " AND assessment_id IS NOT NULL")
    if only is not None:
        rs_sql += f" AND assessment_id IN {_in(kind_of)}"
    for rid, aid, mode, form_id, version, method in db.query(rs_sql + " ORDER BY id"):
        if aid in kind_of:
            eid, kind = kind_of[aid]
            newest[(eid, kind, mode)] = (rid, form_id, version)
            if mode == "patient":
                # How the questionnaire was completed (kiosk, telephone, paper...): kept
                # local (NACR's field for it is not known), e.g. the de-identified export.
                assessments[eid][kind]["questionnaire_by"] = how_completed(mode, method)
    latest = {rid: (eid, kind, mode, form_id, version)
              for (eid, kind, mode), (rid, form_id, version) in newest.items()}
    answers: dict[int, dict[tuple[str, str], dict[str, Any]]] = defaultdict(dict)
    forms: dict[int, dict[str, str]] = defaultdict(dict)
    versions: dict[int, dict[tuple[str, str], tuple[str, str]]] = defaultdict(dict)
    for eid, kind, mode, form_id, version in latest.values():
        forms[eid][form_id] = version
        versions[eid][(kind, mode)] = (form_id, version)
        answers[eid][(kind, mode)] = {}
    where: list[str] = []
    params: tuple[Any, ...] = ()
    if only is not None:
        where.append(f"response_id IN {_in(latest)}")
    if question_ids is not None:
        qids = sorted(set(question_ids))
        # With the responses named, "+" keeps SQLite to one primary-key range per response,
        # filtering the questions as it reads (a seek per response and question, the plan
        # it takes otherwise, cost 1.6x the CPU for a round of 500 episodes).
        col = "+question_id" if only is not None else "question_id"
        where.append(f"{col} IN ({', '.join('?' for _ in qids)})" if qids else "0")
        params = tuple(qids)
    sql = "SELECT response_id, question_id, value FROM answers"
    if where:
        sql += " WHERE " + " AND ".join(where)
    targets = {rid: answers[eid][(kind, mode)]
               for rid, (eid, kind, mode, _, _) in latest.items()}
    for rid, qid, value in db.execute(sql, params):
        target = targets.get(rid)
        if target is not None:
            target[qid] = _decode(value)
    scores: dict[int, dict[str, dict[str, float | None]]] = defaultdict(dict)
    sc_sql = "SELECT response_id, score_id, value FROM scores"
    if only is not None:
        sc_sql += f" WHERE response_id IN {_in(latest)}"
    for rid, score_id, value in db.query(sc_sql):
        if rid in latest and latest[rid][2] == "patient":
            eid, kind = latest[rid][:2]
            scores[eid].setdefault(kind, {})[score_id] = value
    return [
        EpisodeSnapshot(patients[e.patient_id], e, assessments.get(e.id or 0, {}),
                        answers.get(e.id or 0, {}), scores.get(e.id or 0, {}),
                        forms.get(e.id or 0, {}), versions.get(e.id or 0, {}))
        for e in episodes if e.patient_id in patients
    ]
