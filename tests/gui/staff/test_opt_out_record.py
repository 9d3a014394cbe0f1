"""The patient record's NACR opt-out banner and contact tab, driven as staff would: a kiosk
opt-out shows "Opt-out to confirm"; Confirm without a date is refused at the field, with a
date it is confirmed; Clear without a reason is refused, with one it is cleared. Contact
details are saved from their tab, a bad phone number refused at its field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from crdesk.core.opt_out import OptOutState
from crdesk.gui.staff.opt_out_panel import METHOD_WORDS
from crdesk.gui.staff.record_view import PatientRecordView
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.opt_out import OptOutService
from crdesk.services.questionnaires import PATIENT_FORM, QuestionnaireService
from crdesk.services.session import Session
from crdesk.storage import contacts_repo, episodes_repo, patients_repo
from tests.gui.conftest import DEMO_PASSWORD

TODAY = dt.date.today()


@pytest.fixture
def staff(demo_clinic: ClinicHome) -> Iterator[Session]:
    s = access.unlock(demo_clinic, "staff", DEMO_PASSWORD)
    yield s
    s.close()


def _opt_out_at_kiosk(s: Session, pid: int) -> None:
    episode = episodes_repo.for_patient(s._db, pid)[-1]
    q = QuestionnaireService(s)
    opened = q.start_or_resume(pid, PATIENT_FORM, episode_id=episode.id, assessment="A1")
    q.answer(opened, "info_acknowledgement", "opt_out")


def test_banner_confirm_and_clear(qtbot: QtBot, staff: Session) -> None:
    pid = next(p.id for p in patients_repo.all_patients(staff._db) if not p.nacr_opt_out)
    assert pid is not None
    _opt_out_at_kiosk(staff, pid)
    view = PatientRecordView(staff, pid, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    banner = view.opt_out_banner
    assert banner.text.text().startswith("Opt-out to confirm.")
    assert "left out of every NACR export" in banner.text.text()
    assert "not sent to NACR" in view.identity.text()
    assert banner.confirm_button.isVisible() and banner.clear_button.isVisible()

    dialog = view.confirm_opt_out()
    assert dialog is not None
    date = dialog.grid.fields["opt_out_date"]
    assert isinstance(date, QLineEdit)
    assert date.text() == TODAY.strftime("%d/%m/%Y")  # the kiosk answer's day, to check
    date.setText("")
    dialog.save()
    assert "Enter the date the patient opted out" in dialog.grid.message("opt_out_date")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert OptOutService(staff).status(pid).state is OptOutState.TO_CONFIRM
    date.setText((TODAY - dt.timedelta(days=1)).strftime("%d/%m/%Y"))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert banner.text.text().startswith("Opted out of NACR on")
    assert not banner.confirm_button.isVisible() and banner.clear_button.isVisible()

    clear = view.clear_opt_out()
    clear.save()
    assert clear.grid.message("reason").startswith("Give the reason")
    assert OptOutService(staff).status(pid).state is OptOutState.CONFIRMED
    reason = clear.grid.fields["reason"]
    assert isinstance(reason, QPlainTextEdit)
    reason.setPlainText("Recorded against the wrong patient")
    clear.save()
    assert clear.result() == QDialog.DialogCode.Accepted
    assert banner.text.text().startswith("Opt-out cleared by staff")
    assert "Recorded against the wrong patient" in banner.text.text()
    assert "included in NACR exports" in banner.text.text()
    assert banner.confirm_button.text().replace("&", "") == "Record opt-out…"


def test_contact_tab_saves_and_refuses_a_bad_phone(qtbot: QtBot, staff: Session) -> None:
    pid = patients_repo.all_patients(staff._db)[0].id
    assert pid is not None
    view = PatientRecordView(staff, pid, today=TODAY)
    qtbot.addWidget(view)
    view.tabs.setCurrentWidget(view.contact)
    panel = view.contact
    stored = contacts_repo.get(staff._db, pid)
    phone = panel.grid.fields["phone_main"]
    assert isinstance(phone, QLineEdit)
    assert phone.text() == (stored.phone_main or "")  # the demo clinic's details are shown
    phone.setText("not a number")
    panel.save()
    assert "area code" in panel.grid.message("phone_main")
    assert contacts_repo.get(staff._db, pid) == stored
    phone.setText("0113 496 0999")
    panel.save()
    assert panel.grid.message("phone_main") == ""
    assert contacts_repo.get(staff._db, pid).phone_main == "0113 496 0999"


def test_every_contact_method_has_words_for_the_translator() -> None:
    from crdesk.core.contact import CONTACT_METHODS

    assert METHOD_WORDS == CONTACT_METHODS
