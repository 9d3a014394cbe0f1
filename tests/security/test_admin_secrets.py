"""Issue 12 item 3: a staff member's slot opens the database key, and before this that was
everything: the recovery key, the signing key, the pseudonym key. Now the signing and
pseudonym keys are sealed under an admin key only admins' slots and the recovery secret
open, and the recovery key is not the database key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from crdesk.core.roles import Role
from crdesk.crypto import recovery
from crdesk.crypto.kdf import TEST_COST
from crdesk.errors import PermissionDeniedError, RecoveryKeyError, WrongPasswordError
from crdesk.keyslots import KeySlotFile
from crdesk.paths import BaseDir
from crdesk.services import access, identity
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage.connection import open_database
from tests.conftest import ADMIN_PASSWORD, STAFF_PASSWORD

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
STAFF_CHOICE = "a password the staff member chose"


def _staff_data_key(home: ClinicHome) -> bytes:
    """What a staff member can extract: their own slot opens the database key."""
    return KeySlotFile.load(home.basedir.keyslots).unlock("staff", STAFF_PASSWORD).data_key


def _settings(home: ClinicHome, key: bytes) -> dict[str, str]:
    db = open_database(home.basedir.db, key)
    try:
        return {k: v for k, v in db.query("SELECT key, value FROM clinic_settings")}
    finally:
        db.close()


def test_the_data_key_does_not_show_the_signing_or_pseudonym_key(home: ClinicHome) -> None:
    values = _settings(home, _staff_data_key(home))
    assert values["signing_key_pem"].startswith("aead1:")
    assert values["pseudonym_key"].startswith("aead1:")
    assert not any("PRIVATE KEY" in v for v in values.values())


def test_staff_cannot_sign_even_as_a_forged_admin(home: ClinicHome, staff: Session) -> None:
    with pytest.raises(PermissionDeniedError):
        identity.signing_identity(staff)
    staff.close()
    # The attack reproduced: with the database key, rewrite the admin's slot with a password
    # of one's own choice (no audit entry), and sign in as the admin.
    key = _staff_data_key(home)
    slots = KeySlotFile.load(home.basedir.keyslots)
    slots.set_slot("admin", STAFF_CHOICE, key, TEST_COST)
    slots.save()
    forged = access.unlock(home, "admin", STAFF_CHOICE)
    try:
        assert forged.is_admin
        with pytest.raises(PermissionDeniedError, match="admin key"):
            identity.signing_identity(forged)
        with pytest.raises(PermissionDeniedError, match="admin key"):
            identity.pseudonym_key(forged)
    finally:
        forged.close()
    with pytest.raises(WrongPasswordError):  # and the real admin notices at once
        access.unlock(home, "admin", ADMIN_PASSWORD)


def test_the_data_key_is_not_the_recovery_key(home: ClinicHome, recovery_key: str) -> None:
    key = _staff_data_key(home)
    assert recovery.decode(recovery_key) == key  # the recovery key opens the database...
    assert recovery.encode(key) != recovery_key  # ...but is not the database key
    with pytest.raises(RecoveryKeyError, match="not this clinic's recovery key"):
        access.recover(home, recovery.encode(key), "staffboss", "larch and rowan by the tarn",
                       cost=TEST_COST)


def test_the_recovery_key_opens_the_admin_secrets(home: ClinicHome, admin: Session,
                                                  recovery_key: str) -> None:
    cert = identity.clinic_certificate_pem(admin)
    pseudonym = identity.pseudonym_key(admin)
    admin.close()
    home.basedir.keyslots.unlink()  # every password lost
    s = access.recover(home, recovery_key, "admin", "larch and rowan by the tarn",
                       cost=TEST_COST)
    try:
        assert identity.signing_identity(s).cert_pem == cert
        assert identity.pseudonym_key(s) == pseudonym
    finally:
        s.close()


def test_admins_pass_the_admin_key_on(home: ClinicHome, admin: Session) -> None:
    admin.add_user("boss2", Role.ADMIN, "second admin's long password", cost=TEST_COST)
    admin.reset_password("boss2", "second admin's newer password", cost=TEST_COST)
    admin.close()
    other = access.unlock(home, "boss2", "second admin's newer password")
    try:
        identity.signing_identity(other)
    finally:
        other.close()
    slots = KeySlotFile.load(home.basedir.keyslots)
    staff_slot = slots.find("staff")
    assert staff_slot is not None and staff_slot.admin_key is None


def test_a_clinic_from_before_is_sealed_at_its_admins_sign_in(tmp_path: Path) -> None:
    folder = FIXTURES / "v4"
    info = json.loads((folder / "fixture.json").read_text())
    target = tmp_path / "clinic"
    target.mkdir()
    for name in ("clinic.db", "keyslots.json"):
        shutil.copy2(folder / name, target / name)
    with ClinicHome.open(BaseDir(target)) as home:
        s = access.unlock(home, "admin", info["passwords"]["admin"])
        pem = identity.signing_identity(s).cert_pem
        assert any("Recovery key: of the old kind" in n for n in s.check().notes)
        new_recovery = s.rekey()  # a version-2 recovery key, which opens the admin key too
        assert not any("Recovery key" in n for n in s.check().notes)
        s.close()
        staff = KeySlotFile.load(home.basedir.keyslots).unlock(
            "staff", info["passwords"]["staff"]).data_key
        values = _settings(home, staff)
        assert values["signing_key_pem"].startswith("aead1:")
        home.basedir.keyslots.unlink()
        r = access.recover(home, new_recovery, "admin", "larch and rowan by the tarn",
                           cost=TEST_COST)
        try:
            assert identity.signing_identity(r).cert_pem == pem
        finally:
            r.close()
