"""Issue 12: the audit chain is anchored outside the database, so cutting or rewriting it
is reported by ``check`` (before: deleting the last rows after dropping the trigger left
"chain intact")."""

from __future__ import annotations

import json
import zipfile

import pytest

from crdesk.crypto import recovery
from crdesk.services import access, anchor
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage import audit_repo
from crdesk.storage.connection import open_database
from tests.conftest import ADMIN_PASSWORD, STAFF_PASSWORD

MISMATCH = r"audit anchor does not match"


def _busy_day(home: ClinicHome) -> int:
    s = access.unlock(home, "admin", ADMIN_PASSWORD)
    s.remove_user("staff")  # the entry someone wants gone
    s.close()
    db_key = _key(home)
    db = open_database(home.basedir.db, db_key)
    try:
        return audit_repo.head(db)[0]
    finally:
        db.close()


def _key(home: ClinicHome) -> bytes:
    # What a staff member holds: their slot opens the data key.
    from crdesk.keyslots import KeySlotFile

    return KeySlotFile.load(home.basedir.keyslots).unlock("admin", ADMIN_PASSWORD).data_key


def _cut_last(home: ClinicHome, n: int) -> None:
    db = open_database(home.basedir.db, _key(home))
    with db.transaction():
        db.execute("DROP TRIGGER audit_log_no_delete")
        db.execute("DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - ?",
                   (n,))
    db.checkpoint()
    db.close()


@pytest.mark.expected_log_warning(MISMATCH)
@pytest.mark.parametrize("cut", [1, 4])
def test_truncating_the_chain_is_reported_by_check(home: ClinicHome, cut: int) -> None:
    anchored = _busy_day(home)
    _cut_last(home, cut)
    s = access.unlock(home, "admin", ADMIN_PASSWORD)
    report = s.check()
    assert report.audit_broken_at is None  # the chain itself still links up...
    assert not report.ok  # ...but it is shorter than what was anchored
    assert "the audit log was truncated: the anchor of" in report.anchor_problem
    assert f"saw {anchored} entries, the database now has {anchored - cut}" \
        in report.anchor_problem
    assert any("PROBLEM" in line for line in report.lines())
    # The finding is written into the chain itself, and the evidence is kept.
    assert audit_repo.entries(s._db, action="audit.anchor_mismatch")
    s.close()
    s = access.unlock(home, "admin", ADMIN_PASSWORD)
    assert not s.check().ok  # still reported at the next sign-in: the anchor was kept
    s.close()


@pytest.mark.expected_log_warning(MISMATCH)
def test_a_forged_anchor_is_reported(home: ClinicHome) -> None:
    _busy_day(home)
    d = json.loads(home.basedir.audit_anchor.read_text())
    d["seq"] = 2  # someone without the key "moves the anchor back" before cutting
    home.basedir.audit_anchor.write_text(json.dumps(d))
    s = access.unlock(home, "admin", ADMIN_PASSWORD)
    report = s.check()
    assert "not written with this clinic's key" in report.anchor_problem and not report.ok
    s.close()


def test_a_deleted_anchor_is_reported(home: ClinicHome) -> None:
    _busy_day(home)
    home.basedir.audit_anchor.unlink()
    s = access.unlock(home, "admin", ADMIN_PASSWORD)
    report = s.check()
    assert "audit-anchor.json) is missing" in report.anchor_problem
    s.close()
    s = access.unlock(home, "admin", ADMIN_PASSWORD)  # anchored afresh, the finding is kept
    report = s.check()
    assert any("audit anchor findings recorded" in n for n in report.lines())
    s.close()


def test_a_normal_day_keeps_the_anchor_and_check_passes(home: ClinicHome) -> None:
    _busy_day(home)
    s = access.unlock(home, "admin", ADMIN_PASSWORD)
    report = s.check()
    assert report.ok, report.lines()
    assert report.anchor_note.startswith("matches the anchor of")
    s.close()
    anchored = json.loads(home.basedir.audit_anchor.read_text())
    assert anchored["event"] == "sign-out"
    assert ADMIN_PASSWORD not in home.basedir.audit_anchor.read_text()


def test_backups_carry_the_anchor(admin: Session, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = admin.backup(tmp_path / "b.crbackup")
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    found = anchor.compare(admin._db, admin._key or b"", manifest["audit_anchor"], "the backup")
    assert found.problem == "" and "backup" in found.note


def test_a_rekey_carries_the_anchor_to_the_new_key(admin: Session, home: ClinicHome,
                                                   recovery_key: str) -> None:
    new = admin.rekey()
    report = admin.check()
    assert report.ok, report.lines()
    admin.close()
    db = open_database(home.basedir.db, recovery.decode(new))
    try:
        assert anchor.check_file(home.basedir, db, recovery.decode(new)).problem == ""
    finally:
        db.close()
    access.unlock(home, "staff", STAFF_PASSWORD).close()


