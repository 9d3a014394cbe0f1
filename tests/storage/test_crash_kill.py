"""Kill a writing process with SIGKILL over and over: no acknowledged answer may be lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crdesk.crypto import recovery
from crdesk.services.session import Session
from crdesk.storage import responses_repo
from crdesk.storage.connection import open_database

KILLS = 100


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX; Windows uses TerminateProcess")
def test_sigkill_mid_save_loses_no_acknowledged_answer(admin: Session, recovery_key: str) -> None:
    db_path = admin.home.basedir.db
    rid = responses_repo.start_response(admin._db, patient_id=_patient(admin), form_id="crash",
                                        form_version="1", form_hash="0" * 64, locale="en-GB",
                                        mode="patient", actor="admin")
    admin._db.checkpoint()
    key_hex = recovery.decode(recovery_key).hex()
    rng = random.Random(1234)
    acked: set[int] = set()
    next_n = 0
    root = Path(__file__).resolve().parents[2]
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.answer_writer", str(db_path), str(rid),
             str(next_n)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=root,
        )
        assert child.stdin is not None
        assert child.stdout is not None
        child.stdin.write(key_hex + "\n")
        child.stdin.close()
        first = child.stdout.readline()  # wait until it is really writing
        assert first.startswith("ack"), first
        acked.add(int(first.split()[1]))
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()
        child.stdout.close()
        child.wait()
        for line in rest.splitlines():
            if line.startswith("ack "):
                acked.add(int(line.split()[1]))
        next_n = max(acked) + 1000  # fresh question ids; a half-written one may exist
        # Reopen as a new process would: every acknowledged answer is there, both checks clean.
        db = open_database(db_path, bytes.fromhex(key_hex))
        try:
            saved = responses_repo.answers(db, rid)
            missing = [n for n in acked if f"q{n}" not in saved]
            assert missing == []
            assert db.sqlite_integrity() == []
            assert db.cipher_integrity() == []
        finally:
            db.close()
    assert len(acked) >= KILLS


def _patient(admin: Session) -> int:
    from crdesk.demo.patients import demo_patients
    from crdesk.storage import patients_repo

    with admin.change("patient.create", "patient"):
        return patients_repo.insert(admin._db, next(demo_patients(1)))
