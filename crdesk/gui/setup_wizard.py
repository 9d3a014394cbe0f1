"""First-run set-up: clinic, first admin, then the recovery key shown once and typed back.

The clinic is prepared in a staging folder when the admin page is accepted (that is when the
recovery key comes into being) and only moved into place after the key has been typed back
correctly; see ``services/setup.py``. Cancelling at any point leaves no clinic behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from crdesk.core import passwords
from crdesk.core.validation import clinic_ods_code
from crdesk.errors import KnownError, ValidationError
from crdesk.gui.i18n import UNTRANSLATED_PROPERTY, translate
from crdesk.gui.operations import run_operation
from crdesk.gui.recovery_print import print_recovery_key
from crdesk.gui.widgets import MessageLabel, heading, mark_invalid, paragraph, secondary_button
from crdesk.services.home import ClinicHome
from crdesk.services.setup import (
    RECOVERY_GROUP,
    StagedClinic,
    normalise_username,
    remove_stale_staging,
)

if TYPE_CHECKING:
    from crdesk.gui.restore_clinic import RestoreClinicDialog
    from crdesk.services.access import KdfCost

def _field(name: str, parent: QWidget, password: bool = False) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAccessibleName(name)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _row(form: QVBoxLayout, label: str, edit: QLineEdit, error: MessageLabel) -> None:
    caption = QLabel(label)
    caption.setAccessibleName(label.replace("&", ""))
    caption.setBuddy(edit)
    form.addWidget(caption)
    form.addWidget(edit)
    form.addWidget(error)
    form.addSpacing(6)


def _card(page: QWizardPage, step: int, title: str) -> QVBoxLayout:
    """A white column in the middle of the page: long lines are hard to read."""
    outer = QHBoxLayout(page)
    outer.setContentsMargins(0, 24, 0, 12)
    card = QFrame(page)
    card.setObjectName("card")
    card.setMinimumWidth(680)
    card.setMaximumWidth(880)
    outer.addStretch(1)
    outer.addWidget(card, 6)
    outer.addStretch(1)
    inner = QVBoxLayout(card)
    inner.setContentsMargins(40, 28, 40, 28)
    inner.setSpacing(8)
    inner.addWidget(paragraph(translate("SetupWizard", "Step {step} of 4").format(step=step), card,
                              secondary=True))
    inner.addWidget(heading(title, "pageTitle", card))
    return inner


class ClinicPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        layout = _card(self, 1, translate("ClinicPage", "Set up your clinic"))
        layout.addWidget(paragraph(
            translate("ClinicPage",
                      "crdesk keeps your clinic's records encrypted on this laptop. First, tell "
                      "it which service this is. You can change these details later.")))
        form = QVBoxLayout()
        form.setSpacing(4)
        self.name = _field(translate("ClinicPage", "Clinic name"), self)
        self.name.setPlaceholderText(translate("ClinicPage",
                                               "for example: Riverside Cardiac Rehabilitation"))
        self.name_error = MessageLabel(translate("ClinicPage", "Clinic name problem"), self)
        self.ods = _field(translate("ClinicPage", "ODS code"), self)
        self.ods.setPlaceholderText(translate("ClinicPage", "for example: RX1 or RX1AB"))
        self.ods.setMaxLength(6)
        self.ods_error = MessageLabel(translate("ClinicPage", "ODS code problem"), self)
        _row(form, translate("ClinicPage", "&Clinic name"), self.name, self.name_error)
        _row(form, translate("ClinicPage", "&ODS code (your service's NHS organisation code)"),
             self.ods, self.ods_error)
        layout.addLayout(form)
        layout.addStretch(1)
        # Moving to a new laptop starts here too (issue 17): from a backup, not a new clinic.
        restore_row = QHBoxLayout()
        restore_row.addWidget(paragraph(translate(
            "ClinicPage", "Moving to a new laptop, or replacing a lost one? Start from the "
                          "clinic's backup instead."), self, secondary=True), 1)
        self.restore_button = secondary_button(
            translate("ClinicPage", "&Restore a clinic…"),
            translate("ClinicPage", "Restore a clinic from a backup"), self)
        self.restore_button.clicked.connect(wizard.open_restore)
        restore_row.addWidget(self.restore_button)
        layout.addLayout(restore_row)
        self.registerField("clinic_name*", self.name)
        self.registerField("ods_code*", self.ods)

    def validatePage(self) -> bool:
        ok = True
        self.name_error.clear_message()
        self.ods_error.clear_message()
        if not self.name.text().strip():
            self.name_error.show_error(translate("ClinicPage", "Enter the clinic's name."))
            ok = False
        try:
            self.ods.setText(clinic_ods_code(self.ods.text()))
        except ValidationError as exc:
            self.ods_error.show_known(exc)
            ok = False
        mark_invalid(self.name, not self.name.text().strip())
        mark_invalid(self.ods, self.ods_error.isVisible())
        return ok


class AdminPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._busy = False
        layout = _card(self, 2, translate("AdminPage", "The first admin account"))
        layout.addWidget(paragraph(
            translate("AdminPage",
                      "This person manages staff accounts and exports. Each member of staff "
                      "will have their own account. Use a password of at least 12 characters: a "
                      "short sentence you will remember is a good choice.")))
        form = QVBoxLayout()
        form.setSpacing(4)
        self.username = _field(translate("AdminPage", "Admin user name"), self)
        self.username.setPlaceholderText(translate("AdminPage", "for example: jsmith"))
        self.username_error = MessageLabel(translate("AdminPage", "User name problem"), self)
        self.password = _field(translate("AdminPage", "Password"), self, password=True)
        self.password_feedback = MessageLabel(translate("AdminPage", "Password feedback"), self)
        self.confirm = _field(translate("AdminPage", "Password again"), self, password=True)
        self.confirm_error = MessageLabel(translate("AdminPage", "Password again problem"), self)
        _row(form, translate("AdminPage", "&User name"), self.username, self.username_error)
        _row(form, translate("AdminPage", "&Password"), self.password, self.password_feedback)
        _row(form, translate("AdminPage", "Password &again"), self.confirm, self.confirm_error)
        layout.addLayout(form)
        self.show_password = QCheckBox(translate("AdminPage", "Show the passwords"), self)
        self.show_password.setAccessibleName(translate("AdminPage", "Show the passwords"))
        self.show_password.toggled.connect(self._on_show_password_toggled)
        layout.addWidget(self.show_password)
        self.status = MessageLabel(translate("AdminPage", "Set-up status"), self)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.registerField("admin*", self.username)
        self.registerField("password*", self.password)
        self.registerField("confirm*", self.confirm)
        for edit in (self.username, self.password, self.confirm):
            edit.textChanged.connect(self._on_text_changed)

    @Slot(bool)
    def _on_show_password_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def _problems(self) -> list[str]:
        return passwords.problems(self.password.text(), username=self.username.text().strip(),
                                  clinic_name=str(self.field("clinic_name")).strip())

    @Slot()
    def _on_text_changed(self) -> None:
        """Live feedback on the password policy while the admin types."""
        if not self.password.text():
            self.password_feedback.clear_message()
        elif issues := self._problems():
            self.password_feedback.show_error(" ".join(issues), from_service=True)
        else:
            self.password_feedback.show_ok(translate("AdminPage",
                                                     "This password meets the policy."))
        if self.confirm.text() and self.confirm.text() != self.password.text():
            self.confirm_error.show_error(translate("AdminPage",
                                                    "The two passwords are not the same yet."))
        else:
            self.confirm_error.clear_message()

    def isComplete(self) -> bool:
        if self._wizard.staged is not None:
            return True
        return super().isComplete() and not self._busy

    def validatePage(self) -> bool:
        if self._wizard.staged is not None:
            return True  # already prepared; these fields are read-only now
        if self._busy:
            return False
        ok = True
        try:
            admin = normalise_username(self.username.text())
            self.username_error.clear_message()
        except ValidationError as exc:
            self.username_error.show_known(exc)
            admin, ok = "", False
        if issues := self._problems():
            self.password_feedback.show_error(" ".join(issues),
                                              translate("AdminPage",
                                                        "Choose a longer or less common password."),
                                              from_service=True)
            ok = False
        if self.confirm.text() != self.password.text():
            self.confirm_error.show_error(translate("AdminPage",
                                                    "The two passwords are not the same."),
                                          translate("AdminPage",
                                                    "Type the same password in both boxes."))
            ok = False
        mark_invalid(self.username, self.username_error.isVisible())
        mark_invalid(self.password, bool(self._problems()))
        mark_invalid(self.confirm, self.confirm.text() != self.password.text())
        if ok:
            self._start_create(admin)
        return False  # the wizard moves on by itself when the clinic is ready

    def _start_create(self, admin: str) -> None:
        self._set_busy(True)
        self.status.show_ok(translate("AdminPage",
                "Creating the encrypted clinic database… this takes a few seconds."))
        w = self._wizard
        name, ods, pw = str(self.field("clinic_name")), str(self.field("ods_code")), \
            self.password.text()
        run_operation(
            self,
            lambda _op: StagedClinic.create(w.home.basedir, clinic_name=name, ods_code=ods,
                                            admin=admin, password=pw, cost=w.cost),
            on_done=self._on_created, on_error=self._on_create_failed, name="create clinic")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for edit in (self.username, self.password, self.confirm):
            edit.setReadOnly(busy or self._wizard.staged is not None)
        self.completeChanged.emit()

    def _on_created(self, staged: StagedClinic) -> None:
        if self._wizard.cancelled:
            staged.discard()  # set-up was cancelled while the database was being made
            return
        self._wizard.staged = staged
        self.password.clear()  # the password is no longer needed in this widget
        self.confirm.clear()
        self._set_busy(False)
        # Later edits could not change what was created; going Back only shows it.
        self._wizard.clinic_page.name.setReadOnly(True)
        self._wizard.clinic_page.ods.setReadOnly(True)
        self.status.show_ok(translate("AdminPage",
                                      "The clinic is prepared. Next, save its recovery key."))
        self._wizard.next()

    def _on_create_failed(self, exc: KnownError) -> None:
        self._set_busy(False)
        self.status.show_known(exc)


class KeyPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        layout = _card(self, 3, translate("KeyPage", "Your recovery key"))
        layout.addWidget(paragraph(
            translate("KeyPage",
                      "This key opens the clinic's records if every password is forgotten or a "
                      "file is lost. It is shown only once. Print it, or copy it by hand onto "
                      "paper, and keep it in the clinic safe. Anyone with this key and the "
                      "laptop can read the records.")))
        self.key_grid = QGridLayout()
        self.key_grid.setHorizontalSpacing(22)
        self.key_grid.setVerticalSpacing(12)
        self.key_grid.setContentsMargins(24, 16, 24, 16)
        self.key_box = QFrame(self)
        self.key_box.setObjectName("recoveryKey")
        self.key_box.setLayout(self.key_grid)
        self.key_box.setAccessibleName(translate("KeyPage", "Recovery key"))
        layout.addSpacing(6)
        layout.addWidget(self.key_box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(6)
        buttons = QHBoxLayout()
        self.print_button = secondary_button(translate("KeyPage", "&Print the key…"), translate(
            "KeyPage", "Print the recovery key"), self)
        self.print_button.clicked.connect(self._on_print_clicked)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.saved = QCheckBox(translate("KeyPage",
                                         "I have printed or written down the recovery key"), self)
        self.saved.setAccessibleName(translate("KeyPage",
                                               "I have printed or written down the recovery key"))
        layout.addWidget(self.saved)
        layout.addStretch(1)
        self.registerField("key_saved*", self.saved)

    def initializePage(self) -> None:
        staged = self._wizard.staged
        if staged is None:
            return
        while self.key_grid.count():
            item = self.key_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        groups = staged.recovery_key.split("-")
        per_row = 5  # three short rows are easier to copy by hand than two long ones
        for i, group in enumerate(groups):
            label = QLabel(group, self.key_box)
            label.setObjectName("recoveryKeyGroup")
            label.setProperty(UNTRANSLATED_PROPERTY, True)  # a code, not words
            label.setAccessibleName(translate("KeyPage", "Group {number}: {characters}").format(
                number=i + 1, characters=" ".join(group)))
            self.key_grid.addWidget(label, i // per_row, i % per_row)
        self.key_box.setAccessibleDescription(
            f"{len(groups)} groups of {RECOVERY_GROUP} characters: " + ", ".join(groups))

    @Slot()
    def _on_print_clicked(self) -> None:
        staged = self._wizard.staged
        if staged is not None:
            print_recovery_key(self, staged.recovery_key, str(self.field("clinic_name")),
                               str(self.field("ods_code")))


class ConfirmKeyPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        layout = _card(self, 4, translate("ConfirmKeyPage", "Type the recovery key back"))
        layout.addWidget(paragraph(
            translate("ConfirmKeyPage",
                      "To be sure your copy is right, type the key from your paper. Dashes and "
                      "spaces do not matter, and capital or small letters are both fine. Go "
                      "Back if you need to see it again.")))
        self.typed = _field(translate("ConfirmKeyPage", "Recovery key, typed back"), self)
        self.typed.setObjectName("recoveryKeyInput")
        self.typed.setPlaceholderText(translate("ConfirmKeyPage", "for example 1A2B-3C4D-5E6F-…"))
        layout.addWidget(self.typed)
        self.error = MessageLabel(translate("ConfirmKeyPage", "Recovery key problem"), self)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.registerField("typed_key*", self.typed)
        self.setFinalPage(True)

    def validatePage(self) -> bool:
        staged = self._wizard.staged
        if staged is None:
            return False
        try:
            if not staged.matches(self.typed.text()):
                raise ValidationError(
                    translate("ConfirmKeyPage",
                              "This is not the recovery key shown on the previous page."),
                    translate("ConfirmKeyPage",
                              "Go Back and check each group against your paper copy."))
            staged.commit()
        except KnownError as exc:
            self.error.show_known(exc)
            mark_invalid(self.typed, True)
            return False
        self._wizard.finish_setup(staged.admin)
        return True


class SetupWizard(QWizard):
    """Signals:
        clinic_created(str): the clinic is in place; carries the admin's user name.
    """

    clinic_created = Signal(str)
    clinic_restored = Signal(str)

    def __init__(self, home: ClinicHome, *, cost: KdfCost | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.cost = cost
        self.staged: StagedClinic | None = None
        self.cancelled = False
        self.restore_dialog: RestoreClinicDialog | None = None
        remove_stale_staging(home.basedir)
        self.setWindowTitle(translate("SetupWizard", "crdesk — set up your clinic"))
        self.setAccessibleName(translate("SetupWizard", "Set up your clinic"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, translate("SetupWizard", "< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, translate("SetupWizard", "&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("SetupWizard",
                                                                        "&Finish set-up"))
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("SetupWizard",
                                                                        "Cancel set-up"))
        for which in (QWizard.WizardButton.CancelButton, QWizard.WizardButton.BackButton):
            button = self.button(which)
            button.setProperty("secondary", True)
            button.style().unpolish(button)  # QWizard polished its buttons already
            button.style().polish(button)
        for which, name in ((QWizard.WizardButton.BackButton, "Back"),
                            (QWizard.WizardButton.NextButton, "Next"),
                            (QWizard.WizardButton.FinishButton, "Finish set-up"),
                            (QWizard.WizardButton.CancelButton, "Cancel set-up")):
            self.button(which).setAccessibleName(name)
        self.clinic_page = ClinicPage(self)
        self.admin_page = AdminPage(self)
        self.key_page = KeyPage(self)
        self.confirm_page = ConfirmKeyPage(self)
        for page in (self.clinic_page, self.admin_page, self.key_page, self.confirm_page):
            self.addPage(page)
        self.rejected.connect(self._on_rejected)

    @Slot()
    def open_restore(self) -> RestoreClinicDialog:
        from crdesk.gui.restore_clinic import RestoreClinicDialog

        self.restore_dialog = RestoreClinicDialog(self.home, self)
        self.restore_dialog.restored.connect(self._on_restored)
        self.restore_dialog.resize(900, 620)
        self.restore_dialog.open()
        return self.restore_dialog

    @Slot(str)
    def _on_restored(self, backup_created: str) -> None:
        # Emitted while the wizard is still showing, so a window is always on screen.
        self.clinic_restored.emit(backup_created)
        # QWizard.done() would validate the (empty) clinic page first: there is no page to
        # finish, the clinic came from the backup, so close as QDialog does.
        QDialog.done(self, QDialog.DialogCode.Accepted.value)

    def finish_setup(self, admin: str) -> None:
        settings = self.home.settings()
        settings.last_user = admin
        self.home.save_settings(settings)
        self.staged = None
        self.clinic_created.emit(admin)

    @Slot()
    def _on_rejected(self) -> None:
        self.cancelled = True
        if self.staged is not None:
            self.staged.discard()  # nothing was confirmed: leave no clinic behind
            self.staged = None
