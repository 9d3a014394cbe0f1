"""Admin page: export records for NACR (or de-identified), with a preview, progress and cancel.

Checking, exporting and issuing a batch again are background operations (gui/operations.py),
each on its own database connection, so the window stays alive and Cancel gets through.
Every control but Cancel is disabled while one runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crdesk.atomic import write_atomic
from crdesk.errors import KnownError
from crdesk.gui.i18n import UNTRANSLATED_PROPERTY, translate
from crdesk.gui.operations import Operation, OperationContext, run_operation
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.widgets import MessageLabel, header_width, heading, paragraph, secondary_button
from crdesk.services import identity
from crdesk.services.export import ExportResult, ExportService, Preview
from crdesk.services.session import Session

T = TypeVar("T")


class ExportPage(QWidget):
    """Signals:
        open_patient(int): a record in the problems list was double-clicked (or Enter):
            open that patient to fix it.
    """

    open_patient = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None,
                 service: ExportService | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.service = service or ExportService(session)
        self._operation: Operation[Any] | None = None
        self.preview: Preview | None = None
        self.setAccessibleName(translate("ExportPage", "Export for NACR"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.setSpacing(10)
        lay.addWidget(heading(translate("ExportPage", "Export records for the national audit"),
                              "screenTitle", self))
        lay.addWidget(paragraph(
            translate("ExportPage",
                      "crdesk checks every record first, then writes one file signed by this "
                      "clinic and encrypted to the receiver. Patients who opted out of NACR are "
                      "never exported. Only records new or changed since the last export go in "
                      "the next batch."),
            self, secondary=True))

        row = QHBoxLayout()
        row.addWidget(QLabel(translate("ExportPage", "Export type:"), self))
        self.profile = QComboBox(self)
        self.profile.setAccessibleName(translate("ExportPage", "Export type"))
        self.profile.view().setAccessibleName(translate("ExportPage", "Export type: choices"))
        # The national audit first: it is what this page is for; local exports after it.
        for pid, prof in sorted(self.service.profiles.items(),
                                key=lambda kv: (not kv[1].identifiable, kv[0])):
            self.profile.addItem(prof.title, pid)
        self.profile.currentIndexChanged.connect(self._on_profile_changed)
        row.addWidget(self.profile, 1)
        self.check_button = QPushButton(translate("ExportPage", "Check records"), self)
        self.check_button.setAccessibleName(translate("ExportPage",
                                                      "Check records before exporting"))
        self.check_button.clicked.connect(self._on_check)
        row.addWidget(self.check_button)
        lay.addLayout(row)

        rec_row = QHBoxLayout()
        self.recipients = paragraph("", self, secondary=True)
        self.recipients.setAccessibleName(translate("ExportPage", "Recipients"))
        rec_row.addWidget(self.recipients, 1)
        self.add_recipient_button = secondary_button(
            translate("ExportPage", "Add receiver certificate…"), translate("ExportPage",
                    "Add the receiver's certificate"), self)
        self.add_recipient_button.clicked.connect(self._on_add_recipient)
        rec_row.addWidget(self.add_recipient_button)
        lay.addLayout(rec_row)

        self.summary = paragraph(translate("ExportPage",
                "Press “Check records” to see what would be exported."), self)
        self.summary.setAccessibleName(translate("ExportPage", "Export preview summary"))
        lay.addWidget(self.summary)
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(translate("ExportPage",
                                               "Records not ready to export, and why"))
        self.table.setHorizontalHeaderLabels([translate("ExportPage", "Patient"), translate(
            "ExportPage", "Episode"), translate("ExportPage", "Why it cannot go yet")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Double-click (or Enter) opens the patient, where the record can be completed.
        self.table.activated.connect(self._open_row)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col in (0, 1):  # headings whole before any row is shown, in any language
            header = self.table.horizontalHeader()
            header.resizeSection(col, max(header.sectionSize(col), header_width(header, col)))
        self.table.setWordWrap(True)
        # The problems list and the earlier batches share one area as two tabs, so the list
        # gets the height of the page (forty records need more than a row or two).
        self.tabs = QTabWidget(self)
        problems = QWidget(self.tabs)
        pl = QVBoxLayout(problems)
        pl.setContentsMargins(0, 6, 0, 0)
        pl.addWidget(self.table, 1)
        self.open_hint = paragraph(translate("ExportPage",
                "Double-click a record, or select it and press Enter, to open the patient "
                "and complete it."), problems, secondary=True)
        pl.addWidget(self.open_hint)
        self.tabs.addTab(problems, translate("ExportPage", "&Records to complete"))
        lay.addWidget(self.tabs, 1)

        actions = QHBoxLayout()
        self.export_button = QPushButton(translate("ExportPage", "Export…"), self)
        self.export_button.setAccessibleName(translate("ExportPage",
                                                       "Export the ready records to a file"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._on_export)
        actions.addWidget(self.export_button)
        self.cancel_button = secondary_button(translate("ExportPage", "Cancel"), translate(
            "ExportPage", "Cancel the export"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._on_cancel)
        actions.addWidget(self.cancel_button)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(translate("ExportPage", "Export progress"))
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat(translate("ExportPage", "Not started"))
        actions.addWidget(self.progress, 1)
        self.cert_button = secondary_button(translate("ExportPage", "Save clinic certificate…"),
                                            translate(
                                                "ExportPage",
                                                "Save the clinic's certificate for the receiver"),
                                            self)
        self.cert_button.clicked.connect(self._on_save_certificate)
        actions.addWidget(self.cert_button)
        lay.addLayout(actions)
        self.message = MessageLabel(translate("ExportPage", "Export result"), self)
        lay.addWidget(self.message)

        frame = QFrame(self.tabs)
        fl = QVBoxLayout(frame)
        fl.setContentsMargins(0, 6, 0, 0)
        self.batches = QTableWidget(0, 5, frame)
        self.batches.setAccessibleName(translate("ExportPage", "Earlier export batches"))
        self.batches.setHorizontalHeaderLabels([translate("ExportPage", "Batch"), translate(
            "ExportPage", "Made"), translate("ExportPage", "Type"), translate("ExportPage",
                    "Records"), translate("ExportPage", "File")])
        self.batches.verticalHeader().setVisible(False)
        self.batches.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.batches.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.batches.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        fl.addWidget(self.batches, 1)
        self.reissue_button = secondary_button(translate("ExportPage",
                                                         "Issue selected batch again…"),
                                               translate("ExportPage",
                                                         "Issue the selected batch again"), frame)
        self.reissue_button.clicked.connect(self._on_reissue)
        fl.addWidget(self.reissue_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(frame, translate("ExportPage", "Earlier &batches"))
        self._show_recipients()
        self._show_batches()
        ensure_accessible_names(self)  # table headers and list views too

    # ---- display ----------------------------------------------------------------------------

    def _profile_id(self) -> str:
        return str(self.profile.currentData())

    @property
    def running(self) -> bool:
        """True while a check, export or re-issue is under way."""
        return self._operation is not None and self._operation.running

    def _show_recipients(self) -> None:
        names = identity.recipient_descriptions(self.session)
        if not names:
            self.recipients.setText(translate("ExportPage",
                                              "No receiver certificate is set up: an "
                                              "identifiable export cannot be written until one "
                                              "is added."))
            return
        self.recipients.setText(translate("ExportPage", "Encrypted to: {names}").format(
            names="; ".join(names)))

    def _show_batches(self) -> None:
        rows = self.service.batches()
        self.batches.setRowCount(len(rows))
        for r, b in enumerate(rows):
            made = dt.datetime.fromisoformat(b.created_at).strftime("%d %b %Y %H:%M")
            records = f"{b.row_count} ({b.amendments} amended)" if b.amendments else str(
                b.row_count)
            for c, text in enumerate([str(b.sequence), made, b.profile, records, b.file_name]):
                self.batches.setItem(r, c, QTableWidgetItem(text))
        self.batches.resizeColumnsToContents()
        self.reissue_button.setEnabled(bool(rows))

    def _show_preview(self, result: tuple[Preview, dict[int, str]]) -> None:
        pv, labels = result
        self.preview = pv
        self.summary.setText(pv.summary())
        self.summary.setProperty(UNTRANSLATED_PROPERTY, True)  # the export service's words
        rows = pv.incomplete + [r for r in pv.ready if r.warnings]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            who = labels.get(r.patient_id) or translate("ExportPage", "patient {id}").format(
                id=r.patient_id)
            why = ("; ".join(r.errors) if r.errors else translate(
                "ExportPage", "Will go, but: {warnings}").format(warnings="; ".join(r.warnings)))
            for c, text in enumerate([who, str(r.episode_id), why]):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.patient_id)
                self.table.setItem(i, c, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeRowsToContents()
        self.tabs.setTabText(0, translate("ExportPage", "&Records to complete ({n})").format(
            n=len(rows)))
        self.tabs.setCurrentIndex(0)
        self.export_button.setEnabled(bool(pv.ready))

    @Slot(QModelIndex)
    def _open_row(self, index: QModelIndex) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.open_patient.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _busy(self, running: bool) -> None:
        for w in (self.profile, self.check_button, self.export_button, self.cert_button,
                  self.reissue_button):
            w.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        if not running:
            self.export_button.setEnabled(self.preview is not None and bool(self.preview.ready))
            self.reissue_button.setEnabled(self.batches.rowCount() > 0)

    def _idle_progress(self, text: str) -> None:
        self.progress.setValue(100 if text == translate("ExportPage", "Exported") else 0)
        self.progress.setFormat(text)

    def _progress(self, fraction: float, stage: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.progress.setFormat(translate("ExportPage", "{stage} %p%").format(stage=stage))

    def _start(self, work: Callable[[OperationContext], T], on_done: Callable[[T], None],
               on_error: Callable[[KnownError], None], name: str,
               on_finally: Callable[[], None] | None = None) -> None:
        """Run ``work(op)`` in the background with this page's progress and busy state."""
        self._busy(True)
        self._operation = run_operation(
            self, work, session=self.session, name=name, on_done=on_done, on_error=on_error,
            on_progress=lambda f, s: self._progress(f, s),
            on_finally=on_finally or (lambda: self._busy(False)))

    # ---- actions ----------------------------------------------------------------------------

    @Slot()
    def _on_profile_changed(self) -> None:
        self.preview = None
        self.export_button.setEnabled(False)
        self.table.setRowCount(0)
        self.summary.setProperty(UNTRANSLATED_PROPERTY, False)
        self.summary.setText(translate("ExportPage",
                                       "Press “Check records” to see what would be exported."))

    @Slot()
    def _on_check(self) -> None:
        if self.running:
            return
        self.message.clear_message()
        service, profile_id = self.service, self._profile_id()

        def check(op: OperationContext) -> tuple[Preview, dict[int, str]]:
            svc = service.on(op.session)
            # Cancel stops a long rebuild of the kept rows too (what it built is kept).
            pv = svc.preview(profile_id, progress=op.progress, cancelled=op.cancelled)
            return pv, svc.patient_labels(pv.incomplete + [r for r in pv.ready if r.warnings])

        def done(result: tuple[Preview, dict[int, str]]) -> None:
            self._show_preview(result)
            self._idle_progress(translate("ExportPage", "Checked: ready to export") if result[
                0].ready else translate("ExportPage", "Not started"))

        def failed(exc: KnownError) -> None:
            self.message.show_known(exc)
            self._idle_progress(translate("ExportPage", "Not started"))

        self._start(check, done, failed, "export preview")

    def choose_target(self, suggested: str) -> Path | None:
        """Ask where to save (tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(self, translate("ExportPage",
                                                              "Save the export package"), suggested,
                                              translate("ExportPage",
                                                        "Export package (*.p7m *.p7s)"))
        return Path(name) if name else None

    @Slot()
    def _on_export(self) -> None:
        target = self.choose_target(self.service.suggested_name(self._profile_id(),
                                                                dt.date.today()))
        if target is None:
            return
        self.export_to(target)

    def export_to(self, target: Path) -> None:
        """Export in the background to ``target``; the result shows in the message line."""
        if self.running:
            return
        self.message.clear_message()
        service, profile_id = self.service, self._profile_id()

        def export(op: OperationContext) -> ExportResult:
            return service.on(op.session).export(profile_id, target, [], progress=op.progress,
                                                 cancelled=op.cancelled)

        def done(result: ExportResult) -> None:
            self._idle_progress(translate("ExportPage", "Exported") if result.path else translate(
                "ExportPage", "Nothing to export"))
            self.message.show_ok(result.message + (f" Saved as {result.path}." if result.path
                                                   else ""))
            self.preview = None
            self._show_batches()

        def failed(exc: KnownError) -> None:  # includes ExportCancelled: nothing was written
            self.message.show_known(exc)
            self._idle_progress(translate("ExportPage", "Not exported"))

        def finish() -> None:
            self._busy(False)
            self.export_button.setEnabled(False)

        self._start(export, done, failed, "export", on_finally=finish)

    @Slot()
    def _on_cancel(self) -> None:
        if self._operation is not None:
            self._operation.cancel()

    @Slot()
    def _on_reissue(self) -> None:
        selected = self.batches.selectedItems()
        if not selected:
            self.message.show_error(translate("ExportPage", "Choose a batch in the list first."))
            return
        item = self.batches.item(selected[0].row(), 0)
        assert item is not None
        seq = int(item.text())
        target = self.choose_target(self.service.reissue_name(seq))
        if target is None:
            return
        self.reissue_to(seq, target)

    def reissue_to(self, sequence: int, target: Path) -> None:
        if self.running:
            return
        self.message.clear_message()
        service = self.service

        def reissue(op: OperationContext) -> ExportResult:
            return service.on(op.session).reissue(sequence, target, [])

        self._start(reissue,
                    lambda result: self.message.show_ok(
                        translate("ExportPage", "{message} Saved as {path}.").format(
                            message=result.message, path=result.path)),
                    self.message.show_known, "reissue")

    def choose_certificate(self) -> Path | None:
        """Ask for a receiver's certificate file (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(self, translate("ExportPage",
                                                              "The receiver's certificate"), "",
                                              translate("ExportPage",
                                                        "Certificate (*.pem *.crt *.cer)"))
        return Path(name) if name else None

    @Slot()
    def _on_add_recipient(self) -> None:
        path = self.choose_certificate()
        if path is None:
            return
        try:
            identity.add_recipient(self.session, path.read_bytes())
        except OSError:
            self.message.show_error(translate("ExportPage", "{name} could not be read.").format(
                name=path.name), translate("ExportPage", "Check the file."))
        except KnownError as exc:
            self.message.show_known(exc)
        else:
            self.message.show_ok(translate("ExportPage",
                    "Exports will also be encrypted to {name}.").format(name=path.name))
            self._show_recipients()

    @Slot()
    def _on_save_certificate(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, translate("ExportPage",
                                                              "Save the clinic's certificate"),
                                              "clinic-cert.pem", translate("ExportPage",
                                                                           "Certificate (*.pem)"))
        if not name:
            return
        try:
            write_atomic(Path(name), identity.clinic_certificate_pem(self.session),
                         overwrite=False)
        except KnownError as exc:
            self.message.show_known(exc)
        else:
            self.message.show_ok(translate("ExportPage",
                    "The clinic's certificate was saved as {name}.").format(name=name))

    def before_lock(self) -> None:
        """Auto-lock or sign-out during an export cancels it: nothing is written."""
        if self._operation is not None:
            self._operation.cancel()
