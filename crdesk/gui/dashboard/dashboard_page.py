"""The service dashboard (staff and admin): NCP_CR KPIs, SPC charts, equity and completeness
for a chosen period, with the patients behind a figure one double-click away.

On screen staff see exact figures (the disclosure rule applies to what leaves the screen:
the service report's PDF and CSV). Every figure comes from one background operation
(``DashboardService.figures`` reads every episode); drilling down is audited as a view.

Signals:
    open_patient(int): the user chose a patient behind a figure.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.dashboard import periods
from crdesk.core.dashboard import report_tables as rt
from crdesk.core.dashboard.figures import Figures
from crdesk.core.dashboard.standards import NATION_LABELS, NATIONS
from crdesk.core.dashboard.tables import Cell, Table, Text, exact
from crdesk.errors import KnownError
from crdesk.gui.dashboard.spc_chart import SpcChartWidget, describe
from crdesk.gui.flow_layout import FlowLayout
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.operations import Operation, OperationContext, run_operation
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.widgets import MessageLabel, header_width, heading, paragraph, secondary_button
from crdesk.gui.wrapping_header import WrappingHeader
from crdesk.services.dashboard import DashboardService
from crdesk.services.service_report import ServiceReportService
from crdesk.services.session import Session

RATING_WORDS = {"green": QT_TRANSLATE_NOOP("Dashboard", "Green"),
                "amber": QT_TRANSLATE_NOOP("Dashboard", "Amber"),
                "red": QT_TRANSLATE_NOOP("Dashboard", "Red")}


def period_choices(today: dt.date) -> list[tuple[str, periods.Period]]:
    fy = periods.financial_year_of(today)
    q = (today.month - 4) % 12 // 3 + 1
    prev_q = (fy, q - 1) if q > 1 else (fy - 1, 4)
    this_fy = periods.financial_year(fy)
    to_date = periods.Period(this_fy.start, min(this_fy.end, today), this_fy.label)
    choices = [
        (translate("Dashboard", "This financial year to date ({dates})"), to_date),
        (translate("Dashboard", "Last financial year ({dates})"), periods.financial_year(fy - 1)),
        (translate("Dashboard", "This quarter ({dates})"), periods.quarter(fy, q)),
        (translate("Dashboard", "Last quarter ({dates})"), periods.quarter(*prev_q)),
        (translate("Dashboard", "Rolling 12 months ({dates})"), periods.rolling_12_months(today)),
    ]
    return [(label.format(dates=period.as_text()), period) for label, period in choices]


def _cell_text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class WholeTable(QTableWidget):
    """A table exactly as tall as its rows, so a tab scrolls as a whole (never a table
    scrolling inside a scrolling page); rows follow their wrapped text.

    One column, the words (``words_column``), takes the room left; every other column is as
    wide as its values or its heading, which wraps onto a second line where that is
    narrower ("At least 150 active / minutes a week"). Sized to their one-line headings, the
    figures' columns once left the words column 100 px ("Indetermina…", issue 16)."""

    def __init__(self, rows: int, columns: int, parent: QWidget, words_column: int = 0) -> None:
        super().__init__(rows, columns, parent)
        self.words_column = words_column
        self.setHorizontalHeader(WrappingHeader(self))
        self.verticalHeader().sectionResized.connect(lambda *_: self._fit())
        self.horizontalHeader().sectionResized.connect(lambda *_: self.resizeRowsToContents())

    def fit_columns(self) -> None:
        """The figures' columns as wide as their values and their headings on one line if
        the words column keeps room enough beside them; else with headings on two lines;
        else with their values wrapped at spaces too ("cannot be / assessed yet"). The words
        column takes what is left. Again when the table's width or the text size changes."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(self.words_column, QHeaderView.ResizeMode.Stretch)
        if self.columnCount() < 2:
            return
        figures = [c for c in range(self.columnCount()) if c != self.words_column]
        room = self.viewport().width()
        # The words column would like two fifths of the room (or less, if its values are
        # shorter), and must have its longest word and its heading.
        words = max(min(self._values_width(self.words_column, wrapped=False), room * 2 // 5),
                    self._values_width(self.words_column, wrapped=True),
                    header_width(header, self.words_column) - 24)
        for heading_on_one_line, values_wrapped in ((True, False), (False, False),
                                                    (False, True)):
            widths = {c: max(self._values_width(c, wrapped=values_wrapped),
                             # These tables do not sort: no room for a sort arrow (24 px).
                             header_width(header, c, one_line=heading_on_one_line) - 24)
                      for c in figures}
            if sum(widths.values()) + words <= room:
                break
        # Each section's resize would measure every row again: once, after them all.
        header.blockSignals(True)
        try:
            for c, width in widths.items():
                header.resizeSection(c, width)
        finally:
            header.blockSignals(False)
        self.resizeRowsToContents()
        self._fit()

    def _values_width(self, column: int, *, wrapped: bool) -> int:
        """The width the column's values need on one line, or wrapped at their spaces (the
        longest word), with the cells' padding."""
        whole = self.sizeHintForColumn(column)
        if not wrapped:
            return whole
        metrics = self.fontMetrics()
        texts = [item.text() for r in range(self.rowCount())
                 if (item := self.item(r, column)) is not None]
        if not texts:
            return whole
        longest_word = max((metrics.horizontalAdvance(word) for t in texts
                            for word in t.split()), default=0)
        if not longest_word:  # every cell empty ("mean change" with no one to compare)
            return whole
        return whole - max(metrics.horizontalAdvance(t) for t in texts) + longest_word

    def _fit(self) -> None:
        height = (self.horizontalHeader().height() + 2 * self.frameWidth()
                  + sum(self.rowHeight(r) for r in range(self.rowCount())))
        self.setFixedHeight(height)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)  # type: ignore[arg-type]
        self.fit_columns()
        self.resizeRowsToContents()
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) \
                and self.isVisible():
            self.fit_columns()


class ShownTabWidget(QTabWidget):
    """Tabs as tall as the tab shown, not as the tallest one, so the page (which its frame
    scrolls) ends below the tab shown. Qt's own size hint and height-for-width take the
    tallest page; its minimum leaves out pages whose vertical size policy is Ignored, which
    ``show_tab_height`` gives every page but the one shown."""

    def show_tab_height(self) -> None:
        for i in range(self.count()):
            page = self.widget(i)
            if page is not None:
                policy = (QSizePolicy.Policy.Preferred if i == self.currentIndex()
                          else QSizePolicy.Policy.Ignored)
                page.setSizePolicy(policy, policy)  # both ways: see _around
        self.updateGeometry()

    def _around(self) -> QSize:
        """What the tab bar and the frame add to a page: Qt's minimum less the page's own,
        which holds while every other page is Ignored both ways (else the widest hidden
        page's width would count)."""
        page = self.currentWidget()
        whole = super().minimumSizeHint()
        if page is None:
            return whole
        return whole - page.minimumSizeHint()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        page = self.currentWidget()
        if page is None:
            return super().sizeHint()
        return QSize(super().sizeHint().width(),
                     page.sizeHint().height() + self._around().height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        page = self.currentWidget()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        around = self._around()
        height = page.heightForWidth(width - around.width())
        return height + around.height() if height >= 0 else -1


def screen_kpi_table(table: Table) -> Table:
    """The KPI table as the screen shows it: each value with its unit, and the numerator
    over the denominator, in one column each. Nine columns of figures left the measure's
    words 60 px at the large text size on a 1366-pixel screen (issue 16); the service
    report keeps all nine."""
    at = {name: i for i, name in enumerate(table.columns)}

    def shown(row: list[Cell], column: str) -> str:
        return _cell_text(exact(row[at[column]]))

    screen = Table(table.id, table.title,
                   ["KPI", "Measure", "Value", "Threshold", "Result",
                    "Numerator / denominator", "Excluded"], notes=table.notes)
    for row in table.rows:
        value, unit = shown(row, "Value"), shown(row, "Unit")
        screen.rows.append([
            row[at["KPI"]], row[at["Measure"]],
            Text(value if value == "—" or unit in ("", "—") else f"{value} {unit}"),
            row[at["Threshold"]], row[at["Result"]],
            Text(f"{shown(row, 'Numerator')} / {shown(row, 'Denominator')}"),
            row[at["Excluded"]]])
    return screen


def table_widget(table: Table, parent: QWidget) -> QTableWidget:
    """A report table with its exact figures (the screen is inside the clinic)."""
    w = WholeTable(len(table.rows), len(table.columns), parent,
                   words_column=1 if table.id == "kpis" else 0)
    w.setAccessibleName(table.title)
    w.setHorizontalHeaderLabels(table.columns)
    w.verticalHeader().setVisible(False)
    w.verticalHeader().setAccessibleName(translate("Dashboard", "{table}: row numbers").format(
        table=table.title))
    w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    w.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    w.setWordWrap(True)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            w.setItem(r, c, QTableWidgetItem(_cell_text(exact(cell))))
    header = w.horizontalHeader()
    # Built after the figures arrive, so the page's own naming pass has already run.
    header.setAccessibleName(translate("Dashboard", "{table}: column headings").format(
        table=table.title))
    w.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    w.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return w


class DrillDownDialog(QDialog):
    """The patients behind a figure; double-click (or Enter) opens one."""

    def __init__(self, title: str, patients: list[tuple[int, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(640, 480)
        self.chosen: int | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(heading(title, "pageTitle", self))
        lay.addWidget(paragraph(translate(
            "Dashboard", "{n} patient(s). Double-click one to open the record.").format(
                n=len(patients)), self, secondary=True))
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("Dashboard", "Patients behind this figure"))
        for pid, label in patients:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            self.list.addItem(item)
        self.list.itemActivated.connect(self._choose)
        self.list.itemDoubleClicked.connect(self._choose)
        lay.addWidget(self.list, 1)
        close = secondary_button(translate("Dashboard", "Close"),
                                 translate("Dashboard", "Close this list"), self)
        close.clicked.connect(self.reject)
        lay.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)

    def _choose(self, item: QListWidgetItem) -> None:
        self.chosen = int(item.data(Qt.ItemDataRole.UserRole))
        self.accept()


class DashboardPage(QWidget):
    open_patient = Signal(int)

    def __init__(self, session: Session, *, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.service = DashboardService(session)
        self.today = today or dt.date.today()
        self.figures: Figures | None = None
        self.operation: Operation[Figures] | None = None
        self.report_operation: Operation[Path] | None = None
        self.drill: DrillDownDialog | None = None
        self.setAccessibleName(translate("Dashboard", "Service dashboard"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 24, 36, 24)
        outer.setSpacing(8)
        outer.addWidget(heading("How the service is doing", "screenTitle", self))
        # The row wraps at the large text size rather than widen the window past a
        # 1366-pixel screen (crdesk/gui/flow_layout.py).
        bar = FlowLayout()
        period_label = QLabel(translate("Dashboard", "&Period:"), self)
        bar.addWidget(period_label)
        self.period = QComboBox(self)
        period_label.setBuddy(self.period)
        self.period.setAccessibleName(translate("Dashboard", "Period"))
        # Its width follows the space left, not its longest entry (translations are longer).
        self.period.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.period.setMinimumContentsLength(24)
        for label, period in period_choices(self.today):
            self.period.addItem(label, period)
        # It takes what is left of its row, as the stretch it had in a plain row.
        self.period.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        bar.addWidget(self.period)
        self.refresh_button = QPushButton(translate("Dashboard", "Show &figures"), self)
        self.refresh_button.setAccessibleName(
            translate("Dashboard", "Show the figures for this period"))
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.refresh_button)
        self.report_button = secondary_button(translate("Dashboard", "Save service &report…"),
                                              translate("Dashboard", "Save the service report "
                                                                     "as PDF or CSV"), self)
        self.report_button.clicked.connect(self.choose_report_file)
        bar.addWidget(self.report_button)
        outer.addLayout(bar)
        self.summary = paragraph("", self, secondary=True)
        self.summary.setAccessibleName(translate("Dashboard", "Dashboard summary"))
        outer.addWidget(self.summary)
        self.rating = QLabel(self)
        self.rating.setObjectName("pageTitle")
        self.rating.setWordWrap(True)
        outer.addWidget(self.rating)
        self.message = MessageLabel(translate("Dashboard", "Dashboard message"), self)
        outer.addWidget(self.message)
        self.tabs = ShownTabWidget(self)
        self.tabs.setAccessibleName(translate("Dashboard", "Dashboard sections"))
        self.tabs.currentChanged.connect(lambda _: self.tabs.show_tab_height())
        outer.addWidget(self.tabs, 1)
        if session.is_admin:
            outer.addWidget(self._standards_card())
        ensure_accessible_names(self)
        self.period.currentIndexChanged.connect(lambda _: self.refresh())
        self.refresh()

    # ---- admin settings -----------------------------------------------------------------------

    def _standards_card(self) -> QFrame:
        card = QFrame(self)
        card.setObjectName("card")
        row = QHBoxLayout(card)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.nation = QComboBox(card)
        self.nation.setAccessibleName(translate("Dashboard", "Nation"))
        for n in NATIONS:
            self.nation.addItem(NATION_LABELS[n], n)
        self.nation.setCurrentIndex(max(0, self.nation.findData(self.service.nation())))
        form.addRow(translate("Dashboard", "&Nation (thresholds):"), self.nation)
        self.kpi1 = QSpinBox(card)
        self.kpi1.setRange(-1, 50)
        self.kpi1.setSpecialValueText(translate("Dashboard", "not entered"))
        self.kpi1.setAccessibleName(translate("Dashboard", "KPI 1: professions in the MDT"))
        professions = self.service.kpi1_professions()
        self.kpi1.setValue(professions if professions is not None else -1)
        self.kpi7 = QDoubleSpinBox(card)
        self.kpi7.setRange(-1, 100)
        self.kpi7.setDecimals(0)
        self.kpi7.setSpecialValueText(translate("Dashboard", "not set"))
        self.kpi7.setAccessibleName(translate("Dashboard", "KPI 7 threshold, percent"))
        threshold = self.service.kpi7_threshold()
        self.kpi7.setValue(threshold if threshold is not None else -1)
        numbers = FlowLayout()  # wraps at the large text size, as the bar above
        for label, box in ((translate("Dashboard", "KPI &1 professions:"), self.kpi1),
                           (translate("Dashboard", "KPI &7 threshold (%):"), self.kpi7)):
            text = QLabel(label, card)
            text.setBuddy(box)
            numbers.addWidget(text)
            numbers.addWidget(box)
        form.addRow(numbers)
        row.addLayout(form, 1)
        save = secondary_button(translate("Dashboard", "Save standards"),
                                translate("Dashboard", "Save the nation and KPI settings"), card)
        save.clicked.connect(self.save_standards)
        row.addWidget(save, 0, Qt.AlignmentFlag.AlignBottom)
        return card

    @Slot()
    def save_standards(self) -> None:
        try:
            self.service.set_nation(str(self.nation.currentData()))
            k1 = self.kpi1.value()
            self.service.set_kpi1_professions(None if k1 < 0 else k1)
            k7 = self.kpi7.value()
            self.service.set_kpi7_threshold(None if k7 < 0 else k7)
        except KnownError as exc:
            self.message.show_known(exc)
            return
        self.message.show_ok(
            translate("Dashboard", "Saved. The figures below now use these settings."))
        self.refresh()

    # ---- figures ------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.operation is not None and self.operation.running

    def selected_period(self) -> periods.Period:
        period = self.period.currentData()
        assert isinstance(period, periods.Period)
        return period

    @Slot()
    def refresh(self) -> None:
        if self.running:
            return
        self.refresh_button.setEnabled(False)
        self.message.show_ok(translate("Dashboard", "Working out the figures…"))
        service, period, today = self.service, self.selected_period(), self.today

        def compute(op: OperationContext) -> Figures:
            return service.on(op.session).figures(period, as_of=today)

        self.operation = run_operation(
            self, compute, session=self.session, on_done=self._show, on_error=self._failed,
            on_finally=lambda: self.refresh_button.setEnabled(True), name="dashboard")

    def _failed(self, exc: KnownError) -> None:
        self.message.show_known(exc)

    def _show(self, fig: Figures) -> None:
        self.figures = fig
        self.message.clear_message()
        self.summary.setText(translate("Dashboard", " ").join(rt.cohort_lines(fig)))
        if fig.empty:
            self.rating.setText(translate("Dashboard", "No patients in this period."))
        else:
            colour = RATING_WORDS.get(fig.rating.colour or "", "")
            rating = translate("Dashboard", "NCP_CR rating: {rating}")
            self.rating.setText(rating.format(
                rating=f"{translate('Dashboard', colour)} — {fig.rating.text}" if colour
                else fig.rating.text))
        current = self.tabs.currentIndex()
        while self.tabs.count():
            old = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if old is not None:
                old.deleteLater()
        standards = self.service.standards.ncp_cr
        self.kpi_widget = table_widget(screen_kpi_table(rt.kpi_table(fig)), self)
        self.kpi_widget.doubleClicked.connect(lambda i: self.drill_kpi(i.row()))
        self._tab(translate("Dashboard", "KPIs"), [self.kpi_widget], rt.kpi_table(fig).notes +
                  [translate("Dashboard", "Double-click a KPI to see the patients behind it.")])
        self._tab(translate("Dashboard", "Uptake and times"), [table_widget(t, self) for t in
                                       (rt.activity_table(fig), rt.reasons_table(fig),
                                        rt.times_table(fig))])
        self._tab(translate("Dashboard", "Outcomes"), [table_widget(rt.outcomes_table(fig), self)])
        charts: list[QWidget] = []
        for chart in fig.charts:
            charts.append(heading(chart.title, "pageTitle", self))
            charts.append(SpcChartWidget(chart, self))
            charts.append(paragraph(describe(chart), self, secondary=True))
        self._tab(translate("Dashboard", "SPC charts"), charts, [translate(
            "Dashboard", "Filled blue circles: special cause, improving. Orange diamonds: "
                         "special cause, concerning. Dashed lines: process limits; dash-dot: "
                         "the target.")])
        self._tab(translate("Dashboard", "Equity"),
                  [table_widget(t, self) for t in rt.equity_tables(fig, standards)])
        self.completeness_widget = table_widget(rt.completeness_table(fig), self)
        self.completeness_widget.doubleClicked.connect(
            lambda i: self.drill_completeness(i.row()))
        self._tab(translate("Dashboard", "Completeness"), [self.completeness_widget],
                  rt.completeness_table(fig).notes +
                  [translate("Dashboard", "Double-click a field to see the patients whose "
                                          "record lacks it.")])
        self.tabs.setCurrentIndex(max(0, current))
        self.tabs.show_tab_height()
        # The figures' words change with each load, and the tabs are new: name them again.
        for label in (self.summary, self.rating):
            label.setAccessibleName(label.text())
        ensure_accessible_names(self)

    def _tab(self, title: str, widgets: list[QWidget], notes: list[str] | None = None) -> None:
        # No scroll area of its own: the main window's page frame scrolls the whole page,
        # headings and all. A tab that scrolled inside the scrolling page showed about four
        # rows at the large text size on a 1366x768 screen (issue 16).
        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(8, 8, 8, 8)
        for w in widgets:
            if isinstance(w, WholeTable) and len(widgets) > 1:
                lay.addWidget(heading(w.accessibleName(), "pageTitle", body))
            w.setParent(body)
            lay.addWidget(w)
        for note in notes or []:
            lay.addWidget(paragraph(note, body, secondary=True))
        lay.addStretch(1)
        body.setAccessibleName(title)
        self.tabs.addTab(body, title)

    # ---- drill-down ---------------------------------------------------------------------------

    def drill_kpi(self, row: int) -> None:
        if self.figures is None or not 0 <= row < len(self.figures.kpis):
            return
        k = self.figures.kpis[row]
        self._drill(f"KPI {k.number}: {k.title}", k.denominator_ids, f"kpi{k.number}")

    def drill_completeness(self, row: int) -> None:
        if self.figures is None or not 0 <= row < len(self.figures.completeness.fields):
            return
        f = self.figures.completeness.fields[row]
        self._drill(translate("Dashboard", "Records without {field}").format(field=f.column),
                    f.missing_ids, f"missing:{f.column}")

    def _drill(self, title: str, episode_ids: tuple[int, ...], figure: str) -> None:
        try:
            patients = self.service.drill_down_patients(episode_ids, figure)
        except KnownError as exc:
            self.message.show_known(exc)
            return
        self.drill = DrillDownDialog(title, patients, self)
        self.drill.accepted.connect(self._drill_chosen)
        self.drill.open()

    def _drill_chosen(self) -> None:
        if self.drill is not None and self.drill.chosen is not None:
            self.open_patient.emit(self.drill.chosen)

    # ---- the service report ---------------------------------------------------------------------

    def choose_report_file(self) -> None:
        period = self.selected_period()
        name, chosen = QFileDialog.getSaveFileName(
            self, translate("Dashboard", "Save the service report"),
            f"service-report-{period.label}.pdf",
            translate("Dashboard", "PDF report (*.pdf);;CSV tables (*.csv)"))
        if name:
            fmt = "csv" if name.lower().endswith(".csv") or "CSV" in chosen else "pdf"
            self.write_report(Path(name), fmt)

    def write_report(self, target: Path, fmt: str) -> None:
        """Write the (suppressed) service report where chosen, in the background."""
        if self.report_operation is not None and self.report_operation.running:
            return
        period, today = self.selected_period(), self.today
        self.report_button.setEnabled(False)
        self.message.show_ok(translate("Dashboard", "Making the service report…"))

        def write(op: OperationContext) -> Path:
            service = ServiceReportService(op.session)
            report = service.build(period, as_of=today)
            return service.write(report, fmt, target)

        self.report_operation = run_operation(
            self, write, session=self.session, name="service report",
            on_done=lambda path: self.message.show_ok(
                translate("Dashboard", "The service report was saved as {path} (small numbers "
                                       "suppressed).").format(path=path)),
            on_error=self.message.show_known,
            on_finally=lambda: self.report_button.setEnabled(True))
