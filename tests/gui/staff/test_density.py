"""Issue 16 problem 7 (density): the progress table shows most of its measures at 1366x768
with every measure's name whole (rows fit their wrapped text, nothing elided)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crdesk.gui.staff.record_view import PatientRecordView
from crdesk.gui.style import apply_style
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from tests.gui.conftest import PASSWORD
from tests.helpers.staff import TODAY, both_assessments


@pytest.fixture
def session(real_clinic: ClinicHome) -> Iterator[Session]:
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    yield s
    s.close()


@pytest.fixture
def styled(qapp: QApplication) -> None:
    """Measure what a user sees: crdesk's own stylesheet at the normal text size, whatever
    an earlier test left."""
    apply_style(qapp)


def test_progress_table_shows_most_rows_and_cuts_no_text(qtbot: QtBot, session: Session,
                                                        styled: None) -> None:
    pid, _ = both_assessments(session)
    record = PatientRecordView(session, pid, today=TODAY)
    qtbot.addWidget(record)
    record.resize(1366 - 250, 768 - 110)  # the record inside the main window at 1366x768
    record.tabs.setCurrentWidget(record.progress)
    record.show()
    qtbot.waitExposed(record)
    progress = record.progress
    table = progress.table
    assert table.rowCount() >= 15

    def whole() -> list[int]:
        viewport = table.viewport().rect()
        return [r for r in range(table.rowCount())
                if viewport.contains(table.visualRect(table.model().index(r, 0)))]

    line = table.fontMetrics().lineSpacing()
    header = table.horizontalHeader()

    def misfits() -> list[tuple[str, int, int]]:
        """Rows cut short, or taller than their text (they used to be measured before the
        columns had their widths: three lines for a two-line measure)."""
        found = []
        for r in range(table.rowCount()):
            need = 0
            for c in range(table.columnCount()):
                item = table.item(r, c)
                assert item is not None
                font = table.font()
                font.setBold(item.font().bold())
                need = max(need, QFontMetrics(font).boundingRect(
                    0, 0, header.sectionSize(c) - progress.PAD_X, 10_000,
                    int(Qt.TextFlag.TextWordWrap), item.text()).height())
            if not need + 8 <= table.rowHeight(r) <= max(need + progress.PAD_Y, 28):
                found.append((progress.cell(r, 0), table.rowHeight(r), need))
        return found

    # The rows are fitted once the layout has given the columns their widths.
    qtbot.waitUntil(lambda: not misfits(), timeout=5000)
    # Most of the measures on screen: at least as many rows as fit at two lines each.
    assert len(whole()) >= min(table.rowCount(),
                               table.viewport().height() // (2 * line + progress.PAD_Y))
    assert table.horizontalScrollBar().maximum() == 0
