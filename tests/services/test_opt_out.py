"""The NACR opt-out end to end, on a demo clinic with the shipped export profiles: a patient
opts out at the kiosk (through the questionnaire service, as the kiosk does) → the record
says "opt-out to confirm" → the next export of BOTH profiles leaves them out (read back from
the decrypted packages) → staff confirm it with a date → still out; cleared with a reason →
in the next export. Bad input: confirming without a date (or with a future one), clearing
without a reason; neither changes anything."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from crdesk.core.opt_out import OptOutState
from crdesk.crypto import pseudonym
from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.clinic import RECEIVER_DIR, make_demo
from crdesk.export.verify import verify_package
from crdesk.paths import BaseDir
from crdesk.services import access, identity
from crdesk.services.export import ExportService
from crdesk.services.field_errors import FieldErrors
from crdesk.services.home import ClinicHome
from crdesk.services.opt_out import OptOutService
from crdesk.services.patients import PatientService
from crdesk.services.questionnaires import PATIENT_FORM, QuestionnaireService
from crdesk.services.session import Session
from crdesk.services.worklist import WorklistService
from crdesk.storage import audit_repo, episodes_repo, opt_out_repo

PW = "opt-out-demo-passphrase"
TODAY = dt.date.today()


@dataclass
class Demo:
    home: ClinicHome
    admin: Session
    receiver_key: bytes
    clinic_cert: bytes


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    b = BaseDir(tmp_path / "demo")
    with ClinicHome.open(b) as home:
        make_demo(home, patients=14, password=PW, cost=TEST_COST, all_complete=True)
        s = access.unlock(home, "admin", PW)
        folder = b.root / RECEIVER_DIR
        yield Demo(home, s, (folder / "receiver-key.pem").read_bytes(),
                   (folder / "clinic-cert.pem").read_bytes())
        s.close()


def _export(d: Demo, profile: str, out: Path) -> list[dict[str, str]]:
    svc = ExportService(d.admin)
    result = svc.export(profile, out, [], today=TODAY)
    if result.path is None:
        return []
    files = verify_package(out.read_bytes(), d.receiver_key, d.clinic_cert).files
    name = next(n for n in files if n.endswith(".csv"))
    return list(csv.DictReader(io.StringIO(files[name].decode(svc.profile(profile).encoding))))


def _identity(d: Demo, patient_id: int) -> tuple[str, str]:
    p = PatientService(d.admin).open(patient_id).patient
    assert p.nhs_number
    return p.nhs_number, pseudonym.pseudonym(identity.pseudonym_key(d.admin), p.nhs_number)


def _ready_patients(d: Demo, profile: str) -> set[int]:
    return {r.patient_id for r in ExportService(d.admin).preview(profile, TODAY).ready}


def _kiosk_answer(d: Demo, patient_id: int, choice: str) -> int:
    """What the kiosk does: open the patient's next questionnaire and answer the consent
    question on its information page."""
    episode = episodes_repo.for_patient(d.admin._db, patient_id)[-1]
    q = QuestionnaireService(d.admin)
    opened = q.start_or_resume(patient_id, PATIENT_FORM, episode_id=episode.id,
                               assessment="A1")
    assert not q.answer(opened, "info_acknowledgement", choice)
    return opened.id


def test_kiosk_opt_out_to_confirm_then_confirmed_then_cleared(demo: Demo,
                                                              tmp_path: Path) -> None:
    d = demo
    both = ("nacr", "deidentified")
    ready = _ready_patients(d, "nacr") & _ready_patients(d, "deidentified")
    assert len(ready) >= 3, "the demo clinic should have complete records to export"
    pid, other = sorted(ready)[:2]
    nhs, pseudo = _identity(d, pid)

    # The patient says no at the kiosk: "opt-out to confirm", with what they read and chose.
    rid = _kiosk_answer(d, pid, "opt_out")
    record = PatientService(d.admin).open(pid)
    assert record.opt_out is not None and record.opt_out.state is OptOutState.TO_CONFIRM
    assert record.patient.nacr_opt_out  # every reader of Patient sees them as out
    last = record.opt_out.last
    assert last is not None and last.response_id == rid and last.choice == "opt_out"
    consent = opt_out_repo.consent(d.admin._db, rid)
    assert consent is not None and consent["choice"] == "opt_out"
    assert consent["text_pack"] == "nacr" and consent["text_pack_version"] >= 1
    assert len(consent["info_sha256"]) == 64 and len(consent["text_pack_sha256"]) == 64
    # Listed on the worklist, oldest first with the others.
    items = WorklistService(d.admin).worklist(TODAY).group("opt_out_confirm")
    assert [i.patient_id for i in items] == [pid]
    # "I would like to talk to staff first" is held back in the same way.
    _kiosk_answer(d, other, "talk_to_staff")
    assert OptOutService(d.admin).status(other).state is OptOutState.TO_CONFIRM
    assert {i.patient_id for i in WorklistService(d.admin).worklist(TODAY)
            .group("opt_out_confirm")} == {pid, other}

    # The next export of both profiles leaves them out (read back from the packages).
    for profile in both:
        pv = ExportService(d.admin).preview(profile, TODAY)
        assert pid not in {r.patient_id for r in pv.ready + pv.incomplete}
        assert pv.opted_out >= 2
    rows = _export(d, "nacr", tmp_path / "n1.p7m")
    assert rows and nhs not in {r.get("NHS_NUMBER", "") for r in rows}
    assert nhs.encode() not in (tmp_path / "n1.p7m").read_bytes()
    deid = _export(d, "deidentified", tmp_path / "d1.p7m")
    assert deid and pseudo not in {v for r in deid for v in r.values()}

    # Staff confirm with the date: still out, and the worklist item has gone.
    OptOutService(d.admin, TODAY).confirm(pid, TODAY.strftime("%d/%m/%Y"))
    status = OptOutService(d.admin).status(pid)
    assert status.state is OptOutState.CONFIRMED and status.opt_out_date == TODAY.isoformat()
    assert pid not in {i.patient_id for i in WorklistService(d.admin).worklist(TODAY)
                       .group("opt_out_confirm")}
    for profile in both:
        assert pid not in _ready_patients(d, profile)
    # A later kiosk answer cannot undo an opt-out: only staff clear one.
    _kiosk_answer(d, pid, "read")
    assert OptOutService(d.admin).status(pid).state is OptOutState.CONFIRMED

    # Cleared with a reason: in the next export of both profiles.
    OptOutService(d.admin, TODAY).clear(pid, "Patient changed their mind when we talked")
    rows = _export(d, "nacr", tmp_path / "n2.p7m")
    assert nhs in {r["NHS_NUMBER"] for r in rows}
    deid = _export(d, "deidentified", tmp_path / "d2.p7m")
    assert pseudo in {v for r in deid for v in r.values()}
    # Every change was audited, in order, and the chain still verifies.
    actions = [a for (a,) in d.admin._db.query(
        "SELECT action FROM audit_log WHERE action LIKE 'opt_out.%' ORDER BY seq")]
    assert actions == ["opt_out.kiosk", "opt_out.kiosk", "opt_out.confirm", "opt_out.kiosk",
                       "opt_out.clear"]
    assert audit_repo.verify(d.admin._db).ok
    # The reason stays in the encrypted history table, never in the audit row.
    assert b"changed their mind" not in b"".join(
        str(r).encode() for r in d.admin._db.query("SELECT detail FROM audit_log"))
    history = OptOutService(d.admin).status(pid).history
    assert [e.state for e in history] == [OptOutState.TO_CONFIRM, OptOutState.CONFIRMED,
                                          OptOutState.CLEARED]
    assert history[-1].reason == "Patient changed their mind when we talked"
    assert history[-1].actor == "admin"


def test_bad_input_changes_nothing(demo: Demo) -> None:
    d = demo
    pid = sorted(_ready_patients(d, "nacr"))[0]
    svc = OptOutService(d.admin, TODAY)
    # Clearing when there is nothing to clear, and without a reason.
    with pytest.raises(FieldErrors) as nothing:
        svc.clear(pid, "")
    assert set(nothing.value.problems) == {"state", "reason"}
    _kiosk_answer(d, pid, "opt_out")
    before = svc.status(pid)
    rows = d.admin._db.scalar("SELECT count(*) FROM audit_log")
    for text, words in (("", "Enter the date the patient opted out"),
                        ("31/02/2026", "Enter the date as day/month/year"),
                        ((TODAY + dt.timedelta(days=1)).strftime("%d/%m/%Y"), "in the future")):
        with pytest.raises(FieldErrors) as bad:
            svc.confirm(pid, text)
        assert words in bad.value.problems["opt_out_date"]
    for reason in ("", "   \n "):
        with pytest.raises(FieldErrors) as no_reason:
            svc.clear(pid, reason)
        assert no_reason.value.problems["reason"].startswith("Give the reason")
    assert svc.status(pid) == before  # still "to confirm", nothing added to its history
    assert d.admin._db.scalar("SELECT count(*) FROM audit_log") == rows
    # The database itself refuses a confirmed opt-out without its date, or a clear without
    # a reason, whatever calls it.
    import sqlcipher3

    with pytest.raises(sqlcipher3.IntegrityError), d.admin._db.transaction() as db:
        opt_out_repo.set_state(db, pid, OptOutState.CONFIRMED, actor="x")
    with pytest.raises(sqlcipher3.IntegrityError), d.admin._db.transaction() as db:
        opt_out_repo.set_state(db, pid, OptOutState.CLEARED, actor="x", reason=" ")
    assert svc.status(pid) == before


def test_reissue_refuses_a_batch_holding_a_patient_who_opted_out_since(demo: Demo,
                                                                       tmp_path: Path) -> None:
    d = demo
    pid = sorted(_ready_patients(d, "nacr"))[0]
    nhs, _ = _identity(d, pid)
    rows = _export(d, "nacr", tmp_path / "n1.p7m")
    assert nhs in {r["NHS_NUMBER"] for r in rows}
    ExportService(d.admin).reissue(1, tmp_path / "lost.p7m", [])  # fine before the opt-out
    # Sent in batch 1; then the patient opts out at the kiosk.
    _kiosk_answer(d, pid, "opt_out")
    with pytest.raises(Exception, match="opted out of NACR since it was made"):
        ExportService(d.admin).reissue(1, tmp_path / "again.p7m", [])
    assert not (tmp_path / "again.p7m").exists()


def test_only_a_signed_in_member_of_the_team_decides(demo: Demo) -> None:
    from crdesk.errors import PermissionDeniedError

    staff = access.unlock(demo.home, "staff", PW)
    pid = sorted(_ready_patients(demo, "nacr"))[0]
    svc = OptOutService(staff, TODAY)
    staff.close()  # locked or signed out: the key is gone, and so is the right to decide
    for act in (lambda: svc.confirm(pid, TODAY.strftime("%d/%m/%Y")),
                lambda: svc.clear(pid, "a reason")):
        with pytest.raises(PermissionDeniedError):
            act()
    assert OptOutService(demo.admin).status(pid).state is OptOutState.NONE
