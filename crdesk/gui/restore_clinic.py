"""Moving to a new laptop (issue 17): set-up starts from a backup, with the recovery key.

Three steps on one screen: choose the backup file (its manifest and every member's hash are
checked in the background, and what it is is shown: when it was made, by which crdesk),
type the recovery key that was current when it was made, restore. The restore itself is
``services/restore.py restore_with_recovery_key`` (staged, one switch, audited in the
restored chain), so a wrong key or a damaged file changes nothing here.

Signals:
    restored(str): the clinic is in place; carries the backup's date for the sign-in notice.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crdesk.errors import KnownError
from crdesk.gui.i18n import translate
from crdesk.gui.operations import Operation, OperationContext, run_operation
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.widgets import MessageLabel, heading, paragraph, secondary_button
from crdesk.services.home import ClinicHome
from crdesk.services.restore import BackupInfo, Restored, describe_backup, restore_with_recovery_key


class RestoreClinicDialog(QDialog):
    restored = Signal(str)

    def __init__(self, home: ClinicHome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.source: Path | None = None
        self.info: BackupInfo | None = None
        self.operation: Operation[object] | None = None
        self.setWindowTitle(translate("RestoreClinic", "crdesk — restore a clinic"))
        self.setAccessibleName(translate("RestoreClinic", "Restore a clinic from a backup"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(40, 28, 40, 28)
        lay.setSpacing(8)
        lay.addWidget(heading(translate("RestoreClinic", "Restore a clinic from a backup"),
                              "screenTitle", self))
        lay.addWidget(paragraph(translate(
            "RestoreClinic",
            "For a new or repaired laptop: bring the clinic's latest backup (from its USB "
            "drive or network share) and the recovery key from the clinic safe. Everyone then "
            "signs in with the passwords they had."), self))
        lay.addWidget(heading(translate("RestoreClinic", "1. Choose the backup file"),
                              "pageTitle", self))
        row = QHBoxLayout()
        self.choose_button = secondary_button(
            translate("RestoreClinic", "&Choose the backup…"),
            translate("RestoreClinic", "Choose the backup file"), self)
        self.choose_button.clicked.connect(self._choose)
        row.addWidget(self.choose_button)
        self.file_message = MessageLabel(translate("RestoreClinic", "Backup file"), self)
        row.addWidget(self.file_message, 1)
        lay.addLayout(row)
        lay.addWidget(heading(translate("RestoreClinic", "2. Type the recovery key"),
                              "pageTitle", self))
        self.key = QLineEdit(self)
        self.key.setObjectName("recoveryKeyInput")
        self.key.setAccessibleName(translate("RestoreClinic", "Recovery key"))
        self.key.setPlaceholderText(translate("RestoreClinic", "for example 1A2B-3C4D-5E6F-…"))
        self.key.textChanged.connect(lambda _t: self._update())
        lay.addWidget(self.key)
        lay.addWidget(paragraph(translate(
            "RestoreClinic", "The key printed when the clinic was set up, or at the last key "
                             "rotation before the backup was made."), self, secondary=True))
        lay.addWidget(heading(translate("RestoreClinic", "3. Restore"), "pageTitle", self))
        self.message = MessageLabel(translate("RestoreClinic", "Restore message"), self)
        lay.addWidget(self.message)
        lay.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = secondary_button(translate("RestoreClinic", "Cancel"),
                                              translate("RestoreClinic", "Cancel the restore"),
                                              self)
        self.cancel_button.clicked.connect(self.reject)
        self.restore_button = QPushButton(translate("RestoreClinic", "&Restore the clinic"), self)
        self.restore_button.clicked.connect(self.restore)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.restore_button)
        lay.addLayout(buttons)
        self._update()
        ensure_accessible_names(self)

    def _busy(self) -> bool:
        return self.operation is not None and self.operation.running

    def _update(self) -> None:
        self.restore_button.setEnabled(self.info is not None and bool(self.key.text().strip())
                                       and not self._busy())

    @Slot()
    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("RestoreClinic", "Choose the clinic's backup"), "",
            translate("RestoreClinic", "crdesk backups (*.crbackup)"))
        if name:
            self.choose(Path(name))

    def choose(self, path: Path) -> None:
        """Check ``path`` in the background and show what it is."""
        if self._busy():
            return
        self.source, self.info = path, None
        self.file_message.show_ok(translate("RestoreClinic", "Checking {name}…").format(
            name=path.name))

        def done(info: object) -> None:
            assert isinstance(info, BackupInfo)
            self.info = info
            self.file_message.show_ok(translate(
                "RestoreClinic", "{name}: a whole backup, made {when} (crdesk {version}).")
                .format(name=path.name, when=info.created_words, version=info.software_version))

        self.operation = run_operation(self, lambda op: describe_backup(path), on_done=done,
                                       on_error=self.file_message.show_known,
                                       on_finally=self._update, name="check a backup file")

    @Slot()
    def restore(self) -> None:
        if self._busy() or self.source is None:
            return
        source, key = self.source, self.key.text().strip()
        self.message.show_ok(translate("RestoreClinic", "Restoring… this takes a moment."))
        for w in (self.choose_button, self.restore_button, self.cancel_button, self.key):
            w.setEnabled(False)

        def work(op: OperationContext) -> Restored:
            return restore_with_recovery_key(self.home, source, key)

        def done(result: object) -> None:
            assert isinstance(result, Restored)
            self.restored.emit(result.backup_created)
            self.accept()

        def failed(exc: KnownError) -> None:
            self.message.show_known(exc)
            for w in (self.choose_button, self.cancel_button, self.key):
                w.setEnabled(True)

        self.operation = run_operation(self, work, on_done=done, on_error=failed,
                                       on_finally=self._update, name="restore a clinic")
