"""Numbered migrations: one transaction each, backup first, newer databases refused."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from crdesk.errors import NewerDatabaseError
from crdesk.storage.connection import DatabaseError, open_database
from crdesk.storage.migrations import MIGRATIONS, Migration, latest_version, migrate
from tests.conftest import file_digest


@pytest.fixture
def fresh(tmp_path: Path) -> tuple[Path, bytes]:
    key = secrets.token_bytes(32)
    path = tmp_path / "c.db"
    db = open_database(path, key, create=True)
    migrate(db)
    db.close()
    return path, key


def test_fresh_database_reaches_latest(fresh: tuple[Path, bytes]) -> None:
    path, key = fresh
    db = open_database(path, key)
    try:
        assert db.scalar("PRAGMA user_version") == latest_version()
        tables = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"clinic", "users", "audit_log", "patients", "answers"} <= tables
    finally:
        db.close()


def test_new_migration_backs_up_first_and_applies(fresh: tuple[Path, bytes]) -> None:
    path, key = fresh
    extra = (*MIGRATIONS, Migration(latest_version() + 1, "add t", ["CREATE TABLE t (x)"]))
    backups: list[int] = []
    db = open_database(path, key)
    try:
        assert migrate(db, backup=backups.append, migrations=extra) == [latest_version() + 1]
        assert backups == [latest_version()]
        assert db.scalar("PRAGMA user_version") == latest_version() + 1
    finally:
        db.close()


def test_failed_migration_rolls_back_whole(fresh: tuple[Path, bytes]) -> None:
    path, key = fresh
    broken = (*MIGRATIONS, Migration(latest_version() + 1, "half",
                                     ["CREATE TABLE half_done (x)", "THIS IS NOT SQL"]))
    db = open_database(path, key)
    try:
        with pytest.raises(DatabaseError):
            migrate(db, migrations=broken)
        assert db.scalar("PRAGMA user_version") == latest_version()
        assert db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'") == 0
    finally:
        db.close()


def test_newer_database_is_refused_unchanged(fresh: tuple[Path, bytes]) -> None:
    path, key = fresh
    db = open_database(path, key)
    db.execute(f"PRAGMA user_version = {latest_version() + 5}")
    db.checkpoint()
    db.close()
    before = file_digest(path)
    db = open_database(path, key)
    try:
        with pytest.raises(NewerDatabaseError) as err:
            migrate(db)
    finally:
        db.close()
    assert "newer version of crdesk" in err.value.message
    assert "Install the latest crdesk" in err.value.hint
    assert file_digest(path) == before
