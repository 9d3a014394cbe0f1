"""The recovery key: a faithful, typo-resistant encoding of the database key."""

from __future__ import annotations

import secrets

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crdesk.crypto import recovery


@given(st.binary(min_size=32, max_size=32))
def test_round_trip(key: bytes) -> None:
    text = recovery.encode(key)
    groups = text.split("-")
    assert len(groups) == 14
    assert all(len(g) == 4 for g in groups)
    assert recovery.decode(text) == key


def test_typing_is_forgiving() -> None:
    key = secrets.token_bytes(32)
    text = recovery.encode(key)
    assert recovery.decode(text.lower().replace("-", " ")) == key
    assert recovery.decode(text.replace("0", "O").replace("1", "l")) == key


@given(st.binary(min_size=32, max_size=32), st.integers(0, 55), st.integers(1, 31))
def test_a_single_mistyped_character_is_caught(key: bytes, pos: int, delta: int) -> None:
    chars = list(recovery.encode(key).replace("-", ""))
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    chars[pos] = alphabet[(alphabet.index(chars[pos]) + delta) % 32]
    try:
        decoded = recovery.decode("".join(chars))
    except recovery.RecoveryKeyFormatError:
        return
    # A 16-bit checksum lets 1 in 65,536 typos through; it must then still not be this key.
    assert decoded != key


def test_wrong_length_says_how_long() -> None:
    with pytest.raises(recovery.RecoveryKeyFormatError, match="56 characters"):
        recovery.decode("ABCD-EFGH")


def test_bad_character_is_named() -> None:
    text = recovery.encode(secrets.token_bytes(32))
    with pytest.raises(recovery.RecoveryKeyFormatError, match="Character 3"):
        recovery.decode(text[:2] + "U" + text[3:])
