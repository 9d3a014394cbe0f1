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


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_a_goal_dialog_grows_to_show_its_messages_where_the_screen_has_room(
        qapp: QApplication, qtbot: QtBot, scale: float) -> None:
    """Save with every field wrong: the error summary and four messages appear. The dialog
    grew to its size hint read at that moment, which is short of the wrapped messages, and
    left the target field half hidden behind a scroll bar on a screen with room to spare.
    Now it grows until its fields need no scrolling, or it fills the screen's height."""
    from crdesk.gui.scrolling import screen_room
    from crdesk.gui.staff.goals_panel import GoalDialog
    from crdesk.services.field_errors import FieldErrors

    def refuse(*_: str) -> None:
        raise FieldErrors({"area": "Choose an area", "goal": "Enter the goal",
                           "target": "Enter a target you can measure",
                           "review_date": "Enter the review date"})

    apply_style(qapp, scale)
    try:
        dialog = GoalDialog(refuse)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.move(dialog.x(), 300)  # low on the screen: it must move up as it grows
        qtbot.waitExposed(dialog)
        before = dialog.height()
        dialog.save()
        bar = dialog.body.verticalScrollBar()
        room = screen_room(dialog)
        qtbot.waitUntil(lambda: bar.maximum() == 0 or dialog.height() >= room)
        assert dialog.height() > before
        target = dialog.grid.fields["target"]
        if dialog.height() < room:
            assert bar.maximum() == 0, "fields scroll although the screen has room"
            top = target.mapTo(dialog.body.viewport(), target.rect().topLeft()).y()
            assert top >= 0 and top + target.height() <= dialog.body.viewport().height()
        screen = dialog.screen().availableGeometry()
        assert dialog.frameGeometry().bottom() <= screen.bottom(), "Save is off the screen"
        # Made shorter by the user, it stays so: the fields scroll (they did not grow).
        shorter = max(dialog.minimumSizeHint().height(), dialog.minimumHeight()) + 10
        assert shorter < dialog.height()
        dialog.resize(dialog.width(), shorter)
        qtbot.waitUntil(lambda: bar.maximum() > 0)
        qtbot.wait(50)
        assert dialog.height() == shorter
    finally:
        apply_style(qapp)


@pytest.mark.usefixtures("large_text")
def test_the_main_lists_show_eight_rows_once_their_page_is_scrolled_to_them(
        qtbot: QtBot, demo_clinic: ClinicHome) -> None:
    """At the large text size on a 1366x768 laptop the worklist and the audit log were
    squeezed below their headings and filters to three or four rows, in a page that
    scrolled too. Each main list now keeps eight rows (the patient list, whose rows are two
    lines high, five): scrolled to the end, the page shows the whole list, and the list
    shows at least that many rows."""
    from PySide6.QtWidgets import QTableView

    session = access.unlock(demo_clinic, "admin", DEMO_PASSWORD)
    try:
        window = MainWindow(session)
        qtbot.addWidget(window)
        install_pages(window, session)
        window.resize(1366, 768)
        window.show()
        for key in ("home", "audit", "patients"):
            window.show_page(key)
            page = window.page(key)
            qtbot.waitUntil(lambda p=page: not getattr(p, "running", False), timeout=30_000)
            table = page.list.table if key == "patients" else page.table  # type: ignore[attr-defined]
            assert isinstance(table, QTableView)
            frame = window.pages.currentWidget()
            assert isinstance(frame, PageFrame)
            QApplication.processEvents()
            bar = frame.verticalScrollBar()
            bar.setValue(bar.maximum())
            QApplication.processEvents()
            rows = (5 if key == "patients" else 8) * table.verticalHeader().defaultSectionSize()
            assert table.viewport().height() >= rows - 2, key
            top = table.mapTo(frame.viewport(), table.rect().topLeft()).y()
            assert top >= 0 and top + table.height() <= frame.viewport().height(), key
        window.close()
    finally:
        session.close("logout")


@pytest.mark.usefixtures("large_text")
def test_long_names_stay_whole_in_the_patient_list_and_opt_outs_stay_said(
        qtbot: QtBot, home: ClinicHome) -> None:
    """At the large text size on a 1366-pixel screen the list cut "BHATTACHARYA," to
    "BHATTACHARY…" beside the status column. Now the hospital number, then the status, give
    way (the note says so) and every name is whole; an opt-out, said in the status column,
    is then said under the patient's name."""
    from crdesk.crypto.kdf import TEST_COST
    from crdesk.demo.clinic import make_demo
    from crdesk.gui.staff.patients_page import HOSPITAL_COLUMN, STATUS_COLUMN, PatientsPage

    make_demo(home, patients=24, password=DEMO_PASSWORD, cost=TEST_COST)  # three opt out
    session = access.unlock(home, "admin", DEMO_PASSWORD)
    try:
        window, page = _window_at(qtbot, session, "patients")
        assert isinstance(page, PatientsPage)
        view = page.list
        qtbot.waitUntil(lambda: view.model.rowCount() == 24, timeout=30_000)
        header = view.table.horizontalHeader()
        qtbot.waitUntil(lambda: header.isSectionHidden(STATUS_COLUMN))
        assert header.isSectionHidden(HOSPITAL_COLUMN)
        assert view.narrow_note.isVisible() and "status" in view.narrow_note.text()
        model, fm = view.model, view.table.fontMetrics()
        names = [str(model.data(model.index(r, 0))) for r in range(model.rowCount())]
        widest = max(fm.horizontalAdvance(line) for n in names for line in n.splitlines())
        assert widest + 10 <= header.sectionSize(0)
        opted = [n for n in names if n.endswith("\nopted out of NACR")]
        assert len(opted) == sum(session_opted_out(session))
        window.close()
        # At the normal size (a window made then) the status column is there, and the name
        # is the name alone.
        apply_style(QApplication.instance(), 1.0)  # type: ignore[arg-type]
        normal, plain = _window_at(qtbot, session, "patients")
        assert isinstance(plain, PatientsPage)
        qtbot.waitUntil(lambda: plain.list.model.rowCount() == 24, timeout=30_000)
        qtbot.wait(20)
        assert not plain.list.table.horizontalHeader().isSectionHidden(STATUS_COLUMN)
        m = plain.list.model
        assert not any("opted out" in str(m.data(m.index(r, 0))) for r in range(m.rowCount()))
        normal.close()
    finally:
        session.close("logout")


def session_opted_out(session: object) -> list[bool]:
    from crdesk.services.patients import PatientService

    rows = PatientService(session).list_rows()  # type: ignore[arg-type]
    return [rows.opted_out(i) for i in range(len(rows.ids))]


def _window_at(qtbot: QtBot, session: object, key: str) -> tuple[MainWindow, object]:
    """The main window at 1366x768 with every page installed, showing page ``key``."""
    window = MainWindow(session)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    install_pages(window, session)  # type: ignore[arg-type]
    window.resize(1366, 768)
    window.show()
    window.show_page(key)
    return window, window.page(key)
