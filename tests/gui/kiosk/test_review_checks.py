"""The staff review shows demographic differences with a one-click fix, contradictory
activity answers, and a plain notice for a response whose form version is not installed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from crdesk.core.forms import FormRegistry
from crdesk.gui.kiosk.review import ReviewPanel
from crdesk.gui.kiosk.words import KioskWords
from crdesk.services.questionnaires import QuestionnaireService
from crdesk.storage import patients_repo
from tests.services.test_form_versions import _v1_response
from tests.services.test_review_checks import SAID, finished

from .conftest import KioskClinic


def test_review_shows_differences_and_takes_the_patients_answer(
        qtbot: QtBot, kiosk_clinic: KioskClinic) -> None:
    admin = kiosk_clinic.session
    pid, rid = finished(admin, "1", "A", SAID)
    panel = ReviewPanel(QuestionnaireService(admin), rid, KioskWords())
    qtbot.addWidget(panel)
    panel.show()
    assert set(panel.check_buttons) == {"gender", "ethnic_category"}
    assert panel.activity_warning.isVisible()
    assert "60 minutes a week" in panel.activity_warning.text()
    assert not panel.notice.isVisible()
    QTest.mouseClick(panel.check_buttons["ethnic_category"], Qt.MouseButton.LeftButton)
    patient = patients_repo.get(admin._db, pid)
    assert patient is not None and patient.ethnic_category == "H" and patient.gender == "1"
    assert set(panel.check_buttons) == {"gender"}  # shown again, without the fixed one
    assert "now in their record" in panel.message.text()

def test_review_of_a_response_whose_form_version_is_missing_says_so(
        qtbot: QtBot, kiosk_clinic: KioskClinic) -> None:
    admin = kiosk_clinic.session

    from crdesk.core.episode import Episode
    from crdesk.demo.patients import demo_patients
    from crdesk.storage import episodes_repo

    with admin.change("patient.create", "patient"):
        pid = patients_repo.insert(admin._db, next(demo_patients(1, seed=77)))
        eid = episodes_repo.insert(admin._db, Episode(None, pid, initiating_event="mi_stemi",
                                                     event_date="2026-01-05"))
    rid = _v1_response(admin, (pid, eid))
    only_v2 = FormRegistry([f for f in FormRegistry.from_dir() if f.version == 2])
    panel = ReviewPanel(QuestionnaireService(admin, registry=only_v2), rid, KioskWords())
    qtbot.addWidget(panel)
    panel.show()
    assert panel.notice.isVisible() and "not installed" in panel.notice.text()
    assert not panel.save.isVisible()  # no correction: it could not be scored as given
    assert any(r.question_id == "comorbidities" for r in panel.rows)
