"""``crdesk backup --to DIR`` and ``crdesk backup-verify FILE``, run as real processes."""

from __future__ import annotations

from pathlib import Path

from crdesk.paths import BaseDir
from tests.cli.test_cli import crdesk
from tests.conftest import ADMIN_PASSWORD, STAFF_PASSWORD


def test_backup_to_a_folder_then_verify_it(clinic_dir: BaseDir, tmp_path: Path) -> None:
    d = clinic_dir.root
    usb = tmp_path / "usb"
    usb.mkdir()
    r = crdesk(d, "backup", "--to", str(usb), "--user", "admin", "--password-stdin",
               stdin=f"{ADMIN_PASSWORD}\n")
    assert r.returncode == 0, r.stderr
    assert f"Backed up to {usb} and checked." in r.stdout
    (made,) = usb.iterdir()
    assert made.name.startswith("crdesk-") and made.name.endswith(".crbackup")
    r = crdesk(d, "backup-verify", str(made), "--user", "admin", "--password-stdin",
               stdin=f"{ADMIN_PASSWORD}\n")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "opens with the clinic key and checks clean" in r.stdout
    # damaged: exit 1 and a plain reason
    made.write_bytes(made.read_bytes()[:5000])
    r = crdesk(d, "backup-verify", str(made), "--user", "admin", "--password-stdin",
               stdin=f"{ADMIN_PASSWORD}\n")
    assert r.returncode == 1
    assert f"{made.name}: {made.name} is not a complete crdesk backup." in r.stdout
    # the existing form still works
    r = crdesk(d, "backup", str(tmp_path / "plain.crbackup"), "--user", "admin",
               "--password-stdin", stdin=f"{ADMIN_PASSWORD}\n")
    assert r.returncode == 0 and (tmp_path / "plain.crbackup").exists()


def test_missing_folder_and_staff_are_refused(clinic_dir: BaseDir, tmp_path: Path) -> None:
    d = clinic_dir.root
    gone = tmp_path / "not-plugged-in"
    r = crdesk(d, "backup", "--to", str(gone), "--user", "admin", "--password-stdin",
               stdin=f"{ADMIN_PASSWORD}\n")
    assert r.returncode == 1 and f"The backup folder {gone} is not there" in r.stdout
    assert not gone.exists()
    r = crdesk(d, "backup", "--to", str(tmp_path), "--user", "staff", "--password-stdin",
               stdin=f"{STAFF_PASSWORD}\n")
    assert r.returncode == 1 and "Only an admin" in r.stderr
    r = crdesk(d, "backup-verify", str(tmp_path / "x.crbackup"), "--user", "staff",
               "--password-stdin", stdin=f"{STAFF_PASSWORD}\n")
    assert r.returncode == 1 and "Only an admin" in r.stderr
    r = crdesk(d, "backup", "--to", str(d / "backups"), "--user", "admin", "--password-stdin",
               stdin=f"{ADMIN_PASSWORD}\n")
    assert r.returncode == 1 and "on the same laptop" in r.stderr
    r = crdesk(d, "backup", "--user", "admin", "--password-stdin", stdin=f"{ADMIN_PASSWORD}\n")
    assert r.returncode == 1 and "--to DIR" in r.stderr
