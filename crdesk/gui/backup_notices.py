"""The off-laptop backup lines at the top of Home (issue 17).

Admins see a reminder while no off-laptop backup is set up or a destination is missing or
failing (naming it, with the date of the last good off-laptop backup) and the last backup
test; after the clinic's number of days without one, every user sees a warning. Reading
them looks at each destination folder, and a network share that has gone away can take
seconds to answer, so they are read by a background operation.

Signals:
    open_backups(): the admin asked for the Backups page.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from crdesk.errors import KnownError
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.operations import Operation, run_operation
from crdesk.gui.widgets import secondary_button
from crdesk.services import offsite
from crdesk.services.session import Session

_STYLE = {
    # Words say the level too ("Reminder:", "Warning:"): nobody depends on colour alone.
    "warning": "background: #fde8e8; border: 2px solid #8a1c1c; color: #5a1010;",
    "reminder": "background: #fff4d6; border: 1px solid #b07d00; color: #3d2c00;",
    "info": "background: #eef4fb; border: 1px solid #8aa9cc; color: #1d3550;",
}


# The same templates as services/offsite.py TEMPLATES (tests/gui keep them equal), here so
# that they are translated.
TEMPLATES = {
    "none_set_up": QT_TRANSLATE_NOOP(
        "BackupNotices", "No off-laptop backup is set up: if this laptop is lost, every record "
                         "goes with it. Choose a USB drive or network share in Backups."),
    "missing": QT_TRANSLATE_NOOP(
        "BackupNotices", "The backup folder {destination} is not there (plug in the USB drive "
                         "or connect the share). Last good off-laptop backup: {last_good}."),
    "failed": QT_TRANSLATE_NOOP("BackupNotices",
                                "{message} Last good off-laptop backup: {last_good}."),
    "stale_admin": QT_TRANSLATE_NOOP(
        "BackupNotices", "No off-laptop backup for {days} days (last good: {last_good}). If "
                         "this laptop is lost, the records since then are lost: plug in the "
                         "backup drive, or choose another folder in Backups."),
    "stale": QT_TRANSLATE_NOOP(
        "BackupNotices", "No off-laptop backup for {days} days (last good: {last_good}). If "
                         "this laptop is lost, the records since then are lost: tell the "
                         "clinic's admin."),
    "untested": QT_TRANSLATE_NOOP("BackupNotices",
                                  "No backup has been tested yet: use Test a backup."),
    "drill_passed": QT_TRANSLATE_NOOP("BackupNotices", "Backup test on {when}: passed."),
    "drill_failed": QT_TRANSLATE_NOOP("BackupNotices",
                                      "Backup test on {when}: FAILED: {summary}"),
}


def words_of(n: offsite.Notice) -> str:
    """The notice in the user's language (the service's English when its kind is new)."""
    template = TEMPLATES.get(n.kind)
    if template is None:
        return n.text
    fields = dict(n.fields)
    if "last_good" in fields and not fields["last_good"]:
        fields["last_good"] = translate("BackupNotices", "none yet")
    return translate("BackupNotices", template).format(**fields)


class BackupNotices(QFrame):
    open_backups = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName(translate("BackupNotices", "Off-laptop backups"))
        self.lines: list[offsite.Notice] = []
        self.operation: Operation[list[offsite.Notice]] | None = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._column = QVBoxLayout()
        self._column.setSpacing(4)
        outer.addLayout(self._column, 1)
        self.backups_button = secondary_button(translate("BackupNotices", "&Backups…"),
                                               translate("BackupNotices",
                                                         "Open the Backups page"), self)
        self.backups_button.clicked.connect(self.open_backups)
        self.backups_button.setVisible(session.is_admin)
        outer.addWidget(self.backups_button)
        self.hide()
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        if self.operation is not None and self.operation.running:
            return
        self.operation = run_operation(self, lambda op: offsite.notices(op.session),
                                       session=self.session, on_done=self._show,
                                       on_error=self._failed, name="backup notices")

    def _show(self, notices: list[offsite.Notice]) -> None:
        self.lines = notices
        while self._column.count():
            item = self._column.takeAt(0)
            if item is not None and (w := item.widget()) is not None:
                w.deleteLater()
        words = {"warning": translate("BackupNotices", "Warning:"),
                 "reminder": translate("BackupNotices", "Reminder:"),
                 "info": translate("BackupNotices", "Backups:")}
        for n in notices:
            text = words_of(n)
            label = QLabel(f"<b>{words[n.level]}</b> {_escape(text)}", self)
            label.setWordWrap(True)
            label.setStyleSheet(f"QLabel {{ {_STYLE[n.level]} padding: 6px 10px; }}")
            label.setAccessibleName(f"{words[n.level]} {text}")
            label.setProperty("level", n.level)
            self._column.addWidget(label)
        self.setVisible(bool(notices))

    def _failed(self, exc: KnownError) -> None:
        if self.session.is_admin:
            self._show([offsite.Notice("reminder", exc.message)])
        else:
            self.hide()

    def texts(self) -> list[str]:
        return [words_of(n) for n in self.lines]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
