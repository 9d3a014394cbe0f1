"""Property tests of the importers on mutated files (issue 13): the deprivation lookup and
text packs. A mutated file is read or refused with the app's own error and a message,
never another exception, and nothing on disk changes (the file itself, the pack folder;
the clinic's lookup when the import is refused)."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crdesk.core.forms.loader import default_forms_dir, text_dir
from crdesk.core.forms.problems import FormLoadError
from crdesk.core.forms.textpacks import TextCatalog, check_text_pack
from crdesk.errors import KnownError, ValidationError
from crdesk.services import deprivation
from crdesk.services.session import Session
from crdesk.services.text_packs import needed_keys

LOOKUP = b"postcode,decile\nSW1A 1AA,3\nM1 1AE,7\nLS1 4DY,1\nB1 1BB,10\n"
SHIPPED = text_dir(default_forms_dir())
PACK = (SHIPPED / "en-GB" / "phq9.yaml").read_bytes()
REFERENCE = TextCatalog.from_dirs([SHIPPED])
NEEDED = needed_keys()


def mutated(original: bytes) -> st.SearchStrategy[bytes]:
    """Flips, cuts, insertions (bytes that are not UTF-8, superscript and other Unicode
    digits, separators, YAML's own characters) and truncation."""
    n = len(original)
    pos = st.integers(0, n - 1)
    nasty = st.sampled_from([b"\xff", b"\x00", "\u00b2".encode(), "\u0663".encode(),
                             "\uff13".encode(), b",", b"\n", b"\r", b'"', b":", b"&a", b"*a",
                             b"- ", b"{", b"[", b"\t", b"#", b"1" * 400])
    flip = st.tuples(pos, st.integers(1, 255)).map(
        lambda pv: original[:pv[0]] + bytes([original[pv[0]] ^ pv[1]]) + original[pv[0] + 1:])
    cut = st.tuples(pos, pos).map(lambda ab: original[:min(ab)] + original[max(ab):])
    insert = st.tuples(pos, st.one_of(nasty, st.binary(min_size=1, max_size=6))).map(
        lambda pb: original[:pb[0]] + pb[1] + original[pb[0]:])
    return st.one_of(flip, cut, insert)


def _refusal(action: Callable[[], object], allowed: type[Exception]) -> object:
    """What ``action`` returned, or the error when it raised one of ``allowed`` (any other
    exception fails the test)."""
    try:
        return action()
    except allowed as exc:
        return exc


def _digest(path: Path) -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(path.rglob("*"))
                                   if p.is_file())).hexdigest()


@settings(max_examples=300, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutated(LOOKUP), st.sampled_from(["england", "wales", "scotland"]))
def test_a_mutated_lookup_file_is_read_or_refused_with_a_message(data: bytes,
                                                                  nation: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lookup.csv"
        path.write_bytes(data)
        read = _refusal(lambda: deprivation.read_lookup(path, nation), ValidationError)
        if isinstance(read, ValidationError):
            assert read.message
        else:
            table, result = read  # type: ignore[misc]
            assert result.postcodes == len(table) > 0
            assert all(1 <= d <= 10 for d in table.values())
        assert path.read_bytes() == data


@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutated(PACK))
def test_a_mutated_text_pack_is_checked_or_refused_with_a_message(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pack" / "phq9.yaml"
        path.parent.mkdir()
        path.write_bytes(data)
        before = _digest(Path(tmp))
        refused = _refusal(lambda: check_text_pack(path, NEEDED, REFERENCE), FormLoadError)
        assert not isinstance(refused, FormLoadError) or refused.message and refused.problems
        assert _digest(Path(tmp)) == before


def test_a_control_character_in_a_pack_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    # Found by the test above: PyYAML refuses it as the loader is made, outside the try.
    path = tmp_path / "phq9.yaml"
    path.write_bytes(b"\x03" + PACK[1:])
    with pytest.raises(FormLoadError, match="special characters"):
        check_text_pack(path, NEEDED, REFERENCE)


def test_a_refused_import_leaves_the_clinic_lookup_as_it_was(admin: Session,
                                                             tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_bytes(LOOKUP)
    deprivation.import_lookup(admin, good, "england")
    before = deprivation.sources(admin)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(LOOKUP.replace(b"3\n", "\u00b3\n".encode()))
    with pytest.raises(KnownError, match="decile"):
        deprivation.import_lookup(admin, bad, "england")
    assert deprivation.sources(admin) == before
