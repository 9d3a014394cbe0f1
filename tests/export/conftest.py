"""An admin session with a handful of episodes, a test export profile and a receiver."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from crdesk.core.episode import Episode
from crdesk.demo.patients import demo_patients
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, patients_repo, responses_repo

PROFILE = """\
id: testnacr
version: "3"
title: Test NACR profile
identifiable: true
file: episodes.csv
date_format: "%d/%m/%Y"
columns:
  - {name: NHS_NUMBER, source: patient.nhs_number, required: true}
  - {name: DOB, source: patient.date_of_birth, kind: date, required: true}
  - {name: IE, source: episode.initiating_event, required: true,
     codes: {mi_stemi: "1", mi_nstemi: "2", cabg: "5"}}
  - {name: IE_DATE, source: episode.event_date, kind: date, required: true}
  - {name: A1_DATE, source: assessment.A1.done_date, kind: date}
  - {name: A1_SMOKING, source: answer.A1.smoking_status,
     codes: {never: "1", ex: "2", current: "3", prefer_not_to_say: "9"}}
  - {name: A1_WEIGHT, source: staff.A1.weight, kind: number}
  - {name: A1_HADS_A, source: score.A1.hads_anxiety, kind: number}
  - {name: RECORD_TYPE, source: batch.record_type}
"""

DEID = """\
id: testdeid
version: "1"
title: Test de-identified profile
identifiable: false
file: deid.csv
columns:
  - {name: PSEUDONYM, source: derived.pseudonym, required: true}
  - {name: AGE_BAND, source: derived.age_band}
  - {name: DISTRICT, source: derived.postcode_district}
  - {name: IE, source: episode.initiating_event, codes: {mi_stemi: "1", mi_nstemi: "2", cabg: "5"}}
"""


@dataclass
class Receiver:
    key: Path
    cert: Path
    bundle: Path


@pytest.fixture(scope="session")
def receiver(tmp_path_factory: pytest.TempPathFactory) -> Receiver:
    d = tmp_path_factory.mktemp("receiver")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    str(d / "key.pem"), "-out", str(d / "cert.pem"), "-days", "30", "-subj",
                    "/CN=NACR test receiver"], check=True, capture_output=True)
    (d / "bundle.pem").write_bytes((d / "key.pem").read_bytes() + (d / "cert.pem").read_bytes())
    return Receiver(d / "key.pem", d / "cert.pem", d / "bundle.pem")


@pytest.fixture
def profiles_dir(tmp_path: Path) -> Path:
    d = tmp_path / "profiles"
    d.mkdir()
    (d / "testnacr.yaml").write_text(PROFILE)
    (d / "testdeid.yaml").write_text(DEID)
    return d


def add_episode(admin: Session, *, seed: int, opted_out: bool = False, a1: bool = True,
                event: str = "mi_stemi", smoking: object = "ex") -> tuple[int, int]:
    p = next(demo_patients(1, seed=seed, opt_out_every=0))
    if opted_out:
        from dataclasses import replace

        p = replace(p, nacr_opt_out=True, nacr_opt_out_date="2026-01-10")
    with admin.change("test.setup", "patient"):
        pid = patients_repo.insert(admin._db, p)
        eid = episodes_repo.insert(admin._db, Episode(
            None, pid, initiating_event=event, event_date="2026-01-05",
            referral_date="2026-01-12", programme_start="2026-02-01"))
        aid = episodes_repo.set_assessment(admin._db, eid, "A1",
                                           done_date="2026-01-20" if a1 else None)
    if a1:
        for mode, answers in (("patient", {"smoking_status": smoking}),
                              ("staff", {"weight": {"value": 82.5, "unit": "kg"}})):
            rid = responses_repo.start_response(
                admin._db, patient_id=pid, assessment_id=aid, form_id=f"f_{mode}",
                form_version="1", form_hash="0" * 64, locale="en-GB", mode=mode,
                actor="admin")
            for q, v in answers.items():
                if v is not None:
                    responses_repo.save_answer(admin._db, rid, q, v, "admin")
            responses_repo.complete_response(
                admin._db, rid, "admin",
                {"hads_anxiety": (9.0, "mild", {})} if mode == "patient" else {})
    return pid, eid
