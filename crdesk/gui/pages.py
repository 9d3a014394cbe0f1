"""The pages of the main window, and the one place that decides which pages exist.

Home is the staff worklist (who needs something today); the dashboard shows how the
service is doing against the national standards. Both staff and admin see them.
"""

from __future__ import annotations

from crdesk.gui.i18n import translate
from crdesk.gui.main_window import MainWindow
from crdesk.services.session import Session


def install_pages(window: MainWindow, session: Session) -> None:
    """Every page of the main window, in navigation order."""
    from crdesk.gui.admin.audit_page import AuditLogPage
    from crdesk.gui.admin.backups_page import BackupsPage
    from crdesk.gui.admin.export_page import ExportPage
    from crdesk.gui.admin.retention_page import RetentionPage
    from crdesk.gui.admin.settings_page import ClinicSettingsPage
    from crdesk.gui.admin.users_page import UsersPage
    from crdesk.gui.backup_notices import BackupNotices
    from crdesk.gui.dashboard.dashboard_page import DashboardPage
    from crdesk.gui.staff.patients_page import PatientsPage
    from crdesk.gui.staff.worklist_page import WorklistPage

    def open_patient(patient_id: int) -> None:
        window.show_page("patients")
        patients = window.page("patients")
        assert isinstance(patients, PatientsPage)
        patients.open_patient(patient_id)

    worklist = WorklistPage(session)
    worklist.open_patient.connect(open_patient)
    notices = BackupNotices(session)
    notices.open_backups.connect(lambda: window.show_page("backups"))
    worklist.add_banner(notices)
    window.add_page("home", translate("Pages", "Home"), worklist)
    window.add_page("patients", translate("Pages", "Patients"), lambda: PatientsPage(session))
    def dashboard_page() -> DashboardPage:
        page = DashboardPage(session)
        page.open_patient.connect(open_patient)
        return page

    # Every page but Home is built when first shown (MainWindow.add_page with a factory).
    window.add_page("dashboard", translate("Pages", "Service dashboard"), dashboard_page)
    window.add_page("users", translate("Pages", "Users and roles"), lambda: UsersPage(session),
                    admin_only=True)
    window.add_page("settings", translate("Pages", "Clinic settings"),
                    lambda: ClinicSettingsPage(session), admin_only=True)
    def backups_page() -> BackupsPage:
        page = BackupsPage(session)
        page.changed.connect(notices.refresh)
        return page

    window.add_page("backups", translate("Pages", "Backups"), backups_page, admin_only=True)
    window.add_page("audit", translate("Pages", "Audit log"), lambda: AuditLogPage(session),
                    admin_only=True)
    window.add_page("retention", translate("Pages", "Retention and disposal"),
                    lambda: RetentionPage(session), admin_only=True)
    def export_page() -> ExportPage:
        page = ExportPage(session)
        page.open_patient.connect(open_patient)
        return page

    window.add_page("export", translate("Pages", "Export for NACR"), export_page,
                    admin_only=True)
