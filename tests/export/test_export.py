"""Export batches: preflight, opt-outs, package, verify with crdesk and openssl, ledger."""

from __future__ import annotations

import csv
import io
import random
import subprocess
import zipfile
from pathlib import Path

import pytest

from crdesk.crypto import cms
from crdesk.errors import PermissionDeniedError, ValidationError
from crdesk.export.profile import available_profiles
from crdesk.export.verify import VerifyError, unpack, verify_package
from crdesk.services.export import ExportCancelled, ExportService
from crdesk.services.identity import clinic_certificate_pem
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, patients_repo
from tests.export.conftest import Receiver, add_episode


@pytest.fixture
def service(admin: Session, profiles_dir: Path) -> ExportService:
    return ExportService(admin, available_profiles(profiles_dir))


@pytest.fixture
def clinic(admin: Session) -> dict[str, int]:
    ids = {}
    for i in range(4):
        ids[f"ok{i}"] = add_episode(admin, seed=100 + i)[1]
    ids["optout"] = add_episode(admin, seed=200, opted_out=True)[1]
    ids["no_a1"] = add_episode(admin, seed=300, a1=False)[1]
    ids["badcode"] = add_episode(admin, seed=400, event="martian")[1]
    ids["nosmoke"] = add_episode(admin, seed=500, smoking=None)[1]
    ids["pns"] = add_episode(admin, seed=600, smoking={"special": "prefer_not_to_say"})[1]
    return ids


def _rows(files: dict[str, bytes], name: str = "episodes.csv") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(files[name].decode())))


def _nhs(admin: Session, episode_id: int) -> str:
    ep = episodes_repo.get(admin._db, episode_id)
    assert ep is not None
    p = patients_repo.get(admin._db, ep.patient_id)
    assert p is not None and p.nhs_number
    return p.nhs_number


def test_preview_explains_what_will_not_go(service: ExportService, clinic: dict[str, int]) -> None:
    pv = service.preview("testnacr")
    assert len(pv.ready) == 6 and pv.opted_out == 1 and len(pv.incomplete) == 2
    reasons = {r.episode_id: "; ".join(r.errors) for r in pv.incomplete}
    assert "Assessment 1 has not been recorded" in reasons[clinic["no_a1"]]
    assert "'martian' is not in the code list" in reasons[clinic["badcode"]]


def test_export_verifies_with_crdesk_and_openssl(service: ExportService, admin: Session,
                                                 clinic: dict[str, int], receiver: Receiver,
                                                 tmp_path: Path) -> None:
    out = tmp_path / "batch.p7m"
    result = service.export("testnacr", out, [receiver.cert])
    assert result.rows == 6 and result.sequence == 1
    clinic_pem = tmp_path / "clinic.pem"
    clinic_pem.write_bytes(clinic_certificate_pem(admin))
    package = out.read_bytes()
    verified = verify_package(package, receiver.key.read_bytes(), clinic_pem.read_bytes())
    rows = _rows(verified.files)
    assert len(rows) == 6
    assert verified.manifest.row_counts == {"episodes.csv": 6}
    assert verified.manifest.profile_version == "3"
    # The audit chain's head at export, authenticated: a copy out of the clinic's reach.
    from crdesk.services import anchor

    found = anchor.compare(admin._db, admin._key or b"", verified.manifest.extra["audit_anchor"],
                           "the export manifest")
    assert found.problem == "" and "export" in found.note
    by_nhs = {r["NHS_NUMBER"]: r for r in rows}
    assert by_nhs[_nhs(admin, clinic["nosmoke"])]["A1_SMOKING"] == ""  # empty, never Unknown
    assert by_nhs[_nhs(admin, clinic["pns"])]["A1_SMOKING"] == "9"
    ok = by_nhs[_nhs(admin, clinic["ok0"])]
    assert ok["A1_WEIGHT"] == "82.5" and ok["A1_HADS_A"] == "9" and ok["IE"] == "1"
    assert ok["IE_DATE"] == "05/01/2026" and ok["RECORD_TYPE"] == "new"
    assert "Unknown" not in verified.files["episodes.csv"].decode()
    # Stock OpenSSL, as in the receiver README.
    subprocess.run(["openssl", "cms", "-decrypt", "-binary", "-inform", "DER", "-in", str(out),
                    "-inkey", str(receiver.key), "-recip", str(receiver.cert), "-out",
                    str(tmp_path / "signed.p7s")], check=True, capture_output=True)
    v = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                        str(tmp_path / "signed.p7s"), "-CAfile", str(clinic_pem), "-out",
                        str(tmp_path / "package.zip")], capture_output=True, text=True)
    assert v.returncode == 0 and "Verification successful" in v.stderr
    with zipfile.ZipFile(tmp_path / "package.zip") as zf:
        assert zf.read("episodes.csv") == verified.files["episodes.csv"]
        assert "openssl cms -verify" in zf.read("README.txt").decode()
    written = unpack(verified, tmp_path / "unpacked")
    assert {p.name for p in written} == {"manifest.json", "README.txt", "episodes.csv"}


def test_no_opted_out_identifier_in_any_export(service: ExportService, admin: Session,
                                               clinic: dict[str, int], receiver: Receiver,
                                               tmp_path: Path) -> None:
    opted = _nhs(admin, clinic["optout"])
    ep = episodes_repo.get(admin._db, clinic["optout"])
    assert ep is not None
    patient = patients_repo.get(admin._db, ep.patient_id)
    assert patient is not None
    clinic_pem = clinic_certificate_pem(admin)
    for profile in ("testnacr", "testdeid"):
        out = tmp_path / f"{profile}.p7m"
        service.export(profile, out, [receiver.cert])
        files = verify_package(out.read_bytes(), receiver.key.read_bytes(), clinic_pem).files
        blob = b"".join(files.values())
        assert opted.encode() not in blob
        assert patient.family_name.encode() not in blob


def test_deidentified_export_has_no_identifiers(service: ExportService, admin: Session,
                                                clinic: dict[str, int], receiver: Receiver,
                                                tmp_path: Path) -> None:
    out = tmp_path / "deid.p7s"
    service.export("testdeid", out, [])  # de-identified may be signed only
    content = cms.verify(out.read_bytes(), cms.load_certificate(clinic_certificate_pem(admin)))
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        data = zf.read("deid.csv").decode()
    rows = list(csv.DictReader(io.StringIO(data)))
    assert len(rows) == 6  # 9 episodes less: opted out, no A1, unknown event code
    for p in patients_repo.all_patients(admin._db):
        assert p.nhs_number not in data and p.family_name not in data
        assert p.date_of_birth not in data and (p.hospital_number or "-") not in data
    assert all(r["PSEUDONYM"].startswith("P") and len(r["PSEUDONYM"]) == 17 for r in rows)
    again = {r["PSEUDONYM"] for r in rows}
    pv = service.preview("testdeid")
    assert pv.ready == []  # all sent; the pseudonyms are stable so nothing changed
    assert len(again) == len(rows)


def test_second_export_is_empty_and_reissue_is_identical(service: ExportService, admin: Session,
                                                         clinic: dict[str, int],
                                                         receiver: Receiver,
                                                         tmp_path: Path) -> None:
    first = tmp_path / "first.p7m"
    service.export("testnacr", first, [receiver.cert])
    second = service.export("testnacr", tmp_path / "second.p7m", [receiver.cert])
    assert second.rows == 0 and second.path is None
    assert "Nothing new to export" in second.message
    assert not (tmp_path / "second.p7m").exists()
    again = tmp_path / "again.p7m"
    service.reissue(1, again, [receiver.cert])
    pem = clinic_certificate_pem(admin)
    a = verify_package(first.read_bytes(), receiver.key.read_bytes(), pem)
    b = verify_package(again.read_bytes(), receiver.key.read_bytes(), pem)
    assert a.files == b.files


def test_changed_record_goes_again_as_amendment(service: ExportService, admin: Session,
                                                clinic: dict[str, int], receiver: Receiver,
                                                tmp_path: Path) -> None:
    service.export("testnacr", tmp_path / "1.p7m", [receiver.cert])
    ep = episodes_repo.get(admin._db, clinic["ok1"])
    assert ep is not None
    from dataclasses import replace

    with admin.change("episode.update", "episode", ep.id or 0):
        episodes_repo.update(admin._db, replace(ep, event_date="2026-01-04"))
    result = service.export("testnacr", tmp_path / "2.p7m", [receiver.cert])
    assert result.rows == 1 and result.amendments == 1
    files = verify_package((tmp_path / "2.p7m").read_bytes(), receiver.key.read_bytes(),
                           clinic_certificate_pem(admin)).files
    (row,) = _rows(files)
    assert row["RECORD_TYPE"] == "amendment" and row["IE_DATE"] == "04/01/2026"


def test_any_changed_byte_fails_verification(service: ExportService, admin: Session,
                                             clinic: dict[str, int], receiver: Receiver,
                                             tmp_path: Path) -> None:
    out = tmp_path / "b.p7m"
    service.export("testnacr", out, [receiver.cert])
    package = out.read_bytes()
    clinic_cert = cms.load_certificate(clinic_certificate_pem(admin))
    key, cert = cms.load_receiver(receiver.bundle.read_bytes())
    assert cert is not None
    undetected = []
    for i in range(len(package)):
        for bit in (0x01, 0x80):
            damaged = bytearray(package)
            damaged[i] ^= bit
            try:
                cms.verify(cms.decrypt_with(bytes(damaged), key, cert), clinic_cert)
            except cms.CmsError:
                continue
            undetected.append((i, bit))
    assert undetected == []
    # And the full receiver path, plus openssl, on a sample of positions.
    pem = tmp_path / "clinic.pem"
    pem.write_bytes(clinic_certificate_pem(admin))
    for i in random.Random(5).sample(range(len(package)), 12):
        damaged = bytearray(package)
        damaged[i] ^= 0x01
        with pytest.raises(VerifyError):
            verify_package(bytes(damaged), receiver.bundle.read_bytes(), pem.read_bytes())
        bad = tmp_path / "bad.p7m"
        bad.write_bytes(bytes(damaged))
        r = subprocess.run(
            f"openssl cms -decrypt -binary -inform DER -in {bad} -inkey {receiver.key}"
            f" -recip {receiver.cert} | openssl cms -verify -binary -inform DER"
            f" -CAfile {pem} -out /dev/null", shell=True, capture_output=True, text=True)
        assert "Verification successful" not in r.stderr, i


def test_bad_recipients_and_targets(service: ExportService, clinic: dict[str, int],
                                    receiver: Receiver, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="must be encrypted"):
        service.export("testnacr", tmp_path / "x.p7m", [])
    with pytest.raises(ValidationError, match="not found"):
        service.export("testnacr", tmp_path / "x.p7m", [tmp_path / "missing.pem"])
    ec_cert = tmp_path / "ec.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:P-256", "-nodes", "-keyout", str(tmp_path / "ec.key"),
                    "-out", str(ec_cert), "-days", "5", "-subj", "/CN=ec"], check=True,
                   capture_output=True)
    with pytest.raises(ValidationError, match="RSA"):
        service.export("testnacr", tmp_path / "x.p7m", [ec_cert])
    expired = tmp_path / "old.pem"
    expired.write_bytes(_expired_rsa_cert())
    with pytest.raises(ValidationError, match="expired"):
        service.export("testnacr", tmp_path / "x.p7m", [expired])
    existing = tmp_path / "exists.p7m"
    existing.write_bytes(b"keep me")
    with pytest.raises(ValidationError, match="already exists"):
        service.export("testnacr", existing, [receiver.cert])
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(ExportCancelled):
        service.export("testnacr", tmp_path / "c.p7m", [receiver.cert], cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".p7m") == ["exists.p7m"]
    assert service.preview("testnacr").ready  # nothing was recorded as sent


def _expired_rsa_cert() -> bytes:
    # OpenSSL 3.0's `req` cannot back-date a certificate, so build one directly.
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "old receiver")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(1)
            .not_valid_before(dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
            .not_valid_after(dt.datetime(2021, 1, 1, tzinfo=dt.UTC))
            .sign(key, hashes.SHA256()))
    return cert.public_bytes(serialization.Encoding.PEM)


def test_staff_cannot_export(staff: Session, profiles_dir: Path) -> None:
    with pytest.raises(PermissionDeniedError):
        ExportService(staff, available_profiles(profiles_dir))
