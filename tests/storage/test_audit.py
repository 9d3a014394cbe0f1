"""The audit log is append-only, hash-chained, and names its first broken link."""

from __future__ import annotations

import pytest

from crdesk.services.session import Session
from crdesk.storage import audit_repo
from crdesk.storage.connection import DatabaseError


def _add(admin: Session, n: int) -> None:
    for i in range(n):
        with admin.change("test.event", "thing", i, {"n": i}):
            pass


def test_chain_verifies_and_counts(admin: Session) -> None:
    _add(admin, 5)
    report = audit_repo.verify(admin._db)
    assert report.ok
    assert report.entries == audit_repo.entries(admin._db, limit=1)[0].seq


def test_rows_cannot_be_updated_or_deleted(admin: Session) -> None:
    _add(admin, 2)
    with pytest.raises(DatabaseError, match="append-only"), admin._db.transaction():
        admin._db.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1")
    with pytest.raises(DatabaseError, match="append-only"), admin._db.transaction():
        admin._db.execute("DELETE FROM audit_log WHERE seq = 2")


def test_tampering_names_the_first_broken_entry(admin: Session) -> None:
    _add(admin, 6)
    # Someone with the key drops the guard and edits entry 4.
    with admin._db.transaction():
        admin._db.execute("DROP TRIGGER audit_log_no_update")
        admin._db.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 4")
    report = admin.check()
    assert not report.ok
    assert report.audit_broken_at == 4
    assert any("broken at entry 4" in line for line in report.lines())


def test_deleting_an_entry_is_detected(admin: Session) -> None:
    _add(admin, 6)
    with admin._db.transaction():
        admin._db.execute("DROP TRIGGER audit_log_no_delete")
        admin._db.execute("DELETE FROM audit_log WHERE seq = 3")
    report = audit_repo.verify(admin._db)
    assert report.first_broken == 4
    assert "missing" in report.reason


def test_entry_and_change_share_one_transaction(admin: Session) -> None:
    before = audit_repo.verify(admin._db).entries
    def failing_change() -> None:
        with admin.change("test.fail", "thing", 1):
            admin._db.execute("INSERT INTO clinic_settings (key, value) VALUES ('k', 'v')")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        failing_change()
    assert audit_repo.verify(admin._db).entries == before
    assert admin._db.scalar("SELECT count(*) FROM clinic_settings WHERE key = 'k'") == 0


def test_append_outside_a_transaction_is_refused(admin: Session) -> None:
    with pytest.raises(RuntimeError):
        audit_repo.append(admin._db, "admin", "x")
