"""The progress view: every measure side by side, the change, and better/worse in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.progress import summary_counts
from crdesk.gui.i18n import translate
from crdesk.gui.staff.chart import RESULT_COLOURS, ProgressChart, result_words
from crdesk.gui.staff.questionnaire_entry.words import how_name
from crdesk.gui.widgets import header_width
from crdesk.services.progress import ProgressView

KIND_HEADINGS = {"A1": "A1", "A2": "A2", "A3": "A3"}


class ProgressPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("ProgressPanel", "Progress"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 10)
        self.summary = QLabel("", self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("ProgressPanel", "Progress summary"))
        lay.addWidget(self.summary)
        self.modes = QLabel("", self)
        self.modes.setWordWrap(True)
        self.modes.setObjectName("secondary")
        self.modes.setAccessibleName(translate("ProgressPanel", "How each questionnaire was "
                                                                "completed"))
        lay.addWidget(self.modes)
        body = QHBoxLayout()
        lay.addLayout(body, 1)
        self.chart = ProgressChart(self)
        self.table = QTableWidget(0, 0, self)
        self.table.setAccessibleName(translate("ProgressPanel", "Measures at each assessment"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.addWidget(self.table, 1)
        self.chart.setFixedWidth(340)
        body.addWidget(self.chart)
        self.view: ProgressView | None = None

    def show_view(self, view: ProgressView) -> None:
        self.view = view
        kinds = [k for k in ("A1", "A2", "A3") if k in view.assessments]
        counts = summary_counts(view.rows)
        if len(kinds) < 2:
            self.summary.setText(translate("ProgressPanel",
                                           "Only one assessment has been recorded so far: the "
                                           "change appears once assessment 2 is done."))
        else:
            self.summary.setText(translate(
                "ProgressPanel",
                "{better} better, {same} about the same, {worse} worse since assessment 1.",
            ).format(better=counts["better"], same=counts["no change"], worse=counts["worse"]))
        modes = [translate("ProgressPanel", "{kind} {how}").format(
            kind=k, how=how_name(view.assessments[k].how).lower())
            for k in kinds if view.assessments[k].how]
        self.modes.setText(translate(
            "ProgressPanel", "How each questionnaire was completed: {modes}").format(
                modes=" · ".join(modes)) if modes else "")
        self.modes.setVisible(bool(modes))
        heads = [translate("ProgressPanel", "Measure"), *[KIND_HEADINGS[k] for k in kinds],
                 translate("ProgressPanel", "Change"), translate("ProgressPanel", "Result")]
        self.table.clear()
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        self.table.setRowCount(len(view.rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, row in enumerate(view.rows):
            label = row.label + (f" ({row.note})" if row.note else "")
            cells = [label, *[row.texts.get(k, "—") for k in kinds], row.change_text or "—",
                     result_words(row.direction)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == len(kinds) + 2:
                    item.setForeground(QBrush(RESULT_COLOURS.get(row.direction,
                                                                 QColor("#212B32"))))
                    item.setFont(bold)
                if c == 0 and row.measure.explain:
                    item.setToolTip(row.measure.explain)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(heads)):
            header.resizeSection(c, max(135 if c == len(heads) - 1 else 96,
                                        header_width(header, c)))
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        for n, k in enumerate(kinds, start=1):
            done = view.assessments[k].done_date
            header_item = self.table.horizontalHeaderItem(n)
            if header_item is not None:
                header_item.setToolTip(translate("ProgressPanel", "{kind} done {date}").format(
                    kind=k, date=done or "—"))
        self.chart.set_rows(view.rows)

    def result_of(self, label: str) -> str:
        """The Result column for a measure (tests and screen readers read it)."""
        if self.view is None:
            return ""
        row = next((r for r in self.view.rows if r.label == label), None)
        return "" if row is None else result_words(row.direction)

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return "" if item is None else item.text()
