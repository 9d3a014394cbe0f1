"""Backups off the laptop (admin only, issue 17): where, when, the last results, and the
restore drill ("Test a backup").

Backing up and testing read and write whole database copies, on a USB drive or a network
share that may be slow: both run as background operations (gui/operations.py), and the
page stays usable meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crdesk.errors import KnownError
from crdesk.gui.i18n import translate
from crdesk.gui.operations import Operation, OperationContext, run_operation
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.widgets import MessageLabel, heading, paragraph, secondary_button
from crdesk.services import offsite
from crdesk.services.drill import DrillResult
from crdesk.services.field_errors import FieldErrors
from crdesk.services.offsite import OffsiteConfig
from crdesk.services.session import Session


def _card(parent: QWidget, title: str, text: str) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame(parent)
    card.setObjectName("card")
    lay = QVBoxLayout(card)
    lay.addWidget(heading(title, "pageTitle", card))
    lay.addWidget(paragraph(text, card, secondary=True))
    return card, lay


class BackupsPage(QWidget):
    """Signals:
        changed(): settings saved, a backup made or a backup tested (Home's lines are stale).
    """

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.operation: Operation[object] | None = None
        self.setAccessibleName(translate("BackupsPage", "Backups off the laptop"))
        # A scroll area: the test's report and long folder paths must not push the page
        # past a 768-pixel screen.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(36, 20, 36, 20)
        lay.setSpacing(8)
        lay.addWidget(heading(translate("BackupsPage", "Backups off the laptop"), "screenTitle",
                              self))
        lay.addWidget(paragraph(translate(
            "BackupsPage",
            "A stolen or broken laptop takes its own backups with it. Choose a folder on a USB "
            "drive or a network share: crdesk writes an encrypted backup there on the schedule "
            "below, opens and checks each one, and keeps 7 daily, 4 weekly and 12 monthly "
            "backups."), self, secondary=True))
        cfg = offsite.config(session)
        top = QHBoxLayout()
        top.addWidget(self._where_card(cfg), 3)
        top.addWidget(self._when_card(cfg), 2)
        lay.addLayout(top)
        self.message = MessageLabel(translate("BackupsPage", "Backup settings message"), self)
        lay.addWidget(self.message)
        row = QHBoxLayout()
        self.save_button = QPushButton(translate("BackupsPage", "&Save backup settings"), self)
        self.save_button.clicked.connect(self.save)
        self.now_button = secondary_button(translate("BackupsPage", "Back up &now"),
                                           translate("BackupsPage",
                                                     "Back up to the chosen folders now"), self)
        self.now_button.clicked.connect(self.back_up_now)
        row.addStretch(1)
        row.addWidget(self.now_button)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        self.status = paragraph("", self)
        self.status.setAccessibleName(translate("BackupsPage", "Last results"))
        lay.addWidget(self.status)
        lay.addWidget(self._drill_card())
        lay.addStretch(1)
        self._show_status()
        ensure_accessible_names(self)

    # ---- building -----------------------------------------------------------------------

    def _where_card(self, cfg: OffsiteConfig) -> QFrame:
        card, lay = _card(self, translate("BackupsPage", "Where"), translate(
            "BackupsPage", "One or more folders away from this laptop's own disk."))
        self.destinations = QListWidget(card)
        self.destinations.setAccessibleName(translate("BackupsPage", "Backup folders"))
        # A long path is cut in its middle, never scrolled sideways: its drive or share and
        # its last folder stay in view; the whole path is its tooltip, and in the lines below.
        self.destinations.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.destinations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for folder in cfg.destinations:
            self.add_destination(folder)
        self.destinations.setMaximumHeight(96)
        lay.addWidget(self.destinations)
        buttons = QHBoxLayout()
        self.add_button = secondary_button(translate("BackupsPage", "&Add a folder…"),
                                           translate("BackupsPage", "Add a backup folder"), card)
        self.add_button.clicked.connect(self._choose_folder)
        self.remove_button = secondary_button(translate("BackupsPage", "&Remove"),
                                              translate("BackupsPage",
                                                        "Remove the chosen backup folder"), card)
        self.remove_button.clicked.connect(self._remove_folder)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.where_error = MessageLabel(translate("BackupsPage", "Backup folders problem"), card)
        lay.addWidget(self.where_error)
        return card

    def _when_card(self, cfg: OffsiteConfig) -> QFrame:
        card, lay = _card(self, translate("BackupsPage", "When"), translate(
            "BackupsPage", "While crdesk is open, and when someone signs out."))
        grid = QGridLayout()
        self.daily = QCheckBox(translate("BackupsPage", "&Every day at"), card)
        self.daily.setChecked(bool(cfg.daily_at))
        self.daily_time = QTimeEdit(card)
        self.daily_time.setDisplayFormat("HH:mm")
        self.daily_time.setAccessibleName(translate("BackupsPage", "Daily backup time"))
        self.daily_time.setTime(QTime.fromString(cfg.daily_at or "17:30", "HH:mm"))
        grid.addWidget(self.daily, 0, 0)
        grid.addWidget(self.daily_time, 0, 1)
        self.on_sign_out = QCheckBox(translate("BackupsPage", "When someone &signs out"), card)
        self.on_sign_out.setChecked(cfg.on_sign_out)
        grid.addWidget(self.on_sign_out, 1, 0, 1, 2)
        warn = QLabel(translate("BackupsPage", "&Warn everyone after this many days without "
                                               "one:"), card)
        warn.setWordWrap(True)
        self.warn_days = QSpinBox(card)
        self.warn_days.setRange(*offsite.WARN_RANGE)
        self.warn_days.setValue(cfg.warn_after_days)
        warn.setBuddy(self.warn_days)
        # The words on a row of their own, the whole card wide: beside the box, Qt's grid
        # measured their wrapped height at a width they did not get and cut their last line
        # at the large text size (issue 16).
        grid.addWidget(warn, 2, 0, 1, 2)
        grid.addWidget(self.warn_days, 3, 1)
        lay.addLayout(grid)
        self.when_error = MessageLabel(translate("BackupsPage", "Schedule problem"), card)
        lay.addWidget(self.when_error)
        return card

    def _drill_card(self) -> QFrame:
        card, lay = _card(self, translate("BackupsPage", "Test a backup"), translate(
            "BackupsPage",
            "Restores the newest off-laptop backup into a temporary folder, opens it with your "
            "password or the recovery key (as on a new laptop), compares it with the clinic, "
            "then deletes the copy. The clinic itself is not changed."))
        row = QHBoxLayout()
        self.drill_password = QLineEdit(card)
        self.drill_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.drill_password.setPlaceholderText(translate("BackupsPage", "Your password"))
        self.drill_password.setAccessibleName(translate("BackupsPage", "Your password"))
        self.drill_key = QLineEdit(card)
        self.drill_key.setPlaceholderText(translate("BackupsPage", "or the recovery key"))
        self.drill_key.setAccessibleName(translate("BackupsPage", "Recovery key"))
        self.drill_button = QPushButton(translate("BackupsPage", "&Test the newest backup"), card)
        self.drill_button.clicked.connect(self.test_backup)
        row.addWidget(self.drill_password, 1)
        row.addWidget(self.drill_key, 2)
        row.addWidget(self.drill_button)
        lay.addLayout(row)
        self.drill_message = MessageLabel(translate("BackupsPage", "Backup test result"), card)
        lay.addWidget(self.drill_message)
        self.drill_report = paragraph("", card)
        self.drill_report.setAccessibleName(translate("BackupsPage", "Backup test report"))
        self.drill_report.hide()
        lay.addWidget(self.drill_report)
        return card

    # ---- acting -------------------------------------------------------------------------

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("BackupsPage", "Choose a folder on a USB drive or network share"))
        if folder:
            self.add_destination(folder)

    def add_destination(self, folder: str) -> None:
        if folder not in self.chosen():
            self.destinations.addItem(folder)
            item = self.destinations.item(self.destinations.count() - 1)
            item.setToolTip(folder)

    @Slot()
    def _remove_folder(self) -> None:
        row = self.destinations.currentRow()
        if row >= 0:
            self.destinations.takeItem(row)

    def chosen(self) -> list[str]:
        return [self.destinations.item(i).text() for i in range(self.destinations.count())]

    def _config(self) -> OffsiteConfig:
        return OffsiteConfig(tuple(self.chosen()),
                             self.daily_time.time().toString("HH:mm") if self.daily.isChecked()
                             else "", self.on_sign_out.isChecked(), self.warn_days.value())

    @Slot()
    def save(self) -> bool:
        self.where_error.clear_message()
        self.when_error.clear_message()
        try:
            offsite.save_config(self.session, self._config())
        except FieldErrors as exc:
            for key, label in (("destinations", self.where_error),
                               ("daily_at", self.when_error),
                               ("warn_after_days", self.when_error)):
                if key in exc.problems:
                    label.show_error(exc.problems[key], from_service=True)
            self.message.show_known(exc)
            return False
        except KnownError as exc:
            self.message.show_known(exc)
            return False
        self.message.show_ok(translate("BackupsPage", "Saved."))
        self._show_status()
        self.changed.emit()
        return True

    def _busy(self, busy: bool) -> None:
        for b in (self.now_button, self.drill_button, self.save_button):
            b.setEnabled(not busy)

    @Slot()
    def back_up_now(self) -> None:
        if (self.operation is not None and self.operation.running) or not self.save():
            return
        self._busy(True)
        self.message.show_ok(translate("BackupsPage", "Backing up… crdesk stays usable "
                                                      "meanwhile."))

        def work(op: OperationContext) -> list[offsite.DestinationResult]:
            return offsite.run(op.session, "manual", progress=op.progress)

        def done(results: object) -> None:
            assert isinstance(results, list)
            if results and all(r.ok for r in results):
                self.message.show_ok(" ".join(r.message for r in results))
            else:
                self.message.show_error(" ".join(r.message for r in results if not r.ok))
            self._show_status()
            self.changed.emit()

        self.operation = run_operation(self, work, session=self.session, on_done=done,
                                       on_error=self.message.show_known,
                                       on_finally=lambda: self._busy(False),
                                       name="off-laptop backup")

    @Slot()
    def test_backup(self) -> None:
        if self.operation is not None and self.operation.running:
            return
        password, key = self.drill_password.text(), self.drill_key.text().strip()
        self.drill_password.clear()
        self._busy(True)
        self.drill_message.show_ok(translate("BackupsPage", "Testing the newest backup…"))

        def work(op: OperationContext) -> DrillResult:
            return offsite.drill_latest(op.session, password=password, recovery_key=key)

        def done(result: object) -> None:
            assert isinstance(result, DrillResult)
            self.drill_report.setText("\n".join(result.lines))
            self.drill_report.show()
            self.scroll_area.ensureWidgetVisible(self.drill_report)
            if result.ok:
                self.drill_message.show_ok(translate("BackupsPage", "The backup test passed."))
            else:
                self.drill_message.show_error(
                    translate("BackupsPage", "The backup test FAILED: see below."),
                    translate("BackupsPage", "Make a new backup now and test it again; keep "
                                             "the failed file for your IT support."))
            self._show_status()
            self.changed.emit()

        self.operation = run_operation(self, work, session=self.session, on_done=done,
                                       on_error=self.drill_message.show_known,
                                       on_finally=lambda: self._busy(False),
                                       name="backup test")

    def _show_status(self) -> None:
        good = offsite.last_good(self.session)
        lines = [translate("BackupsPage", "Last good off-laptop backup: {when}").format(
            when=good.astimezone().strftime("%d/%m/%Y %H:%M") if good else
            translate("BackupsPage", "none yet"))]
        lines += [f"• {text}" for text in offsite.destination_results(self.session).values()]
        self.status.setText("\n".join(lines))
