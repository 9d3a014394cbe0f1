"""A demo clinic: a living clinic for newcomers and screenshots, clearly labelled as demo.

Users ``admin`` and ``staff`` share one password (a default, printed, or the one given).
Later features add their own demo data here (episodes, answers, goals, exports).
"""

from __future__ import annotations

from dataclasses import dataclass

from crdesk.core.demo_data import demo_patients
from crdesk.core.roles import Role
from crdesk.crypto.kdf import DEFAULT_COST, KdfCost
from crdesk.services.home import ClinicHome
from crdesk.storage import patients_repo

DEFAULT_PASSWORD = "demo-clinic-only-2026"
DEMO_CLINIC_NAME = "Demo Cardiac Rehab (DEMO DATA - not real patients)"
DEMO_ODS = "DEMO1"


@dataclass(frozen=True)
class DemoClinic:
    recovery_key: str
    password: str
    patients: int


def make_demo(home: ClinicHome, *, patients: int = 200, password: str = DEFAULT_PASSWORD,
              cost: KdfCost = DEFAULT_COST) -> DemoClinic:
    new = home.create(clinic_name=DEMO_CLINIC_NAME, ods_code=DEMO_ODS, admin="admin",
                      password=password, demo=True, cost=cost)
    session = home.unlock("admin", password)
    try:
        session.add_user("staff", Role.STAFF, password, display_name="Demo staff", cost=cost)
        with session.change("demo.populate", "clinic", new.database_id, {"patients": patients}):
            patients_repo.insert_many(session.db, demo_patients(patients))
    finally:
        session.close()
    s = home.settings()
    s.demo_usernames = ["admin", "staff"]
    s.demo_password = password
    s.last_user = "staff"
    home.save_settings(s)
    return DemoClinic(new.recovery_key, password, patients)
