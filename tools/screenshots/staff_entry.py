"""Screenshots of staff entry of a patient questionnaire (telephone, paper typed in).

Run alone with ``python -m tools.screenshots.staff_entry OUTDIR`` (a small demo clinic), or
as part of ``python -m tools.screenshots``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys

from crdesk.core.episode import Episode
from crdesk.core.roles import Role
from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.patients import demo_patients
from crdesk.gui.staff.questionnaire_entry import EntryDialog, StartEntryDialog
from crdesk.gui.staff.record_view import PatientRecordView
from crdesk.services import access
from crdesk.services.episodes import EpisodeService
from crdesk.services.patients import PatientService
from crdesk.services.session import Session
from crdesk.services.staff_entry import StaffEntryService
from tools.screenshots.alone import run_alone
from tools.screenshots.shooter import DemoClinic, Shooter

SECOND_USER = ("checker", "a second pair of eyes 42")
# Each call adds new patients: the layout check takes these screens once per size and text
# size on the same demo clinic, and a patient's NHS number can be registered only once.
_SEEDS = itertools.count(71)


def _patient(session: Session, seed: int) -> tuple[int, int]:
    today = dt.date.today()
    p = next(demo_patients(1, seed=seed))
    pid = PatientService(session, today).create(p)
    eid = EpisodeService(session, today).save(Episode(
        None, pid, initiating_event="mi_nstemi", event_date=(today - dt.timedelta(days=90))
        .isoformat(), referral_date=(today - dt.timedelta(days=85)).isoformat()))
    return pid, eid


def shoot_staff_entry(shooter: Shooter, demo: DemoClinic) -> None:
    session = access.unlock(demo.home, "staff", demo.password)
    if SECOND_USER[0] not in {u.username for u in session.list_users()}:
        admin = access.unlock(demo.home, "admin", demo.password)
        admin.add_user(SECOND_USER[0], Role.STAFF, SECOND_USER[1], cost=TEST_COST)
        admin.close()
    try:
        svc = StaffEntryService(session)
        pid, eid = _patient(session, next(_SEEDS))
        start = StartEntryDialog(svc, pid, eid, "A2")
        start.resize(760, 420)
        start.answered.setText("01/01/2099")
        start.start()
        shooter.save_as_is(start, "staff-entry-start-future-date")
        start.answered.setText(dt.date.today().strftime("%d/%m/%Y"))
        start.start()
        assert start.entry is not None
        entry = start.entry
        dialog = EntryDialog(svc, entry)
        view = dialog.view
        # Health, then lifestyle with a follow-up shown and others "not asked".
        svc.answer(entry, "comorbidities", ["angina"])
        dialog.show_section()
        shooter.save(dialog, "staff-entry-section-health")
        entry.walk.next()
        dialog.show_section()
        for qid, value in (("height", "172"), ("weight", "80"), ("smoking_status", "never"),
                           ("drinks_alcohol", "yes")):
            svc.answer(entry, qid, value)
        dialog.show_section()
        shooter.save(dialog, "staff-entry-section-lifestyle")
        entry.walk.go("feelings")
        dialog.show_section()
        shooter.save(dialog, "staff-entry-licence-notice")
        view = dialog.view
        svc.skip_section(entry, "feelings", "placeholder text; paper copy posted")
        dialog.show_section()
        shooter.save(dialog, "staff-entry-section-skipped")
        entry.walk.go("medicines")
        dialog.show_section()
        entry.fs.finished = True
        dialog.show_review()
        shooter.save(dialog, "staff-entry-review")
        dialog.finish()
        shooter.save(dialog, "staff-entry-done")
        dialog.reject()
        del view
        record = PatientRecordView(session, pid)
        shooter.save(record, "staff-entry-record-assessments")
        record.tabs.setCurrentWidget(record.progress)
        shooter.save(record, "staff-entry-record-progress")
        record.close()

        # Paper, entered twice: the differences screen.
        pid2, eid2 = _patient(session, next(_SEEDS))
        paper = svc.open(pid2, eid2, "A2", method="paper",
                         answered_on=dt.date.today().strftime("%d/%m/%Y"), double_entry=True)
        for qid, value in (("smoking_status", "never"), ("drinks_alcohol", "no"),
                           ("employment_status", "retired"), ("takes_medicines", "no"),
                           ("hads_1", 2), ("coop_pain", 3)):
            svc.answer(paper, qid, value)
        svc.finish(paper)
        checker = access.unlock(demo.home, SECOND_USER[0], SECOND_USER[1])
        try:
            csvc = StaffEntryService(checker)
            second = csvc.open(pid2, eid2, "A2")
            for qid, value in (("smoking_status", "ex_over_6m"), ("drinks_alcohol", "no"),
                               ("employment_status", "retired"), ("takes_medicines", "no"),
                               ("hads_1", 1), ("coop_pain", 3)):
                csvc.answer(second, qid, value)
            csvc.finish(second)
            diffs = EntryDialog(csvc, second)
            shooter.save(diffs, "staff-entry-differences")
            diffs.reject()
        finally:
            checker.close()
    finally:
        session.close()


def main(argv: list[str]) -> int:
    return run_alone(argv, "staff_entry", shoot_staff_entry)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
