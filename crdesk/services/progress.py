"""The progress view's data: each assessment's newest finished questionnaire and clinical
measures, compared by crdesk.core.progress. Opening it is audited like any view.

A1 may have been answered on version 1 of a form and A2 on version 2: every response's
answers are read as the current version asks them, through the form's declared history
(`history.renamed`), so the comparison is question by question even where an id or an
option value changed. Scores are the ones stored with each response (each scored by its own
form version), never recomputed here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from crdesk.core.care_status import AssessmentLine, assessment_lines
from crdesk.core.episode import ASSESSMENT_KINDS
from crdesk.core.forms.history import as_current
from crdesk.core.forms.loader import FormRegistry
from crdesk.core.progress import AssessmentData, ProgressRow, compare
from crdesk.core.response import ResponseRecord
from crdesk.core.staff_entry import how_completed
from crdesk.services.clinical import shipped_forms
from crdesk.services.patients import PatientRecord
from crdesk.services.questionnaires import CLINICAL_FORM, PATIENT_FORM
from crdesk.services.session import Session
from crdesk.storage import responses_repo


@dataclass(frozen=True)
class ProgressView:
    episode_id: int
    assessments: dict[str, AssessmentData]
    rows: list[ProgressRow]
    lines: list[AssessmentLine]


def current_answers(session: Session, response: ResponseRecord,
                    registry: FormRegistry | None = None) -> dict[str, Any]:
    """A response's stored answers as the current version of its form asks them."""
    stored = responses_repo.answers(session._db, response.id)
    try:
        form = (registry or shipped_forms()).get(response.form_id)
    except KeyError:
        return stored  # no version of the form installed: compare the answers as stored
    return as_current(form, stored, int(response.form_version))


def assessment_data(session: Session, record: PatientRecord, episode_id: int,
                    registry: FormRegistry | None = None) -> dict[str, AssessmentData]:
    """kind -> what that assessment recorded (only assessments with a finished response)."""
    db = session._db
    by_id = {r.id: r for r in record.responses}
    rows = record.assessments.get(episode_id, {})
    by_assessment = {int(str(v["id"])): k for k, v in rows.items()}
    newest: dict[tuple[str, str], int] = {}
    how: dict[str, str] = {}
    for r in record.responses:  # oldest first: later responses replace earlier ones
        if r.assessment_id in by_assessment and r.status in ("complete", "reviewed") \
                and r.form_id in (PATIENT_FORM, CLINICAL_FORM):
            newest[(by_assessment[r.assessment_id], r.form_id)] = r.id
            if r.form_id == PATIENT_FORM:
                how[by_assessment[r.assessment_id]] = how_completed(r.mode, r.method)
    out: dict[str, AssessmentData] = {}
    for kind in ASSESSMENT_KINDS:
        pid = newest.get((kind, PATIENT_FORM))
        sid = newest.get((kind, CLINICAL_FORM))
        if pid is None and sid is None:
            continue
        scores: dict[str, float | None] = {}
        if pid is not None:
            scores.update({k: v[0] for k, v in responses_repo.scores(db, pid).items()})
        if sid is not None:
            # BMI measured in clinic is preferred to the patient's own height and weight.
            scores.update({k: v[0] for k, v in responses_repo.scores(db, sid).items()
                           if v[0] is not None})
        done = rows[kind].get("done_date")
        out[kind] = AssessmentData(
            kind, str(done) if done else None, scores,
            current_answers(session, by_id[pid], registry) if pid is not None else {},
            current_answers(session, by_id[sid], registry) if sid is not None else {},
            how.get(kind, ""))
    return out


def progress_view(session: Session, record: PatientRecord, episode_id: int,
                  today: dt.date | None = None) -> ProgressView:
    data = assessment_data(session, record, episode_id)
    episode = record.episode(episode_id)
    lines = assessment_lines(
        {k: {"due_date": v.get("due_date"), "done_date": v.get("done_date")}
         for k, v in record.assessments.get(episode_id, {}).items()},
        episode.programme_end if episode else None, today or dt.date.today())
    rows = compare(data)
    with session.change("progress.view", "patient", record.patient.id or 0,
                        {"episode": episode_id, "assessments": sorted(data)}):
        pass
    return ProgressView(episode_id, data, rows, lines)
