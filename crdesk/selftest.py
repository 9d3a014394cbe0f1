"""``crdesk --self-test``: prove this installation (or frozen bundle) works end to end.

In a temporary base directory: create a clinic (with the real key-derivation cost), unlock
it, write a patient and an answer, run every integrity check, and confirm nothing
identifiable reached the disk in plaintext. Then load and check every shipped form, make a
small demo clinic and from it the patient's PDF progress report and a signed, encrypted NACR
export that is verified as the receiver would. The GUI part (login screen, a kiosk page) is
drawn by ``gui_check`` from the composition root, so this module stays free of Qt.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from crdesk.core.episode import Episode
from crdesk.demo.patients import demo_patients
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, patients_repo, responses_repo

# (home, unlocked session, patient id, episode id) -> problems found (empty: all drew).
# The patient report's typeface, made for low vision; a bundle without it would fall back.
REPORT_FONT = "Atkinson Hyperlegible"
GuiCheck = Callable[[ClinicHome, Session, int, int], list[str]]


class SelfTestFailed(Exception):
    """One step of the self-test did not do what it should."""


def _plaintext_leaks(root: Path, needles: list[bytes]) -> list[str]:
    found = []
    for p in root.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            found += [f"{p.name}" for n in needles if n in data]
    return found


def _clinic_steps(basedir: BaseDir, gui_check: GuiCheck | None, steps: list[str]) -> None:
    password = "self-test-password-long"
    with ClinicHome.open(basedir) as home:
        access.create(home, clinic_name="Self-test clinic", ods_code="TEST1", admin="admin",
                    password=password)
        steps.append("created an encrypted clinic")
        session = access.unlock(home, "admin", password)
        steps.append("unlocked it with a password")
        try:
            patient = next(demo_patients(1, seed=7))
            with session.change("patient.create", "patient"):
                pid = patients_repo.insert(session._db, patient)
            rid = responses_repo.start_response(
                session._db, patient_id=pid, form_id="self-test", form_version="1",
                form_hash="0" * 64, locale="en-GB", mode="staff", actor="admin")
            responses_repo.save_answer(session._db, rid, "q1", {"value": 42}, "admin")
            if responses_repo.answers(session._db, rid) != {"q1": {"value": 42}}:
                raise SelfTestFailed("the answer did not read back")
            steps.append("wrote and read back a patient and an answer")
            if gui_check is not None:
                with session.change("episode.create", "episode"):
                    eid = episodes_repo.insert(session._db,
                                               Episode(None, pid, initiating_event="mi"))
                problems = gui_check(home, session, pid, eid)
                if problems:
                    raise SelfTestFailed("; ".join(problems))
                steps.append("drew the login screen and a kiosk questionnaire page (Qt works)")
            report = session.check()
        finally:
            session.close()
        if not report.ok:
            raise SelfTestFailed("\n".join(report.lines()))
        steps.append("encryption, structure and audit-chain checks passed")
    assert patient.nhs_number is not None
    leaks = _plaintext_leaks(basedir.root, [patient.nhs_number.encode(),
                                            patient.family_name.encode()])
    if leaks:
        raise SelfTestFailed(f"identifiers in plaintext in {leaks}")
    steps.append("no identifier found in plaintext on disk")


def _form_steps(steps: list[str]) -> None:
    from crdesk.core.forms.loader import FormRegistry, check_paths, default_forms_dir

    report = check_paths([default_forms_dir()])
    if report.problems:
        raise SelfTestFailed("shipped forms: " + "; ".join(map(str, report.problems)))
    registry = FormRegistry.from_dir()
    # Every version counts: older versions ship in forms/archive for the responses under them.
    loaded = len(list(registry))
    if loaded != len(report.forms) or not report.forms:
        raise SelfTestFailed(f"{len(report.forms)} form versions checked, {loaded} loaded")
    steps.append(f"loaded and checked every shipped form ({len(registry.ids())} forms, "
                 f"{loaded} versions) and {report.packs} text packs")


def _export_steps(root: Path, steps: list[str]) -> None:
    from crdesk.crypto.kdf import TEST_COST
    from crdesk.demo.clinic import RECEIVER_DIR, make_demo
    from crdesk.export.verify import verify_package
    from crdesk.reports.fonts import register as report_fonts
    from crdesk.services.export import ExportService
    from crdesk.services.reports import report_pdf

    basedir = BaseDir(root / "demo")
    password = "self-test-demo-password"
    with ClinicHome.open(basedir) as home:
        # A throwaway clinic: the cheap KDF cost keeps this quick (the real cost is used above).
        make_demo(home, patients=6, password=password, cost=TEST_COST, all_complete=True)
        session = access.unlock(home, "admin", password)
        try:
            patient = next(p for p in patients_repo.all_patients(session._db)
                           if p.id is not None and episodes_repo.for_patient(session._db, p.id))
            assert patient.id is not None
            episode = episodes_repo.for_patient(session._db, patient.id)[0]
            assert episode.id is not None
            pdf = report_pdf(session, patient.id, episode.id)
            if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-32:] or len(pdf) < 2000:
                raise SelfTestFailed("the PDF progress report is not a complete PDF")
            family = report_fonts()[2]
            if family != REPORT_FONT:
                raise SelfTestFailed(f"the PDF report is set in {family}, not {REPORT_FONT} "
                                     "(the font package is missing from this installation)")
            steps.append(f"made a patient's PDF progress report ({len(pdf) // 1024} KB, "
                         f"set in {family})")
            package = root / "self-test-export.p7m"
            result = ExportService(session).export("nacr", package, [])
            if result.path is None or not result.rows:
                raise SelfTestFailed(f"the NACR export wrote nothing: {result.message}")
        finally:
            session.close()
    receiver = basedir.root / RECEIVER_DIR
    verified = verify_package(package.read_bytes(), (receiver / "receiver-key.pem").read_bytes(),
                              (receiver / "clinic-cert.pem").read_bytes())
    rows = sum(verified.manifest.row_counts.values())
    if rows != result.rows:
        raise SelfTestFailed(f"the export holds {rows} rows, {result.rows} were exported")
    steps.append(f"made a signed, encrypted NACR export ({rows} records) and verified it "
                 "as the receiver does")


def run_self_test(out: TextIO | None = None, gui_check: GuiCheck | None = None) -> int:
    """Exit status 0 when every step passed; the steps (or the failure) go to ``out``."""
    stream = out if out is not None else sys.stdout
    steps: list[str] = []
    try:
        with tempfile.TemporaryDirectory(prefix="crdesk-selftest-") as tmp:
            _clinic_steps(BaseDir(Path(tmp) / "clinic"), gui_check, steps)
            _form_steps(steps)
            _export_steps(Path(tmp), steps)
    except SelfTestFailed as exc:
        for s in steps:
            print(f"ok  {s}", file=stream)
        print(f"self-test FAILED: {exc}", file=stream)
        return 1
    for s in steps:
        print(f"ok  {s}", file=stream)
    print("self-test passed", file=stream)
    return 0
