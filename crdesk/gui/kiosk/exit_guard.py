"""The staff password that releases the kiosk (to end, resume after the privacy screen, or
review). Any staff or admin account will do.

The check (``services.access.verify_staff``) opens the user's key slot, exactly as signing
in does, but leaves the open session alone: the patient's questionnaire stays where it was.
Wrong passwords count towards the account lockout like any other (10 in a row lock it for
5 minutes), and the check runs off the GUI thread because Argon2 is deliberately slow.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crdesk.gui.kiosk.words import KioskWords
from crdesk.gui.operations import run_operation
from crdesk.services.access import StaffCheck, verify_staff
from crdesk.services.home import ClinicHome


@dataclass(frozen=True)
class StaffAction:
    key: str
    text: str
    description: str


class StaffPanel(QFrame):
    """User name, password and the actions they unlock.

    Signals:
        verified(str, object): action key and the StaffCheck of whoever released it.
    """

    verified = Signal(str, object)

    def __init__(self, home: ClinicHome, words: KioskWords, actions: list[StaffAction],
                 default_user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._home = home
        self._words = words
        self.busy = False
        self.setObjectName("kioskStaffPanel")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 12, 0, 0)
        lay.setSpacing(10)
        title = QLabel(words("staff.title"), self)
        title.setObjectName("kioskQuestion")
        lay.addWidget(title)
        self.username = self._field(lay, words("staff.username"),
                                    words("staff.username.description"))
        self.username.setText(default_user)
        self.password = self._field(lay, words("staff.password"),
                                    words("staff.password.description"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(lambda: self._start(actions[0].key))
        self.message = QLabel(self)
        self.message.setObjectName("kioskError")
        self.message.setWordWrap(True)
        self.message.hide()
        lay.addWidget(self.message)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.buttons: dict[str, QPushButton] = {}
        for action in actions:
            button = QPushButton(action.text, self)
            button.setAccessibleName(action.text)
            button.setAccessibleDescription(action.description)
            button.clicked.connect(lambda _=False, k=action.key: self._start(k))
            row.addWidget(button)
            self.buttons[action.key] = button
        row.addStretch(1)
        lay.addLayout(row)

    def _field(self, lay: QVBoxLayout, text: str, description: str) -> QLineEdit:
        label = QLabel(text, self)
        label.setWordWrap(True)
        box = QLineEdit(self)
        box.setMaximumWidth(520)
        box.setAccessibleName(text)
        box.setAccessibleDescription(description)
        label.setBuddy(box)
        lay.addWidget(label)
        lay.addWidget(box)
        return box

    def controls(self) -> list[QWidget]:
        return [self.username, self.password, *self.buttons.values()]

    def reset(self) -> None:
        self.password.clear()
        self.message.hide()
        self._set_busy(False)

    def focus_first(self) -> None:
        (self.password if self.username.text() else self.username).setFocus(
            Qt.FocusReason.OtherFocusReason)

    def _start(self, action: str) -> None:
        if self.busy:
            return
        username, password = self.username.text(), self.password.text()
        self.password.clear()  # never left on screen or in the widget after a try
        if not username.strip() or not password:
            self._fail(self._words("staff.wrong"))
            return
        self._set_busy(True)
        self.message.setObjectName("kioskHelp")
        self._show_message(self._words("staff.checking"))
        home = self._home
        def check(_op: object) -> StaffCheck:
            return verify_staff(home, username, password)

        run_operation(
            self, check, name="kiosk staff check",
            on_done=lambda result: self._on_checked(action, result),
            on_error=lambda exc: self._fail(f"{exc.message} {exc.hint}".strip()))

    def _on_checked(self, action: str, result: StaffCheck) -> None:
        self._set_busy(False)
        self.message.hide()
        self.verified.emit(action, result)

    def _fail(self, text: str) -> None:
        self._set_busy(False)
        self.message.setObjectName("kioskError")
        self._show_message(text)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in self.buttons.values():
            button.setEnabled(not busy)
