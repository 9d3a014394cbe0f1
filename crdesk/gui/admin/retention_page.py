"""Retention and disposal (admin only, issue 17): the clinic's retention period (default
from the NHS England Records Management Code of Practice, with its source), the records
past it, and the purge of one of them with a reason.

Listing reads every patient's dates, so it runs in the background (run_operation). A purge
is one patient's rows in one transaction; it runs in the background too, and its result
tells the admin that backups made before it still hold the record.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crdesk.core import retention
from crdesk.errors import KnownError
from crdesk.gui.flow_layout import FlowLayout
from crdesk.gui.i18n import translate
from crdesk.gui.operations import Operation, run_operation
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.reason_dialog import ReasonDialog
from crdesk.gui.widgets import MessageLabel, heading, paragraph
from crdesk.services.records import BACKUPS_NOTE, DueItem, PurgeResult, RecordsService
from crdesk.services.session import Session


class PurgeDialog(ReasonDialog):
    """The reason for a purge, with what it does; ``save`` gets the reason."""

    def __init__(self, label: str, save: Callable[[str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(
            save, title=translate("Retention", "Purge this record"),
            explain=[label, translate(
                "Retention", "The patient's details, referrals, answers, goals and contact "
                "details are removed for good. The audit log keeps its entries without a "
                "name, and the export ledger keeps what proves what was sent. The reason is "
                "kept: do not write the patient's name or numbers in it. ") + BACKUPS_NOTE],
            placeholder=translate(
                "Retention", "For example: retention period over, reviewed by the IG lead"),
            label=translate("Retention", "&Reason"),
            height=520, parent=parent)


class RetentionPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.records = RecordsService(session)
        self.list_operation: Operation[list[DueItem]] | None = None
        self.purge_operation: Operation[PurgeResult] | None = None
        self.purge_dialog: PurgeDialog | None = None
        self.setAccessibleName(translate("RetentionPage", "Retention and disposal"))
        standard = self.records.standard()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 28, 36, 28)
        lay.setSpacing(10)
        lay.addWidget(heading(translate("RetentionPage", "Retention and disposal"),
                              "screenTitle", self))
        source = paragraph(standard.help_text(), self, secondary=True)
        source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        source.setAccessibleName(translate("RetentionPage", "Where the default comes from"))
        lay.addWidget(source)
        # Both rows wrap at the large text size rather than widen the window past a
        # 1366-pixel screen (crdesk/gui/flow_layout.py).
        row = FlowLayout(spacing=10)
        label = QLabel(translate("RetentionPage", "Keep records for (&years after the last "
                                                  "entry):"), self)
        self.years = QSpinBox(self)
        self.years.setRange(retention.MIN_YEARS, retention.MAX_YEARS)
        self.years.setValue(self.records.retention_years())
        self.years.setToolTip(standard.help_text())
        self.years.setAccessibleName(translate("RetentionPage", "Retention period in years"))
        label.setBuddy(self.years)
        self.save_button = QPushButton(translate("RetentionPage", "&Save period"), self)
        self.save_button.setProperty("secondary", True)
        self.save_button.clicked.connect(self.save_years)
        row.addWidget(label)
        row.addWidget(self.years)
        row.addWidget(self.save_button)
        self.list_button = QPushButton(translate("RetentionPage",
                                                 "&List records past the period"), self)
        self.list_button.clicked.connect(self.list_due)
        row.addWidget(self.list_button)
        lay.addLayout(row)
        self.message = MessageLabel(translate("RetentionPage", "Retention message"), self)
        lay.addWidget(self.message)
        self.due = QListWidget(self)
        self.due.setAccessibleName(translate("RetentionPage", "Records past the period"))
        self.due.currentRowChanged.connect(lambda _: self._buttons())
        lay.addWidget(self.due, 1)
        bottom = FlowLayout(spacing=10)
        # A patient who asks for erasure is purged the same way, whatever their record's age.
        request_label = QLabel(translate("RetentionPage", "Erasure asked for: NHS n&umber"),
                               self)
        self.request_nhs = QLineEdit(self)
        self.request_nhs.setMaxLength(14)
        self.request_nhs.setAccessibleName(translate("RetentionPage",
                                                     "NHS number of the patient asking"))
        request_label.setBuddy(self.request_nhs)
        self.request_button = QPushButton(translate("RetentionPage", "Purge on re&quest…"), self)
        self.request_button.setProperty("secondary", True)
        self.request_button.clicked.connect(lambda: self.purge_on_request())
        bottom.addWidget(request_label)
        bottom.addWidget(self.request_nhs)
        bottom.addWidget(self.request_button)
        self.purge_button = QPushButton(translate("RetentionPage", "&Purge the chosen record…"),
                                        self)
        self.purge_button.clicked.connect(lambda: self.purge_chosen())
        bottom.addWidget(self.purge_button)
        lay.addLayout(bottom)
        self._buttons()
        ensure_accessible_names(self)

    def _buttons(self) -> None:
        self.purge_button.setEnabled(self.due.currentItem() is not None)

    @Slot()
    def save_years(self) -> None:
        try:
            self.records.set_retention_years(self.years.value())
        except KnownError as exc:
            self.message.show_known(exc)
            return
        self.message.show_ok(translate("RetentionPage", "Saved: {n} years.").format(
            n=self.years.value()))

    @Slot()
    def list_due(self) -> None:
        if self.list_operation is not None and self.list_operation.running:
            return
        self.list_button.setEnabled(False)
        self.message.show_ok(translate("RetentionPage", "Looking through the records…"))

        def done(items: list[DueItem]) -> None:
            self.due.clear()
            for item in items:
                row = QListWidgetItem(translate(
                    "RetentionPage", "{who}: last entry {last}, due since {due}").format(
                    who=item.label, last=item.last_activity, due=item.due))
                row.setData(Qt.ItemDataRole.UserRole, item.patient_id)
                self.due.addItem(row)
            self.message.show_ok(translate(
                "RetentionPage", "{n} record(s) past the retention period.").format(
                n=len(items)) if items else translate(
                "RetentionPage", "No record is past the retention period."))
            self._buttons()

        self.list_operation = run_operation(
            self, lambda op: RecordsService(op.session).due_for_disposal(), session=self.session,
            on_done=done, on_error=self.message.show_known,
            on_finally=lambda: self.list_button.setEnabled(True), name="retention list")

    def purge_on_request(self) -> PurgeDialog | None:
        try:
            pid = self.records.find(self.request_nhs.text())
        except KnownError as exc:
            self.message.show_known(exc)
            return None
        return self._ask(pid, self.records.label(pid), from_list=False)

    def purge_chosen(self) -> PurgeDialog | None:
        item = self.due.currentItem()
        if item is None:
            return None
        return self._ask(int(item.data(Qt.ItemDataRole.UserRole)), item.text(), from_list=True)

    def _ask(self, pid: int, label: str, *, from_list: bool) -> PurgeDialog:
        def check(reason: str) -> None:
            # Refused here with its message (empty reason); the purge itself runs below.
            if not reason.strip():
                raise KnownError(translate("Retention", "A purge needs a reason."),
                                 translate("Retention", "Say why: the retention period is "
                                                        "over, or the patient asked."))

        dialog = PurgeDialog(label, check, self)
        dialog.accepted.connect(lambda: self._purge(pid, dialog.grid.text("reason"), from_list))
        self.purge_dialog = dialog
        dialog.open()
        return dialog

    def _purge(self, patient_id: int, reason: str, from_list: bool) -> None:
        self.purge_button.setEnabled(False)
        self.message.show_ok(translate("RetentionPage", "Purging…"))

        def done(result: PurgeResult) -> None:
            for i in range(self.due.count()):
                if self.due.item(i).data(Qt.ItemDataRole.UserRole) == patient_id:
                    self.due.takeItem(i)
                    break
            if not from_list:
                self.request_nhs.clear()
            self.message.show_ok(result.message())
            self._buttons()

        def failed(exc: KnownError) -> None:
            self.message.show_known(exc)
            self._buttons()

        self.purge_operation = run_operation(
            self, lambda op: RecordsService(op.session).purge(patient_id, reason),
            session=self.session, on_done=done, on_error=failed, name="purge")
