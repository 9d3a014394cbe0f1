"""SQLCipher keying, pragmas, wrong keys and damaged files."""

from __future__ import annotations

import os
import secrets
import sqlite3
from pathlib import Path

import pytest

from crdesk.errors import AlreadyExistsError, CorruptDatabaseError
from crdesk.storage.connection import PLAINTEXT_HEADER, open_database
from crdesk.storage.migrations import migrate
from tests.conftest import file_digest


@pytest.fixture
def db_file(tmp_path: Path) -> tuple[Path, bytes]:
    key = secrets.token_bytes(32)
    path = tmp_path / "clinic.db"
    db = open_database(path, key, create=True)
    migrate(db)
    with db.transaction():
        db.execute("INSERT INTO clinic_settings (key, value) VALUES ('x', 'secret-value-123')")
    db.checkpoint()
    db.close()
    return path, key


def test_file_is_encrypted_and_pragmas_are_set(db_file: tuple[Path, bytes]) -> None:
    path, key = db_file
    assert path.read_bytes()[:16] != PLAINTEXT_HEADER
    assert b"secret-value-123" not in path.read_bytes()
    db = open_database(path, key)
    try:
        assert db.scalar("PRAGMA cipher_version")
        assert db.scalar("PRAGMA journal_mode") == "wal"
        assert db.scalar("PRAGMA synchronous") == 2  # FULL
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert db.scalar("PRAGMA secure_delete") == 1
        assert db.scalar("PRAGMA temp_store") == 2  # MEMORY
        assert db.scalar("SELECT value FROM clinic_settings WHERE key = 'x'") == "secret-value-123"
    finally:
        db.close()


def test_wrong_key_is_refused_and_nothing_changes(db_file: tuple[Path, bytes]) -> None:
    path, _ = db_file
    before = file_digest(path)
    listing = sorted(os.listdir(path.parent))
    with pytest.raises(CorruptDatabaseError) as err:
        open_database(path, secrets.token_bytes(32))
    assert "key does not match or the file is damaged" in err.value.message
    assert file_digest(path) == before
    assert sorted(os.listdir(path.parent)) == listing


def test_zeroed_first_page_is_refused_not_recreated(db_file: tuple[Path, bytes]) -> None:
    path, key = db_file
    data = bytearray(path.read_bytes())
    data[:4096] = bytes(4096)
    path.write_bytes(bytes(data))
    before = file_digest(path)
    with pytest.raises(CorruptDatabaseError):
        open_database(path, key)
    assert file_digest(path) == before


def test_truncated_file_is_reported(db_file: tuple[Path, bytes]) -> None:
    path, key = db_file
    path.write_bytes(path.read_bytes()[:1000])
    before = file_digest(path)
    def open_and_read() -> None:
        db = open_database(path, key)
        try:
            db.query("SELECT * FROM patients")
        finally:
            db.close()

    with pytest.raises(CorruptDatabaseError):
        open_and_read()
    assert file_digest(path) == before


def test_tampered_page_fails_cipher_integrity(db_file: tuple[Path, bytes]) -> None:
    path, key = db_file
    data = bytearray(path.read_bytes())
    assert len(data) > 3 * 4096
    data[2 * 4096 + 100] ^= 0xFF  # a byte inside page 3
    path.write_bytes(bytes(data))
    db = open_database(path, key)
    try:
        problems = db.cipher_integrity()
    finally:
        db.close()
    assert problems
    assert "HMAC" in problems[0]


def test_plain_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(CorruptDatabaseError) as err:
        open_database(path, secrets.token_bytes(32))
    assert "not encrypted" in err.value.message


def test_never_creates_over_an_existing_file(db_file: tuple[Path, bytes]) -> None:
    path, _ = db_file
    before = file_digest(path)
    with pytest.raises(AlreadyExistsError):
        open_database(path, secrets.token_bytes(32), create=True)
    assert file_digest(path) == before


def test_missing_file_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(CorruptDatabaseError):
        open_database(tmp_path / "nothing.db", secrets.token_bytes(32))
    assert not (tmp_path / "nothing.db").exists()
