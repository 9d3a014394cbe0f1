"""Staff review after the end page; text size, contrast and language on every screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crdesk.core.forms import PSEUDO_LOCALE
from crdesk.gui.kiosk.choice_widgets import ChoiceQuestion
from crdesk.gui.kiosk.review import ReviewPanel
from crdesk.storage import responses_repo
from tests.kiosk_helpers.driver import A1_PLAN, answer_screen
from tools.screenshots.layout_check import all_problems

from .conftest import NURSE_PASSWORD, KioskClinic, OpenKiosk
from .test_exit import give_password


def test_staff_review_corrects_with_a_reason_and_marks_reviewed(
        qtbot: QtBot, open_kiosk: OpenKiosk, kiosk_clinic: KioskClinic) -> None:
    window = open_kiosk("A2")
    while window._current_name() == "question":
        answer_screen(window, A1_PLAN)
    assert window._current_name() == "end"
    give_password(qtbot, window, "review", NURSE_PASSWORD)
    panel = window.screens.currentWidget()
    assert isinstance(panel, ReviewPanel)
    row = next(n for n, r in enumerate(panel.rows) if r.question_id == "vaping")
    panel.table.setCurrentCell(row, 1)
    editor = panel.editor
    assert isinstance(editor, ChoiceQuestion)
    QTest.mouseClick(editor.buttons[2][0], Qt.MouseButton.LeftButton)
    QTest.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    assert "reason" in panel.message.text().lower(), "a correction without a reason is refused"
    QTest.keyClicks(panel.reason, "patient said they vape now")
    QTest.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    db = kiosk_clinic.session._db
    fixes = responses_repo.corrections(db, window.response_id)
    assert [(c.question_id, c.old_value, c.new_value, c.reason) for c in fixes] == [
        ("vaping", "never", "currently", "patient said they vape now")]
    with qtbot.waitSignal(window.closed) as closed:
        QTest.mouseClick(panel.mark, Qt.MouseButton.LeftButton)
    assert closed.args == ["reviewed"]
    record = responses_repo.get_response(db, window.response_id)
    assert record is not None and record.status == "reviewed"


@pytest.mark.parametrize("look", ["largest", "contrast", "pseudo"])
def test_every_screen_fits_in_each_look(qtbot: QtBot, open_kiosk: OpenKiosk, look: str) -> None:
    window = open_kiosk("A1")
    if look == "largest":
        for _ in range(2):
            QTest.mouseClick(window.top.text_size, Qt.MouseButton.LeftButton)
        assert "largest" in window.top.text_size.text()
    elif look == "contrast":
        QTest.mouseClick(window.top.contrast, Qt.MouseButton.LeftButton)
        assert window.high_contrast
    else:
        assert window.top.language.isVisible(), "two locales: the switch is shown"
        window.top.language.setFocus()
        QTest.keyClick(window.top.language, Qt.Key.Key_Down)  # keyboard: next language
        assert window.words.locale == PSEUDO_LOCALE
        assert window.view is not None and window.view.heading.text().startswith("[")
    screens = 0
    while window._current_name() == "question":
        QApplication.processEvents()
        problems = all_problems(window)
        assert not problems, f"{window.nav.page.id}: " + "\n".join(problems)
        answer_screen(window, A1_PLAN)
        screens += 1
        assert screens < 80
    for name in ("end", "exit", "privacy", "idle"):
        window.show_screen(name)
        QApplication.processEvents()
        problems = all_problems(window)
        assert not problems, f"{name}: " + "\n".join(problems)
