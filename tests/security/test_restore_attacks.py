"""Issue 12: restore is an admin act that shows in the chain; issue 13: it is atomic.

The attack reproduced: after an admin removed a user, restoring an older backup (taken
without signing in) brought the user back and erased the removal, and ``check`` still said
"chain intact". Now a backup needs a signed-in user, a restore needs an admin (or the
backup's recovery key where no clinic opens), and the restored chain says what happened.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crdesk.core.roles import Role
from crdesk.crypto import recovery
from crdesk.crypto.kdf import TEST_COST
from crdesk.errors import PermissionDeniedError, RecoveryKeyError, WrongPasswordError
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.files import read_manifest
from crdesk.services.home import ClinicHome
from crdesk.services.restore import restore_as_admin, restore_with_recovery_key
from crdesk.services.session import Session
from crdesk.storage import audit_repo, ledger_repo
from tests.conftest import ADMIN_PASSWORD, STAFF_PASSWORD

NURSE_PW = "heather on the fell side"


def _actions(s: Session) -> list[str]:
    return [e.action for e in reversed(audit_repo.entries(s._db, limit=10_000))]


def _backup_then_remove_a_user(home: ClinicHome, tmp_path: Path) -> Path:
    admin = access.unlock(home, "admin", ADMIN_PASSWORD)
    admin.add_user("nurse", Role.STAFF, NURSE_PW, cost=TEST_COST)
    out = admin.backup(tmp_path / "older.crbackup")
    admin.remove_user("nurse")
    admin.close()
    return out


def test_staff_cannot_restore_and_nothing_changes(home: ClinicHome, tmp_path: Path) -> None:
    out = _backup_then_remove_a_user(home, tmp_path)
    slots_before = json.loads(home.basedir.keyslots.read_text())["slots"]
    with pytest.raises(PermissionDeniedError, match="Only an admin can restore"):
        restore_as_admin(home, out, "staff", STAFF_PASSWORD)
    with pytest.raises(WrongPasswordError):
        restore_as_admin(home, out, "admin", "not the admin's password")
    # The wrong password was counted; the slots themselves are as they were.
    assert json.loads(home.basedir.keyslots.read_text())["slots"] == slots_before
    with pytest.raises(WrongPasswordError):  # the removed user stays removed
        access.unlock(home, "nurse", NURSE_PW)
    assert not [p for p in home.basedir.root.iterdir() if p.name.startswith(".restore-")]


def test_the_recovery_key_cannot_roll_back_a_clinic_that_opens(home: ClinicHome,
                                                               tmp_path: Path,
                                                               recovery_key: str) -> None:
    """A staff slot opens the data key, which is the recovery key: that must not be a way
    round the admin."""
    out = _backup_then_remove_a_user(home, tmp_path)
    with pytest.raises(PermissionDeniedError, match="only one of its admins"):
        restore_with_recovery_key(home, out, recovery_key)
    with pytest.raises(WrongPasswordError):
        access.unlock(home, "nurse", NURSE_PW)


def test_the_data_key_is_not_a_recovery_key_for_a_restore(home: ClinicHome, tmp_path: Path,
                                                          recovery_key: str) -> None:
    """Where no clinic opens (the key slots are gone), the backup's recovery key restores;
    the database key written as a recovery key (what a staff member holds) does not."""
    out = _backup_then_remove_a_user(home, tmp_path)
    from crdesk.keyslots import KeySlotFile

    data_key = KeySlotFile.load(home.basedir.keyslots).unlock("staff", STAFF_PASSWORD).data_key
    home.basedir.keyslots.unlink()
    with pytest.raises(RecoveryKeyError, match="not the backup's recovery key"):
        restore_with_recovery_key(home, out, recovery.encode(data_key))
    assert not home.basedir.keyslots.exists()
    done = restore_with_recovery_key(home, out, recovery_key)
    assert done.kept is not None
    s = access.unlock(home, "admin", ADMIN_PASSWORD)
    entry = audit_repo.entries(s._db, action="clinic.restore")[0]
    assert entry.actor == "recovery-key"
    s.close()


def test_an_admin_restore_shows_the_rollback_in_the_chain(home: ClinicHome,
                                                          tmp_path: Path) -> None:
    out = _backup_then_remove_a_user(home, tmp_path)
    admin = access.unlock(home, "admin", ADMIN_PASSWORD)
    replaced_head = audit_repo.head(admin._db)
    admin.close()
    done = restore_as_admin(home, out, "admin", ADMIN_PASSWORD)
    assert done.backup_created == read_manifest(out)["created"]
    s = access.unlock(home, "admin", ADMIN_PASSWORD)
    acts = _actions(s)
    assert "user.remove" not in acts  # the backup is from before the removal...
    restore = [e for e in audit_repo.entries(s._db, action="clinic.restore")]
    assert len(restore) == 1  # ...and the chain says it was rolled back, by whom, from when
    detail = json.loads(restore[0].detail)
    assert restore[0].actor == "admin"
    assert detail["backup_created"] == done.backup_created
    # The head it replaced: the chain as seen above, then that sign-out and the restorer's
    # sign-in.
    assert detail["replaced_head_seq"] == replaced_head[0] + 2
    assert len(detail["replaced_head_hash"]) == 64
    report = s.check()
    assert report.ok, report.lines()
    s.close()
    # The replaced clinic, kept in backups/, says what replaced it.
    assert done.kept is not None and done.kept.exists()


def test_restoring_before_an_export_explains_the_ledger(home: ClinicHome, admin: Session,
                                                        tmp_path: Path) -> None:
    out = admin.backup(tmp_path / "before-export.crbackup")
    with admin.change("export", "batch", 1) as db:
        ledger_repo.record(db, ledger_repo.Batch(
            1, "batch-1", "nacr", "1", datetime.now(UTC).isoformat(timespec="seconds"),
            "admin", "RX100_nacr_1.p7m", 3, 0), b"zip", [])
    admin.close()
    done = restore_as_admin(home, out, "admin", ADMIN_PASSWORD)
    text = " ".join(done.notes)
    assert "older than the last export" in text and "batch(es) 1" in text
    assert "numbers will repeat" in text


# ---- atomic: a kill at any step leaves one whole clinic ---------------------------------

_CHILD = """
import os, sys
from pathlib import Path
from crdesk.paths import BaseDir
from crdesk.services import files, restore
from crdesk.services.home import ClinicHome

stop = sys.argv[3]
def crash(step):
    if step == stop:
        os._exit(77)  # as a power cut would: no clean-up, no finally
files._step = crash
with ClinicHome.open(BaseDir(Path(sys.argv[1]))) as home:
    restore.restore_as_admin(home, Path(sys.argv[2]), "admin", sys.argv[4])
"""

STEPS = ["staged", "journal", "companions-removed", "moved-clinic.db", "moved-keyslots.json",
         "journal-removed"]


@pytest.mark.parametrize("step", STEPS)
def test_a_restore_killed_at_any_step_leaves_one_whole_clinic(clinic_dir: BaseDir,
                                                               tmp_path: Path,
                                                               step: str) -> None:
    with ClinicHome.open(clinic_dir) as home:
        out = _backup_then_remove_a_user(home, tmp_path)
        # After the backup, rotate the key: the old and new key slots no longer mix.
        admin = access.unlock(home, "admin", ADMIN_PASSWORD)
        admin.rekey()
        admin.close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    r = subprocess.run([sys.executable, "-c", _CHILD, str(clinic_dir.root), str(out), step,
                        ADMIN_PASSWORD], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 77, r.stderr
    restored = STEPS.index(step) >= STEPS.index("journal")
    with ClinicHome.open(clinic_dir) as home:  # the next start finishes or clears it
        assert not (clinic_dir.root / "restore-journal.json").exists()
        assert not [p for p in clinic_dir.root.iterdir() if p.name.startswith(".restore-")]
        s = access.unlock(home, "admin", ADMIN_PASSWORD)
        acts = _actions(s)
        assert ("clinic.restore" in acts) is restored
        assert ("user.remove" in acts) is not restored
        assert s.check().cipher_problems == []
        s.close()
        staff = access.unlock(home, "staff", STAFF_PASSWORD)  # every slot fits the database
        staff.close()
        if restored:
            access.unlock(home, "nurse", NURSE_PW).close()
