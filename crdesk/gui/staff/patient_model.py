"""The patient list's table model: all rows in memory, filtered and sorted by position lists.

A QSortFilterProxyModel would call back into Python once per row per keystroke (50,000
calls); instead the core PatientIndex filters with one list comprehension and the model
swaps its list of visible rows in a single reset.
"""

from __future__ import annotations

import datetime as dt
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
    PatientSummary,
)
from crdesk.core.validation import uk_date
from crdesk.gui import style
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate

Index = QModelIndex | QPersistentModelIndex


class PatientListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.index_ = PatientIndex([])
        self._visible: list[int] = []
        self._query = ("", "")
        self._sort: tuple[int, bool] = (0, False)
        self._order: list[int] = []

    # ---- data in --------------------------------------------------------------------------

    def load(self, rows: list[PatientSummary], today: dt.date | None = None) -> None:
        self.beginResetModel()
        self.index_ = PatientIndex(rows, today)
        self._order = self.index_.sorted_rows(*self._sort)
        self._visible = self.index_.filter(*self._query, order=self._order)
        self.endResetModel()

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
        if not index.isValid():
            return None
        col = index.column()
        if col == DUE_COLUMN and role in (Qt.ItemDataRole.ForegroundRole,
                                          Qt.ItemDataRole.FontRole):
            # Overdue: red and bold, and the word "Overdue" in the text (not colour alone).
            if not self.index_.next_action(self._visible[index.row()]).overdue:
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(style.ERROR_RED))
            font = QFont()
            font.setBold(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        pos = self._visible[index.row()]
        r = self.index_.rows[pos]
        if col == 0:
            return r.display_name
        if col == 1:
            return format_nhs(r.nhs_number) if r.nhs_number else ""
        if col == 2:
            return r.hospital_number
        if col == 3:
            return uk_date(r.date_of_birth)
        if col == 4:
            text = STATUS_LABELS.get(self.index_.statuses[pos], "")
            return text + (translate("PatientTableModel", " · opted out of NACR")
                           if r.nacr_opt_out else "")
        action = self.index_.next_action(pos)
        if col == NEXT_ACTION_COLUMN:
            return translate("PatientTableModel", action.text) if action.text else ""
        if action.due is None:
            return ""
        if action.overdue:
            return translate("PatientTableModel", "{date}\nOverdue").format(
                date=uk_date(action.due.isoformat()))
        return uk_date(action.due.isoformat())

    # ---- helpers --------------------------------------------------------------------------

    def summary(self, row: int) -> PatientSummary:
        return self.index_.rows[self._visible[row]]

    def total(self) -> int:
        return len(self.index_)

    def row_of(self, patient_id: int) -> int | None:
        for row, pos in enumerate(self._visible):
            if self.index_.rows[pos].id == patient_id:
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
