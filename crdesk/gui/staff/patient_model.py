"""The patient list's table model: all rows in memory, filtered and sorted by position lists.

A QSortFilterProxyModel would call back into Python once per row per keystroke (200,000
calls); instead the core PatientIndex filters in one pass in C over prebuilt lower-case
keys and the model swaps its list of visible rows in a single reset. The rows are compact
texts (core/patient_rows.py): a cell is made from them when Qt asks for it, and the
episode states a status or next action needs are read a screenful at a time until the
background read of them all arrives.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from crdesk.core.care_status import STATUS_LABELS
from crdesk.core.nhs_number import format_nhs
from crdesk.core.patient_list import (
    COLUMNS,
    DUE_COLUMN,
    NEXT_ACTION_COLUMN,
    PatientIndex,
    PatientRows,
    PatientSummary,
)
from crdesk.core.validation import uk_date
from crdesk.errors import KnownError
from crdesk.gui import style
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate

Index = QModelIndex | QPersistentModelIndex
log = logging.getLogger(__name__)
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole})
AHEAD = 200  # rows of states read beyond the one Qt asks for (about five screens)


class PatientListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.index_ = PatientIndex([])
        self._visible: list[int] = []
        self._query = ("", "")
        self._sort: tuple[int, bool] = (0, False)
        self._order: list[int] = []
        # Where the status column gives way (large text on a narrow screen), an opt-out is
        # said under the patient's name instead: never only in the record.
        self.opt_out_with_name = False

    def show_opt_out_with_name(self, shown: bool) -> None:
        if shown == self.opt_out_with_name:
            return
        self.opt_out_with_name = shown
        if self._visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, 0))

    # ---- data in --------------------------------------------------------------------------

    def load(self, rows: Sequence[PatientSummary] | PatientRows,
             today: dt.date | None = None) -> None:
        self.beginResetModel()
        self.index_ = PatientIndex(rows, today)
        self._order = self.index_.sorted_rows(*self._sort)
        self._visible = self.index_.filter(*self._query, order=self._order)
        self.endResetModel()

    def set_states(self, rows: PatientRows, states: Mapping[int, str],
                   statuses: Mapping[int, str]) -> None:
        """Every row's episode state and status, from the background read (ignored when
        the list was read again meanwhile). The cells on screen already show the same."""
        if self.index_.rows is not rows:
            return
        rows.set_states(states)
        self.index_.set_statuses(statuses)

    def set_filter(self, text: str, status: str = "") -> None:
        self._query = (text, status)
        # Filtering walks the rows in the current sort order, so matches come out sorted.
        found = self.index_.filter(text, status, order=self._order)
        self.beginResetModel()
        self._visible = found
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = (column, order == Qt.SortOrder.DescendingOrder)
        if sort == self._sort:
            return
        self._sort = sort
        # A reset, not a layout change: no persistent index can point at a moved row.
        self.beginResetModel()
        self._order = self.index_.sorted_rows(*sort)
        self._visible = self.index_.filter(*self._query, order=self._order)
        self.endResetModel()

    # ---- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("PatientTableModel", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Qt asks each cell for a dozen roles per paint: answer the unused ones first and
        # cheaply (a filter's repaint is most of a keystroke's time).
        if role not in _ROLES or not index.isValid():
            return None
        col = index.column()
        if col == DUE_COLUMN and role in (Qt.ItemDataRole.ForegroundRole,
                                          Qt.ItemDataRole.FontRole):
            # Overdue: red and bold, and the word "Overdue" in the text (not colour alone).
            if not self._ready(index.row()) or not self.index_.next_action(
                    self._visible[index.row()]).overdue:
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(style.ERROR_RED))
            font = QFont()
            font.setBold(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        pos = self._visible[index.row()]
        rows = self.index_.rows
        if col < 3:
            family, given, hosp, nhs = rows.ident(pos)
            if col == 0:
                name = f"{family.upper()}, {given}"
                if self.opt_out_with_name and rows.opted_out(pos):
                    name += "\n" + translate("PatientTableModel", "opted out of NACR")
                return name
            if col == 1:
                return format_nhs(nhs) if nhs else ""
            return hosp
        if col == 3:
            return uk_date(rows.date_of_birth(pos))
        if not self._ready(index.row()):
            return ""  # the episode could not be read (a damaged file, said on the page)
        if col == 4:
            text = STATUS_LABELS.get(self.index_.status(pos), "")
            return text + (translate("PatientTableModel", " · opted out of NACR")
                           if rows.opted_out(pos) else "")
        action = self.index_.next_action(pos)
        if col == NEXT_ACTION_COLUMN:
            return translate("PatientTableModel", action.text) if action.text else ""
        if action.due is None:
            return ""
        if action.overdue:
            return translate("PatientTableModel", "{date}\nOverdue").format(
                date=uk_date(action.due.isoformat()))
        return uk_date(action.due.isoformat())

    def _ready(self, row: int) -> bool:
        """The row's episode state is known: read it, with the rows around it, if not."""
        rows = self.index_.rows
        if rows.has_state(self._visible[row]):
            return True
        try:
            rows.prefetch(self._visible[max(0, row - AHEAD // 4):row + AHEAD])
        except KnownError:
            log.info("the patient list could not read the episodes of some rows")
            return False
        return True

    # ---- helpers --------------------------------------------------------------------------

    def summary(self, row: int) -> PatientSummary:
        return self.index_.rows[self._visible[row]]

    def total(self) -> int:
        return len(self.index_)

    def row_of(self, patient_id: int) -> int | None:
        ids = self.index_.rows.ids
        for row, pos in enumerate(self._visible):
            if ids[pos] == patient_id:
                return row
        return None


# The column names live in core (no Qt there): listed here for pyside6-lupdate.
_COLUMN_WORDS = [QT_TRANSLATE_NOOP("PatientTableModel", "Name"),
                 QT_TRANSLATE_NOOP("PatientTableModel", "NHS number"),
                 QT_TRANSLATE_NOOP("PatientTableModel", "Hospital no."),
                 QT_TRANSLATE_NOOP("PatientTableModel", "Date of birth"),
                 QT_TRANSLATE_NOOP("PatientTableModel", "Status"),
                 QT_TRANSLATE_NOOP("PatientTableModel", "Next action"),
                 QT_TRANSLATE_NOOP("PatientTableModel", "Due"),
                 # The next actions (core/patient_list.py _action).
                 QT_TRANSLATE_NOOP("PatientTableModel", "Add the referral"),
                 QT_TRANSLATE_NOOP("PatientTableModel", "Assessment 1"),
                 QT_TRANSLATE_NOOP("PatientTableModel", "Assessment 2"),
                 QT_TRANSLATE_NOOP("PatientTableModel", "Assessment 2; NACR window closed"),
                 QT_TRANSLATE_NOOP("PatientTableModel", "Assessment 2; NACR window closing"),
                 QT_TRANSLATE_NOOP("PatientTableModel", "Assessment 3 (12 months)"),
                 QT_TRANSLATE_NOOP("PatientTableModel", "Start the programme (wait threshold)")]
