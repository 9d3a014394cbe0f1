"""Patients, episodes, clinical measures, goals and progress through the real services."""

from __future__ import annotations

import dataclasses
import json

import pytest

from crdesk.core.episode import Episode
from crdesk.core.patient import Patient
from crdesk.services.clinical import ClinicalService
from crdesk.services.episodes import EpisodeService
from crdesk.services.field_errors import FieldErrors
from crdesk.services.goals import GoalService
from crdesk.services.patients import PatientService
from crdesk.services.progress import progress_view
from crdesk.services.session import Session
from crdesk.storage import audit_repo, patients_repo
from tests.helpers.staff import NHS_BAD, TODAY, both_assessments, new_episode, new_patient


def audit_text(session: Session) -> str:
    return json.dumps([dataclasses.astuple(e) for e in audit_repo.entries(session._db)])


def test_bad_patient_is_refused_field_by_field_and_nothing_saved(staff: Session) -> None:
    svc = PatientService(staff, TODAY)
    with pytest.raises(FieldErrors) as err:
        svc.create(Patient(None, NHS_BAD, None, "", "Edith", "01/01/2090",
                           postcode="nope", gp_practice_code="12", nacr_opt_out=True))
    problems = err.value.problems
    assert "check digit" in problems["nhs_number"]
    assert problems["family_name"] == "Enter the patient's family name."
    assert problems["date_of_birth"] == "The date of birth is in the future."
    assert "UK postcode" in problems["postcode"] and "GP practice" in problems["gp_practice_code"]
    assert problems["nacr_opt_out_date"] == "Enter a date."
    assert patients_repo.count(staff._db) == 0
    assert NHS_BAD.replace(" ", "") not in str(err.value), "no identifier in the exception"


def test_create_cleans_values_audits_and_refuses_a_duplicate(staff: Session) -> None:
    pid = new_patient(staff)
    p = patients_repo.get(staff._db, pid)
    assert p is not None
    assert (p.nhs_number, p.date_of_birth, p.postcode, p.gp_practice_code) == (
        "9434765919", "1950-03-14", "LS6 1AB", "A81001")
    with pytest.raises(FieldErrors) as err:
        new_patient(staff)
    assert "Another patient already has this NHS number" in err.value.problems["nhs_number"]
    changed = PatientService(staff, TODAY).update(dataclasses.replace(p, given_name="Edie"))
    assert changed == ["given_name"]
    PatientService(staff, TODAY).open(pid)
    actions = [(e.action, e.entity_id) for e in audit_repo.entries(staff._db, entity="patient")]
    assert ("patient.create", str(pid)) in actions and ("patient.update", str(pid)) in actions
    assert ("patient.view", str(pid)) in actions
    text = audit_text(staff)
    for identifier in ("Pemberton", "Edie", "9434765919", "1950-03-14", "LS6"):
        assert identifier not in text


def test_episode_dates_must_be_in_order(staff: Session) -> None:
    pid = new_patient(staff)
    svc = EpisodeService(staff, TODAY)
    with pytest.raises(FieldErrors) as err:
        svc.save(Episode(None, pid, initiating_event="mi_stemi", event_date="2026-02-01",
                         treatment_date="2026-01-01", referral_date="2026-03-01",
                         programme_start="2026-04-01", programme_end="2026-03-01",
                         outcome="nonsense"))
    p = err.value.problems
    assert p["treatment_date"] == "The treatment date is before the event date."
    assert p["programme_end"] == "The programme end is before the programme start."
    assert p["outcome"] == "Choose from the list."
    eid = new_episode(staff, pid)
    e = PatientService(staff, TODAY).open(pid).episode(eid)
    assert e is not None and e.event_date == "2026-01-10"
    svc.save(dataclasses.replace(e, outcome="completed", programme_end="2026-04-27"))
    entry = audit_repo.entries(staff._db, action="episode.update")[0]
    assert json.loads(entry.detail)["fields"] == ["programme_end", "outcome"]


def test_weight_900_kg_is_refused_at_its_field_and_nothing_saved(staff: Session) -> None:
    pid = new_patient(staff)
    eid = new_episode(staff, pid)
    svc = ClinicalService(staff, today=TODAY)
    fs = svc.form_session(pid, eid, "A1")
    fs.answer("weight", 900)
    fs.answer("walk_test", "not_done")
    fs.answer("medication_classes", ["none"])
    fs.answer("smoking_status_verified", "never")
    before = staff._db.scalar("SELECT count(*) FROM responses")
    with pytest.raises(FieldErrors) as err:
        svc.save(pid, eid, "A1", fs)
    assert "25 to 350" in err.value.problems["weight"]
    assert staff._db.scalar("SELECT count(*) FROM responses") == before
    fs.answer("weight", 90)
    rid = svc.save(pid, eid, "A1", fs)
    assert svc.latest_answers(pid, eid, "A1")["weight"]["value"] == 90.0  # type: ignore[index]
    record = PatientService(staff, TODAY).open(pid)
    assert record.assessments[eid]["A1"]["done_date"] == TODAY.isoformat()
    assert any(r.id == rid and r.status == "complete" for r in record.responses)


def test_goals_are_set_reviewed_and_their_history_kept(staff: Session) -> None:
    pid = new_patient(staff)
    eid = new_episode(staff, pid)
    svc = GoalService(staff, TODAY)
    with pytest.raises(FieldErrors) as err:
        svc.add(eid, "nonsense", "", "", "31/05/2026")
    assert set(err.value.problems) == {"area", "goal", "target", "review_date"}
    gid = svc.add(eid, "activity", "Walk to the shops", "30 minutes, 5 days a week",
                  "01/09/2026")
    svc.review(gid, "partly_achieved", "Most weeks")
    svc.review(gid, "achieved", "Every week now")
    goal = svc.for_episodes([eid])[0]
    assert goal.status == "achieved" and goal.review_date == "2026-09-01"
    assert [r.status for r in goal.reviews] == ["partly_achieved", "achieved"]
    assert "Walk to the shops" not in audit_text(staff)


def test_progress_view_compares_a1_and_a2_and_is_audited(staff: Session) -> None:
    pid, eid = both_assessments(staff)
    record = PatientService(staff, TODAY).open(pid)
    view = progress_view(staff, record, eid, TODAY)
    assert set(view.assessments) == {"A1", "A2"}
    rows = {r.measure.id: r for r in view.rows}
    assert rows["weight"].texts == {"A1": "92 kg", "A2": "88.5 kg"}
    assert rows["iswt_distance"].direction == "better"
    assert rows["smoking"].direction == "better"  # verified by staff: current -> ex
    assert rows["bmi"].values["A1"] == 31.1  # clinic-measured BMI preferred
    assert {"hads_anxiety", "coop_feelings"} <= set(rows)
    assert [line.warning for line in view.lines] == ["", "", ""]
    entry = audit_repo.entries(staff._db, action="progress.view")[0]
    assert entry.entity_id == str(pid)


def test_look_alike_digits_cannot_make_a_second_record(staff: Session) -> None:
    svc = PatientService(staff, TODAY)
    pid = svc.create(Patient(None, "943 476 5919", None, "Pemberton", "Edith", "01/02/1950"))
    fullwidth = "\uff19\uff14\uff13 \uff14\uff17\uff16 \uff15\uff19\uff11\uff19"
    with pytest.raises(FieldErrors) as err:
        svc.create(Patient(None, fullwidth, None, "Pemberton", "Edith", "01/02/1950"))
    assert "digits 0 to 9 only" in err.value.problems["nhs_number"]
    with pytest.raises(FieldErrors) as dup:
        svc.create(Patient(None, "943-476-5919", None, "Pemberton", "E", "01/02/1950"))
    assert "Another patient already has this NHS number" in dup.value.problems["nhs_number"]
    assert patients_repo.count(staff._db) == 1 and patients_repo.get(staff._db, pid) is not None


def test_check_reports_stored_identifiers_that_fail_todays_rules(admin: Session) -> None:
    # A record stored by an older release, before non-ASCII digits were refused.
    with admin.change("patient.create", "patient"):
        pid = patients_repo.insert(admin._db, Patient(
            None, "\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669", None,
            "Old", "Record", "1950-02-01"))
    report = admin.check()
    assert not report.ok
    assert report.record_problems == [
        f"patient {pid}: the stored NHS number fails today's check: An NHS number has the "
        "digits 0 to 9 only (spaces and dashes are fine)."]
    assert "\u0669" not in "\n".join(report.lines()), "the stored value is never printed"
