"""The question about the national audit and all three of its answers, the opt-out among
them, are on screen without scrolling on a 1366x768 laptop at the normal text size (issue
16): nacr_patient version 3 gives the leaflet a page and the question the next one. The
leaflet's page holds no question, so nothing on it can be missed below the fold."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication

from crdesk.gui.kiosk.choice_widgets import ChoiceQuestion
from crdesk.gui.kiosk.window import KioskWindow
from tests.gui.kiosk.conftest import OpenKiosk


def _on_screen(window: KioskWindow, widget: QAbstractButton) -> bool:
    viewport = window.questions.scroll_area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


def test_the_audit_question_and_every_answer_fit_1366x768(open_kiosk: OpenKiosk) -> None:
    window = open_kiosk("A1")
    window.resize(1366, 768)
    for _ in range(3):
        QApplication.processEvents()
    assert window.width() == 1366 and window.height() == 768
    assert "normal" in window.top.text_size.text()
    assert window.nav.page.id == "information"
    assert window.view is not None and not [w for w in window.view.widgets.values()
                                            if isinstance(w, ChoiceQuestion)]
    window.go_next()
    for _ in range(3):
        QApplication.processEvents()
    assert window.nav.page.id == "audit_choice" and window.view is not None
    question = window.view.widgets["info_acknowledgement"]
    assert isinstance(question, ChoiceQuestion)
    answers = question.group.buttons()
    assert len(answers) == 3
    assert window.questions.scroll_area.verticalScrollBar().value() == 0
    off = [b.text() for b in answers if not _on_screen(window, b)]
    assert not off, f"below the fold at 1366x768: {off}"
