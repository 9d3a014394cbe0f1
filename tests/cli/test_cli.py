"""The command line, run as a real process: passwords on stdin only, clear errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PW = "clinic-admin-passphrase"


def crdesk(basedir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "crdesk", "--basedir", str(basedir), *args],
        input=stdin, capture_output=True, text=True, env=env, timeout=120,
    )


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    d = tmp_path_factory.mktemp("cli") / "clinic"
    r = crdesk(d, "init", "--clinic-name", "Leeds CR", "--clinic-code", "RR8", "--admin",
               "boss", "--password-stdin", stdin=f"{PW}\n")
    assert r.returncode == 0, r.stderr
    key = re.search(r"((?:[0-9A-Z]{4}-){13}[0-9A-Z]{4})", r.stdout)
    assert key, r.stdout
    return d, key.group(1)


def test_init_refuses_an_existing_clinic(clinic: tuple[Path, str]) -> None:
    d, _ = clinic
    before = (d / "clinic.db").read_bytes()
    r = crdesk(d, "init", "--clinic-name", "X", "--clinic-code", "RR8", "--admin", "x",
               "--password-stdin", stdin="another-fine-passphrase\n")
    assert r.returncode == 1
    assert "already exists" in r.stderr
    assert (d / "clinic.db").read_bytes() == before


def test_user_add_list_check(clinic: tuple[Path, str]) -> None:
    d, _ = clinic
    r = crdesk(d, "user", "add", "nurse1", "--role", "staff", "--user", "boss",
               "--password-stdin", stdin=f"{PW}\nnurses-own-passphrase\n")
    assert r.returncode == 0, r.stderr
    r = crdesk(d, "user", "list", "--user", "nurse1", "--password-stdin",
               stdin="nurses-own-passphrase\n")
    assert r.returncode == 0
    assert re.search(r"nurse1\s+staff", r.stdout)
    r = crdesk(d, "check", "--user", "nurse1", "--password-stdin",
               stdin="nurses-own-passphrase\n")
    assert r.returncode == 0
    assert "All checks passed" in r.stdout


def test_wrong_password_exit_code_and_message(clinic: tuple[Path, str]) -> None:
    d, _ = clinic
    r = crdesk(d, "check", "--user", "boss", "--password-stdin", stdin="wrong-passphrase-x\n")
    assert r.returncode == 1
    assert "Wrong user name or password" in r.stderr
    assert "Traceback" not in r.stderr


def test_staff_cannot_add_users(clinic: tuple[Path, str]) -> None:
    d, _ = clinic
    crdesk(d, "user", "add", "nurse2", "--user", "boss", "--password-stdin",
           stdin=f"{PW}\nnurse-two-passphrase\n")
    r = crdesk(d, "user", "add", "x9", "--user", "nurse2", "--password-stdin",
               stdin="nurse-two-passphrase\nsome-other-passphrase\n")
    assert r.returncode == 1
    assert "Only an admin" in r.stderr


def test_passwords_are_not_accepted_in_argv(clinic: tuple[Path, str]) -> None:
    d, _ = clinic
    r = crdesk(d, "check", "--user", "boss", "--password", PW)
    assert r.returncode == 2  # argparse: no such option


def test_check_reports_a_broken_audit_chain(tmp_path: Path, clinic: tuple[Path, str]) -> None:
    from crdesk.crypto import recovery
    from crdesk.storage.connection import open_database

    d, key = clinic
    copy = tmp_path / "copy"
    import shutil

    shutil.copytree(d, copy)
    db = open_database(copy / "clinic.db", recovery.decode(key))
    with db.transaction():
        db.execute("DROP TRIGGER audit_log_no_update")
        db.execute("UPDATE audit_log SET action = 'forged' WHERE seq = 1")
    db.close()
    r = crdesk(copy, "check", "--user", "boss", "--password-stdin", stdin=f"{PW}\n")
    assert r.returncode == 1
    assert "chain broken at entry 1" in r.stdout


def test_backup_restore_recover_round_trip(tmp_path: Path, clinic: tuple[Path, str]) -> None:
    d, key = clinic
    out = tmp_path / "b.crbackup"
    r = crdesk(d, "backup", str(out))
    assert r.returncode == 2 and "--user" in r.stderr  # a backup needs a signed-in user
    r = crdesk(d, "backup", str(out), "--user", "boss", "--password-stdin", stdin=f"{PW}\n")
    assert r.returncode == 0, r.stderr
    target = tmp_path / "restored"
    r = crdesk(target, "restore", str(out))
    assert r.returncode == 1 and "an admin of this clinic, or the backup's recovery key" \
        in r.stderr
    r = crdesk(target, "restore", str(out), "--recovery-key", "--password-stdin",
               stdin=f"{key}\n")
    assert r.returncode == 0, r.stderr
    r = crdesk(d, "restore", str(out), "--replace", "--recovery-key", "--password-stdin",
               stdin=f"{key}\n")
    assert r.returncode == 1 and "only one of its admins" in r.stderr  # this clinic opens
    r = crdesk(d, "restore", str(out), "--replace", "--user", "boss", "--password-stdin",
               stdin=f"{PW}\n")
    assert r.returncode == 0, r.stderr
    assert "The previous clinic files were kept in" in r.stdout
    (target / "keyslots.json").unlink()
    r = crdesk(target, "recover", "--admin", "boss", "--password-stdin",
               stdin=f"{key}\nrecovered-passphrase-1\n")
    assert r.returncode == 0, r.stderr
    r = crdesk(target, "check", "--user", "boss", "--password-stdin",
               stdin="recovered-passphrase-1\n")
    assert r.returncode == 0, r.stdout + r.stderr


def test_second_process_is_told_the_clinic_is_in_use(clinic: tuple[Path, str]) -> None:
    from crdesk.paths import BaseDir
    from crdesk.services.home import ClinicHome

    d, _ = clinic
    before = (d / "clinic.db").read_bytes()
    with ClinicHome.open(BaseDir(d)):
        r = crdesk(d, "check", "--user", "boss", "--password-stdin", stdin=f"{PW}\n")
    assert r.returncode == 1
    assert "already open on this clinic database" in r.stderr
    assert (d / "clinic.db").read_bytes() == before


def test_demo_clinic(tmp_path: Path) -> None:
    d = tmp_path / "demo"
    r = crdesk(d, "demo", "--patients", "30")
    assert r.returncode == 0, r.stderr
    assert "DEMO DATA" in r.stdout
    assert "Password for both" in r.stdout
    pw = re.search(r"Password for both: (\S+)", r.stdout).group(1)  # type: ignore[union-attr]
    r = crdesk(d, "check", "--user", "staff", "--password-stdin", stdin=f"{pw}\n")
    assert r.returncode == 0, r.stdout + r.stderr


def test_self_test() -> None:
    r = subprocess.run([sys.executable, "-m", "crdesk", "--self-test"], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "self-test passed" in r.stdout
