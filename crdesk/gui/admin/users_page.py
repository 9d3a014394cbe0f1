"""Users and roles: add an account, reset a password, remove an account (admin only).

Each of these rewrites a key slot with Argon2, which takes a second or two. It runs on the
GUI thread because the database connection belongs to it (and the slot file and database
change together); the dialog says it is working. The services check the role again,
whatever the screen shows.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.roles import Role
from crdesk.crypto.kdf import DEFAULT_COST, KdfCost
from crdesk.errors import KnownError
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.field_grid import FieldGrid, combo
from crdesk.gui.widgets import MessageLabel, heading, paragraph, secondary_button
from crdesk.services.session import Session


def _password() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class UserDialog(QDialog):
    """New account (user name, name, role, password twice) or a password reset."""

    def __init__(self, username: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reset_for = username
        title = "Add a user" if username is None else f"Reset the password of {username}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(720, 380)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(title, "pageTitle", self))
        self.grid = FieldGrid(columns=2)
        if username is None:
            self.grid.add("username", "&User name", QLineEdit())
            self.grid.add("display_name", "&Name", QLineEdit())
            self.grid.add("role", "&Role", combo([(Role.STAFF.value, "Staff"),
                                                  (Role.ADMIN.value, "Admin")], None))
        self.grid.add("password", "&Password (12 characters or more)", _password())
        self.grid.add("confirm", "&Confirm password", _password())
        lay.addLayout(self.grid)
        lay.addStretch(1)
        self.message = MessageLabel("Result", self)
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        ensure_accessible_names(self)

    def mismatch(self) -> bool:
        if self.grid.text("password") != self.grid.text("confirm"):
            self.grid.show_problems({"confirm": "The two passwords are not the same."})
            return True
        return False


class UsersPage(QWidget):
    COLUMNS = ["User name", "Name", "Role", "Password last changed"]

    def __init__(self, session: Session, cost: KdfCost = DEFAULT_COST,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session.require_admin("manage users")
        self.session = session
        self.cost = cost
        self.setAccessibleName("Users")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 28, 36, 28)
        lay.setSpacing(12)
        lay.addWidget(heading("Users and roles", "screenTitle", self))
        lay.addWidget(paragraph(
            "Everyone who can sign in to this clinic. Admins manage accounts, settings and "
            "exports; staff work with patients. Each person has their own account.", self,
            secondary=True))
        bar = QHBoxLayout()
        self.add_button = QPushButton("&Add user…", self)
        self.reset_button = secondary_button("&Reset password…", "Reset password", self)
        self.remove_button = secondary_button("Re&move user…", "Remove user", self)
        for b in (self.add_button, self.reset_button, self.remove_button):
            bar.addWidget(b)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.message = MessageLabel("Users message", self)
        lay.addWidget(self.message)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setAccessibleName("Users and roles")
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.remove_button.clicked.connect(self.remove_user)
        self.dialog: UserDialog | None = None
        ensure_accessible_names(self)
        self.refresh()

    def refresh(self) -> None:
        users = self.session.list_users()
        self.table.setRowCount(len(users))
        for row, u in enumerate(users):
            role = "Admin" if u.role is Role.ADMIN else "Staff"
            for col, text in enumerate([u.username, u.display_name, role,
                                        (u.password_changed_at or "")[:10]]):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return None if item is None else item.text()

    @Slot()
    def add_user(self) -> UserDialog:
        d = UserDialog(None, self)
        d.buttons.accepted.connect(lambda: self._submit_add(d))
        self.dialog = d
        d.open()
        return d

    def _submit_add(self, d: UserDialog) -> None:
        if d.mismatch():
            return
        t = d.grid.text
        username, name, role, password = (t("username"), t("display_name"), Role(t("role")),
                                          d.grid.text("password"))
        self._run(d, lambda: self.session.add_user(username, role, password, name,
                                                   cost=self.cost),
                  "The account was added.")

    @Slot()
    def reset_password(self) -> UserDialog | None:
        who = self.selected()
        if who is None:
            self.message.show_error("Select a user first.")
            return None
        d = UserDialog(who, self)
        d.buttons.accepted.connect(lambda: self._submit_reset(d, who))
        self.dialog = d
        d.open()
        return d

    def _submit_reset(self, d: UserDialog, who: str) -> None:
        if d.mismatch():
            return
        password = d.grid.text("password")
        self._run(d, lambda: self.session.reset_password(who, password, cost=self.cost),
                  "The password was reset; tell the person in person, never by email.")

    def _run(self, d: UserDialog, op: object, done_text: str) -> None:
        # Checks (policy, duplicates) are quick and raise before the slow Argon2 step, so
        # they run here; the database is only used from this thread.
        d.buttons.setEnabled(False)
        d.message.show_ok("Working… (protecting the password takes a moment)")
        d.repaint()
        try:
            op()  # type: ignore[operator]
        except KnownError as exc:
            d.buttons.setEnabled(True)
            d.message.show_known(exc)
            return
        d.accept()
        self.message.show_ok(done_text)
        self.refresh()

    @Slot()
    def remove_user(self) -> None:
        who = self.selected()
        if who is None:
            self.message.show_error("Select a user first.")
            return
        answer = QMessageBox.question(self, "Remove user",
                                      f"Remove {who}? They will no longer be able to sign in.")
        if answer == QMessageBox.StandardButton.Yes:
            self.remove(who)

    def remove(self, who: str) -> None:
        try:
            self.session.remove_user(who)
        except KnownError as exc:
            self.message.show_known(exc)
            return
        self.message.show_ok(f"{who} was removed.")
        self.refresh()

