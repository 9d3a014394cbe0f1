"""Issue 12: weak receiver certificates are refused, and ``verify`` ties a package to its
signer: the clinic code to the certificate, the signing time to its validity, and the batch
number to those already received."""

from __future__ import annotations

import datetime as dt
import subprocess
import uuid
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from crdesk.crypto import cms
from crdesk.errors import ValidationError
from crdesk.export.package import Manifest, build_zip, sha256_hex
from crdesk.export.verify import VerifyError, note_received, verify_package
from crdesk.services import identity
from crdesk.services.session import Session


def _openssl_cert(tmp_path: Path, name: str, *args: str) -> tuple[Path, Path]:
    key, cert = tmp_path / f"{name}.key", tmp_path / f"{name}.pem"
    subprocess.run(["openssl", "req", "-x509", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "30", "-subj", f"/CN={name}", *args], check=True,
                   capture_output=True)
    return key, cert


@pytest.mark.parametrize(("name", "args", "why"), [
    ("rsa1024-e3", ["-newkey", "rsa:1024", "-pkeyopt", "rsa_keygen_pubexp:3",
                    "-addext", "keyUsage=digitalSignature"], "1024-bit"),
    ("rsa2048-e3", ["-newkey", "rsa:2048", "-pkeyopt", "rsa_keygen_pubexp:3"], "exponent 3"),
    ("rsa2048-signing-only", ["-newkey", "rsa:2048", "-addext", "keyUsage=digitalSignature"],
     "keyEncipherment"),
])
def test_weak_receiver_certificates_are_refused(admin: Session, tmp_path: Path, name: str,
                                                args: list[str], why: str) -> None:
    _, cert = _openssl_cert(tmp_path, name, *args)
    with pytest.raises(ValidationError, match=why):
        identity.add_recipient(admin, cert.read_bytes())
    assert identity.configured_recipients(admin) == []


def test_a_sound_receiver_certificate_is_accepted(admin: Session, tmp_path: Path) -> None:
    _, cert = _openssl_cert(tmp_path, "good", "-newkey", "rsa:2048",
                            "-addext", "keyUsage=keyEncipherment")
    identity.add_recipient(admin, cert.read_bytes())
    _, plain = _openssl_cert(tmp_path, "no-usage", "-newkey", "rsa:3072")
    identity.add_recipient(admin, plain.read_bytes())  # no KeyUsage at all: allowed
    assert len(identity.configured_recipients(admin)) == 2


def _package(ident: cms.Identity, clinic_code: str, receiver_cert: Path, sequence: int = 1,
             batch_id: str | None = None) -> bytes:
    data = b"NHS_NUMBER\r\n"
    manifest = Manifest(batch_id or str(uuid.uuid4()), sequence, clinic_code, "nacr", "1", {},
                        dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "test",
                        {"episodes.csv": 0}, {"episodes.csv": sha256_hex(data)})
    zipped = build_zip({"episodes.csv": data}, manifest, "readme")
    return cms.envelope(cms.sign(zipped, ident), [cms.load_certificate(receiver_cert.read_bytes())])


@pytest.fixture
def receiver(tmp_path: Path) -> tuple[Path, Path]:
    return _openssl_cert(tmp_path, "receiver", "-newkey", "rsa:2048")


def test_verify_ties_the_clinic_code_to_the_signer(receiver: tuple[Path, Path]) -> None:
    key, cert = receiver
    evil = cms.new_clinic_identity("Someone else", "RX999")
    package = _package(evil, "RX100", cert)  # claims to be clinic RX100
    with pytest.raises(VerifyError, match="says it comes from clinic 'RX100'"):
        verify_package(package, key.read_bytes(), evil.cert_pem)
    honest = _package(evil, "RX999", cert)
    assert verify_package(honest, key.read_bytes(), evil.cert_pem).manifest.clinic_code == "RX999"


def _expired_identity() -> cms.Identity:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "crdesk clinic RX100"),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "RX100")])
    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(past).not_valid_after(past + dt.timedelta(days=30))
            .sign(key, hashes.SHA256()))
    return cms.Identity(key.private_bytes(serialization.Encoding.PEM,
                                          serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()),
                        cert.public_bytes(serialization.Encoding.PEM))


def test_verify_checks_the_certificate_was_valid_when_signed(receiver: tuple[Path, Path]
                                                              ) -> None:
    key, cert = receiver
    old = _expired_identity()
    package = _package(old, "RX100", cert)
    with pytest.raises(VerifyError, match="was not valid"):
        verify_package(package, key.read_bytes(), old.cert_pem)


def test_a_repeated_batch_number_is_warned_about(receiver: tuple[Path, Path],
                                                 tmp_path: Path) -> None:
    key, cert = receiver
    clinic = cms.new_clinic_identity("Clinic", "RX100")
    register = tmp_path / "receiver-home" / "received-batches.json"
    first = verify_package(_package(clinic, "RX100", cert, 1), key.read_bytes(), clinic.cert_pem)
    assert note_received(register, first) == []
    assert note_received(register, first)[0].startswith("Batch 1 (")  # the same one again
    # After a restore at the clinic, a different batch 1 arrives.
    again = verify_package(_package(clinic, "RX100", cert, 1), key.read_bytes(),
                           clinic.cert_pem)
    warnings = note_received(register, again)
    assert len(warnings) == 1 and warnings[0].startswith("WARNING: batch number 1")
    second = verify_package(_package(clinic, "RX100", cert, 2), key.read_bytes(),
                            clinic.cert_pem)
    assert note_received(register, second) == []
