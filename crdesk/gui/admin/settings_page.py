"""Clinic settings (admin only): the clinic's name and ODS code, and the contact line
printed on patient reports."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.field_grid import FieldGrid, attempt_save
from crdesk.gui.widgets import MessageLabel, heading, paragraph
from crdesk.services.admin import ClinicSettings, clinic_settings, save_clinic_settings
from crdesk.services.session import Session


class ClinicSettingsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Clinic settings")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 28, 36, 28)
        lay.setSpacing(10)
        lay.addWidget(heading("Clinic settings", "screenTitle", self))
        lay.addWidget(paragraph(
            "The clinic's name appears on every screen and on patient reports. The ODS code "
            "identifies the clinic in NACR exports: change it only if NHS England's "
            "Organisation Data Service gave the service a new code.", self, secondary=True))
        self.grid = FieldGrid(columns=1)
        current = clinic_settings(session)
        name = QLineEdit(current.name)
        name.setMaxLength(120)
        self.grid.add("name", "Clinic &name", name)
        ods = QLineEdit(current.ods_code)
        ods.setMaxLength(8)
        self.grid.add("ods_code", "&ODS code", ods)
        contact = QLineEdit(current.report_contact)
        contact.setMaxLength(160)
        contact.setPlaceholderText("e.g. Call the cardiac rehab team on 0113 000 0000")
        self.grid.add("report_contact", "&Contact line on patient reports", contact)
        lay.addLayout(self.grid)
        row = QHBoxLayout()
        self.message = MessageLabel("Settings message", self)
        self.save_button = QPushButton("&Save settings", self)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        lay.addStretch(1)
        ensure_accessible_names(self)

    @Slot()
    def save(self) -> None:
        t = self.grid.text
        ok, changed = attempt_save(
            lambda: save_clinic_settings(
                self.session, ClinicSettings(t("name"), t("ods_code"), t("report_contact"))),
            self.message, self.grid.show_problems)
        if not ok or changed is None:
            return
        self.grid.clear_problems()
        self.message.show_ok("Saved. The new name shows in the header after you sign in "
                             "again." if "name" in changed else
                             "Saved." if changed else "No changes to save.")
