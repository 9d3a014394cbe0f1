"""Export and verify from the command line, on a demo clinic, as a newcomer would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PW = "demo-cli-passphrase"


def crdesk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "crdesk", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("democli") / "clinic"
    r = crdesk("--basedir", str(d), "demo", "--patients", "30", "--password-stdin",
               stdin=f"{PW}\n")
    assert r.returncode == 0, r.stderr
    return d


def test_export_verify_and_second_export(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "batch1.p7m"
    r = crdesk("--basedir", str(demo), "export", "--profile", "nacr", "--out", str(out),
               "--user", "admin", "--password-stdin", stdin=f"{PW}\n")
    assert r.returncode == 0, r.stderr
    assert "Exported" in r.stdout and "opted out of NACR" in r.stdout
    receiver = demo / "demo-receiver"
    unpacked = tmp_path / "unpacked"
    v = crdesk("verify", str(out), "--key", str(receiver / "receiver-key.pem"), "--clinic-cert",
               str(receiver / "clinic-cert.pem"), "--out", str(unpacked))
    assert v.returncode == 0, v.stderr
    assert (unpacked / "nacr_episodes.csv").exists()
    # The clinic certificate from the clinic-cert command is the one that verifies.
    cert = tmp_path / "clinic.pem"
    c = crdesk("--basedir", str(demo), "clinic-cert", str(cert), "--user", "staff",
               "--password-stdin", stdin=f"{PW}\n")
    assert c.returncode == 0, c.stderr
    assert cert.read_bytes() == (receiver / "clinic-cert.pem").read_bytes()
    again = crdesk("--basedir", str(demo), "export", "--profile", "nacr", "--out",
                   str(tmp_path / "batch2.p7m"), "--user", "admin", "--password-stdin",
                   stdin=f"{PW}\n")
    assert again.returncode == 0 and "Nothing new to export" in again.stdout
    assert not (tmp_path / "batch2.p7m").exists()
    reissue = crdesk("--basedir", str(demo), "export", "--profile", "nacr", "--reissue", "1",
                     "--out", str(tmp_path / "again.p7m"), "--user", "admin",
                     "--password-stdin", stdin=f"{PW}\n")
    assert reissue.returncode == 0, reissue.stderr
    v2 = crdesk("verify", str(tmp_path / "again.p7m"), "--key",
                str(receiver / "receiver-key.pem"), "--clinic-cert", str(cert), "--out",
                str(tmp_path / "unpacked2"))
    assert v2.returncode == 0, v2.stderr
    for name in ("nacr_episodes.csv", "manifest.json"):
        assert (tmp_path / "unpacked2" / name).read_bytes() == (unpacked / name).read_bytes()


def test_staff_cannot_export(demo: Path, tmp_path: Path) -> None:
    r = crdesk("--basedir", str(demo), "export", "--profile", "nacr", "--out",
               str(tmp_path / "x.p7m"), "--user", "staff", "--password-stdin", stdin=f"{PW}\n")
    assert r.returncode == 1 and "Only an admin" in r.stderr
    assert not (tmp_path / "x.p7m").exists()


def test_verify_rejects_a_changed_package(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.p7m"
    crdesk("--basedir", str(demo), "export", "--profile", "deidentified", "--out", str(out),
           "--user", "admin", "--password-stdin", stdin=f"{PW}\n")
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x40
    out.write_bytes(bytes(data))
    receiver = demo / "demo-receiver"
    v = crdesk("verify", str(out), "--key", str(receiver / "receiver-key.pem"), "--clinic-cert",
               str(receiver / "clinic-cert.pem"), "--out", str(tmp_path / "u"))
    assert v.returncode == 1
    assert "Traceback" not in v.stderr and v.stderr.startswith("crdesk: ")
    assert not (tmp_path / "u").exists() or not list((tmp_path / "u").iterdir())
