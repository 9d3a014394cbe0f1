"""Issue 12's attacks on the key slots, each against a real clinic folder.

Someone who can write the clinic folder (but knows no password and no key) swaps in a
database of their own and wraps its key to every user's public key; a stale copy of the
key-slot file in memory writes away a lockout; unknown names never lock. Each is refused.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from crdesk.core.roles import Role
from crdesk.crypto import recovery
from crdesk.crypto.kdf import TEST_COST
from crdesk.crypto.keywrap import key_fingerprint, random_data_key, rekey_link, wrap_to_public
from crdesk.errors import AccountLockedError, KeySlotError, WrongPasswordError
from crdesk.keyslots import MAX_FAILURES, SLOT_VERSION, VERSION, KeySlotFile, LinkedKey
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.files import database_salt
from crdesk.services.home import ClinicHome
from crdesk.storage.connection import open_database
from tests.conftest import ADMIN_PASSWORD, STAFF_PASSWORD, file_digest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


def _attacker_clinic(tmp_path: Path, victim_id: str) -> tuple[BaseDir, bytes]:
    """The attacker's own clinic, given the victim's database id (they know its key)."""
    other = BaseDir(tmp_path / "attacker")
    with ClinicHome.open(other) as h:
        made = access.create(h, clinic_name="Evil", ods_code="RX999", admin="mallory",
                             password="an attacker's own long secret", cost=TEST_COST)
    key = recovery.decode(made.recovery_key)
    db = open_database(other.db, key)
    with db.transaction():
        db.execute("UPDATE clinic SET database_id = ?", (victim_id,))
    db.checkpoint()
    db.close()
    return other, key


def _substitute(home: ClinicHome, tmp_path: Path) -> None:
    """Put the attacker's database in place and re-wrap its key to every victim slot."""
    b = home.basedir
    slots = KeySlotFile.load(b.keyslots)
    evil, evil_key = _attacker_clinic(tmp_path, slots.database_id)
    for p in b.db_companions():
        p.unlink(missing_ok=True)
    shutil.copy2(evil.db, b.db)
    d = json.loads(b.keyslots.read_text())
    d["database_salt"] = database_salt(b.db)
    for raw, slot in zip(d["slots"], slots.slots, strict=True):
        w = wrap_to_public(slot.sealed.public_key, evil_key, slot.wrap_aad(slots.database_id))
        fields = {"epk": w.ephemeral_public.hex(), "nonce": w.nonce.hex(),
                  "ct": w.ciphertext.hex()}
        if "keys" in raw:
            raw["keys"] = [{**fields, "link": ""}]
        else:
            raw["wrapped"] = fields
    b.keyslots.write_text(json.dumps(d))


def test_a_substituted_database_and_key_are_refused_at_unlock(home: ClinicHome,
                                                               tmp_path: Path) -> None:
    _substitute(home, tmp_path)
    before = file_digest(home.basedir.db)
    for user, password in (("admin", ADMIN_PASSWORD), ("staff", STAFF_PASSWORD)):
        with pytest.raises(KeySlotError, match="never given") as err:
            access.unlock(home, user, password)
        assert "Do not type patient data" in err.value.hint
    assert file_digest(home.basedir.db) == before  # nothing was written into it


def test_a_forged_rekey_is_refused(home: ClinicHome, tmp_path: Path) -> None:
    """A 'pending' key, or a later key in the chain, needs a link made with the real key."""
    b = home.basedir
    slots = KeySlotFile.load(b.keyslots)
    evil_key = random_data_key()
    forged_with = random_data_key()  # the attacker does not have the clinic's key
    for s in slots.slots:
        aad = s.wrap_aad(slots.database_id)
        s.keys.append(LinkedKey(wrap_to_public(s.sealed.public_key, evil_key, aad),
                                rekey_link(forged_with,
                                           key_fingerprint(evil_key, slots.database_id), aad)))
    slots.save()
    with pytest.raises(KeySlotError, match="never given"):
        access.unlock(home, "staff", STAFF_PASSWORD)


def test_a_rekey_carries_the_binding_for_users_who_were_away(admin: access.Session,
                                                             home: ClinicHome) -> None:
    admin.rekey()
    admin.rekey()  # staff misses two rotations: their slot chains old -> new -> newer
    admin.close()
    staff_slot = KeySlotFile.load(home.basedir.keyslots).find("staff")
    assert staff_slot is not None and len(staff_slot.keys) == 3
    access.unlock(home, "staff", STAFF_PASSWORD).close()
    staff_slot = KeySlotFile.load(home.basedir.keyslots).find("staff")
    assert staff_slot is not None and len(staff_slot.keys) == 1  # sealed again to the new key


def test_recovery_re_creates_the_binding(home: ClinicHome, tmp_path: Path,
                                         recovery_key: str) -> None:
    home.basedir.keyslots.unlink()  # lost: the recovery key makes a new slot
    access.recover(home, recovery_key, "admin", "larch and rowan by the tarn",
                   cost=TEST_COST).close()
    slot = KeySlotFile.load(home.basedir.keyslots).find("admin")
    assert slot is not None and slot.version == SLOT_VERSION
    _substitute(home, tmp_path)
    with pytest.raises(KeySlotError, match="never given"):
        access.unlock(home, "admin", "larch and rowan by the tarn")


def test_todays_key_slot_file_upgrades_to_the_bound_format(tmp_path: Path) -> None:
    """The committed fixture's keyslots.json (format 1) opens, and is sealed as format 2."""
    folder = FIXTURES / "v4"
    info = json.loads((folder / "fixture.json").read_text())
    target = tmp_path / "clinic"
    target.mkdir()
    for name in ("clinic.db", "keyslots.json"):
        shutil.copy2(folder / name, target / name)
    assert json.loads((target / "keyslots.json").read_text())["version"] == 1
    with ClinicHome.open(BaseDir(target)) as home:
        access.unlock(home, "admin", info["passwords"]["admin"]).close()
        d = json.loads(home.basedir.keyslots.read_text())
        assert d["version"] == VERSION == 2
        by_name = {s["username"]: s for s in d["slots"]}
        assert by_name["admin"]["slot_version"] == SLOT_VERSION
        assert "slot_version" not in by_name["staff"]  # not signed in yet: still format 1
        access.unlock(home, "staff", info["passwords"]["staff"]).close()
        by_name = {s["username"]: s
                   for s in json.loads(home.basedir.keyslots.read_text())["slots"]}
        assert by_name["staff"]["slot_version"] == SLOT_VERSION
        # Once upgraded, the slots refuse a substituted key like any new clinic's.
        _substitute(home, tmp_path)
        with pytest.raises(KeySlotError, match="never given"):
            access.unlock(home, "admin", info["passwords"]["admin"])


def test_a_stale_copy_does_not_erase_a_lockout(home: ClinicHome) -> None:
    """Issue 12: after 10 wrong admin guesses, a staff member changing their own password
    (through a session loaded before the guesses) wrote the lock away."""
    staff = access.unlock(home, "staff", STAFF_PASSWORD)
    for i in range(MAX_FAILURES):
        with pytest.raises(WrongPasswordError):
            access.unlock(home, "admin", f"a wrong guess number {i}")
    staff.change_own_password(STAFF_PASSWORD, "heather on the fell side", cost=TEST_COST)
    staff.close()
    with pytest.raises(AccountLockedError):
        access.unlock(home, "admin", ADMIN_PASSWORD)
    failures = KeySlotFile.load(home.basedir.keyslots).failures["admin"]
    assert len(failures.unreported) == MAX_FAILURES + 1  # the try while locked counts too
    assert failures.locked_until > 0


def test_an_unknown_name_locks_like_a_known_one(home: ClinicHome) -> None:
    messages = set()
    for name in ("admin", "nosuchuser"):
        for i in range(MAX_FAILURES):
            with pytest.raises(WrongPasswordError) as err:
                access.unlock(home, name, f"a wrong guess number {i}")
            messages.add((err.value.message, err.value.hint))
        with pytest.raises(AccountLockedError) as locked:
            access.unlock(home, name, "anything at all here")
        messages.add((locked.value.message, locked.value.hint))
    assert len(messages) == 2  # one wrong-password answer, one lock answer, for both names


def test_a_new_user_slot_is_bound(admin: access.Session, home: ClinicHome) -> None:
    admin.add_user("nurse", Role.STAFF, "birch woods under snow", cost=TEST_COST)
    slot = KeySlotFile.load(home.basedir.keyslots).find("nurse")
    assert slot is not None and slot.version == SLOT_VERSION
