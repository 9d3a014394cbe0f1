"""Damaged clinic files: a clear message naming what to do, and every file left as it was."""

from __future__ import annotations

import pytest

from crdesk.errors import CorruptDatabaseError, NotInitialisedError
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from tests.conftest import ADMIN_PASSWORD, file_digest


@pytest.mark.parametrize("damage", [
    # A cut file whose header is whole: found by the damage scan at sign-in (issue 13).
    pytest.param("truncate", marks=pytest.mark.expected_log_warning("damaged")),
    "zero-header", "garbage"])
def test_damaged_database_is_reported_and_untouched(home: ClinicHome, damage: str) -> None:
    db = home.basedir.db
    data = db.read_bytes()
    if damage == "truncate":
        db.write_bytes(data[:4096 + 100])
    elif damage == "zero-header":
        db.write_bytes(bytes(4096) + data[4096:])
    else:
        db.write_bytes(b"this is not a database" * 100)
    before = {p.name: file_digest(p) for p in (db, home.basedir.keyslots)}
    with pytest.raises(CorruptDatabaseError) as err:
        access.unlock(home, "admin", ADMIN_PASSWORD).close()
    assert "backup" in err.value.hint.lower()
    assert {p.name: file_digest(p) for p in (db, home.basedir.keyslots)} == before
    assert not (home.basedir.root / "clinic.db-wal").exists()


def test_no_database_yet(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with ClinicHome.open(BaseDir(tmp_path / "empty")) as h, pytest.raises(NotInitialisedError):
        access.unlock(h, "admin", ADMIN_PASSWORD)
    assert not (tmp_path / "empty" / "clinic.db").exists()
