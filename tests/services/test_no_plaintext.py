"""No demo patient's NHS number, name or contact details (phones, address, carer) reach the
disk in plaintext: database, WAL, backups, logs, settings, key slots."""

from __future__ import annotations

import dataclasses
import logging
import logging.handlers
from pathlib import Path

import pytest

from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.clinic import make_demo
from crdesk.demo.contacts import demo_contacts
from crdesk.demo.patients import demo_patients
from crdesk.log import setup_logging
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.files import snapshot_backup
from crdesk.services.home import ClinicHome
from crdesk.storage import contacts_repo, patients_repo, responses_repo

N = 60


def _needles() -> list[bytes]:
    out: list[bytes] = []
    for p in demo_patients(N):
        assert p.nhs_number
        nhs = p.nhs_number
        out += [nhs.encode(), f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}".encode(),
                f"{p.given_name} {p.family_name}".encode(), p.hospital_number.encode()
                if p.hospital_number else b""]
        if len(p.family_name) >= 7:
            out.append(p.family_name.encode())
    # Contact details, as stored and as digits only (demo_contacts needs ids: the demo
    # clinic numbers its patients from 1 in this order).
    numbered = [dataclasses.replace(p, id=i + 1) for i, p in enumerate(demo_patients(N))]
    for c in demo_contacts(numbered):
        for phone in (c.phone_main, c.phone_other, c.carer_phone):
            if phone:
                out += [phone.encode(), phone.replace(" ", "").encode()]
        assert c.address
        out += [c.address.encode(), c.address.split(",")[0].encode()]
        if c.carer_name:
            out.append(c.carer_name.encode())
    return [n for n in out if n]


def _scan(root: Path, needles: list[bytes]) -> list[str]:
    hits = []
    for f in sorted(root.rglob("*")):
        if f.is_file():
            data = f.read_bytes()
            hits += [f"{f.relative_to(root)}: {n!r}" for n in needles if n in data]
    return hits


@pytest.mark.expected_log_warning(r"^bad line ", r"^bad phone ")  # identifiers on purpose
def test_demo_clinic_files_hold_no_identifiers(tmp_path: Path) -> None:
    b = BaseDir(tmp_path / "demo")
    needles = _needles()
    with ClinicHome.open(b) as home:
        setup_logging(b.logs)
        made = make_demo(home, patients=N, password="demo-scan-passphrase", cost=TEST_COST)
        s = access.unlock(home, "staff", made.password)
        patients = patients_repo.all_patients(s._db)
        assert len(patients) == N
        assert all(p.is_demo for p in patients)
        contact = contacts_repo.get(s._db, patients[0].id or 0)
        assert contact.phone_main and contact.address  # the demo clinic has them
        assert contact.phone_main.encode() in needles  # and the scan looks for them
        assert contact.address.encode() in needles
        # Real use: answers saved, a backup taken, and the app logging as it goes.
        rid = responses_repo.start_response(s._db, patient_id=patients[0].id or 0,
                                            form_id="f", form_version="1", form_hash="0" * 64,
                                            locale="en-GB", mode="patient", actor="staff")
        for i in range(20):
            responses_repo.save_answer(s._db, rid, f"q{i}", {"text": patients[i].family_name},
                                       "staff")
        logging.getLogger("crdesk.test").info("opened patient %s", patients[0].id)
        # Defence in depth: even a careless log line with an NHS number is blanked.
        logging.getLogger("crdesk.test").warning("bad line %s", patients[1].nhs_number)
        logging.getLogger("crdesk.test").warning("bad phone %s", contact.phone_main)
        wal = Path(f"{b.db}-wal")
        assert wal.exists()
        assert wal.stat().st_size > 0
        hits_open = _scan(b.root, needles)  # while the WAL is live
        snapshot_backup(b, "scan-test")
        s.close()
    root_logger = logging.getLogger()
    for h in list(root_logger.handlers):
        if isinstance(h, logging.handlers.RotatingFileHandler):
            root_logger.removeHandler(h)
            h.close()
    assert (b.logs / "crdesk.log").stat().st_size > 0
    assert list(b.backups.iterdir())
    assert hits_open == []
    assert _scan(b.root, needles) == []


def test_scan_would_find_a_leak(tmp_path: Path) -> None:
    # The scanner itself must be able to fail.
    needles = _needles()
    (tmp_path / "leak.txt").write_bytes(b"xx" + needles[0] + b"yy")
    assert _scan(tmp_path, needles)
