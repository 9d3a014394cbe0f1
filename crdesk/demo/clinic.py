"""A demo clinic: a living clinic for newcomers and screenshots, clearly labelled as demo.

Users ``admin`` and ``staff`` share one password (a default, printed, or the one given).
Patients are synthetic (NHS numbers from the 999 test range), each with a referral episode;
most have both assessments' questionnaires and clinical measures. A receiver key pair in
``demo-receiver/`` lets a newcomer try an export and ``crdesk verify`` end to end.
"""

from __future__ import annotations

from dataclasses import dataclass

from crdesk.atomic import write_atomic
from crdesk.core.forms import FormRegistry
from crdesk.core.roles import Role
from crdesk.crypto import cms
from crdesk.crypto.kdf import DEFAULT_COST, KdfCost
from crdesk.demo.contacts import demo_contacts
from crdesk.demo.episodes import add_demo_episodes
from crdesk.demo.goals import add_demo_goals
from crdesk.demo.opt_outs import add_demo_kiosk_opt_out
from crdesk.demo.patients import demo_patients
from crdesk.services import access, identity
from crdesk.services.deprivation import add_synthetic_lookup
from crdesk.services.home import ClinicHome
from crdesk.storage import contacts_repo, patients_repo

DEFAULT_PASSWORD = "demo-clinic-only-2026"
DEMO_CLINIC_NAME = "Demo Cardiac Rehab (DEMO DATA - not real patients)"
DEMO_ODS = "DEMO1"
RECEIVER_DIR = "demo-receiver"

_RECEIVER_README = """\
Demo receiver keys - DEMO ONLY, never use them for real data.

receiver-key.pem   the receiver's private key (with its certificate), for crdesk verify
receiver-cert.pem  the receiver's certificate; the demo clinic encrypts exports to it
clinic-cert.pem    the demo clinic's signing certificate

Try:  crdesk --basedir DIR export --profile nacr --out batch.p7m --user admin
      crdesk verify batch.p7m --key receiver-key.pem --clinic-cert clinic-cert.pem --out unpacked
"""


@dataclass(frozen=True)
class DemoClinic:
    recovery_key: str
    password: str
    patients: int


def make_demo(home: ClinicHome, *, patients: int = 200, password: str = DEFAULT_PASSWORD,
              cost: KdfCost = DEFAULT_COST, episodes: bool = True,
              variants: int | None = None, all_complete: bool = False) -> DemoClinic:
    new = access.create(home, clinic_name=DEMO_CLINIC_NAME, ods_code=DEMO_ODS, admin="admin",
                      password=password, demo=True, cost=cost)
    session = access.unlock(home, "admin", password)
    try:
        session.add_user("staff", Role.STAFF, password, display_name="Demo staff", cost=cost)
        with session.change("demo.populate", "clinic", new.database_id, {"patients": patients}):
            patients_repo.insert_many(session._db, demo_patients(patients))
            for contact in demo_contacts(patients_repo.all_patients(session._db)):
                contacts_repo.save(session._db, contact, "demo")
        # A synthetic postcode-to-decile lookup, labelled as such, so equity shows quintiles.
        add_synthetic_lookup(session)
        if episodes:
            add_demo_episodes(session, patients_repo.all_patients(session._db),
                              FormRegistry.from_dir(), variants=variants,
                              all_complete=all_complete)
            add_demo_goals(session)
            add_demo_kiosk_opt_out(session)
        receiver = cms.new_receiver_identity("crdesk DEMO receiver")
        identity.set_recipients(session, [receiver.cert_pem])
        folder = home.basedir.root / RECEIVER_DIR
        folder.mkdir(mode=0o700, exist_ok=True)
        write_atomic(folder / "receiver-key.pem", receiver.key_pem + receiver.cert_pem)
        write_atomic(folder / "receiver-cert.pem", receiver.cert_pem)
        write_atomic(folder / "clinic-cert.pem", identity.clinic_certificate_pem(session))
        write_atomic(folder / "README.txt", _RECEIVER_README.encode())
    finally:
        session.close()
    s = home.settings()
    s.demo_usernames = ["admin", "staff"]
    s.demo_password = password
    s.last_user = "staff"
    home.save_settings(s)
    return DemoClinic(new.recovery_key, password, patients)

