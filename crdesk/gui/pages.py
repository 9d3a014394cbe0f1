"""The first pages of the main window, and the one place that decides which pages exist.

Later screens (patients, questionnaires, reports, export) add a line to ``install_pages``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.main_window import MainWindow
from crdesk.gui.widgets import heading, paragraph
from crdesk.services.session import Session

STAFF_CAN = [
    QT_TRANSLATE_NOOP("HomePage", "Register referrals and record each patient's assessments."),
    QT_TRANSLATE_NOOP("HomePage", "Start a patient's questionnaire on this laptop and let them "
                                  "fill it in alone."),
    QT_TRANSLATE_NOOP("HomePage", "See each patient's progress from the first assessment to the "
                                  "last, and print a report."),
]
ADMIN_CAN = [
    QT_TRANSLATE_NOOP("HomePage", "Manage staff accounts."),
    QT_TRANSLATE_NOOP("HomePage", "See how the service is doing against the national standards."),
    QT_TRANSLATE_NOOP("HomePage", "Export records for the National Audit of Cardiac "
                                  "Rehabilitation (NACR)."),
]


class HomePage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        clinic = session.clinic()
        self.setAccessibleName(translate("HomePage", "Home"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 28, 36, 28)
        column = QWidget(self)
        column.setMaximumWidth(980)  # long lines are hard to read
        outer.addWidget(column)
        outer.addStretch(1)
        lay = QVBoxLayout(column)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        lay.addWidget(heading(translate("HomePage", "Welcome to {name}").format(name=clinic.name),
                              "screenTitle", self))
        lay.addWidget(paragraph(
            translate("HomePage",
                      "Everything you enter is kept encrypted on this laptop. The screen locks "
                      "itself after a few minutes without use; lock it yourself whenever you "
                      "step away."),
            self, secondary=True))
        lay.addSpacing(8)
        lay.addWidget(heading(translate("HomePage", "What you can do here"), "pageTitle", self))
        for line in STAFF_CAN + (ADMIN_CAN if session.is_admin else []):
            lay.addWidget(paragraph("•  " + translate("HomePage", line), self))
        if clinic.is_demo:
            lay.addSpacing(8)
            lay.addWidget(paragraph(
                translate("HomePage",
                          "This is a demo clinic: every patient in it is made up, and NHS "
                          "numbers come from the 999 test range. Try anything here; "
                          "nothing is sent anywhere."), self))


def install_pages(window: MainWindow, session: Session) -> None:
    """Every page of the main window, in navigation order."""
    from crdesk.gui.admin.audit_page import AuditLogPage
    from crdesk.gui.admin.settings_page import ClinicSettingsPage
    from crdesk.gui.admin.users_page import UsersPage
    from crdesk.gui.staff.patients_page import PatientsPage

    window.add_page("home", translate("Pages", "Home"), HomePage(session))
    window.add_page("patients", translate("Pages", "Patients"), lambda: PatientsPage(session))
    window.add_page("users", translate("Pages", "Users and roles"), lambda: UsersPage(session),
                    admin_only=True)
    window.add_page("settings", translate("Pages", "Clinic settings"), lambda: ClinicSettingsPage(
        session),
                    admin_only=True)
    window.add_page("audit", translate("Pages", "Audit log"), lambda: AuditLogPage(session),
                    admin_only=True)
    # The NACR export (admin only) lives in its own module.
    from crdesk.gui.admin.export_page import ExportPage

    window.add_page("export", translate("Pages", "Export for NACR"), lambda: ExportPage(session),
                    admin_only=True)
