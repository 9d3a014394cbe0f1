"""The progress view: every measure side by side, the change, and better/worse in words."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QResizeEvent, QShowEvent
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
from crdesk.gui.staff.chart import RESULT_COLOURS, RESULT_WORDS, ProgressChart, result_words
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
        body = self.body = QHBoxLayout()
        lay.addLayout(body, 1)
        self.chart = ProgressChart(self)
        self.table = QTableWidget(0, 0, self)
        self.table.setAccessibleName(translate("ProgressPanel", "Measures at each assessment"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        # Rows as tall as their text at the columns' real widths, remeasured whenever the
        # widths change: measured once before the table was laid out, every row came out
        # three lines tall and only five of twenty-one measures were on screen.
        self.table.verticalHeader().setMinimumSectionSize(28)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.fit_rows())
        # The viewport changes width without the panel resizing (a scroll bar appears).
        self.table.viewport().installEventFilter(self)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.addWidget(self.table, 1)
        self.chart.setFixedWidth(300)
        body.addWidget(self.chart)
        self.view: ProgressView | None = None
        # (value, result) column widths: on one line, then wrapped (see fit_columns).
        self._widths: tuple[list[int], list[int]] | tuple[()] = ()

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
        # Wide enough for the longest values ("Never smoked", "19.8 kg/m²", "About the same")
        # on one line, so a row is one line unless the measure's name needs two.
        fm = self.table.fontMetrics()
        # Longer values (a smoking status in full) wrap rather than squeeze the measure names.
        cap = fm.horizontalAdvance("Never smoked") + 28
        widest = max([fm.horizontalAdvance(t) for t in (
            *[self.cell(r, c) for r in range(len(view.rows)) for c in range(1, len(heads) - 1)],
            "00.0 kg/m²")]) + 28
        words = [translate("ProgressChart", w) for w in RESULT_WORDS.values()]
        bold_fm = QFontMetrics(bold)
        result = max(bold_fm.horizontalAdvance(w) for w in words) + 28
        # Where that leaves the measure's name too little room (large text on a 1366-pixel
        # screen), the values wrap at a number with its unit and the result at a word.
        tight_result = max(bold_fm.horizontalAdvance(part) for w in words
                           for part in w.rsplit(" ", 1)) + 28
        self._widths = ([min(cap, widest), result], [min(widest, fm.horizontalAdvance(
            "00.0 kg/m²") + 28), tight_result])
        self.table.setWordWrap(True)
        self.fit_columns()
        for n, k in enumerate(kinds, start=1):
            done = view.assessments[k].done_date
            header_item = self.table.horizontalHeaderItem(n)
            if header_item is not None:
                header_item.setToolTip(translate("ProgressPanel", "{kind} done {date}").format(
                    kind=k, date=done or "—"))
        self.chart.set_rows(view.rows)

    # The style sheet's item padding (staff.qss: 4px 10px), which Qt's own row measuring
    # leaves out, so its rows came out a line short and the text was cut.
    PAD_X, PAD_Y = 2 * 10 + 4, 2 * 4 + 6

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.fit_columns)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        # After the layout has given the columns their widths.
        QTimer.singleShot(0, self.fit_columns)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self.fit_columns)

    def fit_columns(self) -> None:
        """The values' columns at their one-line widths where the measure's name keeps room
        for a word ("Depression") beside them; else at their wrapped widths; and where even
        that leaves too little (large text in a longer language on a 1366-pixel screen),
        the chart beside the table gives way: the table holds the same figures."""
        header = self.table.horizontalHeader()
        count = self.table.columnCount()
        if count < 2 or not self._widths:
            return
        room = max(header_width(header, 0) - 24,
                   self.table.fontMetrics().horizontalAdvance("Depression") + self.PAD_X)
        beside = self.chart.width() + self.body.spacing()
        shown = self.chart.isVisibleTo(self)
        with_chart = self.table.viewport().width() - (0 if shown else beside)
        choices = [(chart, widths) for chart in (True, False) for widths in self._widths]
        for chart, (value, result) in choices:
            sizes = [max(result if c == count - 1 else value, header_width(header, c))
                     for c in range(1, count)]
            if with_chart + (0 if chart else beside) - sum(sizes) >= room:
                break
        for c, size in enumerate(sizes, start=1):
            if header.sectionSize(c) != size:
                header.resizeSection(c, size)
        if chart != shown:
            self.chart.setVisible(chart)  # the viewport's resize calls this again
        self.fit_rows()

    def fit_rows(self) -> None:
        """Each row as tall as its longest cell wrapped at the column's width."""
        header = self.table.horizontalHeader()
        for r in range(self.table.rowCount()):
            height = self.table.verticalHeader().minimumSectionSize()
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                if item is None:
                    continue
                font = QFont(self.table.font())
                font.setBold(item.font().bold())
                fm = QFontMetrics(font)
                box = fm.boundingRect(0, 0, max(header.sectionSize(c) - self.PAD_X, 10), 10_000,
                                      int(Qt.TextFlag.TextWordWrap), item.text())
                height = max(height, box.height() + self.PAD_Y)
            self.table.setRowHeight(r, height)

    def result_of(self, label: str) -> str:
        """The Result column for a measure (tests and screen readers read it)."""
        if self.view is None:
            return ""
        row = next((r for r in self.view.rows if r.label == label), None)
        return "" if row is None else result_words(row.direction)

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return "" if item is None else item.text()
