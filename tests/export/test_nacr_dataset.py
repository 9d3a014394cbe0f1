"""The shipped NACR profile (version 2) carries the issue-10 fields, read back from a real
decrypted export of the demo clinic, and holds back codes it cannot send, saying why."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from crdesk.core.activity import weekly_minutes
from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.clinic import RECEIVER_DIR, make_demo
from crdesk.export.profile import available_profiles
from crdesk.export.verify import verify_package
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.export import ExportService
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, patients_repo
from tests.export.conftest import PROFILE, Receiver, add_episode

PASSWORD = "demo-dataset-passphrase"
NEW_COLUMNS = ("FIRST_INVITED_DATE", "RISK_LEVEL", "DELIVERY_MODE", "SESSIONS_OFFERED",
               "SESSIONS_ATTENDED", "NOT_STARTED_REASON", "NOT_COMPLETED_REASON",
               "DATE_OF_DEATH", "A1_COMORBIDITIES", "A1_MEDICATION_CLASSES",
               "A1_PREVIOUS_CARDIAC_HISTORY", "A1_FURTHER_TREATMENTS", "A1_DIABETES_TYPE",
               "A1_NYHA_CLASS", "A1_LDL_CHOLESTEROL", "A1_HBA1C", "A1_ACTIVE_MINUTES_WEEK",
               *(f"{k}_COOP_{c}" for k in ("A2", "A3") for c in (
                   "PHYSICAL_FITNESS", "FEELINGS", "DAILY_ACTIVITIES", "SOCIAL_ACTIVITIES",
                   "PAIN", "CHANGE_IN_HEALTH", "OVERALL_HEALTH", "SOCIAL_SUPPORT",
                   "QUALITY_OF_LIFE")),
               "A2_WAIST_CM", "A2_TOTAL_CHOLESTEROL", "A2_LDL_CHOLESTEROL", "A2_HBA1C",
               "A2_ACTIVE_MINUTES_WEEK", "A2_RETURN_TO_WORK", "A2_MEDICATION_CLASSES")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[ClinicHome, Path]:
    root = tmp_path_factory.mktemp("demo")
    home = ClinicHome.open(BaseDir(root))
    make_demo(home, patients=60, password=PASSWORD, cost=TEST_COST)
    yield home, root
    home.close()


@pytest.fixture
def admin_demo(demo: tuple[ClinicHome, Path]) -> Session:
    s = access.unlock(demo[0], "admin", PASSWORD)
    yield s
    s.close()


def test_profile_is_version_2_with_the_new_fields() -> None:
    nacr = available_profiles()["nacr"]
    assert nacr.version == "2"
    names = {c.name for c in nacr.columns}
    assert set(NEW_COLUMNS) <= names
    # crdesk's own code lists are marked as such (and told to the receiver).
    own = {c.name for c in nacr.columns if c.code_list == "crdesk"}
    assert {"DELIVERY_MODE", "NOT_STARTED_REASON", "A1_COMORBIDITIES"} <= own
    assert {c.code_list for c in nacr.columns if c.name in ("GENDER", "ETHNIC_CATEGORY")} == {
        "nhs-dd"}


def test_decrypted_demo_export_reads_the_new_fields_back(
        admin_demo: Session, demo: tuple[ClinicHome, Path], tmp_path: Path) -> None:
    out = tmp_path / "batch.p7m"
    result = ExportService(admin_demo).export("nacr", out, [])  # to the demo receiver
    assert result.rows > 0
    folder = demo[1] / RECEIVER_DIR
    package = verify_package(out.read_bytes(), (folder / "receiver-key.pem").read_bytes(),
                             (folder / "clinic-cert.pem").read_bytes())
    assert package.manifest.profile_version == "2"
    rows = list(csv.DictReader(io.StringIO(package.files["nacr_episodes.csv"].decode())))
    assert set(NEW_COLUMNS) <= set(rows[0])
    db = admin_demo._db
    by_nhs = {p.nhs_number: p for p in patients_repo.all_patients(db)}
    checked_sessions = checked_minutes = 0
    for row in rows:
        patient = by_nhs[row["NHS_NUMBER"]]
        (episode,) = episodes_repo.for_patient(db, patient.id or 0)
        # Episode fields exactly as stored (dates in the profile's dd/mm/yyyy).
        assert row["RISK_LEVEL"] == (episode.risk_level or "")
        assert row["DELIVERY_MODE"] == (episode.delivery_mode or "")
        assert row["SESSIONS_OFFERED"] == ("" if episode.sessions_offered is None
                                           else str(episode.sessions_offered))
        assert row["SESSIONS_ATTENDED"] == ("" if episode.sessions_attended is None
                                            else str(episode.sessions_attended))
        if episode.first_invited_date:
            y, m, d = episode.first_invited_date.split("-")
            assert row["FIRST_INVITED_DATE"] == f"{d}/{m}/{y}"
        checked_sessions += episode.sessions_offered is not None
        # Answers as stored, from the newest completed A1 response of each kind.
        snap = next(s for s in episodes_repo.snapshots(db) if s.episode.id == episode.id)
        a1 = snap.answers.get(("A1", "patient"), {})
        staff = snap.answers.get(("A1", "staff"), {})
        assert row["A1_COMORBIDITIES"] == ";".join(a1.get("comorbidities") or [])
        assert row["A1_MEDICATION_CLASSES"] == ";".join(staff.get("medication_classes") or [])
        ldl = staff.get("ldl_cholesterol")
        assert row["A1_LDL_CHOLESTEROL"] == ("" if not isinstance(ldl, float | int)
                                             else f"{ldl:g}")
        minutes = weekly_minutes(a1)
        assert row["A1_ACTIVE_MINUTES_WEEK"] == ("" if minutes is None else str(minutes))
        checked_minutes += minutes is not None
        a2 = snap.scores.get("A2", {})
        assert row["A2_COOP_PAIN"] == ("" if a2.get("coop_pain") is None
                                       else f"{a2['coop_pain']:g}")
    assert checked_sessions and checked_minutes  # the demo fills them: the test saw values
    assert any(r["A2_COOP_QUALITY_OF_LIFE"] for r in rows)
    assert any(r["A1_HBA1C"] for r in rows) and any(r["A1_DIABETES_TYPE"] for r in rows)


def test_an_unknown_code_in_an_old_record_is_kept_shown_and_held_back(
        admin_demo: Session) -> None:
    db = admin_demo._db
    # Any patient with a row to send (sent already or not: a changed row is built again).
    snap = next(s for s in episodes_repo.snapshots(db)
                if s.assessments.get("A1", {}).get("done_date") and not s.patient.nacr_opt_out)
    target = patients_repo.get(db, snap.patient.id or 0)
    assert target is not None
    with admin_demo.change("test.old_code", "patient", target.id or 0):
        # As an old record would hold it: PERSON STATED GENDER 9 (no equivalent now).
        db.execute("UPDATE patients SET gender = '9' WHERE id = ?", (target.id,))
    preview = ExportService(admin_demo).preview("nacr")
    held = next(r for r in preview.incomplete if r.patient_id == target.id)
    assert "GENDER: '9' is not in the code list" in "; ".join(held.errors)
    kept = patients_repo.get(db, target.id or 0)
    assert kept is not None and kept.gender == "9"  # kept as it was, never guessed
    from crdesk.core.demographics import code_words

    assert "old code 9" in code_words("gender", "9")


def test_first_export_after_the_profile_change_sends_every_record_again(
        admin: Session, tmp_path: Path, receiver: Receiver) -> None:
    """docs/nacr-dataset.md: a record sent under profile version 1 goes again, once, as an
    amendment under version 2 (its row now has the new columns), then not again."""
    for seed in (11, 12):
        add_episode(admin, seed=seed)
    v1 = tmp_path / "v1"
    v1.mkdir()
    (v1 / "testnacr.yaml").write_text(PROFILE)
    first = ExportService(admin, available_profiles(v1)).export(
        "testnacr", tmp_path / "1.p7m", [receiver.cert])
    assert first.rows == 2 and first.amendments == 0
    v2 = tmp_path / "v2"
    v2.mkdir()
    (v2 / "testnacr.yaml").write_text(
        PROFILE.replace('version: "3"', 'version: "4"')
        + "  - {name: SESSIONS_OFFERED, source: episode.sessions_offered, kind: number}\n")
    service = ExportService(admin, available_profiles(v2))
    preview = service.preview("testnacr")
    assert len(preview.ready) == 2 and preview.amendments == 2
    again = service.export("testnacr", tmp_path / "2.p7m", [receiver.cert])
    assert again.amendments == 2
    assert service.preview("testnacr").ready == []  # once only
