"""Contact details: shown and saved on the record, checked field by field, audited with the
field names only, and never in any export profile (read back from real decrypted packages
of a demo clinic, whose patients all have contact details)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from crdesk.core.contact import ContactDetails
from crdesk.core.episode import Episode, EpisodeSnapshot
from crdesk.core.patient import Patient
from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.clinic import RECEIVER_DIR, make_demo
from crdesk.export.profile import ProfileError, load_profile
from crdesk.export.verify import verify_package
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.contacts import ContactService
from crdesk.services.export import ExportService
from crdesk.services.field_errors import FieldErrors
from crdesk.services.home import ClinicHome
from crdesk.services.patients import PatientService
from crdesk.services.session import Session
from crdesk.storage import contacts_repo, patients_repo

PW = "contacts-demo-passphrase"


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[Session, Path]]:
    b = BaseDir(tmp_path / "demo")
    with ClinicHome.open(b) as home:
        make_demo(home, patients=12, password=PW, cost=TEST_COST, all_complete=True)
        s = access.unlock(home, "staff", PW)
        yield s, b.root / RECEIVER_DIR
        s.close()


def test_save_checks_each_field_audits_names_only_and_shows_on_the_record(
        demo: tuple[Session, Path]) -> None:
    s, _ = demo
    pid = patients_repo.all_patients(s._db)[0].id
    assert pid is not None
    svc = ContactService(s)
    before = svc.get(pid)
    with pytest.raises(FieldErrors) as bad:
        svc.save(ContactDetails(pid, phone_main="12345", preferred_contact="letter",
                                interpreter_needed=True, carer_phone="call me"))
    assert set(bad.value.problems) == {"phone_main", "carer_phone", "address",
                                       "interpreter_language"}
    assert "area code" in bad.value.problems["phone_main"]
    assert svc.get(pid) == before  # nothing saved
    new = ContactDetails(pid, phone_main=" 07700  900456 ", address="  4 Quarry Hill \n\n York ",
                         preferred_contact="text", interpreter_needed=True,
                         interpreter_language="Urdu", carer_name="Rahim Example",
                         carer_relationship="son", carer_phone="+44 7700 900457")
    changed = svc.save(new)
    assert "phone_main" in changed and "carer_name" in changed
    got = svc.get(pid)
    assert got.phone_main == "07700 900456" and got.address == "4 Quarry Hill, York"
    assert PatientService(s).open(pid).contact == got
    detail = s._db.scalar("SELECT detail FROM audit_log WHERE action = 'contact.update'"
                          " ORDER BY seq DESC LIMIT 1")
    assert "phone_main" in detail and "900456" not in detail and "Rahim" not in detail
    assert svc.save(new) == []  # saving the same again changes nothing


def test_contact_details_never_reach_an_export(demo: tuple[Session, Path],
                                               tmp_path: Path) -> None:
    staff, receiver = demo
    admin = access.unlock(staff.home, "admin", PW)
    try:
        contacts = [contacts_repo.get(admin._db, p.id or 0)
                    for p in patients_repo.all_patients(admin._db)]
        needles = set()
        for c in contacts:
            for phone in (c.phone_main, c.phone_other, c.carer_phone):
                if phone:
                    needles |= {phone, phone.replace(" ", "")}
            needles |= {(c.address or "").split(",")[0]} - {""}
            needles |= {c.carer_name} if c.carer_name else set()
        assert len(needles) > 20
        svc = ExportService(admin)
        key = (receiver / "receiver-key.pem").read_bytes()
        cert = (receiver / "clinic-cert.pem").read_bytes()
        for profile in svc.profiles:
            out = tmp_path / f"{profile}.p7m"
            result = svc.export(profile, out, [], today=dt.date.today())
            assert result.rows > 0, profile
            files = verify_package(out.read_bytes(), key, cert).files
            text = "\n".join(v.decode("utf-8", "replace") for v in files.values())
            assert list(csv.reader(io.StringIO(text)))
            leaked = sorted(n for n in needles if n in text)
            assert leaked == [], profile
    finally:
        admin.close()


def test_no_profile_can_reach_a_contact_field(demo: tuple[Session, Path],
                                            tmp_path: Path) -> None:
    # Contact details are not part of what an export reads (patients and episodes): no field
    # of the snapshot carries them, so even a profile naming one gets nothing.
    contact_fields = {f.name for f in dataclasses.fields(ContactDetails)} - {"patient_id"}
    for cls in (Patient, Episode, EpisodeSnapshot):
        assert not contact_fields & {f.name for f in dataclasses.fields(cls)}, cls
    bad = tmp_path / "contact.yaml"
    bad.write_text("id: leak\nversion: '1'\ntitle: t\nidentifiable: true\nfile: x.csv\n"
                   "columns:\n  - {name: X, source: contact.phone_main}\n")
    with pytest.raises(ProfileError, match="unknown source"):
        load_profile(bad)
    sneaky = tmp_path / "sneaky.yaml"
    sneaky.write_text("id: sneaky\nversion: '1'\ntitle: t\nidentifiable: true\nfile: x.csv\n"
                      "columns:\n  - {name: NHS, source: patient.nhs_number}\n"
                      + "".join(f"  - {{name: C{i}, source: patient.{f}}}\n"
                                for i, f in enumerate(sorted(contact_fields))))
    staff, _ = demo
    admin = access.unlock(staff.home, "admin", PW)
    try:
        pv = ExportService(admin, {"sneaky": load_profile(sneaky)}).preview("sneaky")
        assert pv.ready
        assert all(v == "" for r in pv.ready for k, v in r.values.items() if k != "NHS")
    finally:
        admin.close()
