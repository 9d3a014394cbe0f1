"""The sign-in screen: user name and password unlock the clinic database.

Unlocking derives the user's key with Argon2 (deliberately slow), so it runs off the GUI
thread. For a demo clinic, and only then, a labelled box shows the demo credentials that
``crdesk demo`` stored in settings.json; a real clinic's settings never hold any.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crdesk.gui.i18n import translate
from crdesk.gui.style import monospace_font
from crdesk.gui.widgets import MessageLabel, heading, mark_invalid, paragraph, set_selectable
from crdesk.settings import Settings

# Nothing else at import time: this module is on the first frame's path (issue 15). The
# services (crypto, SQLCipher) and the operations pool are imported at the first Unlock, and
# the ``Qt`` namespace is never needed (QFrame paints its styled background without
# WA_StyledBackground; widgets.py sets enum properties through the property system).
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from crdesk.errors import KnownError
    from crdesk.services.home import ClinicHome
    from crdesk.services.session import Session


class LoginScreen(QFrame):
    """The first frame is drawn before the clinic's instance lock is taken (app.py): it is
    made with ``home=None``, and Unlock stays disabled until :meth:`set_home` hands it the
    held clinic.

    Signals:
        unlocked(Session): the user's password opened the clinic database.
        close_requested(): the window was closed (the application should exit).
    """

    unlocked = Signal(object)
    close_requested = Signal()

    def __init__(self, home: ClinicHome | None, *, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._home = home
        self._busy = False
        self.setObjectName("loginScreen")
        self.setWindowTitle(translate("LoginScreen", "crdesk — sign in"))
        self.setAccessibleName(translate("LoginScreen", "Sign in to crdesk"))

        card = QFrame(self)
        card.setObjectName("card")
        card.setMaximumWidth(620)
        card.setMinimumWidth(520)
        form = QVBoxLayout(card)
        form.setContentsMargins(40, 32, 40, 32)
        form.setSpacing(10)
        form.addWidget(heading("crdesk", "screenTitle", card))
        form.addWidget(heading(translate("LoginScreen", "Sign in"), "pageTitle", card))
        self.notice = paragraph("", card, secondary=True)
        self.notice.setAccessibleName(translate("LoginScreen", "Notice"))
        self.notice.hide()
        form.addWidget(self.notice)

        self.username = QLineEdit(card)
        self.username.setAccessibleName(translate("LoginScreen", "User name"))
        self.password = QLineEdit(card)
        self.password.setAccessibleName(translate("LoginScreen", "Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for text, edit in ((translate("LoginScreen", "&User name"), self.username),
                           (translate("LoginScreen", "&Password"), self.password)):
            caption = QLabel(text, card)
            caption.setAccessibleName(text.replace("&", ""))
            caption.setBuddy(edit)
            form.addWidget(caption)
            form.addWidget(edit)
        self.error = MessageLabel(translate("LoginScreen", "Sign-in problem"), card)
        form.addWidget(self.error)

        # Text set apart: QPushButton(text, parent) makes PySide6 try the (QIcon, text)
        # overload first, loading QIcon's wrapper (~1 ms of the cold start, issue 15).
        self.unlock_button = QPushButton(card)
        self.unlock_button.setText(translate("LoginScreen", "Unlock"))
        self.unlock_button.setAccessibleName(translate("LoginScreen", "Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.unlock_button.setEnabled(home is not None)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        form.addSpacing(6)
        form.addLayout(row)

        # Enter in either field submits, as on every sign-in form people know.
        self.username.returnPressed.connect(self._on_unlock_clicked)
        self.password.returnPressed.connect(self._on_unlock_clicked)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.unlock_button)

        self.demo_box: QFrame | None = None
        if settings.is_demo:
            self.demo_box = self._demo_box(settings, card)
            form.addSpacing(8)
            form.addWidget(self.demo_box)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        self.prefill(settings.last_user)

    @staticmethod
    def _demo_box(settings: Settings, parent: QWidget) -> QFrame:
        box = QFrame(parent)
        box.setObjectName("demoBox")
        lay = QVBoxLayout(box)
        lay.setContentsMargins(16, 10, 16, 10)
        users = settings.demo_usernames
        names = users[0] if len(users) == 1 else translate(
            "LoginScreen", "{names} or {last}").format(names=", ".join(users[:-1]), last=users[-1])
        title = QLabel(translate("LoginScreen", "Demo clinic — synthetic data"), box)
        title.setStyleSheet("font-weight: bold;")
        title.setAccessibleName(translate("LoginScreen", "Demo clinic — synthetic data"))
        lay.addWidget(title)
        lay.addWidget(paragraph(translate("LoginScreen",
                "Sign in as {names}, with the password:").format(names=names), box))
        # On a line of its own and never wrapped: a password broken across lines is misread.
        secret = QLabel(settings.demo_password, box)
        secret.setFont(monospace_font(13))
        set_selectable(secret)
        secret.setAccessibleName(translate("LoginScreen", "Demo password: {demo_password}").format(
            demo_password=settings.demo_password))
        lay.addWidget(secret)
        box.setAccessibleName(translate("LoginScreen", "Demo clinic credentials"))
        return box

    # ---- used by the application --------------------------------------------------------

    def prefill(self, username: str, notice: str = "") -> None:
        """Start again with ``username`` filled in (after a lock) and an empty password."""
        self.username.setText(username)
        self.password.clear()
        self.error.clear_message()
        mark_invalid(self.password, False)
        self.notice.setText(notice)
        self.notice.setAccessibleDescription(notice)
        self.notice.setVisible(bool(notice))
        (self.password if username else self.username).setFocus()

    def set_home(self, home: ClinicHome) -> None:
        """The clinic is held by this process now (its instance lock): Unlock may run."""
        self._home = home
        self.unlock_button.setEnabled(not self._busy)

    @property
    def ready(self) -> bool:
        """Whether Unlock can run: the clinic is held and no unlock is under way."""
        return self._home is not None and not self._busy

    @property
    def busy(self) -> bool:
        return self._busy

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_requested.emit()
        event.accept()

    # ---- unlocking ------------------------------------------------------------------------

    @Slot()
    def _on_unlock_clicked(self) -> None:
        if self._busy or self._home is None:
            return  # before the lock is held (the first frame) Unlock is disabled too
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.show_error(translate("LoginScreen",
                                            "Enter your user name and your password."))
            (self.username if not username else self.password).setFocus()
            return
        self._set_busy(True)
        self.error.clear_message()
        from crdesk.gui.operations import run_operation
        from crdesk.services import access

        home = self._home
        run_operation(self, lambda _op: access.unlock(home, username, password),
                      on_done=self._on_unlock_succeeded, on_error=self._on_unlock_failed,
                      name="unlock")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.unlock_button.setEnabled(not busy)
        self.unlock_button.setText(translate("LoginScreen", "Unlocking…") if busy else translate(
            "LoginScreen", "Unlock"))
        self.username.setReadOnly(busy)
        self.password.setReadOnly(busy)

    def _on_unlock_succeeded(self, session: Session) -> None:
        self._set_busy(False)
        self.password.clear()
        mark_invalid(self.password, False)
        self.unlocked.emit(session)

    def _on_unlock_failed(self, exc: KnownError) -> None:
        self._set_busy(False)
        self.error.show_known(exc)
        self.password.clear()
        mark_invalid(self.password, True)
        self.password.setFocus()
