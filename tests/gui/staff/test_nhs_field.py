"""The NHS number field refuses look-alike digits at the field, with the reason."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from crdesk.gui.staff.patients_page import PatientsPage
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from tests.gui.conftest import PASSWORD
from tests.helpers.staff import TODAY


@pytest.fixture
def session(real_clinic: ClinicHome) -> Iterator[Session]:
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    yield s
    s.close()


def test_pasted_fullwidth_digits_are_refused_with_a_message(qtbot: QtBot,
                                                            session: Session) -> None:
    page = PatientsPage(session, today=TODAY)
    qtbot.addWidget(page)
    page.new_patient()
    grid = page.editor.grid
    box = grid.fields["nhs_number"]
    assert isinstance(box, QLineEdit)
    box.setFocus()
    fullwidth = "\uff19\uff14\uff13 \uff14\uff17\uff16 \uff15\uff19\uff11\uff19"
    QGuiApplication.clipboard().setText(fullwidth)
    box.paste()
    assert box.text() == "", "the look-alike digits never reach the box"
    assert grid.message("nhs_number") == (
        "An NHS number has the digits 0 to 9 only (spaces and dashes are fine).")
    qtbot.keyClicks(box, "943 476 5919")
    assert box.text() == "943 476 5919"
    qtbot.keyClick(box, Qt.Key.Key_1)
    assert box.text() == "943 476 5919", "an eleventh digit is refused"
    assert grid.message("nhs_number") == "An NHS number has 10 digits."
