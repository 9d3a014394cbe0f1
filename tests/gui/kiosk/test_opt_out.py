"""In the kiosk, the patient chooses "I do not want my information sent to the national
audit" with the keyboard: the answer screen tells them what happens next, and the staff
record then says "Opt-out to confirm" and the patient is out of the export selection."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from crdesk.core.opt_out import OptOutState
from crdesk.gui.kiosk.choice_widgets import ChoiceQuestion
from crdesk.gui.staff.record_view import PatientRecordView
from crdesk.services.export import select_for_export
from crdesk.services.opt_out import OptOutService
from crdesk.storage import opt_out_repo, responses_repo
from tests.gui.kiosk.conftest import KioskClinic, OpenKiosk
from tests.kiosk_helpers.driver import choose


def test_patient_opts_out_at_the_kiosk(qtbot: QtBot, open_kiosk: OpenKiosk,
                                       kiosk_clinic: KioskClinic) -> None:
    window = open_kiosk("A1")
    assert window.nav.page.id == "information"  # the leaflet first (form version 3)
    window.go_next()
    assert window.nav.page.id == "audit_choice" and window.view is not None
    question = window.view.widgets["info_acknowledgement"]
    assert isinstance(question, ChoiceQuestion)
    values = [o.value for o in question.item.options]
    choose(question, values.index("opt_out"))
    assert "info_opt_out_next" in window.view.widgets  # "Thank you for telling us…"
    s, pid = kiosk_clinic.session, kiosk_clinic.patient_id
    assert responses_repo.answers(s._db, window.response_id)["info_acknowledgement"] == \
        "opt_out"
    status = OptOutService(s).status(pid)
    assert status.state is OptOutState.TO_CONFIRM
    assert status.last is not None and status.last.response_id == window.response_id
    consent = opt_out_repo.consent(s._db, window.response_id)
    assert consent is not None and consent["choice"] == "opt_out"
    chosen, left_out, _ = select_for_export(s._db, set())
    assert pid not in {snap.patient.id for snap in chosen} and left_out == 1
    # Changing the answer to "talk to staff first" keeps them out too.
    choose(question, values.index("talk_to_staff"))
    assert "info_talk_next" in window.view.widgets
    assert OptOutService(s).status(pid).state is OptOutState.TO_CONFIRM
    window.close_released("test")
    record = PatientRecordView(s, pid)
    qtbot.addWidget(record)
    assert record.opt_out_banner.text.text().startswith("Opt-out to confirm.")
