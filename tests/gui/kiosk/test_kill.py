"""Kill the kiosk process mid-questionnaire (SIGKILL, like a power cut) and resume."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crdesk.core.episode import Episode
from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.patients import demo_patients
from crdesk.gui.kiosk import KioskOptions, start_kiosk
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.storage import episodes_repo, patients_repo, responses_repo

PASSWORD = "a calm walk by the river"
REPO = Path(__file__).resolve().parents[3]


def make_clinic(root: Path) -> tuple[int, int]:
    with ClinicHome.open(BaseDir(root)) as home:
        access.create(home, clinic_name="Kill clinic", ods_code="RX9", admin="jsmith",
                    password=PASSWORD, cost=TEST_COST)
        session = access.unlock(home, "jsmith", PASSWORD)
        with session.change("patient.create", "patient"):
            pid = patients_repo.insert(session._db, next(demo_patients(1)))
            eid = episodes_repo.insert(session._db, Episode(None, pid, initiating_event="mi"))
        session.close()
    return pid, eid


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_mid_questionnaire_resumes_with_every_acknowledged_answer(
        qtbot: QtBot, tmp_path: Path) -> None:
    root = tmp_path / "clinic"
    pid, eid = make_clinic(root)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.kiosk_helpers.kiosk_child", str(root), str(pid), str(eid),
         "smoking_status"], cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    acked: list[str] = []
    pages: list[str] = []
    try:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(PASSWORD + "\n")
        child.stdin.flush()
        for line in child.stdout:
            kind, _, value = line.strip().partition(" ")
            if kind == "ack":
                acked.append(value)
            elif kind == "page":
                pages.append(value)
            elif kind == "waiting":
                break
        else:
            pytest.fail(f"the child ended early: {child.stderr.read() if child.stderr else ''}")
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)  # also closes the pipes
    assert child.returncode == -signal.SIGKILL
    assert "smoking_status" in acked and len(acked) >= 10

    with ClinicHome.open(BaseDir(root)) as home:
        session = access.unlock(home, "jsmith", PASSWORD)
        try:
            draft = responses_repo.open_draft(session._db, pid, "nacr_patient", "patient",
                                              session._db.scalar(
                                                  "SELECT id FROM assessments WHERE episode_id = ?"
                                                  " AND kind = 'A1'", (eid,)))
            assert draft is not None
            stored = responses_repo.answers(session._db, draft.id)
            missing = [q for q in acked if q not in stored]
            assert not missing, f"acknowledged but lost: {missing}"
            window = start_kiosk(session, home, pid, episode_id=eid, assessment="A1",
                                 options=KioskOptions(fullscreen=False))
            try:
                assert window.response_id == draft.id
                assert window.nav.page.id == pages[-1] == "smoking"
                assert window.view is not None and "cigarettes_per_day" in window.view.widgets
                assert all(window.nav.fs.answers.get(q) == stored[q] for q in acked)
            finally:
                window.close_released("test")
        finally:
            session.close()
