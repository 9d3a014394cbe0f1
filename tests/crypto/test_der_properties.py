"""Property tests of the DER reader (issue 13): random bytes, and real packages mutated
byte by byte, only ever give the reader's own errors (DerError, CmsError, VerifyError),
never a crash of another kind. (The receiver writes nothing before a package verifies:
``unpack`` runs only on a Verified; tests/hostile covers its member names.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crdesk.crypto import cms, der
from crdesk.export.package import Manifest, build_zip, sha256_hex
from crdesk.export.verify import VerifyError, verify_package

CLINIC = cms.new_clinic_identity("Riverside Cardiac Rehab", "RX1")
RECEIVER = cms.new_receiver_identity("NACR test receiver")
_DATA = b"episode_id,value\n1,2\n"
_MANIFEST = Manifest(
    batch_id="b-1", sequence=1, clinic_code="RX1", profile="nacr", profile_version="1",
    forms={}, created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    software_version="0", row_counts={"data.csv": 1}, sha256={"data.csv": sha256_hex(_DATA)})
SIGNED = cms.sign(build_zip({"data.csv": _DATA}, _MANIFEST, "readme"), CLINIC)
PACKAGE = cms.envelope(SIGNED, [RECEIVER.certificate])
RECEIVER_PEM = RECEIVER.key_pem + RECEIVER.cert_pem


def _refusal(action: Callable[[], object], allowed: type[Exception]) -> Exception | None:
    """None when ``action`` went through; the error when it raised one of ``allowed``
    (any other exception fails the test)."""
    try:
        action()
    except allowed as exc:
        return exc
    return None


def _walk(t: der.Tlv, depth: int = 0) -> None:
    if t.tag == 0x06:
        der.oid(t)
    if t.constructed and depth < 64:
        for child in t.children():
            _walk(child, depth + 1)


def mutated(original: bytes) -> st.SearchStrategy[bytes]:
    """Flip, overwrite, cut or insert bytes of ``original``: what a bad copy or a hand does."""
    n = len(original)
    pos = st.integers(0, n - 1)
    flip = st.tuples(pos, st.integers(1, 255)).map(
        lambda pv: original[:pv[0]] + bytes([original[pv[0]] ^ pv[1]]) + original[pv[0] + 1:])
    cut = st.tuples(pos, pos).map(lambda ab: original[:min(ab)] + original[max(ab):])
    insert = st.tuples(pos, st.binary(min_size=1, max_size=8)).map(
        lambda pb: original[:pb[0]] + pb[1] + original[pb[0]:])
    lengths = st.tuples(st.integers(0, min(n - 1, 64)), st.sampled_from([0x80, 0x84, 0xFF])).map(
        lambda pb: original[:pb[0]] + bytes([pb[1]]) + original[pb[0] + 1:])  # length bytes
    return st.one_of(flip, cut, insert, lengths, st.just(original[: n // 2]))


@settings(max_examples=200, deadline=None, database=None)
@given(st.binary(max_size=600))
def test_random_bytes_give_a_der_error_or_a_structure(data: bytes) -> None:
    refused = _refusal(lambda: _walk(der.parse(data)), der.DerError)
    assert refused is None or str(refused)


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutated(SIGNED))
def test_mutated_signed_data_is_refused_with_a_message(data: bytes) -> None:
    refused = _refusal(lambda: cms.verify_with_time(data, CLINIC.certificate), cms.CmsError)
    assert refused is None or str(refused)


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutated(PACKAGE))
def test_mutated_packages_are_refused_with_a_message(data: bytes) -> None:
    refused = _refusal(lambda: verify_package(data, RECEIVER_PEM, CLINIC.cert_pem), VerifyError)
    assert refused is None or isinstance(refused, VerifyError) and refused.message


def test_the_package_itself_verifies(tmp_path: Path) -> None:
    # The mutations above start from a package that is good, so refusals mean something.
    assert verify_package(PACKAGE, RECEIVER_PEM, CLINIC.cert_pem).manifest.batch_id == "b-1"
