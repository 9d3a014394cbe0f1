"""Hostile files get a clear refusal, never a crash or a hang (issue: damaged files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crdesk.crypto import der
from crdesk.crypto.kdf import TEST_COST
from crdesk.errors import KeySlotError
from crdesk.export.csv_cells import neutralise
from crdesk.export.package import Manifest
from crdesk.export.verify import Verified, VerifyError, safe_member_name, unpack
from crdesk.keyslots import KeySlotFile


def _oid_tlv(value: bytes) -> der.Tlv:
    length = len(value)
    if length < 0x80:
        header = bytes([0x06, length])
    else:
        size = (length.bit_length() + 7) // 8
        header = bytes([0x06, 0x80 | size]) + length.to_bytes(size, "big")
    return der.read_tlv(header + value, 0)


def test_a_huge_oid_is_refused_at_once() -> None:
    with pytest.raises(der.DerError, match="too long"):
        der.oid(_oid_tlv(b"\x2a" + b"\x81" * 200_000 + b"\x01"))


def test_oid_arcs_are_bounded_and_minimal() -> None:
    assert der.oid(_oid_tlv(bytes.fromhex("2a864886f70d010701"))) == "1.2.840.113549.1.7.1"
    with pytest.raises(der.DerError, match="arc too large"):
        der.oid(_oid_tlv(b"\x2a" + b"\xff" * 8 + b"\x01"))
    with pytest.raises(der.DerError, match="non-minimal"):
        der.oid(_oid_tlv(b"\x2a\x80\x01"))
    with pytest.raises(der.DerError, match="ends inside"):
        der.oid(_oid_tlv(b"\x2a\x86"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64))
def test_der_reader_on_random_bytes_refuses_or_reads(data: bytes) -> None:
    try:
        t = der.parse(data)
        if t.constructed:
            t.children()
        elif t.tag == 0x06:
            der.oid(t)
    except der.DerError:
        pass


def _slot_file(clinic_dir: Path) -> dict[str, object]:
    return json.loads((clinic_dir / "keyslots.json").read_text())


@pytest.mark.parametrize(("field", "value"), [
    ("time_cost", 0), ("time_cost", 10_000), ("memory_kib", 1), ("memory_kib", 2**40),
    ("parallelism", 0), ("parallelism", 1000), ("time_cost", "3"), ("memory_kib", 1.5),
    ("salt", "00"), ("time_cost", True),
])
def test_malformed_argon2_settings_are_a_damaged_file(tmp_path: Path, field: str,
                                                      value: object) -> None:
    path = tmp_path / "keyslots.json"
    slots = KeySlotFile.new(path, "ab" * 16)
    slots.set_slot("ann", "a long enough password 1", b"\x01" * 32, TEST_COST)
    slots.save()
    data = json.loads(path.read_text())
    data["slots"][0]["kdf"][field] = value
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(KeySlotError, match="damaged"):
        KeySlotFile.load(path)
    assert path.read_bytes() == before


def test_a_giant_key_slot_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "keyslots.json"
    with path.open("wb") as fh:
        fh.write(b'{"format": "crdesk-keyslots", "pad": "')
        fh.truncate(64 * 1024 * 1024)
    with pytest.raises(KeySlotError, match="damaged"):
        KeySlotFile.load(path)


@pytest.mark.parametrize("name", ["../keyslots.json", "..\\keyslots.json", "C:evil.csv",
                                  "sub/file.csv", ".hidden", "CON.csv", "nul", "a" * 200,
                                  "", "x\x00.csv", "\\\\server\\share"])
def test_unsafe_member_names_are_refused_before_anything_is_written(tmp_path: Path,
                                                                    name: str) -> None:
    assert not safe_member_name(name)
    manifest = Manifest(batch_id="b", sequence=1, clinic_code="RX1", profile="nacr",
                        profile_version="1", forms={}, created="2026-12-01T00:00:00+00:00",
                        software_version="0", row_counts={}, sha256={})
    verified = Verified(manifest, {"manifest.json": b"{}", name: b"x"})
    out = tmp_path / "out"
    with pytest.raises(VerifyError, match="unsafe"):
        unpack(verified, out)
    assert not out.exists() or list(out.iterdir()) == []


def test_safe_names_still_unpack(tmp_path: Path) -> None:
    for name in ("manifest.json", "README.txt", "nacr_episodes.csv"):
        assert safe_member_name(name)


@pytest.mark.parametrize(("cell", "written"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1+1", "'+1+1"),
    ("@SUM(A1)", "'@SUM(A1)"), ("-cmd", "'-cmd"), ("\tTAB", "'\tTAB"), ("\rCR", "'\rCR"),
    ("-1.5", "-1.5"), ("+44", "+44"), ("42", "42"), ("Smith", "Smith"), ("", ""),
    (None, ""), (3, "3"),
])
def test_formula_cells_are_neutralised_and_numbers_kept(cell: object, written: str) -> None:
    assert neutralise(cell) == written
