"""`crdesk subject-access` and `crdesk purge` on a demo clinic: admin only, and the CLI log
never holds the NHS number the admin typed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.clinic import make_demo
from crdesk.demo.patients import demo_patients
from crdesk.paths import BaseDir
from crdesk.services.home import ClinicHome

PW = "records-cli-passphrase"
ROOT = Path(__file__).resolve().parents[2]


def crdesk(*args: str, stdin: str = f"{PW}\n") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "crdesk", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    # Made in-process with the cheap test KDF, so each command's sign-in is quick.
    d = tmp_path / "clinic"
    with ClinicHome.open(BaseDir(d)) as home:
        make_demo(home, patients=6, password=PW, cost=TEST_COST)
    return d


def test_subject_access_purge_and_list(demo: Path, tmp_path: Path) -> None:
    nhs = next(iter(demo_patients(6))).nhs_number
    assert nhs
    out = tmp_path / "sar"
    out.mkdir()
    base = ("--basedir", str(demo))
    r = crdesk(*base, "subject-access", "--nhs-number", nhs, "--out", str(out),
               "--user", "staff", "--password-stdin")
    assert r.returncode != 0 and "Only an admin" in r.stderr + r.stdout
    assert list(out.iterdir()) == []
    r = crdesk(*base, "subject-access", "--nhs-number", nhs, "--out", str(out),
               "--user", "admin", "--password-stdin")
    assert r.returncode == 0, r.stderr
    written = sorted(p.suffix for p in out.iterdir())
    assert written == [".json", ".pdf"]
    doc = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    assert doc["patient"]["nhs_number"] == nhs

    r = crdesk(*base, "purge", "--list", "--user", "admin", "--password-stdin")
    assert r.returncode == 0, r.stderr
    assert "8 years" in r.stdout and "No record is past its retention period." in r.stdout
    r = crdesk(*base, "purge", "--nhs-number", nhs, "--user", "admin", "--password-stdin")
    assert r.returncode != 0 and "needs a reason" in r.stderr + r.stdout
    r = crdesk(*base, "purge", "--nhs-number", nhs, "--reason", "Patient asked for erasure",
               "--user", "admin", "--password-stdin")
    assert r.returncode == 0, r.stderr
    assert "at the patient's request" in r.stdout and "Backups made before" in r.stdout
    r = crdesk(*base, "subject-access", "--nhs-number", nhs, "--out", str(out),
               "--user", "admin", "--password-stdin")
    assert r.returncode != 0 and "No patient has that NHS number" in r.stderr + r.stdout
    r = crdesk(*base, "check", "--user", "admin", "--password-stdin")
    assert r.returncode == 0, r.stdout + r.stderr
    logs = "".join(p.read_text(encoding="utf-8") for p in (demo / "logs").glob("*.log*"))
    assert "purge" in logs and nhs not in logs
