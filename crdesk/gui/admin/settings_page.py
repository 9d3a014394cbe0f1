"""Clinic settings (admin only): the clinic's name and ODS code, the contact line printed
on patient reports, the auto-lock time (a clinic policy, kept in the database), and a check
of the clinic database (a background operation: on a large clinic it reads every page)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crdesk.errors import KnownError
from crdesk.gui.i18n import translate
from crdesk.gui.operations import Operation, run_operation
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.field_grid import FieldGrid, attempt_save, combo
from crdesk.gui.widgets import MessageLabel, heading, paragraph
from crdesk.services.admin import (
    AUTO_LOCK_RANGE,
    ClinicSettings,
    auto_lock_minutes,
    clinic_settings,
    save_clinic_settings,
    set_auto_lock_minutes,
)
from crdesk.services.session import CheckReport, Session


class ClinicSettingsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName(translate("ClinicSettingsPage", "Clinic settings"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 28, 36, 28)
        lay.setSpacing(10)
        lay.addWidget(heading(translate("ClinicSettingsPage", "Clinic settings"), "screenTitle",
                              self))
        lay.addWidget(paragraph(
            translate("ClinicSettingsPage",
                      "The clinic's name appears on every screen and on "
                      "patient reports. The ODS code identifies the "
                      "clinic in NACR exports: change it only if NHS "
                      "England's Organisation Data Service gave the "
                      "service a new code."), self, secondary=True))
        self.grid = FieldGrid(columns=1)
        current = clinic_settings(session)
        name = QLineEdit(current.name)
        name.setMaxLength(120)
        self.grid.add("name", translate("ClinicSettingsPage", "Clinic &name"), name)
        ods = QLineEdit(current.ods_code)
        ods.setMaxLength(8)
        self.grid.add("ods_code", translate("ClinicSettingsPage", "&ODS code"), ods)
        contact = QLineEdit(current.report_contact)
        contact.setMaxLength(160)
        contact.setPlaceholderText(translate("ClinicSettingsPage",
                                             "e.g. Call the cardiac rehab team on 0113 000 0000"))
        self.grid.add("report_contact", translate("ClinicSettingsPage",
                                                  "&Contact line on patient reports"), contact)
        low, high = AUTO_LOCK_RANGE
        lock = combo([(str(m), translate("ClinicSettingsPage", "{n} minute(s)").format(n=m))
                      for m in range(low, high + 1)], blank=None)
        lock.setCurrentIndex(lock.findData(str(auto_lock_minutes(session))))
        self.grid.add("auto_lock_minutes", translate(
            "ClinicSettingsPage", "&Lock crdesk after this long without use"), lock)
        lay.addLayout(self.grid)
        row = QHBoxLayout()
        self.message = MessageLabel(translate("ClinicSettingsPage", "Settings message"), self)
        self.save_button = QPushButton(translate("ClinicSettingsPage", "&Save settings"), self)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        lay.addWidget(self._check_card())
        lay.addStretch(1)
        ensure_accessible_names(self)

    def _check_card(self) -> QFrame:
        card = QFrame(self)
        card.setObjectName("card")
        cl = QVBoxLayout(card)
        cl.addWidget(heading(translate("ClinicSettingsPage", "Check the clinic database"),
                             "pageTitle", card))
        cl.addWidget(paragraph(
            translate("ClinicSettingsPage",
                      "Reads every page of the encrypted database, checks its structure and the "
                      "audit log's chain of entries. It changes nothing; on a large clinic it "
                      "takes a while."),
            card, secondary=True))
        row = QHBoxLayout()
        self.check_button = QPushButton(translate("ClinicSettingsPage", "&Check now"), card)
        self.check_button.setAccessibleName(translate("ClinicSettingsPage",
                                                      "Check the clinic database now"))
        self.check_button.clicked.connect(self.check)
        row.addWidget(self.check_button)
        self.check_message = MessageLabel(translate("ClinicSettingsPage", "Check result"), card)
        row.addWidget(self.check_message, 1)
        cl.addLayout(row)
        self.check_report = paragraph("", card)
        self.check_report.setAccessibleName(translate("ClinicSettingsPage", "Check report"))
        self.check_report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_report.hide()
        cl.addWidget(self.check_report)
        self.check_operation: Operation[CheckReport] | None = None
        return card

    @Slot()
    def check(self) -> None:
        if self.check_operation is not None and self.check_operation.running:
            return
        self.check_button.setEnabled(False)
        self.check_message.show_ok(translate("ClinicSettingsPage",
                                             "Checking… crdesk stays usable meanwhile."))

        def done(report: CheckReport) -> None:
            self.check_report.setText("\n".join(report.lines()))
            self.check_report.show()
            if report.ok:
                self.check_message.show_ok(translate("ClinicSettingsPage", "No problems found."))
            else:
                self.check_message.show_error(
                    translate("ClinicSettingsPage", "Problems found: see the report below."),
                    translate("ClinicSettingsPage",
                            "Keep this file, restore the latest backup, and tell your IT support."))

        def failed(exc: KnownError) -> None:
            self.check_message.show_known(exc)

        self.check_operation = run_operation(
            self, lambda op: op.session.check(), session=self.session, on_done=done,
            on_error=failed, on_finally=lambda: self.check_button.setEnabled(True),
            name="database check")

    @Slot()
    def save(self) -> None:
        t = self.grid.text

        def save_all() -> list[str]:
            before = auto_lock_minutes(self.session)
            set_auto_lock_minutes(self.session, int(t("auto_lock_minutes")))
            lock_changed = ["auto_lock_minutes"] if before != int(t("auto_lock_minutes")) else []
            return lock_changed + save_clinic_settings(
                self.session, ClinicSettings(t("name"), t("ods_code"), t("report_contact")))

        ok, changed = attempt_save(save_all, self.message, self.grid.show_problems)
        if not ok or changed is None:
            return
        self.grid.clear_problems()
        self.message.show_ok(translate("ClinicSettingsPage",
                                       "Saved. The new name shows in the header after you sign in "
                             "again.") if "name" in changed else
                             translate("ClinicSettingsPage", "Saved.") if changed else translate(
                                 "ClinicSettingsPage", "No changes to save."))
