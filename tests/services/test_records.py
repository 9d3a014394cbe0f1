"""Records management (issue 17): purge leaves nothing readable, all or nothing; restriction
holds a record back from exports and shared reports; the subject-access copy is complete
and holds one patient only."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import logging.handlers
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from crdesk.core.nhs_number import format_nhs
from crdesk.core.patient import Patient
from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.clinic import make_demo
from crdesk.errors import PermissionDeniedError, ValidationError
from crdesk.log import setup_logging
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.export import ExportService, select_for_export
from crdesk.services.home import ClinicHome
from crdesk.services.records import BACKUPS_NOTE, RecordsService
from crdesk.services.service_report import ServiceReportService
from crdesk.services.session import Session
from crdesk.storage import (
    audit_repo,
    contacts_repo,
    episodes_repo,
    goals_repo,
    ledger_repo,
    patients_repo,
    records_repo,
    responses_repo,
)
from tests.helpers.sqlcipher_pages import database_pages, wal_pages

PW = "records-test-passphrase"
MARK_ANSWER = "Zyxwvut answer only this patient gave"
MARK_GOAL = "Qwertyuiop walk to the allotment"
MARK_REASON = "Asked in clinic by Mrs Plumbline-Oddity"


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[ClinicHome, Session]]:
    b = BaseDir(tmp_path / "clinic")
    with ClinicHome.open(b) as home:
        make_demo(home, patients=8, password=PW, cost=TEST_COST)
        s = access.unlock(home, "admin", PW)
        try:
            yield home, s
        finally:
            s.close()


def _patient_with_answers(s: Session) -> Patient:
    # The newest patient with a questionnaire: newest, so the id floor is put to the test.
    for p in sorted(patients_repo.all_patients(s._db), key=lambda p: -(p.id or 0)):
        if responses_repo.responses_for_patient(s._db, p.id or 0):
            return p
    raise AssertionError("the demo clinic has no answers")


def _mark(s: Session, p: Patient) -> list[bytes]:
    """Give the patient rows only they have, and return what must be gone after a purge."""
    pid = p.id or 0
    rid = responses_repo.responses_for_patient(s._db, pid)[0].id
    responses_repo.save_answer(s._db, rid, "marker_free_text", {"text": MARK_ANSWER}, "staff")
    eps = [e for e in s._db.query("SELECT id FROM episodes WHERE patient_id = ?", (pid,))]
    with s._db.transaction() as db:
        goals_repo.insert(db, int(eps[0][0]), "activity", MARK_GOAL, "3 times a week", None,
                          "admin")
        # An export batch that carried this patient's row (the package held their number).
        zbuf = io.BytesIO()
        with zipfile.ZipFile(zbuf, "w") as z:
            z.writestr("nacr.csv", f"nhs_number\n{p.nhs_number}\n")
        ledger_repo.record(db, ledger_repo.Batch(1, "batch-1", "nacr", "1", "2026-01-01",
                                                 "admin", "f.p7m", 1, 0), zbuf.getvalue(),
                           [(int(eps[0][0]), "a" * 64, False)])
    RecordsService(s).set_restricted(pid, True, MARK_REASON)
    contact = contacts_repo.get(s._db, pid)
    assert p.nhs_number
    # As stored (each must be found before the purge: the scanner can see them).
    needles = [p.nhs_number.encode(), MARK_ANSWER.encode(), MARK_GOAL.encode(),
               MARK_REASON.encode()]
    if p.hospital_number:
        needles.append(p.hospital_number.encode())
    if len(p.family_name) >= 7:
        needles.append(p.family_name.encode())
    for v in (contact.phone_main, contact.address, contact.carer_name):
        if v:
            needles.append(v.encode())
    return needles


def _readable(key: bytes, path: Path, data: bytes) -> list[tuple[str, bytes]]:
    """What someone with the key reads from a file: database and WAL pages decrypted
    (every page, free ones too), the members of a backup, anything else as it is."""
    if path.name.endswith(".db") or path.name.endswith("-wal") and data:
        pages = wal_pages(key, data) if path.name.endswith("-wal") else database_pages(key, data)
        return [(str(path), pages)]
    if zipfile.is_zipfile(io.BytesIO(data)):
        out = []
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for name in z.namelist():
                out += _readable(key, path / name, z.read(name))
        return out
    return [(str(path), data)]


def _scan(key: bytes, files: list[Path], needles: list[bytes]) -> list[str]:
    hits = []
    for f in files:
        for where, data in _readable(key, f, f.read_bytes()):
            hits += [f"{where}: {n!r}" for n in needles if n in data]
    return hits


def _close_logs() -> None:
    root = logging.getLogger()
    for h in list(root.handlers):
        if isinstance(h, logging.handlers.RotatingFileHandler):
            root.removeHandler(h)
            h.close()


def test_a_purged_patient_leaves_nothing_readable_and_the_chain_verifies(
        demo: tuple[ClinicHome, Session], tmp_path: Path) -> None:
    home, s = demo
    b = home.basedir
    setup_logging(b.logs)
    try:
        p = _patient_with_answers(s)
        pid = p.id or 0
        needles = _mark(s, p)
        logging.getLogger("crdesk.test").info("working on patient %s", pid)
        key = s._key
        assert key is not None
        before_backups = set(b.backups.glob("*")) if b.backups.exists() else set()
        # The scanner reads what is there: before the purge every needle is found.
        s._db.checkpoint()
        live = [f for f in b.root.rglob("*") if f.is_file() and f not in before_backups]
        found = _scan(key, live, needles)
        assert {n for n in needles if any(repr(n) in h for h in found)} == set(needles)
        # And as printed, which must not appear anywhere afterwards either.
        needles += [format_nhs(p.nhs_number or "").encode(),
                    f"{p.given_name} {p.family_name}".encode()]
        assert records_repo.uncovered_tables(s._db) == set()

        result = RecordsService(s).purge(pid, "Retention period over; checked by the IG lead")
        assert result.checkpointed and result.episodes >= 1 and result.responses >= 1
        assert result.batches_touched == 1
        assert BACKUPS_NOTE in result.message()
        backup = s.backup(tmp_path / "after-purge.crbackup")
        # The chain verifies, and its entries about the patient are still there (pseudonymous).
        assert audit_repo.verify(s._db).ok
        assert any(e.entity == "patient" and e.entity_id == str(pid)
                   for e in audit_repo.entries(s._db, limit=100000))
        # The ledger keeps the proof of what was sent, not the package.
        assert ledger_repo.last_hashes(s._db, "nacr")
        assert records_repo.package_removed(s._db, 1)
        assert ledger_repo.package_zip(s._db, 1) is not None
        # Nothing else in any table still names the patient's rows.
        for table, where in records_repo.PURGED:
            assert not s._db.query(f"SELECT 1 FROM {table} WHERE {where}", {"pid": pid}), table
        # A new patient never takes the purged id.
        with s._db.transaction() as db:
            new_id = patients_repo.insert(db, Patient(None, None, None, "New", "Person",
                                                      "1950-01-01"))
        assert new_id > pid
        s._db.checkpoint()
    finally:
        _close_logs()
    files = [f for f in b.root.rglob("*") if f.is_file() and f not in before_backups]
    files.append(backup)
    assert (b.logs / "crdesk.log").exists()
    assert any(f.name.endswith(".db") for f in files)
    assert _scan(key, files, needles) == []
    # Past backups still hold the record: that is what the admin is told (BACKUPS_NOTE).


def test_a_purge_killed_half_way_leaves_the_patient_whole(
        demo: tuple[ClinicHome, Session]) -> None:
    home, s = demo
    p = _patient_with_answers(s)
    pid = p.id or 0
    before = records_repo.patient_rows(s._db, pid)
    head = audit_repo.head(s._db)
    s.close()
    home.close()
    script = (
        "import os, sys\n"
        "from crdesk.paths import BaseDir\n"
        "from crdesk.services import access\n"
        "from crdesk.services.home import ClinicHome\n"
        "from crdesk.storage import records_repo\n"
        "from pathlib import Path\n"
        "home = ClinicHome.open(BaseDir(Path(sys.argv[1])))\n"
        f"s = access.unlock(home, 'admin', {PW!r})\n"
        "with s._db.transaction() as db:\n"
        f"    records_repo.purge(db, {pid}, ref='P-X', kind='request', reason='r', actor='a')\n"
        f"    assert not db.query('SELECT 1 FROM patients WHERE id = ?', ({pid},))\n"
        "    os._exit(7)\n")
    r = subprocess.run([sys.executable, "-c", script, str(home.basedir.root)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 7, r.stderr
    with ClinicHome.open(home.basedir) as again:
        s2 = access.unlock(again, "admin", PW)
        try:
            assert records_repo.patient_rows(s2._db, pid) == before
            assert not records_repo.purges(s2._db)
            assert audit_repo.verify(s2._db).ok
            assert audit_repo.head(s2._db)[0] > head[0]  # only the sign-in since
        finally:
            s2.close()


def test_purge_needs_an_admin_and_a_reason(demo: tuple[ClinicHome, Session]) -> None:
    home, s = demo
    pid = _patient_with_answers(s).id or 0
    with pytest.raises(ValidationError, match="needs a reason"):
        RecordsService(s).purge(pid, "  ")
    p = patients_repo.get(s._db, pid)
    assert p is not None and p.nhs_number
    for naming in (f"{p.family_name} asked", f"erasure for {format_nhs(p.nhs_number)}"):
        with pytest.raises(ValidationError, match="names the patient"):
            RecordsService(s).purge(pid, naming)
    staff = access.unlock(home, "staff", PW)
    try:
        with pytest.raises(PermissionDeniedError):
            RecordsService(staff).purge(pid, "asked")
        with pytest.raises(PermissionDeniedError):
            RecordsService(staff).subject_access(pid)
        with pytest.raises(PermissionDeniedError):
            RecordsService(staff).due_for_disposal()
    finally:
        staff.close()
    assert patients_repo.get(s._db, pid) is not None


def test_a_record_with_an_unreadable_date_is_purged_as_asked_for(
        demo: tuple[ClinicHome, Session]) -> None:
    # Found by the kept export rows' property test: the latest date of a record is the
    # greatest text, so an unreadable one ("bad") was it, and the purge failed on it.
    _, s = demo
    pid = _patient_with_answers(s).id or 0
    with s.change("test.setup", "episode"):
        for e in episodes_repo.for_patient(s._db, pid):
            episodes_repo.update(s._db, replace(e, programme_end="bad", outcome="completed"))
    result = RecordsService(s).purge(pid, "erasure asked for in writing")
    assert result.kind == "request" and patients_repo.get(s._db, pid) is None


def test_records_past_the_retention_period_are_listed(demo: tuple[ClinicHome, Session]) -> None:
    _, s = demo
    service = RecordsService(s)
    assert service.retention_years() == 8  # NHS England Code of Practice, adult health record
    assert "8 years" in service.standard().help_text()
    assert "transform.england.nhs.uk" in service.standard().url
    today = dt.date.today()
    assert service.due_for_disposal(today) == []
    # Ten years on, every closed record is due; an open referral keeps its record.
    later = service.due_for_disposal(today.replace(year=today.year + 10))
    facts = records_repo.last_activity(s._db)
    assert {d.patient_id for d in later} == {pid for pid, _, open_ in facts if not open_}
    assert all(d.due <= today.replace(year=today.year + 10).isoformat() for d in later)
    with pytest.raises(ValidationError, match="between 1 and 30"):
        service.set_retention_years(0)
    service.set_retention_years(20)
    assert service.retention_years() == 20
    assert service.due_for_disposal(today.replace(year=today.year + 10)) == []


def test_a_restricted_record_is_held_back_from_exports_and_shared_reports(
        demo: tuple[ClinicHome, Session]) -> None:
    _, s = demo
    service = RecordsService(s)
    chosen, _, held = select_for_export(s._db, set())
    target = chosen[0].patient.id or 0
    n_eps = sum(1 for c in chosen if c.patient.id == target)
    report = ServiceReportService(s).build()
    before = report.figures
    service.set_restricted(target, True, "Patient asked while they dispute their record")
    chosen2, _, held2 = select_for_export(s._db, set())
    assert held2 == held + n_eps
    assert all(c.patient.id != target for c in chosen2)
    preview = ExportService(s).preview("nacr")
    assert preview.restricted == n_eps
    assert "restricted" in preview.summary()
    after = ServiceReportService(s).build().figures
    assert after != before  # the restricted episodes left the shared figures
    with pytest.raises(ValidationError, match="already restricted"):
        service.set_restricted(target, True, "again")
    service.set_restricted(target, False, "Dispute settled")
    assert select_for_export(s._db, set())[2] == held
    actions = [e.action for e in audit_repo.entries(s._db, entity="patient",
                                                     entity_id=str(target))]
    assert "records.restrict" in actions and "records.release" in actions
    history = records_repo.patient_rows(s._db, target)["record_restrictions"]
    assert [h["action"] for h in history] == ["restrict", "release"]
    # The reasons stay in the encrypted history, not in the audit log.
    assert all("dispute" not in e.detail.lower() for e in audit_repo.entries(s._db))


def test_subject_access_copy_is_complete_readable_and_of_one_patient(
        demo: tuple[ClinicHome, Session], tmp_path: Path) -> None:
    home, s = demo
    p = _patient_with_answers(s)
    pid = p.id or 0
    _mark(s, p)
    out = tmp_path / "sar"
    out.mkdir()
    pdf_path, json_path = RecordsService(s).write_subject_access(pid, out)
    assert sorted(x.name for x in out.iterdir()) == sorted([pdf_path.name, json_path.name])
    assert p.family_name not in pdf_path.name and (p.nhs_number or "x") not in pdf_path.name
    doc = json.loads(json_path.read_text(encoding="utf-8"))
    assert doc["format"] == "crdesk-subject-access" and doc["format_version"] == 1
    assert doc["patient"]["nhs_number"] == p.nhs_number
    assert doc["restriction_history"][0]["reason"] == MARK_REASON
    assert any(g["goal"] == MARK_GOAL for g in doc["goals"])
    assert doc["exports"] and doc["exports"][0]["batch_id"] == "batch-1"
    answers = [a for q in doc["questionnaires"] for a in q["answers"]]
    assert any(a["value"] == {"text": MARK_ANSWER} for a in answers)
    worded = [a for a in answers if a["question"]]
    assert worded, "answers carry the wording of the installed form"
    assert any("restrict" in a["action"] for a in doc["audit"])
    assert all(a["words"] for a in doc["audit"])
    # Every table the purge would remove is in the copy (nothing held is left out).
    assert {t for t, _ in records_repo.PURGED} <= set(doc["tables"])
    # Nobody else's data.
    others = [o for o in patients_repo.all_patients(s._db) if o.id != pid]
    text = "".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    blob = json_path.read_text(encoding="utf-8")
    for o in others:
        assert o.nhs_number not in blob and f"{o.family_name}" not in blob
        assert (o.nhs_number or "") not in text.replace(" ", "")
    assert p.family_name.upper() in text or p.family_name in text
    assert format_nhs(p.nhs_number or "") in text or (p.nhs_number or "") in text
    for heading in ("Contact details", "NACR opt-out history", "Questionnaires", "Goals",
                    "export ledger", "audit log", "Restriction history"):
        assert heading in text, heading
    assert worded[0]["question"][:30] in text.replace("\n", " ")
    entry = audit_repo.entries(s._db, action="records.subject_access")[0]
    assert entry.entity_id == str(pid) and pdf_path.name not in entry.detail


def test_subject_access_names_a_form_that_is_no_longer_installed(
        demo: tuple[ClinicHome, Session], tmp_path: Path) -> None:
    _, s = demo
    pid = _patient_with_answers(s).id or 0
    empty = tmp_path / "no-forms"
    (empty / "text").mkdir(parents=True)
    doc = RecordsService(s, forms_dir=empty).subject_access(pid)
    q = doc["questionnaires"][0]
    assert any("no longer installed" in n for n in q["wording_notes"])
    assert q["answers"] and all(a["question"] == "" for a in q["answers"])
    assert all("value" in a for a in q["answers"])


def test_an_old_batch_is_not_issued_again_with_a_restricted_or_purged_record(
        demo: tuple[ClinicHome, Session], tmp_path: Path) -> None:
    _, s = demo
    p = _patient_with_answers(s)
    pid = p.id or 0
    _mark(s, p)  # batch 1 carried this patient's episode; the record is now restricted
    with pytest.raises(ValidationError, match="restricted since it was made"):
        ExportService(s).reissue(1, tmp_path / "again.p7m", [])
    RecordsService(s).purge(pid, "Patient asked for erasure")
    with pytest.raises(ValidationError, match="since been purged"):
        ExportService(s).reissue(1, tmp_path / "again.p7m", [])
    assert not (tmp_path / "again.p7m").exists()

