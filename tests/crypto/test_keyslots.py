"""Key slots: passwords unwrap the data key; tampering, lockout and failure reporting."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest

from crdesk.crypto.kdf import DEFAULT_COST, TEST_COST
from crdesk.errors import AccountLockedError, KeySlotError, WrongPasswordError
from crdesk.keyslots import LOCK_SECONDS, MAX_FAILURES, KeySlotFile

PW = "a-long-enough-password"


@pytest.fixture
def slots(tmp_path: Path) -> tuple[KeySlotFile, bytes]:
    key = secrets.token_bytes(32)
    f = KeySlotFile.new(tmp_path / "keyslots.json", "db-1")
    f.set_slot("ann", PW, key, TEST_COST)
    f.set_slot("bob", "another-long-password", key, TEST_COST)
    f.save()
    return f, key


def test_each_password_unwraps_the_same_key(slots: tuple[KeySlotFile, bytes]) -> None:
    f, key = slots
    loaded = KeySlotFile.load(f.path)
    assert loaded.unlock("ann", PW).data_key == key
    assert loaded.unlock("bob", "another-long-password").data_key == key


def test_file_holds_no_key_in_the_clear(slots: tuple[KeySlotFile, bytes]) -> None:
    f, key = slots
    text = f.path.read_text()
    assert key.hex() not in text
    assert PW not in text


def test_wrong_password_and_unknown_user_look_the_same(slots: tuple[KeySlotFile, bytes]) -> None:
    f, _ = slots
    with pytest.raises(WrongPasswordError) as a:
        f.unlock("ann", "not-the-password")
    with pytest.raises(WrongPasswordError) as b:
        f.unlock("nobody", "not-the-password")
    assert a.value.message == b.value.message


@pytest.mark.parametrize("field", ["username", "kdf"])
def test_editing_slot_metadata_breaks_the_slot(slots: tuple[KeySlotFile, bytes],
                                                field: str) -> None:
    f, _ = slots
    d = json.loads(f.path.read_text())
    if field == "username":
        d["slots"][0]["username"] = "bob2"
        name = "bob2"
    else:
        d["slots"][0]["kdf"]["time_cost"] = 2
        name = "ann"
    f.path.write_text(json.dumps(d))
    with pytest.raises(WrongPasswordError):
        KeySlotFile.load(f.path).unlock(name, PW)


def test_slot_from_another_database_id_does_not_open(slots: tuple[KeySlotFile, bytes]) -> None:
    f, _ = slots
    d = json.loads(f.path.read_text())
    d["database_id"] = "db-2"
    f.path.write_text(json.dumps(d))
    with pytest.raises(WrongPasswordError):
        KeySlotFile.load(f.path).unlock("ann", PW)


def test_ten_failures_lock_for_five_minutes(slots: tuple[KeySlotFile, bytes]) -> None:
    f, key = slots
    t0 = 1_000_000.0
    for i in range(MAX_FAILURES):
        with pytest.raises(WrongPasswordError):
            f.unlock("ann", f"wrong-password-{i}", now=t0 + i)
    locked = KeySlotFile.load(f.path)  # the lock is on disk, not only in memory
    with pytest.raises(AccountLockedError) as err:
        locked.unlock("ann", PW, now=t0 + 60)
    assert "5 minute" in err.value.hint or "minute" in err.value.hint
    # Another user is not affected.
    assert locked.unlock("bob", "another-long-password", now=t0 + 60).data_key == key
    opened = locked.unlock("ann", PW, now=t0 + MAX_FAILURES + LOCK_SECONDS + 1)
    assert opened.data_key == key
    # The ten wrong passwords and the try made while locked (issue 12: counted too).
    assert len(opened.reported_failures) == MAX_FAILURES + 1
    assert KeySlotFile.load(f.path).failures == {}


def test_nine_failures_do_not_lock(slots: tuple[KeySlotFile, bytes]) -> None:
    f, key = slots
    for i in range(MAX_FAILURES - 1):
        with pytest.raises(WrongPasswordError):
            f.unlock("ann", f"wrong-{i}-password")
    assert f.unlock("ann", PW).data_key == key


@pytest.mark.parametrize(
    "content", ["", "{", '{"format": "other"}', '{"format": "crdesk-keyslots"}'])
def test_damaged_file_gives_a_clear_message(tmp_path: Path, content: str) -> None:
    p = tmp_path / "keyslots.json"
    p.write_text(content)
    with pytest.raises(KeySlotError) as err:
        KeySlotFile.load(p)
    assert "crdesk recover" in err.value.hint


def test_default_cost_is_recorded_in_the_slot(tmp_path: Path) -> None:
    f = KeySlotFile.new(tmp_path / "k.json", "db")
    f.set_slot("ann", PW, secrets.token_bytes(32), DEFAULT_COST)
    kdf = f.slots[0].kdf
    assert (kdf.time_cost, kdf.memory_kib, kdf.parallelism) == (
        DEFAULT_COST.time_cost, DEFAULT_COST.memory_kib, DEFAULT_COST.parallelism)
