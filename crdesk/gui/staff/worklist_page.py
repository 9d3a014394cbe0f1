"""The staff Home page: today's worklist, most urgent first, each row opening the patient.

The worklist reads every open episode, so it is built by a background operation
(``WorklistService.worklist`` on the operation's own connection); the page shows
"Loading…" meanwhile and can be refreshed. Overdue rows say so in words ("Overdue by 3
days") as well as in colour, so that nobody depends on colour alone.

Signals:
    open_patient(int): the user chose a row; carries the patient id.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.care_status import uk
from crdesk.core.dashboard.worklist import GROUPS, WorkItem, Worklist
from crdesk.errors import KnownError
from crdesk.gui.flow_layout import FlowLayout
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.operations import Operation, OperationContext, run_operation
from crdesk.gui.scrolling import keep_rows_in_view
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.widgets import MessageLabel, header_width, heading, paragraph, secondary_button
from crdesk.services.session import Session
from crdesk.services.worklist import WorklistService

ALL = "all"
OVERDUE = QColor("#8a1c1c")
# Short words for the group buttons (the full name is their tooltip and accessible name),
# so that all nine fit a 1366-pixel screen.
SHORT = {"awaiting_a1": QT_TRANSLATE_NOOP("Worklist", "Awaiting A1"),
         "wait": QT_TRANSLATE_NOOP("Worklist", "Long waits"),
         "a2_due": QT_TRANSLATE_NOOP("Worklist", "A2 due"),
         "a3_due": QT_TRANSLATE_NOOP("Worklist", "A3 due"),
         "draft": QT_TRANSLATE_NOOP("Worklist", "Unfinished questionnaires"),
         "review": QT_TRANSLATE_NOOP("Worklist", "To review"),
         "goal_review": QT_TRANSLATE_NOOP("Worklist", "Goal reviews"),
         "opt_out_confirm": QT_TRANSLATE_NOOP("Worklist", "Opt-outs to confirm")}


def short(gid: str) -> str:
    return translate("Worklist", SHORT[gid]) if gid in SHORT else gid


def due_text(item: WorkItem, today: dt.date) -> str:
    """The due date in words: overdue ones say so, not only by colour."""
    if item.due is None:
        return translate("Worklist", "No date")
    days = (item.due - today).days
    if days < 0:
        return translate("Worklist", "Overdue by {n} day(s) ({date})").format(n=-days,
                                                                         date=uk(item.due))
    if days == 0:
        return translate("Worklist", "Today ({date})").format(date=uk(item.due))
    return translate("Worklist", "In {n} day(s) ({date})").format(n=days, date=uk(item.due))


class WorklistPage(QWidget):
    open_patient = Signal(int)
    COLUMNS = [QT_TRANSLATE_NOOP("Worklist", "Due"), QT_TRANSLATE_NOOP("Worklist", "Patient"),
               QT_TRANSLATE_NOOP("Worklist", "What"), QT_TRANSLATE_NOOP("Worklist", "Why")]

    def __init__(self, session: Session, *, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.service = WorklistService(session)
        self.today = today
        self.worklist: Worklist | None = None
        self.operation: Operation[Worklist] | None = None
        self._group = ALL
        self.setAccessibleName(translate("Worklist", "Worklist"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.setSpacing(10)
        clinic = session.clinic()
        lay.addWidget(heading(translate("Worklist", "Today at {clinic}").format(
            clinic=clinic.name), "screenTitle", self))
        intro = translate("Worklist", "Who needs something, most urgent first. Double-click a "
                                      "row (or press Enter) to open the patient.")
        if clinic.is_demo:
            intro += " " + translate("Worklist", "This is a demo clinic: every patient in it "
                                                 "is made up.")
        lay.addWidget(paragraph(intro, self, secondary=True))
        self._banner_at = lay.count()  # where add_banner puts the off-laptop backup lines

        bar = QHBoxLayout()
        self.group_buttons = QButtonGroup(self)
        self.group_buttons.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for gid in (ALL, *GROUPS):
            b = QPushButton(self)
            b.setCheckable(True)
            b.setObjectName("chip")
            b.clicked.connect(lambda _=False, g=gid: self.show_group(g))
            self.group_buttons.addButton(b)
            self.buttons[gid] = b
        self.buttons[ALL].setChecked(True)
        # As many to a row as fit beside the filter and the refresh button: they wrap onto
        # more rows at the large text size or in a 40 % longer language.
        chips = FlowLayout()
        for gid in (ALL, *GROUPS):
            chips.addWidget(self.buttons[gid])
        bar.addLayout(chips, 1)
        side = QVBoxLayout()
        self.this_week = QCheckBox(translate("Worklist", "Due this &week only"), self)
        self.this_week.toggled.connect(lambda _: self._fill())
        side.addWidget(self.this_week)
        self.refresh_button = secondary_button(translate("Worklist", "&Refresh"),
                                               translate("Worklist", "Refresh the worklist"), self)
        self.refresh_button.clicked.connect(self.refresh)
        side.addWidget(self.refresh_button)
        bar.addLayout(side)
        lay.addLayout(bar)

        self.message = MessageLabel(translate("Worklist", "Worklist message"), self)
        lay.addWidget(self.message)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setAccessibleName(translate("Worklist", "Worklist: who needs something"))
        self.table.setHorizontalHeaderLabels([translate("Worklist", c) for c in self.COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        # The due column is sized by _fit_due: on one line where there is room, else its
        # date wraps under the words, so that "Why" is never squeezed to a few letters.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        # Patient and what: as wide as their text, up to a share each (then they wrap).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.doubleClicked.connect(lambda _index: self._open_current())
        self.table.activated.connect(lambda _index: self._open_current())
        self.table.viewport().installEventFilter(self)
        lay.addWidget(self.table, 1)
        keep_rows_in_view(self.table)  # never squeezed to a few rows (large text)
        self._label_buttons()
        ensure_accessible_names(self)
        self.refresh()

    def add_banner(self, banner: QWidget) -> None:
        """A line above the worklist that is not about patients (the backup reminders)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(self._banner_at, banner)

    # ---- loading ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.operation is not None and self.operation.running

    @Slot()
    def refresh(self) -> None:
        if self.running:
            return
        self.refresh_button.setEnabled(False)
        self.message.show_ok(translate("Worklist", "Loading the worklist…"))
        service, today = self.service, self.today

        def load(op: OperationContext) -> Worklist:
            return service.on(op.session).worklist(today)

        self.operation = run_operation(
            self, load, session=self.session, on_done=self._loaded, on_error=self._failed,
            on_finally=lambda: self.refresh_button.setEnabled(True), name="worklist")

    def _loaded(self, worklist: Worklist) -> None:
        self.worklist = worklist
        self.message.clear_message()
        self._label_buttons()
        self._fill()

    def _failed(self, exc: KnownError) -> None:
        self.message.show_known(exc)

    # ---- showing ----------------------------------------------------------------------------

    def _shown(self) -> Worklist | None:
        if self.worklist is None:
            return None
        return self.worklist.this_week() if self.this_week.isChecked() else self.worklist

    def _label_buttons(self) -> None:
        counts = self.worklist.counts() if self.worklist is not None else {}
        total = sum(counts.values())
        every = translate("Worklist", "All")
        self.buttons[ALL].setText(f"{every} ({total})" if self.worklist else every)
        for gid, label in GROUPS.items():
            n = counts.get(gid, 0)
            words = short(gid)
            self.buttons[gid].setText(f"{words} ({n})" if self.worklist else words)
            self.buttons[gid].setToolTip(label)
            self.buttons[gid].setAccessibleName(
                translate("Worklist", "Show only: {group}, {n} item(s)").format(group=words, n=n))

    @Slot(str)
    def show_group(self, gid: str) -> None:
        self._group = gid
        self.buttons[gid].setChecked(True)
        self._fill()

    def visible_items(self) -> list[WorkItem]:
        shown = self._shown()
        if shown is None:
            return []
        return shown.items if self._group == ALL else shown.group(self._group)

    def _fill(self) -> None:
        items = self.visible_items()
        today = self.worklist.today if self.worklist is not None else dt.date.today()
        self.table.setRowCount(len(items))
        for r, item in enumerate(items):
            cells = [due_text(item, today), item.patient, short(item.group),
                     item.reason]
            overdue = item.due is not None and item.due < today
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.patient_id)
                if overdue and c == 0:
                    cell.setForeground(QBrush(OVERDUE))
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(r, c, cell)
        self._fit_due()
        if self.worklist is not None and not items:
            self.message.show_ok(translate("Worklist", "Nothing here needs doing.")
                                 if self._group == ALL
                                 else translate("Worklist", "Nothing in this group."))
        elif self.worklist is not None:
            self.message.clear_message()
        unlisted = self.worklist.unlisted.get(self._group, 0) if self.worklist else 0
        if unlisted:
            self.message.show_ok(translate(
                "Worklist", "{n} more in this group are not listed: open the Patients page to "
                            "see them all.").format(n=unlisted))

    # The style sheet's cell padding (staff.qss: 4px 10px) and the grid line, which Qt's
    # own row measuring leaves out (rows came out a line short, their text cut), and the
    # item view's own text margin (the focus frame's margin + 1 on each side, 8 px in all
    # with Fusion): without it the widest due dates wrapped when drawn though measured on
    # one line, and their row showed "Overdue by 581 day(s) ..." with the date cut off.
    PAD_X, PAD_Y = 2 * 10 + 4 + 2 * (3 + 1), 2 * 4 + 6
    WHY_SHARE = 0.35  # of the table's width, kept for "Why" before the due date wraps
    SHARE = 0.2  # the most the patient's name or the "what" takes before it wraps

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_due()
        return super().eventFilter(watched, event)

    def _fit_due(self) -> None:
        header = self.table.horizontalHeader()
        bold = QFont(self.table.font())
        bold.setBold(True)  # overdue dates are bold: measure every date as if it were
        fm = QFontMetrics(bold)
        texts = [item.text() for r in range(self.table.rowCount())
                 if (item := self.table.item(r, 0)) is not None]
        one_line = max((fm.horizontalAdvance(t) for t in texts), default=0) + self.PAD_X
        words = max((fm.horizontalAdvance(t.split(" (")[0]) for t in texts),
                    default=0) + self.PAD_X
        viewport = self.table.viewport().width()
        for c in (1, 2):
            plain = QFontMetrics(self.table.font())
            widest = max((plain.horizontalAdvance(item.text())
                          for r in range(self.table.rowCount())
                          if (item := self.table.item(r, c)) is not None), default=0)
            header.resizeSection(c, max(header_width(header, c) - 24,  # no sort arrow
                                        min(widest + self.PAD_X, int(viewport * self.SHARE))))
        room = viewport * (1 - self.WHY_SHARE) - header.sectionSize(1) - header.sectionSize(2)
        width = one_line if one_line <= room else words
        header.resizeSection(0, max(width, header_width(header, 0) - 24))
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row as tall as its longest cell wrapped at its column's width."""
        header = self.table.horizontalHeader()
        for r in range(self.table.rowCount()):
            height = 0
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                if item is None:
                    continue
                fm = QFontMetrics(item.font() if item.font().bold() else self.table.font())
                box = fm.boundingRect(0, 0, max(header.sectionSize(c) - self.PAD_X, 10),
                                      10_000, int(Qt.TextFlag.TextWordWrap), item.text())
                height = max(height, box.height() + self.PAD_Y)
            self.table.setRowHeight(r, height)

    def _open_current(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None:
            self.open_patient.emit(int(item.data(Qt.ItemDataRole.UserRole)))
