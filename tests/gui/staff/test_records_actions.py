"""The record page's records-management actions, driven as a user would: staff restrict
and release with a reason (no subject-access button for them); an admin saves the copy
where chosen, PDF and JSON, in the background."""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

from PySide6.QtWidgets import QDialog, QPlainTextEdit
from pytestqt.qtbot import QtBot

from crdesk.core.episode import Episode
from crdesk.core.patient import Patient
from crdesk.gui.staff.record_view import PatientRecordView
from crdesk.gui.staff.records_actions import default_copy_path
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.records import RecordsService
from crdesk.storage import audit_repo, episodes_repo, patients_repo
from tests.gui.conftest import DEMO_PASSWORD

TODAY = dt.date.today()


def test_staff_restrict_and_release_with_a_reason(qtbot: QtBot, demo_clinic: ClinicHome) -> None:
    s = access.unlock(demo_clinic, "staff", DEMO_PASSWORD)
    try:
        pid = patients_repo.all_patients(s._db)[0].id or 0
        view = PatientRecordView(s, pid, today=TODAY)
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        assert not view.copy_action.isVisible()  # the copy is an admin's
        assert view.records_button.isVisible() and view.restrict_action.isVisible()
        dialog = view.restrict()
        dialog.save()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert "reason is needed" in dialog.message.text()
        assert not RecordsService(s).is_restricted(pid)
        reason = dialog.grid.fields["reason"]
        assert isinstance(reason, QPlainTextEdit)
        reason.setPlainText("Patient asked while they dispute the record")
        dialog.save()
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert RecordsService(s).is_restricted(pid)
        assert "RESTRICTED" in view.identity.text()
        assert "Release" in view.restrict_action.text()
        release = view.restrict()
        field = release.grid.fields["reason"]
        assert isinstance(field, QPlainTextEdit)
        field.setPlainText("Settled")
        release.save()
        assert not RecordsService(s).is_restricted(pid)
        assert "RESTRICTED" not in view.identity.text()
    finally:
        s.close()


def test_admin_saves_the_copy_where_chosen(qtbot: QtBot, demo_clinic: ClinicHome,
                                          tmp_path: Path) -> None:
    s = access.unlock(demo_clinic, "admin", DEMO_PASSWORD)
    try:
        p = patients_repo.all_patients(s._db)[0]
        view = PatientRecordView(s, p.id or 0, today=TODAY)
        qtbot.addWidget(view)
        view.show()
        assert view.copy_action.isVisible()
        suggested = default_copy_path(TODAY)
        assert p.family_name not in suggested.name and (p.nhs_number or "-") not in str(suggested)
        out = tmp_path / "chosen"
        out.mkdir()
        view.write_copy(out / "copy-for-patient.pdf")
        op = view.copy_operation
        assert op is not None
        qtbot.waitUntil(lambda: not op.running, timeout=60_000)
        qtbot.waitUntil(view.copy_action.isEnabled, timeout=10_000)
        assert sorted(f.name for f in out.iterdir()) == ["copy-for-patient.json",
                                                              "copy-for-patient.pdf"]
        doc = json.loads((out / "copy-for-patient.json").read_text(encoding="utf-8"))
        assert doc["patient"]["id"] == p.id
        assert "copy-for-patient.pdf" in view.message.text()
        assert audit_repo.entries(s._db, action="records.subject_access")
    finally:
        s.close()


def test_admin_lists_records_past_the_period_and_purges_one(
        qtbot: QtBot, demo_clinic: ClinicHome) -> None:
    from crdesk.gui.admin.retention_page import RetentionPage

    s = access.unlock(demo_clinic, "admin", DEMO_PASSWORD)
    try:
        page = RetentionPage(s)
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        assert page.years.value() == 8
        assert "transform.england.nhs.uk" in page.years.toolTip()
        page.years.setValue(9)
        page.save_years()
        assert RecordsService(s).retention_years() == 9
        page.years.setValue(8)
        page.save_years()
        # A patient whose programme ended ten years ago, beside the demo's recent ones.
        with s._db.transaction() as db:
            old = patients_repo.insert(db, Patient(None, "9434765919", None, "Oldfield",
                                                   "Agnes", "1940-02-02"))
            episodes_repo.insert(db, Episode(None, old, referral_date="2014-01-06",
                                             programme_start="2014-02-01",
                                             programme_end="2014-03-30", outcome="completed"))
        page.list_due()
        op = page.list_operation
        assert op is not None
        qtbot.waitUntil(lambda: not op.running and page.list_button.isEnabled(),
                        timeout=60_000)
        due = RecordsService(s).due_for_disposal(TODAY)
        assert [d.patient_id for d in due] == [old]
        assert page.due.count() == 1 and "OLDFIELD" in page.due.item(0).text()
        page.due.setCurrentRow(0)
        pid = old
        dialog = page.purge_chosen()
        assert dialog is not None
        dialog.save()
        assert dialog.result() != QDialog.DialogCode.Accepted  # no reason given
        reason = dialog.grid.fields["reason"]
        assert isinstance(reason, QPlainTextEdit)
        reason.setPlainText("Retention period over")
        dialog.save()
        qtbot.waitUntil(lambda: page.purge_operation is not None
                        and not page.purge_operation.running, timeout=60_000)
        qtbot.waitUntil(lambda: "Backups made before" in html.unescape(page.message.text()),
                        timeout=10_000)
        assert patients_repo.get(s._db, pid) is None
        assert page.due.count() == 0
    finally:
        s.close()


def test_admin_purges_on_the_patients_request(qtbot: QtBot, demo_clinic: ClinicHome) -> None:
    from crdesk.gui.admin.retention_page import RetentionPage

    s = access.unlock(demo_clinic, "admin", DEMO_PASSWORD)
    try:
        p = patients_repo.all_patients(s._db)[0]
        page = RetentionPage(s)
        qtbot.addWidget(page)
        page.show()
        page.request_nhs.setText("943 476 5870")  # valid, but nobody here
        assert page.purge_on_request() is None
        assert "No patient has that NHS number" in page.message.text()
        page.request_nhs.setText(p.nhs_number or "")
        dialog = page.purge_on_request()
        assert dialog is not None
        reason = dialog.grid.fields["reason"]
        assert isinstance(reason, QPlainTextEdit)
        reason.setPlainText("Erasure asked for in writing; letter filed")
        dialog.save()
        qtbot.waitUntil(lambda: page.purge_operation is not None
                        and not page.purge_operation.running, timeout=60_000)
        qtbot.waitUntil(lambda: "Purging" not in page.message.text(), timeout=10_000)
        shown = html.unescape(page.message.text())
        assert "at the patient's request" in shown and "Backups made before" in shown
        assert patients_repo.get(s._db, p.id or 0) is None
        assert page.request_nhs.text() == ""
    finally:
        s.close()
