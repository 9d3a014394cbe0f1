"""Recovery key, lost or foreign key slots, and key rotation."""

from __future__ import annotations

import json
import shutil

import pytest

from crdesk.crypto import recovery
from crdesk.crypto.kdf import TEST_COST
from crdesk.errors import KeySlotError, RecoveryKeyError
from crdesk.keyslots import KeySlotFile
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage.connection import open_database
from tests.conftest import ADMIN_PASSWORD, STAFF_PASSWORD, file_digest


def test_lost_keyslots_recovered_with_recovery_key(home: ClinicHome, recovery_key: str) -> None:
    home.basedir.keyslots.unlink()
    with pytest.raises(KeySlotError, match="missing"):
        access.unlock(home, "admin", ADMIN_PASSWORD)
    s = access.recover(home, recovery_key, "admin", "brand-new-boss-pass", cost=TEST_COST)
    s.close()
    access.unlock(home, "admin", "brand-new-boss-pass").close()


def test_damaged_keyslots_are_set_aside_on_recovery(home: ClinicHome, recovery_key: str) -> None:
    home.basedir.keyslots.write_text("{ damaged")
    with pytest.raises(KeySlotError, match="damaged"):
        access.unlock(home, "admin", ADMIN_PASSWORD)
    access.recover(home, recovery_key.lower(), "admin", "brand-new-boss-pass",
                   cost=TEST_COST).close()
    kept = list(home.basedir.backups.glob("keyslots-set-aside-*.json"))
    assert len(kept) == 1
    assert kept[0].read_text() == "{ damaged"


def test_intact_slots_are_kept_on_recovery(home: ClinicHome, recovery_key: str) -> None:
    access.recover(home, recovery_key, "admin", "brand-new-boss-pass", cost=TEST_COST).close()
    access.unlock(home, "staff", STAFF_PASSWORD).close()


def test_wrong_or_mistyped_recovery_key(home: ClinicHome, recovery_key: str) -> None:
    before = file_digest(home.basedir.db)
    with pytest.raises(RecoveryKeyError, match="mistyped"):
        access.recover(home, recovery_key[:-1] + ("A" if recovery_key[-1] != "A" else "B"), "admin",
                     "brand-new-boss-pass")
    other = recovery.encode(bytes(32))
    with pytest.raises(RecoveryKeyError, match="does not open"):
        access.recover(home, other, "admin", "brand-new-boss-pass")
    assert file_digest(home.basedir.db) == before


def test_keyslots_from_another_database(home: ClinicHome, tmp_path, template_clinic) -> None:  # type: ignore[no-untyped-def]
    other = BaseDir(tmp_path / "other")
    with ClinicHome.open(other) as h2:
        access.create(h2, clinic_name="Other", ods_code="RX200", admin="admin",
                  password=ADMIN_PASSWORD, cost=TEST_COST)
    shutil.copy(other.keyslots, home.basedir.keyslots)
    before = file_digest(home.basedir.db)
    with pytest.raises(KeySlotError, match="different clinic database"):
        access.unlock(home, "admin", ADMIN_PASSWORD)
    assert file_digest(home.basedir.db) == before


def test_rekey_issues_new_recovery_key_and_keeps_users(admin: Session, home: ClinicHome,
                                                       recovery_key: str) -> None:
    with admin.change("note", "x", 1):
        admin._db.execute("INSERT INTO clinic_settings (key, value) VALUES ('k', 'v')")
    new_key_text = admin.rekey()
    assert new_key_text != recovery_key
    assert admin._db.scalar("SELECT value FROM clinic_settings WHERE key = 'k'") == "v"
    admin.close()
    assert list(home.basedir.backups.glob("*before-rekey*"))
    with pytest.raises(Exception):  # noqa: B017 - any refusal: the old key must not open it
        open_database(home.basedir.db, recovery.decode(recovery_key)).query("SELECT 1")
    db = open_database(home.basedir.db, recovery.decode(new_key_text))
    db.close()
    # Staff never typed a password during the rekey, yet still unlocks.
    access.unlock(home, "staff", STAFF_PASSWORD).close()
    assert "pending" not in home.basedir.keyslots.read_text()


def test_interrupted_rekey_before_database_changed(home: ClinicHome, recovery_key: str) -> None:
    slots = KeySlotFile.load(home.basedir.keyslots)
    slots.stage_rekey(bytes(range(32)), recovery.decode(recovery_key))
    slots.save()  # crash here: the database still has the old key
    access.unlock(home, "staff", STAFF_PASSWORD).close()
    assert "pending" not in json.loads(home.basedir.keyslots.read_text())["slots"][0]
    open_database(home.basedir.db, recovery.decode(recovery_key)).close()


def test_interrupted_rekey_after_database_changed(home: ClinicHome, recovery_key: str) -> None:
    new_key = bytes(range(32))
    slots = KeySlotFile.load(home.basedir.keyslots)
    slots.stage_rekey(new_key, recovery.decode(recovery_key))
    slots.save()
    db = open_database(home.basedir.db, recovery.decode(recovery_key))
    db.rekey(new_key)  # crash here: database has the new key, slots not finished
    db.close()
    access.unlock(home, "staff", STAFF_PASSWORD).close()
    open_database(home.basedir.db, new_key).close()
    assert "pending" not in home.basedir.keyslots.read_text()
