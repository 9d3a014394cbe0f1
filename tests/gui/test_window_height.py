"""Issue 16: at the large text size the admin settings, audit log, worklist and dashboard
need more height than a 1366x768 laptop has; each page scrolls up and down in the main
window (PageFrame) instead of making the window taller than the screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from crdesk.gui.main_window import MainWindow, PageFrame
from crdesk.gui.pages import install_pages
from crdesk.gui.style import apply_style
from crdesk.services import access
from crdesk.services.home import ClinicHome
from tools.screenshots.staff_check import HEIGHT_TAKEN

from .conftest import DEMO_PASSWORD


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[None]:
    apply_style(qapp, 1.5)
    yield
    apply_style(qapp)


@pytest.mark.usefixtures("large_text")
def test_main_window_fits_768_pixels_and_pages_scroll(qtbot: QtBot,
                                                      demo_clinic: ClinicHome) -> None:
    session = access.unlock(demo_clinic, "admin", DEMO_PASSWORD)
    try:
        window = MainWindow(session)
        qtbot.addWidget(window)
        install_pages(window, session)
        window.resize(1366, 768)
        window.show()
        for key in window.page_keys():
            window.show_page(key)
            QApplication.processEvents()
        qtbot.waitUntil(lambda: not any(getattr(window.page(k), "running", False)
                                        for k in window.page_keys()), timeout=30_000)
        QApplication.processEvents()
        # Before: 907 px, the settings page alone asked for 776.
        assert window.minimumSizeHint().height() <= 768 - HEIGHT_TAKEN
        window.show_page("settings")
        QApplication.processEvents()
        frame = window.pages.currentWidget()
        assert isinstance(frame, PageFrame) and frame.page() is window.page("settings")
        page = frame.page()
        assert page.minimumSizeHint().height() > frame.viewport().height(), \
            "the settings page is taller than the window here: it must scroll"
        assert frame.verticalScrollBar().maximum() > 0
        assert not frame.horizontalScrollBar().isVisible()
        # Its Save button, at the foot, is reachable: scrolled into view, it is inside.
        save = page.save_button  # type: ignore[attr-defined]
        assert isinstance(save, QPushButton)
        frame.ensureWidgetVisible(save)
        QApplication.processEvents()
        top = save.mapTo(frame.viewport(), save.rect().topLeft()).y()
        assert top >= 0 and top + save.height() <= frame.viewport().height()
        window.close()
    finally:
        session.close("logout")
