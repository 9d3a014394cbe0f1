"""The last screens of a staff entry: every answer beside its question for a final check,
and, for a paper questionnaire entered twice, the list of differences to resolve."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.staff_entry import Difference, sections
from crdesk.gui.i18n import translate
from crdesk.gui.staff.questionnaire_entry.section_view import is_enter
from crdesk.gui.widgets import MessageLabel, heading, paragraph
from crdesk.services.staff_entry import Entry, StaffEntryService


class _WrappedTable(QTableWidget):
    """Row heights follow the wrapped text at the columns' real widths."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resizeRowsToContents()


def _table(columns: list[str], parent: QWidget) -> QTableWidget:
    table = _WrappedTable(0, len(columns), parent)
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    for c in range(len(columns)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
    return table


def _cell(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)


class ReviewView(QWidget):
    """Every answer beside its question; Enter on Finish ends the entry.

    Signals:
        finish_requested(): staff confirmed the answers.
        section_requested(str): go back to a section to change an answer.
    """

    finish_requested = Signal()
    section_requested = Signal(str)

    def __init__(self, service: StaffEntryService, entry: Entry,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(heading(translate("ReviewView", "Check every answer against the "
                                                       "questionnaire"), "pageTitle", self))
        lay.addWidget(paragraph(translate(
            "ReviewView", "Enter on a row goes back to its section. Press Enter on Finish "
            "when every answer is right."), self, secondary=True))
        self.table = _table([translate("ReviewView", "Section"),
                             translate("ReviewView", "Question"),
                             translate("ReviewView", "Answer")], self)
        self.table.setAccessibleName(translate("ReviewView", "Answers to check"))
        fs = entry.fs
        titles = {s.id: fs.text(s.title).text for s in sections(fs)}
        skipped = service.skipped_sections(entry)
        page_section = {p.id: s.id for s in sections(fs) for p in s.pages}
        self.row_sections: list[str] = []
        for row in fs.summary():
            sid = page_section.get(row.page_id, "")
            if sid in skipped:
                continue
            self._add(titles.get(sid, ""), row.label, row.answer if row.answered else
                      translate("ReviewView", "(no answer)"), sid)
        for sid, reason in skipped.items():
            self._add(titles.get(sid, sid), translate("ReviewView", "Section not administered"),
                      translate("ReviewView", "Skipped: {reason}").format(reason=reason), sid)
        self.table.resizeRowsToContents()
        self.table.installEventFilter(self)
        lay.addWidget(self.table, 1)
        self.message = MessageLabel(translate("ReviewView", "Review message"), self)
        lay.addWidget(self.message)
        words = (translate("ReviewView", "&Finish first entry (a colleague checks it)")
                 if entry.which == "first" and entry.record.double_entry
                 else translate("ReviewView", "&Finish second entry and compare")
                 if entry.which == "second" else translate("ReviewView", "&Finish and save"))
        self.finish_button = QPushButton(words, self)
        self.finish_button.setAutoDefault(False)
        self.finish_button.clicked.connect(self.finish_requested)
        self.finish_button.installEventFilter(self)
        lay.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignRight)

    def _add(self, section: str, question: str, answer: str, sid: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, text in enumerate((section, question, answer)):
            self.table.setItem(r, c, _cell(text))
        self.row_sections.append(sid)

    def focus_first(self) -> None:
        self.finish_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_enter(event):
            if watched is self.finish_button:
                self.finish_button.click()
                return True
            if watched is self.table and self.table.currentRow() >= 0:
                self.section_requested.emit(self.row_sections[self.table.currentRow()])
                return True
        return super().eventFilter(watched, event)


class DifferencesView(QWidget):
    """The two entries' answers side by side where they differ. On a row, 1 keeps the first
    entry's answer and 2 the second's; the response counts once every row is resolved.

    Signals:
        complete_requested(): staff asked to complete the checked response.
    """

    complete_requested = Signal()

    def __init__(self, service: StaffEntryService, entry: Entry,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.entry = service, entry
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(heading(translate("DifferencesView", "Differences between the two "
                                                            "entries"), "pageTitle", self))
        lay.addWidget(paragraph(translate(
            "DifferencesView", "Look at the paper questionnaire. On each row press 1 to keep "
            "the first entry's answer or 2 to keep the second's. The questionnaire counts as "
            "complete only when every difference is resolved."), self, secondary=True))
        self.summary = QLabel("", self)
        lay.addWidget(self.summary)
        self.table = _table([translate("DifferencesView", "Question"),
                             translate("DifferencesView", "1: first entry"),
                             translate("DifferencesView", "2: second entry"),
                             translate("DifferencesView", "Kept")], self)
        self.table.setAccessibleName(translate("DifferencesView", "Differences to resolve"))
        self.table.installEventFilter(self)
        lay.addWidget(self.table, 1)
        self.message = MessageLabel(translate("DifferencesView", "Differences message"), self)
        lay.addWidget(self.message)
        self.complete_button = QPushButton(translate("DifferencesView",
                                                     "&Complete the questionnaire"), self)
        self.complete_button.setAutoDefault(False)
        self.complete_button.clicked.connect(self.complete_requested)
        self.complete_button.installEventFilter(self)
        lay.addWidget(self.complete_button, 0, Qt.AlignmentFlag.AlignRight)
        self.found: list[Difference] = []
        self.reload()

    def reload(self) -> None:
        keep = max(self.table.currentRow(), 0)
        self.found = self.service.differences(self.entry)
        self.table.setRowCount(len(self.found))
        kept_words = {"first": translate("DifferencesView", "first entry"),
                      "second": translate("DifferencesView", "second entry"),
                      None: translate("DifferencesView", "not resolved")}
        for r, d in enumerate(self.found):
            for c, text in enumerate((d.label, d.first_text, d.second_text, kept_words[d.chosen])):
                self.table.setItem(r, c, _cell(text))
        self.table.resizeRowsToContents()
        if self.found:
            self.table.setCurrentCell(min(keep, len(self.found) - 1), 0)
        left = sum(d.chosen is None for d in self.found)
        self.summary.setText(translate("DifferencesView",
                                       "{count} difference(s), {left} still to resolve.").format(
                                           count=len(self.found), left=left))
        self.complete_button.setEnabled(left == 0)

    def focus_first(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.complete_button and is_enter(event):
            self.complete_button.click()
            return True
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.text() in ("1", "2")):
            row = self.table.currentRow()
            if 0 <= row < len(self.found):
                self.service.resolve(self.entry, self.found[row].question_id,
                                     "first" if event.text() == "1" else "second")
                self.reload()
                nxt = next((i for i, d in enumerate(self.found) if d.chosen is None), None)
                if nxt is None:
                    self.complete_button.setFocus(Qt.FocusReason.OtherFocusReason)
                else:
                    self.table.setCurrentCell(nxt, 0)
            return True
        return super().eventFilter(watched, event)
