"""Users and roles: add an account, reset a password, remove an account (admin only).

Adding a user and resetting a password rewrite a key slot with Argon2, which takes a second
or two: they run as background operations (gui/operations.py) on their own database
connection, so the window stays alive while the dialog says it is working. The services
check the role again, whatever the screen shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

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
from crdesk.errors import KnownError
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.operations import Operation, OperationContext, run_operation
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.field_grid import FieldGrid, combo
from crdesk.gui.widgets import MessageLabel, heading, name_buttons, paragraph, secondary_button
from crdesk.services.session import Session

if TYPE_CHECKING:
    from crdesk.services.access import KdfCost


def _password() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class UserDialog(QDialog):
    """New account (user name, name, role, password twice) or a password reset."""

    def __init__(self, username: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reset_for = username
        title = (translate("UserDialog", "Add a user") if username is None
                 else translate("UserDialog", "Reset the password of {username}").format(
                     username=username))
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(720, 380)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(title, "pageTitle", self))
        self.grid = FieldGrid(columns=2)
        if username is None:
            self.grid.add("username", translate("UserDialog", "&User name"), QLineEdit())
            self.grid.add("display_name", translate("UserDialog", "&Name"), QLineEdit())
            self.grid.add("role", translate("UserDialog", "&Role"), combo(
            [(Role.STAFF.value, translate("UserDialog", "Staff")),
             (Role.ADMIN.value, translate("UserDialog", "Admin"))], None))
        self.grid.add("password", translate("UserDialog", "&Password (12 characters or more)"),
                      _password())
        self.grid.add("confirm", translate("UserDialog", "&Confirm password"), _password())
        lay.addLayout(self.grid)
        lay.addStretch(1)
        self.message = MessageLabel(translate("UserDialog", "Result"), self)
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        name_buttons(self.buttons)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        ensure_accessible_names(self)

    def mismatch(self) -> bool:
        if self.grid.text("password") != self.grid.text("confirm"):
            self.grid.show_problems({"confirm": "The two passwords are not the same."})
            return True
        return False


class UsersPage(QWidget):
    COLUMNS = [QT_TRANSLATE_NOOP("UsersPage", "User name"), QT_TRANSLATE_NOOP("UsersPage", "Name"),
               QT_TRANSLATE_NOOP("UsersPage", "Role"),
               QT_TRANSLATE_NOOP("UsersPage", "Password last changed")]

    def __init__(self, session: Session, cost: KdfCost | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session.require_admin("manage users")
        self.session = session
        self.cost = cost
        self.setAccessibleName(translate("UsersPage", "Users"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 28, 36, 28)
        lay.setSpacing(12)
        lay.addWidget(heading(translate("UsersPage", "Users and roles"), "screenTitle", self))
        lay.addWidget(paragraph(
            translate("UsersPage",
                      "Everyone who can sign in to this clinic. Admins manage accounts, "
                      "settings and exports; staff work with patients. Each person has "
                      "their own account."), self,
            secondary=True))
        bar = QHBoxLayout()
        self.add_button = QPushButton(translate("UsersPage", "&Add user…"), self)
        self.reset_button = secondary_button(translate("UsersPage", "&Reset password…"), translate(
            "UsersPage", "Reset password"), self)
        self.remove_button = secondary_button(translate("UsersPage", "Re&move user…"), translate(
            "UsersPage", "Remove user"), self)
        for b in (self.add_button, self.reset_button, self.remove_button):
            bar.addWidget(b)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.message = MessageLabel(translate("UsersPage", "Users message"), self)
        lay.addWidget(self.message)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setAccessibleName(translate("UsersPage", "Users and roles"))
        self.table.setHorizontalHeaderLabels([translate("UsersPage", c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # The last heading is the longest: it takes the room it needs (in any language).
        self.table.horizontalHeader().setSectionResizeMode(
            len(self.COLUMNS) - 1, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.remove_button.clicked.connect(self.remove_user)
        self.dialog: UserDialog | None = None
        self.operation: Operation[None] | None = None
        ensure_accessible_names(self)
        self.refresh()

    def refresh(self) -> None:
        users = self.session.list_users()
        self.table.setRowCount(len(users))
        for row, u in enumerate(users):
            role = (translate("UsersPage", "Admin") if u.role is Role.ADMIN
                    else translate("UsersPage", "Staff"))
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
        cost = self.cost
        self._run(d, lambda op: op.session.add_user(username, role, password, name, cost=cost),
                  translate("UsersPage", "The account was added."))

    @Slot()
    def reset_password(self) -> UserDialog | None:
        who = self.selected()
        if who is None:
            self.message.show_error(translate("UsersPage", "Select a user first."))
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
        cost = self.cost
        self._run(d, lambda op: op.session.reset_password(who, password, cost=cost),
                  translate("UsersPage",
                            "The password was reset; tell the person in person, never by email."))

    @property
    def running(self) -> bool:
        return self.operation is not None and self.operation.running

    def _run(self, d: UserDialog, work: Callable[[OperationContext], None],
             done_text: str) -> None:
        # The policy and duplicate checks raise before the slow Argon2 step, so a refusal
        # comes back at once; the key slot and the database change together in the service.
        if self.running:
            return
        d.buttons.setEnabled(False)
        d.message.show_ok(translate("UsersPage",
                                    "Working… (protecting the password takes a moment)"))

        def done(_: None) -> None:
            d.accept()
            self.message.show_ok(done_text)
            self.refresh()

        def failed(exc: KnownError) -> None:
            d.buttons.setEnabled(True)
            d.message.show_known(exc)

        self.operation = run_operation(self, work, session=self.session, on_done=done,
                                       on_error=failed, name="user account")

    @Slot()
    def remove_user(self) -> None:
        who = self.selected()
        if who is None:
            self.message.show_error(translate("UsersPage", "Select a user first."))
            return
        answer = QMessageBox.question(self, translate("UsersPage", "Remove user"),
                                      translate("UsersPage",
                                              "Remove {who}? They will no longer be able to sign "
                                              "in.").format(who=who))
        if answer == QMessageBox.StandardButton.Yes:
            self.remove(who)

    def remove(self, who: str) -> None:
        try:
            self.session.remove_user(who)
        except KnownError as exc:
            self.message.show_known(exc)
            return
        self.message.show_ok(translate("UsersPage", "{who} was removed.").format(who=who))
        self.refresh()

