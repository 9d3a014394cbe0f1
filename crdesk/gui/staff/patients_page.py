"""The Patients page: the list (search, status filter, sort), a new-patient form, and the
record of the patient chosen, one at a time in a stack."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.care_status import STATUS_LABELS
from crdesk.core.patient_list import DUE_COLUMN, NEXT_ACTION_COLUMN, PatientRows
from crdesk.errors import CorruptDatabaseError, KnownError
from crdesk.gui.i18n import translate
from crdesk.gui.operations import Operation, OperationContext, run_operation
from crdesk.gui.scrolling import keep_rows_in_view
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.patient_editor import PatientEditor
from crdesk.gui.staff.patient_model import PatientListModel
from crdesk.gui.staff.record_view import PatientRecordView
from crdesk.gui.widgets import header_width, heading, paragraph, secondary_button
from crdesk.gui.wrapping_header import WrappingHeader
from crdesk.services.patients import PatientService
from crdesk.services.session import Session

log = logging.getLogger(__name__)
HOSPITAL_COLUMN = 2  # core.patient_list.COLUMNS
STATUS_COLUMN = 4


class PatientListView(QWidget):
    def __init__(self, service: PatientService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setAccessibleName(translate("PatientListView", "Patient list"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 18, 24, 14)
        lay.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(heading(translate("PatientListView", "Patients"), "screenTitle", self), 1)
        self.new_button = QPushButton(translate("PatientListView", "&New patient…"), self)
        top.addWidget(self.new_button)
        lay.addLayout(top)
        bar = QHBoxLayout()
        find = QLabel(translate("PatientListView", "&Find:"), self)
        self.search = QLineEdit(self)
        # Short: the hint must fit beside the status filter at the large text size.
        self.search.setPlaceholderText(translate("PatientListView",
                                                 "Name, NHS or hospital number"))
        self.search.setAccessibleName(translate("PatientListView",
                "Find a patient by name, NHS number or hospital number"))
        self.search.setClearButtonEnabled(True)
        find.setBuddy(self.search)
        show = QLabel(translate("PatientListView", "&Show:"), self)
        self.status = QComboBox(self)
        self.status.setAccessibleName(translate("PatientListView", "Show patients with status"))
        self.status.addItem(translate("PatientListView", "Everyone"), "")
        for key, words in STATUS_LABELS.items():
            self.status.addItem(words, key)
        show.setBuddy(self.status)
        self.count = QLabel("", self)
        self.count.setObjectName("secondary")
        bar.addWidget(find)
        bar.addWidget(self.search, 2)
        bar.addWidget(show)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.count)
        lay.addLayout(bar)
        self.model = PatientListModel(self)
        self.table = QTableView(self)
        # Headings wrap ("Date of / birth"): at the large text size a column then needs the
        # width of its values, not of its heading.
        self.table.setHorizontalHeader(WrappingHeader(self.table))
        self.table.setAccessibleName(translate("PatientListView", "Patients"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Fixed row height: no per-row measuring, so 50,000 rows cost nothing to lay out. Two
        # lines high, so a status with "opted out of NACR" or a long next action wraps
        # instead of being cut off.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(
            2 * self.table.fontMetrics().lineSpacing() + 14)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The name takes what is left (a long name wraps onto the second line); the others
        # fit their headings and the widest
        # text they hold (numbers and dates; "Overdue" goes under the due date).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fm = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        due_lines = translate("PatientTableModel", "{date}\nOverdue").format(
            date="00/00/0000").splitlines()
        pad = 10  # the cell's margins and a little air; more leaves the name no room in en-XA
        # Status and next action wrap onto the row's second line: wide enough for their
        # longest line ("Awaiting assessment / 1 · opted out of NACR", "Start the programme
        # / (wait threshold)") at any text size.
        status = max(fm.horizontalAdvance(t) for t in ("Awaiting assessment",
                                                       "opted out of NACR")) + pad
        action = max(fm.horizontalAdvance(t) for t in ("Start the programme",
                                                       "Assessment 2; NACR")) + pad
        widths = {NEXT_ACTION_COLUMN: max(170, action),
                  1: fm.horizontalAdvance("999 999 9999") + pad,
                  HOSPITAL_COLUMN: fm.horizontalAdvance("DEMO100000") + pad,
                  3: fm.horizontalAdvance("00/00/0000") + pad, 4: max(175, status),
                  DUE_COLUMN: max(QFontMetrics(bold).horizontalAdvance(t)
                                  for t in due_lines) + pad}
        for col, width in widths.items():
            header.resizeSection(col, max(width, header_width(header, col)))
        # The columns that give way, in that order, where the name has no room (their widths
        # kept: a hidden section's size reads 0).
        self.give_way = {c: header.sectionSize(c) for c in (HOSPITAL_COLUMN, STATUS_COLUMN)}
        header.setMinimumSectionSize(60)
        # A long family name ("BHATTACHARYA,") on the name's first line: where the table is
        # too narrow for that beside every other column (large text on a 1366-pixel
        # screen), the hospital number gives way, then the status (still in the record and
        # chosen by "Show:"); the hospital number is still searched. A name cut to
        # "BHATTACHARY…" beside the status is the wrong way round (issue 16).
        self.name_room = fm.horizontalAdvance("BHATTACHARYA,") + pad
        self.table.viewport().installEventFilter(self)
        lay.addWidget(self.table, 1)
        keep_rows_in_view(self.table, rows=5)  # two-line rows: never squeezed to 2 or 3
        self.open_button = secondary_button(translate("PatientListView", "&Open record"),
                translate("PatientListView", "Open the selected record"), self)
        hint = paragraph(translate("PatientListView",
                "Double-click a patient, or select one and press Enter, to open the "
                         "record."), self, secondary=True)
        self.narrow_notes = {
            (HOSPITAL_COLUMN,): translate(
                "PatientListView", "Hospital numbers are in each record: the list is too "
                                   "narrow for them at this text size."),
            (HOSPITAL_COLUMN, STATUS_COLUMN): translate(
                "PatientListView", "Hospital numbers and each patient's status are in their "
                                   "record (“Show” still chooses patients by status; an "
                                   "opt-out is said under the name): the list is too narrow "
                                   "for them at this text size.")}
        self.narrow_note = paragraph("", self, secondary=True)
        self.narrow_note.setVisible(False)
        lay.addWidget(self.narrow_note)
        foot = QHBoxLayout()
        foot.addWidget(hint, 1)
        foot.addWidget(self.open_button)
        lay.addLayout(foot)
        self.count.setAccessibleName(translate("PatientListView", "Patients shown"))
        ensure_accessible_names(self)
        self.search.textChanged.connect(self.apply_filter)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.states: Operation[tuple[dict[int, str], dict[int, str]]] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        shown = sum(self.give_way.get(c, header.sectionSize(c))
                    for c in range(1, self.model.columnCount()))
        room = self.table.viewport().width() - max(self.name_room, header_width(header, 0))
        hidden: list[int] = []
        for col, width in self.give_way.items():
            if shown <= room:
                break
            shown -= width
            hidden.append(col)
        if any(header.isSectionHidden(c) != (c in hidden) for c in self.give_way):
            for col in self.give_way:
                header.setSectionHidden(col, col in hidden)
            self.model.show_opt_out_with_name(STATUS_COLUMN in hidden)
            note = self.narrow_notes.get(tuple(hidden), "")
            self.narrow_note.setText(note)
            self.narrow_note.setAccessibleName(note or translate("PatientListView",
                                                                 "Columns left out"))
            self.narrow_note.setVisible(bool(hidden))

    def load(self, today: dt.date | None = None) -> None:
        try:
            rows = self.service.list_rows()
        except CorruptDatabaseError as exc:
            # A damaged database (open read-only, with its banner): say so where the list
            # would be, rather than a dialog for every page that reads it.
            self.count.setText(translate("PatientListView",
                                         "The patient list cannot be read: {reason}").format(
                reason=exc.message))
            return
        self.model.load(rows, today)
        self.apply_filter()
        self._read_states(rows)

    def _read_states(self, rows: PatientRows) -> None:
        """Every row's episode and status, read on a background operation once the list
        is shown (a status filter or a sort by status needs them all; the rows on screen
        read their own meanwhile)."""
        if self.states is not None and self.states.running:
            self.states.cancel()
        service = self.service

        def read(op: OperationContext) -> tuple[dict[int, str], dict[int, str]]:
            return service.on(op.session).list_states(rows)

        self.states = run_operation(
            self, read, session=self.service.session, name="patient list",
            on_done=lambda found: self.model.set_states(rows, *found),
            on_error=self._states_failed)

    def _states_failed(self, exc: KnownError) -> None:
        """The rows on screen still read their own states; a damaged file is said here."""
        log.info("the patient list's states were not read: %s", type(exc).__name__)
        if isinstance(exc, CorruptDatabaseError):
            self.count.setText(translate("PatientListView",
                                         "The patient list cannot be read: {reason}").format(
                reason=exc.message))

    @Slot()
    def apply_filter(self) -> None:
        self.model.set_filter(self.search.text(), self.status.currentData() or "")
        shown, total = self.model.rowCount(), self.model.total()
        self.count.setText(translate("PatientListView", "{shown:,} of {total:,}").format(
            shown=shown, total=total))
        self.count.setAccessibleName(translate("PatientListView",
                "Showing {shown} of {total} patients").format(shown=shown, total=total))


class PatientsPage(QWidget):
    def __init__(self, session: Session, *, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today
        self.service = PatientService(session, today)
        self.setAccessibleName(translate("PatientsPage", "Patients"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        lay.addWidget(self.stack)
        self.list = PatientListView(self.service, self)
        self.stack.addWidget(self.list)
        self.new_page = self._new_patient_page()
        self.stack.addWidget(self.new_page)
        self.record: PatientRecordView | None = None
        self._dirty = False
        self.list.new_button.clicked.connect(self.new_patient)
        self.list.table.activated.connect(self._activated)
        self.list.open_button.clicked.connect(self._open_selected)
        # Reading 50,000 rows takes a moment: let the window appear first.
        QTimer.singleShot(0, self._first_load)
        self._loaded = False

    def _first_load(self) -> None:
        if not self._loaded and self.session.is_open:
            self.reload_list()

    def reload_list(self) -> None:
        self._loaded = True
        self.list.load(self._today)
        self._dirty = False

    def _new_patient_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(24, 18, 24, 14)
        top = QHBoxLayout()
        back = secondary_button(translate("PatientsPage", "← &Patient list"), translate(
            "PatientsPage", "Back to the patient list"), page)
        back.clicked.connect(self.show_list)
        top.addWidget(back)
        top.addStretch(1)
        lay.addLayout(top)
        lay.addWidget(heading(translate("PatientsPage", "New patient"), "screenTitle", page))
        lay.addWidget(paragraph(translate("PatientsPage",
                "Check the NHS number against the referral letter. Add the "
                                "referral after saving."), page, secondary=True))
        # The form scrolls up and down when the page is short of height (large text, every
        # field showing its message) instead of cutting the messages short.
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.editor = PatientEditor(self.service, None, scroll)
        self.editor.saved.connect(self._created)
        scroll.setWidget(self.editor)
        lay.addWidget(scroll, 1)
        ensure_accessible_names(page)
        return page

    # ---- navigation -----------------------------------------------------------------------

    @Slot()
    def new_patient(self) -> None:
        self.stack.removeWidget(self.new_page)
        self.new_page.deleteLater()
        self.new_page = self._new_patient_page()
        self.stack.addWidget(self.new_page)
        self.stack.setCurrentWidget(self.new_page)
        self.editor.field("nhs_number").setFocus()

    @Slot(int)
    def _created(self, patient_id: int) -> None:
        self._dirty = True
        self.open_patient(patient_id)

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        self.open_patient(self.list.model.summary(index.row()).id)

    @Slot()
    def _open_selected(self) -> None:
        rows = self.list.table.selectionModel().selectedRows()
        if rows:
            self._activated(rows[0])

    def open_patient(self, patient_id: int) -> PatientRecordView:
        if self.record is not None:
            self.stack.removeWidget(self.record)
            self.record.deleteLater()
        self.record = PatientRecordView(self.session, patient_id, today=self._today,
                                        parent=self)
        self.record.back_requested.connect(self.show_list)
        self.record.changed.connect(self._mark_dirty)
        self.stack.addWidget(self.record)
        self.stack.setCurrentWidget(self.record)
        return self.record

    @Slot()
    def _mark_dirty(self) -> None:
        self._dirty = True

    @Slot()
    def show_list(self) -> None:
        if self._dirty or not self._loaded:
            self.reload_list()
        self.stack.setCurrentWidget(self.list)
        self.list.search.setFocus()
