"""The first pages of the main window, and the one place that decides which pages exist.

Later screens (patients, questionnaires, reports, export) add a line to ``install_pages``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.roles import Role
from crdesk.gui.main_window import MainWindow
from crdesk.gui.widgets import heading, paragraph
from crdesk.services.session import Session

STAFF_CAN = [
    "Register referrals and record each patient's assessments.",
    "Start a patient's questionnaire on this laptop and let them fill it in alone.",
    "See each patient's progress from the first assessment to the last, and print a report.",
]
ADMIN_CAN = [
    "Manage staff accounts.",
    "See how the service is doing against the national standards.",
    "Export records for the National Audit of Cardiac Rehabilitation (NACR).",
]


class HomePage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        clinic = session.clinic()
        self.setAccessibleName("Home")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 28, 36, 28)
        column = QWidget(self)
        column.setMaximumWidth(980)  # long lines are hard to read
        outer.addWidget(column)
        outer.addStretch(1)
        lay = QVBoxLayout(column)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        lay.addWidget(heading(f"Welcome to {clinic.name}", "screenTitle", self))
        lay.addWidget(paragraph(
            "Everything you enter is kept encrypted on this laptop. The screen locks itself "
            "after a few minutes without use; lock it yourself whenever you step away.",
            self, secondary=True))
        lay.addSpacing(8)
        lay.addWidget(heading("What you can do here", "pageTitle", self))
        for line in STAFF_CAN + (ADMIN_CAN if session.is_admin else []):
            lay.addWidget(paragraph(f"•  {line}", self))
        if clinic.is_demo:
            lay.addSpacing(8)
            lay.addWidget(paragraph(
                "This is a demo clinic: every patient in it is made up, and NHS numbers come "
                "from the 999 test range. Try anything here; nothing is sent anywhere.", self))


class UsersPage(QWidget):
    """Read-only list of accounts (forms to add and remove users come with user management)."""

    COLUMNS = ["User name", "Name", "Role", "Password last changed"]

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session.require_admin("see the list of users")
        self.setAccessibleName("Users")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 28, 36, 28)
        lay.setSpacing(12)
        lay.addWidget(heading("Users", "screenTitle", self))
        lay.addWidget(paragraph(
            "Everyone who can sign in to this clinic. Admins manage accounts and exports; "
            "staff work with patients.", self, secondary=True))
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setAccessibleName("Users and roles")
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setAccessibleName("Row numbers")
        self.table.horizontalHeader().setAccessibleName("Column headings")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(40)
        lay.addWidget(self.table, 1)
        self._session = session
        self.refresh()

    def refresh(self) -> None:
        users = self._session.list_users()
        self.table.setRowCount(len(users))
        for row, u in enumerate(users):
            changed = (u.password_changed_at or "")[:10]
            role = "Admin" if u.role is Role.ADMIN else "Staff"
            values = [u.username, u.display_name, role, changed]
            for col, text in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(text))


def install_pages(window: MainWindow, session: Session) -> None:
    """Every page of the main window, in navigation order."""
    window.add_page("home", "Home", HomePage(session))
    window.add_page("users", "Users", lambda: UsersPage(session), admin_only=True)
    # The NACR export (admin only) lives in its own module.
    from crdesk.gui.export_page import ExportPage

    window.add_page("export", "Export for NACR", lambda: ExportPage(session), admin_only=True)
