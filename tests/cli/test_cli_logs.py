"""The command line logs like the GUI (crdesk.log in the clinic's logs folder, redacted,
owner-only), and after a run of every kind of command the logs hold no identifier of any
patient; an unexpected error gives a plain sentence, not a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.storage import patients_repo

PW = "demo-log-passphrase"
ROOT = Path(__file__).resolve().parents[2]


def crdesk(d: Path, *args: str, stdin: str = f"{PW}\n") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "crdesk", "--basedir", str(d), *args],
                          input=stdin, capture_output=True, text=True, env=env, timeout=300,
                          cwd=ROOT)


def _identifiers(d: Path) -> list[str]:
    with ClinicHome.open(BaseDir(d)) as home:
        s = access.unlock(home, "admin", PW)
        try:
            out: list[str] = []
            for p in patients_repo.all_patients(s._db):
                assert p.nhs_number
                out += [p.nhs_number, f"{p.nhs_number[:3]} {p.nhs_number[3:6]} "
                        f"{p.nhs_number[6:]}", f"{p.given_name} {p.family_name}",
                        p.date_of_birth]
                if len(p.family_name) >= 6:
                    out.append(p.family_name)
                if p.postcode:
                    out.append(p.postcode)
                if p.hospital_number:
                    out.append(p.hospital_number)
            return out
        finally:
            s.close()


def test_every_command_logs_and_no_log_holds_an_identifier(tmp_path: Path) -> None:
    d = tmp_path / "clinic"
    runs = [
        crdesk(d, "demo", "--patients", "30", "--password-stdin"),
        crdesk(d, "check", "--user", "staff", "--password-stdin"),
        crdesk(d, "user", "list", "--user", "admin", "--password-stdin"),
        crdesk(d, "forms", "check"),
        crdesk(d, "report", "service", "--format", "json", "--period", "2025-12-01..2026-12-31",
               "--out",
               str(tmp_path / "r.json"), "--user", "staff", "--password-stdin"),
        crdesk(d, "export", "--profile", "nacr", "--out", str(tmp_path / "b.p7m"), "--user",
               "admin", "--password-stdin"),
    ]
    for r in runs:
        assert r.returncode == 0, r.args + [r.stderr]
    wrong = crdesk(d, "check", "--user", "staff", "--password-stdin",
                   stdin="not the password at all\n")
    assert wrong.returncode != 0 and "Traceback" not in wrong.stderr
    log = (d / "logs" / "crdesk.log").read_text(encoding="utf-8")
    for command in ("demo", "check", "user list", "report", "export", "forms check"):
        assert f"command {command}" in log, command
    assert "refused" in log  # the wrong password, by kind only
    if os.name == "posix":
        assert (d / "logs" / "crdesk.log").stat().st_mode & 0o077 == 0
    needles = _identifiers(d)
    assert len(needles) > 100
    hits = [(f.name, n) for f in (d / "logs").iterdir() if f.is_file()
            for n in needles if n in f.read_text(encoding="utf-8", errors="replace")]
    assert hits == []


def test_a_typo_in_the_folder_makes_no_folder(tmp_path: Path) -> None:
    d = tmp_path / "no-such-clinic"
    r = crdesk(d, "check", "--user", "staff", "--password-stdin")
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert not d.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX read-only file")
def test_an_unexpected_error_is_a_sentence_and_a_log_entry(tmp_path: Path) -> None:
    d = tmp_path / "clinic"
    assert crdesk(d, "demo", "--patients", "3", "--password-stdin").returncode == 0
    # keyslots.json replaced by a folder: reading it fails in a way no check expects.
    (d / "keyslots.json").unlink()
    (d / "keyslots.json").mkdir()
    r = crdesk(d, "check", "--user", "staff", "--password-stdin")
    assert r.returncode != 0
    assert "Traceback" not in r.stderr and r.stderr.startswith("crdesk: ")
    log = (d / "logs" / "crdesk.log").read_text(encoding="utf-8")
    assert "command check" in log
