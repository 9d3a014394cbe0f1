"""Screenshots of records management on the patient record page (issue 17): an admin's
record with the restrict and copy buttons, a restricted record, and the restrict dialog.

Run alone with ``python -m tools.screenshots.records OUTDIR`` (a small demo clinic).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from crdesk.core.episode import Episode  # noqa: E402
from crdesk.core.patient import Patient  # noqa: E402
from crdesk.crypto.kdf import TEST_COST  # noqa: E402
from crdesk.demo.clinic import make_demo  # noqa: E402
from crdesk.gui.admin.retention_page import RetentionPage  # noqa: E402
from crdesk.gui.staff.record_view import PatientRecordView  # noqa: E402
from crdesk.gui.style import apply_style  # noqa: E402
from crdesk.paths import BaseDir  # noqa: E402
from crdesk.services import access  # noqa: E402
from crdesk.services.home import ClinicHome  # noqa: E402
from crdesk.services.records import RecordsService  # noqa: E402
from crdesk.storage import episodes_repo, patients_repo  # noqa: E402
from tools.screenshots.shooter import DemoClinic, Shooter, wait_until  # noqa: E402


def shoot_records(shooter: Shooter, demo: DemoClinic) -> None:
    session = access.unlock(demo.home, "admin", demo.password)
    try:
        pid = patients_repo.all_patients(session._db)[0].id or 0
        record = PatientRecordView(session, pid)
        shooter.save(record, "records-record-admin")
        dialog = record.restrict()
        shooter.save_as_is(dialog, "records-restrict-dialog")
        dialog.reject()
        RecordsService(session).set_restricted(pid, True, "Patient asked (screenshot)")
        record.reload()
        shooter.save(record, "records-record-restricted")
        record.close()
        with session._db.transaction() as db:  # a record whose programme ended in 2014
            old = patients_repo.insert(db, Patient(None, "9434765919", None, "Oldfield",
                                                   "Agnes", "1940-02-02"))
            episodes_repo.insert(db, Episode(None, old, referral_date="2014-01-06",
                                             programme_end="2014-03-30",
                                             outcome="completed"))
        page = RetentionPage(session)
        page.list_due()
        wait_until(lambda: page.list_operation is not None and not page.list_operation.running
                   and page.list_button.isEnabled())
        page.due.setCurrentRow(0)
        shooter.save(page, "records-retention-page")
        dialog2 = page.purge_chosen()
        assert dialog2 is not None
        shooter.save_as_is(dialog2, "records-purge-dialog")
        dialog2.reject()
    finally:
        session.close()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tools.screenshots.records OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["crdesk-screenshots"])
    assert isinstance(app, QApplication)
    apply_style(app)
    with tempfile.TemporaryDirectory(prefix="crdesk-shots-") as tmp:
        home = ClinicHome.open(BaseDir(Path(tmp) / "demo"))
        try:
            made = make_demo(home, patients=2, cost=TEST_COST)
            shoot_records(Shooter(out), DemoClinic(home, made.password))
        finally:
            home.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
