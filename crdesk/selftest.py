"""``crdesk --self-test``: prove this installation (or frozen bundle) works end to end.

In a temporary base directory: create a clinic, unlock it, write a patient and an answer,
run every integrity check, and confirm nothing identifiable reached the disk in plaintext.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from crdesk.demo.patients import demo_patients
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.storage import patients_repo, responses_repo


def _plaintext_leaks(root: Path, needles: list[bytes]) -> list[str]:
    found = []
    for p in root.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            found += [f"{p.name}" for n in needles if n in data]
    return found


def run_self_test(out: TextIO | None = None,
                  gui_check: Callable[[BaseDir], list[str]] | None = None) -> int:
    """``gui_check`` (from the composition root) draws a screen of the test clinic."""
    stream = out if out is not None else sys.stdout
    password = "self-test-password-long"
    with tempfile.TemporaryDirectory(prefix="crdesk-selftest-") as tmp:
        basedir = BaseDir(Path(tmp))
        steps: list[str] = []
        with ClinicHome.open(basedir) as home:
            access.create(home, clinic_name="Self-test clinic", ods_code="TEST1", admin="admin",
                        password=password)
            steps.append("created an encrypted clinic")
            session = access.unlock(home, "admin", password)
            steps.append("unlocked it with a password")
            patient = next(demo_patients(1, seed=7))
            with session.change("patient.create", "patient"):
                pid = patients_repo.insert(session.db, patient)
            rid = responses_repo.start_response(
                session.db, patient_id=pid, form_id="self-test", form_version="1",
                form_hash="0" * 64, locale="en-GB", mode="staff", actor="admin")
            responses_repo.save_answer(session.db, rid, "q1", {"value": 42}, "admin")
            if responses_repo.answers(session.db, rid) != {"q1": {"value": 42}}:
                print("self-test FAILED: the answer did not read back", file=stream)
                return 1
            steps.append("wrote and read back a patient and an answer")
            report = session.check()
            session.close()
            if not report.ok:
                print("self-test FAILED:", *report.lines(), sep="\n", file=stream)
                return 1
            steps.append("encryption, structure and audit-chain checks passed")
        assert patient.nhs_number is not None
        leaks = _plaintext_leaks(basedir.root, [patient.nhs_number.encode(),
                                                patient.family_name.encode()])
        if leaks:
            print(f"self-test FAILED: identifiers in plaintext in {leaks}", file=stream)
            return 1
        steps.append("no identifier found in plaintext on disk")
        if gui_check is not None:
            problems = gui_check(basedir)
            if problems:
                print("self-test FAILED:", *problems, file=stream)
                return 1
            steps.append("drew the login screen (Qt works)")
    for s in steps:
        print(f"ok  {s}", file=stream)
    print("self-test passed", file=stream)
    return 0
