"""Screenshots of records management on the patient record page (issue 17): an admin's
record with the restrict and copy buttons, a restricted record, and the restrict dialog.

Run alone with ``python -m tools.screenshots.records OUTDIR`` (a small demo clinic).
"""

from __future__ import annotations

import sys

from crdesk.core.episode import Episode
from crdesk.core.patient import Patient
from crdesk.gui.admin.retention_page import RetentionPage
from crdesk.gui.staff.record_view import PatientRecordView
from crdesk.services import access
from crdesk.services.records import RecordsService
from crdesk.storage import episodes_repo, patients_repo
from tools.screenshots.alone import run_alone
from tools.screenshots.shooter import DemoClinic, Shooter, wait_until

OLD_NHS = "9434765919"


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
        try:
            record.reload()
            shooter.save(record, "records-record-restricted")
            record.close()
        finally:
            # Released again, whatever happened: the other screens (and this one's next
            # turn in the layout check) see it as before.
            RecordsService(session).set_restricted(pid, False, "Screenshot taken")
        # A record whose programme ended in 2014 (once: the layout check takes these
        # screens again for each size and text size, and an NHS number is registered once).
        if not any(p.nhs_number == OLD_NHS for p in patients_repo.all_patients(session._db)):
            with session._db.transaction() as db:
                old = patients_repo.insert(db, Patient(None, OLD_NHS, None, "Oldfield",
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
    return run_alone(argv, "records", shoot_records)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
