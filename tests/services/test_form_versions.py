"""Form versions for real (issue 10 item 7): responses given on version 1 keep showing and
scoring exactly as they did once version 2 ships; without the version 1 file they still show,
through the declared history, saying plainly what is missing; progress reads A1 (v1) and
A2 (v2) question by question through that history; and a clinic made by the previous release
upgrades with every answer and score unchanged."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from crdesk.core.episode import Episode
from crdesk.core.forms import FormRegistry, FormSession, load_form
from crdesk.core.forms.loader import default_forms_dir
from crdesk.demo.patients import demo_patients
from crdesk.errors import ValidationError
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.patients import PatientService
from crdesk.services.progress import assessment_data
from crdesk.services.questionnaires import PATIENT_FORM, OpenResponse, QuestionnaireService
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, patients_repo, responses_repo
from crdesk.storage.migrations import latest_version, schema_version
from tests.core.forms.walker import valid_answer

FIXTURE_V4 = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "v4"
ARCHIVE_V1 = default_forms_dir() / "archive" / "nacr_patient-v1.yaml"


def _registry(*versions: int) -> FormRegistry:
    return FormRegistry([f for f in FormRegistry.from_dir() if f.version in versions])


@pytest.fixture
def patient(admin: Session) -> tuple[int, int]:
    with admin.change("patient.create", "patient"):
        pid = patients_repo.insert(admin._db, next(demo_patients(1, seed=5)))
        eid = episodes_repo.insert(admin._db, Episode(None, pid, initiating_event="mi_stemi",
                                                     event_date="2026-01-05"))
    return pid, eid


def _fill(svc: QuestionnaireService, opened: OpenResponse, overrides: dict[str, Any]) -> None:
    """Answer every shown question (first valid choice, or the override), through the
    service, as the kiosk does; then finish."""
    rng = random.Random(2)
    fs = opened.form_session
    for _ in range(100):
        for item in fs.current_page.items:
            if item.answerable and fs.is_visible(item.id):
                value = overrides.get(item.id, valid_answer(item, "last", rng))
                errors = [m for m in svc.answer(opened, item.id, value) if m.severity == "error"]
                assert errors == [], (item.id, errors)
        messages = fs.next()
        if messages:
            messages = fs.next()
        assert messages == []
        if fs.finished or fs.is_last_page and fs.is_complete:
            break
    svc.finish(opened)


V1_ANSWERS = {"info_acknowledgement": "read", "conditions": ["angina", "lung_disease"],
              "active_days_week": 3,
              "active_minutes_day": 20, "reaches_150_minutes": "yes"}


def _v1_response(admin: Session, patient: tuple[int, int]) -> int:
    """A response made as the previous release made it: only version 1 installed."""
    pid, eid = patient
    svc = QuestionnaireService(admin, registry=_registry(1))
    opened = svc.start_or_resume(pid, PATIENT_FORM, episode_id=eid, assessment="A1")
    assert opened.record.form_version == "1"
    _fill(svc, opened, V1_ANSWERS)
    return opened.id


def test_v1_response_shows_and_scores_exactly_as_before(admin: Session,
                                                        patient: tuple[int, int]) -> None:
    rid = _v1_response(admin, patient)
    before = QuestionnaireService(admin, registry=_registry(1)).load(rid)
    stored_scores = responses_repo.scores(admin._db, rid)
    # Version 2 ships beside version 1 (forms/archive): the response keeps its own version.
    now = QuestionnaireService(admin).load(rid)
    assert now.form_session.form.version == 1 and now.own_version and now.notice == ""
    assert now.form_session.form.content_hash == load_form(ARCHIVE_V1).content_hash
    assert now.form_session.summary() == before.form_session.summary()
    rescored = {k: (r.value, r.band) for k, r in now.form_session.scores().items()}
    assert rescored == {k: (v[0], v[1]) for k, v in stored_scores.items()}
    assert responses_repo.answers(admin._db, rid)["conditions"] == ["angina", "lung_disease"]
    # A correction is scored with version 1, so the other scores stay as they were.
    svc = QuestionnaireService(admin)
    svc.correct(rid, "hads_1", 0, "patient meant 'not at all'")
    after = responses_repo.scores(admin._db, rid)
    assert after["hads_depression"] == stored_scores["hads_depression"]
    assert after["coop_pain"] == stored_scores["coop_pain"]


def test_v1_response_without_its_form_file_still_shows_and_says_what_is_missing(
        admin: Session, patient: tuple[int, int]) -> None:
    rid = _v1_response(admin, patient)
    # An answer version 2 has no place for (as if a question had gone without a history).
    responses_repo.save_answer(admin._db, rid, "favourite_colour", "green", "staff")
    stored = responses_repo.answers(admin._db, rid)
    scores = responses_repo.scores(admin._db, rid)
    svc = QuestionnaireService(admin, registry=_registry(2))  # forms/archive removed
    opened = svc.load(rid)
    assert opened.form_session.form.version == 2 and not opened.own_version
    assert "version 1" in opened.notice and "nacr_patient-v1.yaml" in opened.notice
    assert "favourite_colour" in opened.notice and "not shown" in opened.notice
    # Shown through the history: the renamed question with its renamed option.
    rows = {r.question_id: r for r in opened.form_session.summary()}
    assert opened.form_session.answers["comorbidities"] == ["angina", "copd"]
    assert rows["comorbidities"].answered
    assert opened.not_shown == {"favourite_colour": "green"}
    with pytest.raises(ValidationError, match="not installed"):
        svc.correct(rid, "hads_1", 0, "a reason")
    # Nothing changed: answers and scores as stored.
    assert responses_repo.answers(admin._db, rid) == stored
    assert responses_repo.scores(admin._db, rid) == scores
    # No version of the form at all: a plain message, still nothing changed.
    none = QuestionnaireService(admin, registry=FormRegistry([
        f for f in FormRegistry.from_dir() if f.id != PATIENT_FORM]))
    with pytest.raises(ValidationError, match="not installed, in any version"):
        none.load(rid)


def test_progress_compares_a1_v1_with_a2_v2_through_the_history(
        admin: Session, patient: tuple[int, int]) -> None:
    pid, eid = patient
    _v1_response(admin, patient)
    svc = QuestionnaireService(admin)
    a2 = svc.start_or_resume(pid, PATIENT_FORM, episode_id=eid, assessment="A2")
    assert a2.record.form_version == "3"  # the current version (3 since issue 16)
    _fill(svc, a2, {"comorbidities": ["angina", "copd", "diabetes"], "active_days_week": 5,
                    "active_minutes_day": 30, "reaches_150_minutes": "yes"})
    record = PatientService(admin).open(pid)
    data = assessment_data(admin, record, eid)
    # Question by question: A1's `conditions` (v1) is read as v2's `comorbidities`.
    assert data["A1"].patient["comorbidities"] == ["angina", "copd"]
    assert "conditions" not in data["A1"].patient
    assert data["A2"].patient["comorbidities"] == ["angina", "diabetes", "copd"]  # option order
    added = set(data["A2"].patient["comorbidities"]) - set(data["A1"].patient["comorbidities"])
    assert added == {"diabetes"}
    # Scores are the stored ones, each scored by its own version.
    assert data["A1"].scores == {k: v[0] for k, v in
                                 responses_repo.scores(admin._db, record.responses[0].id).items()}


def test_fixture_made_by_the_previous_release_upgrades_with_answers_and_scores_unchanged(
        tmp_path: Path) -> None:
    info = json.loads((FIXTURE_V4 / "fixture.json").read_text(encoding="utf-8"))
    assert info["schema_version"] == 4
    target = tmp_path / "clinic"
    target.mkdir()
    for name in ("clinic.db", "keyslots.json"):
        shutil.copy2(FIXTURE_V4 / name, target / name)
    with ClinicHome.open(BaseDir(target)) as home:
        s = access.unlock(home, "admin", info["passwords"]["admin"])
        try:
            assert schema_version(s._db) == latest_version()
            svc = QuestionnaireService(s)
            for expected in info["expected"]["responses"]:
                rid = expected["id"]
                # Every answer and score exactly as the previous release stored them.
                assert responses_repo.answers(s._db, rid) == expected["answers"]
                scores = responses_repo.scores(s._db, rid)
                assert {k: [v[0], v[1]] for k, v in scores.items()} == {
                    k: row[:2] for k, row in expected["scores"].items()}
                if expected["status"] == "draft":
                    continue
                # Opened with today's forms: its own version 1, shown as version 1 shows it.
                opened = svc.load(rid)
                assert expected["form_version"] == "1"
                assert opened.form_session.form.version == 1 and opened.notice == ""
                alone = FormSession(load_form(default_forms_dir() / "archive" /
                                              f"{expected['form_id']}-v1.yaml"),
                                    responses_repo.answers(s._db, rid),
                                    opened.form_session.context, opened.form_session.texts,
                                    resume=True)
                assert opened.form_session.summary() == alone.summary()
                # Viewing changed nothing.
                assert responses_repo.answers(s._db, rid) == expected["answers"]
                assert responses_repo.corrections(s._db, rid) and \
                    len(responses_repo.corrections(s._db, rid)) == len(expected["corrections"])
            # The episodes gained the schema-8 fields, unrecorded: nothing guessed.
            for e in info["expected"]["episodes"]:
                ep = episodes_repo.get(s._db, e["id"])
                assert ep is not None and ep.sessions_offered is None and ep.delivery_mode is None
        finally:
            s.close()


def test_export_reads_a_v1_answer_through_the_history(admin: Session,
                                                      patient: tuple[int, int]) -> None:
    from crdesk.services.export import ExportService

    _, eid = patient
    _v1_response(admin, patient)
    preview = ExportService(admin).preview("nacr")
    (row,) = [r for r in [*preview.ready, *preview.incomplete] if r.episode_id == eid]
    # Stored as v1 `conditions: [angina, lung_disease]`; sent as v2 `comorbidities` codes.
    assert row.values["A1_COMORBIDITIES"] == "angina;copd"
    assert not any("COMORBIDITIES" in e for e in row.errors)
    assert row.values["A1_ACTIVE_MINUTES_WEEK"] == "60"  # 3 days x 20 minutes


ARCHIVE_V2 = default_forms_dir() / "archive" / "nacr_patient-v2.yaml"


def test_v2_response_still_opens_scores_and_exports_once_v3_ships(
        admin: Session, patient: tuple[int, int]) -> None:
    """Version 3 (issue 16) moved the audit question to a page of its own; a response given
    on version 2, when the question shared the leaflet's page, keeps its version, its
    answers, its scores and its opt-out answer in the export."""
    from crdesk.services.export import ExportService

    pid, eid = patient
    svc2 = QuestionnaireService(admin, registry=_registry(1, 2))
    opened = svc2.start_or_resume(pid, PATIENT_FORM, episode_id=eid, assessment="A1")
    assert opened.record.form_version == "2"
    _fill(svc2, opened, {"info_acknowledgement": "read", "active_days_week": 3,
                         "active_minutes_day": 20})
    rid = opened.id
    stored_scores = responses_repo.scores(admin._db, rid)
    before = svc2.load(rid).form_session.summary()
    now = QuestionnaireService(admin).load(rid)  # every version installed, 3 the newest
    assert now.form_session.form.version == 2 and now.own_version and now.notice == ""
    assert now.form_session.form.content_hash == load_form(ARCHIVE_V2).content_hash
    assert now.form_session.summary() == before
    rescored = {k: (r.value, r.band) for k, r in now.form_session.scores().items()}
    assert rescored == {k: (v[0], v[1]) for k, v in stored_scores.items()}
    preview = ExportService(admin).preview("nacr")
    (row,) = [r for r in [*preview.ready, *preview.incomplete] if r.episode_id == eid]
    assert row.values["A1_ACTIVE_MINUTES_WEEK"] == "60"
