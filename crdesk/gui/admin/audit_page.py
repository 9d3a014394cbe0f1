"""The audit log (admin only): who viewed or changed what, when; filtered, newest first.

Details hold ids, field names and counts only, never patient identifiers, so the log can
be shown on screen and handed to information governance as it is.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.validation import parse_date
from crdesk.errors import KnownError
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.scrolling import keep_rows_in_view
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.widgets import MessageLabel, heading, paragraph
from crdesk.services.admin import AuditFilter, audit_actions, audit_lines
from crdesk.services.session import Session

ENTITIES = [("", QT_TRANSLATE_NOOP("AuditLogPage", "Anything")),
            ("patient", QT_TRANSLATE_NOOP("AuditLogPage", "Patients")),
            ("episode", QT_TRANSLATE_NOOP("AuditLogPage", "Referrals")),
            ("response", QT_TRANSLATE_NOOP("AuditLogPage", "Questionnaires")),
            ("goal", QT_TRANSLATE_NOOP("AuditLogPage", "Goals")),
            ("user", QT_TRANSLATE_NOOP("AuditLogPage", "Users")),
            ("clinic", QT_TRANSLATE_NOOP("AuditLogPage", "Clinic")),
            ("audit", QT_TRANSLATE_NOOP("AuditLogPage", "Audit log"))]


class AuditLogPage(QWidget):
    COLUMNS = [QT_TRANSLATE_NOOP("AuditLogPage", "When (UTC)"),
               QT_TRANSLATE_NOOP("AuditLogPage", "Who"),
               QT_TRANSLATE_NOOP("AuditLogPage", "Action"),
               QT_TRANSLATE_NOOP("AuditLogPage", "About"),
               QT_TRANSLATE_NOOP("AuditLogPage", "Id"),
               QT_TRANSLATE_NOOP("AuditLogPage", "Details"),
               QT_TRANSLATE_NOOP("AuditLogPage", "What happened"),
               QT_TRANSLATE_NOOP("AuditLogPage", "Patient")]
    RAW = (2, 3, 4, 5)  # the entry as stored: shown with "Show the raw entries"
    WORDS, PATIENT = 6, 7

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session.require_admin("read the audit log")
        self.session = session
        self.setAccessibleName(translate("AuditLogPage", "Audit log"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 20)
        lay.setSpacing(8)
        lay.addWidget(heading(translate("AuditLogPage", "Audit log"), "screenTitle", self))
        lay.addWidget(paragraph(translate("AuditLogPage",
                                          "Every view and change of a record, sign-in and "
                                          "export, newest first. Entries cannot be changed "
                                          "or deleted."), self,
                                secondary=True))
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.actor = QComboBox(self)
        self.actor.addItem(translate("AuditLogPage", "Anyone"), "")
        for u in session.list_users():
            self.actor.addItem(u.username, u.username)
        self.action = QComboBox(self)
        self.action.addItem(translate("AuditLogPage", "Any action"), "")
        self.entity = QComboBox(self)
        for value, words in ENTITIES:
            self.entity.addItem(translate("AuditLogPage", words), value)
        self.entity_id = QLineEdit(self)
        self.entity_id.setPlaceholderText(translate("AuditLogPage", "e.g. 42"))
        self.patient = QLineEdit(self)
        self.patient.setPlaceholderText(translate("AuditLogPage", "NHS or hospital no."))
        self.patient.returnPressed.connect(self.search)
        self.since = QLineEdit(self)
        self.since.setPlaceholderText(translate("AuditLogPage", "dd/mm/yyyy"))
        self.until = QLineEdit(self)
        self.until.setPlaceholderText(translate("AuditLogPage", "dd/mm/yyyy"))
        for box in (self.actor, self.action, self.entity):
            # Not as wide as the longest entry: the list of actions grows with the log, and
            # words get longer in other languages (the open list still shows them whole).
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
        # Hints whole, in any language.
        for edit in (self.patient, self.entity_id, self.since, self.until):
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 32)
        # Two rows of four: the everyday filters (who, which patient, when) first, the raw
        # ones (action code, kind of record, id) under them; one row was wider than a
        # 1366-pixel screen once the words grew in translation.
        for n, (text, widget) in enumerate((
                (translate("AuditLogPage", "&Who"), self.actor),
                (translate("AuditLogPage", "&Patient"), self.patient),
                (translate("AuditLogPage", "&From"), self.since),
                (translate("AuditLogPage", "&To"), self.until),
                (translate("AuditLogPage", "&Action"), self.action),
                (translate("AuditLogPage", "A&bout"), self.entity),
                (translate("AuditLogPage", "&Id"), self.entity_id))):
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            row, col = 2 * (n // 4), n % 4
            grid.addWidget(label, row, col)
            grid.addWidget(widget, row + 1, col)
        self.search_button = QPushButton(translate("AuditLogPage", "&Search"), self)
        self.search_button.clicked.connect(self.search)
        grid.addWidget(self.search_button, 3, 3)
        grid.setColumnStretch(4, 1)
        lay.addLayout(grid)
        self.raw = QCheckBox(translate("AuditLogPage",
                                       "Show the &raw entries (action codes, ids and details)"),
                             self)
        self.raw.toggled.connect(self._show_raw)
        lay.addWidget(self.raw)
        self.message = MessageLabel(translate("AuditLogPage", "Audit search message"), self)
        lay.addWidget(self.message)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setAccessibleName(translate("AuditLogPage", "Audit entries"))
        self.table.setHorizontalHeaderLabels(
            [translate("AuditLogPage", c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Ids can be a long database id: a fixed width, the whole value in the tooltip.
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 120)
        # In words first: when, who, what happened, to which patient; the raw entry after.
        header.moveSection(header.visualIndex(self.WORDS), 2)
        header.moveSection(header.visualIndex(self.PATIENT), 3)
        header.setSectionResizeMode(self.WORDS, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self._show_raw(False)
        lay.addWidget(self.table, 1)
        keep_rows_in_view(self.table)  # never squeezed to a few rows (large text)
        for action in audit_actions(session):
            self.action.addItem(action, action)
        ensure_accessible_names(self)
        self.search()

    def _date(self, edit: QLineEdit) -> object:
        text = edit.text().strip()
        if not text:
            return None
        value = parse_date(text)
        if value is None:
            raise KnownError(translate("AuditLogPage",
                    "Enter dates as day/month/year, for example 31/03/2024."), "")
        return value

    @Slot()
    def search(self) -> None:
        self.message.clear_message()
        try:
            f = AuditFilter(actor=self.actor.currentData() or "",
                            action=self.action.currentData() or "",
                            entity=self.entity.currentData() or "",
                            entity_id=self.entity_id.text(),
                            since=self._date(self.since),  # type: ignore[arg-type]
                            until=self._date(self.until))  # type: ignore[arg-type]
            rows = audit_lines(self.session, f, self.patient.text())
        except KnownError as exc:
            self.message.show_known(exc)
            return
        self.table.setRowCount(len(rows))
        for r, line in enumerate(rows):
            e = line.entry
            detail = "" if e.detail == "{}" else e.detail
            for c, text in enumerate([e.at[:19].replace("T", " "), e.actor, e.action, e.entity,
                                      e.entity_id, detail, line.words, line.patient or ""]):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        words = (translate("AuditLogPage", "{count} entries (the newest 500)") if len(rows) >= 500
                 else translate("AuditLogPage", "{count} entries"))
        self.message.show_ok(words.format(count=len(rows)))

    @Slot(bool)
    def _show_raw(self, shown: bool) -> None:
        for c in self.RAW:
            self.table.setColumnHidden(c, not shown)
