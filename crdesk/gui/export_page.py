"""Admin page: export records for NACR (or de-identified), with a preview, progress and cancel.

The export runs on the GUI thread in short steps that hand control back to Qt (the progress
callback processes events), so Cancel works and the database connection is never shared
with another thread. Every control but Cancel is disabled while it runs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
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
    QVBoxLayout,
    QWidget,
)

from crdesk.atomic import write_atomic
from crdesk.core.nhs_number import format_nhs
from crdesk.errors import KnownError
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.widgets import MessageLabel, heading, paragraph, secondary_button
from crdesk.services import identity
from crdesk.services.export import ExportService, Preview, suggested_file_name
from crdesk.services.session import Session
from crdesk.storage import ledger_repo, patients_repo


class ExportPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None,
                 service: ExportService | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.service = service or ExportService(session)
        self._cancel = False
        self._running = False
        self.preview: Preview | None = None
        self.setAccessibleName("Export for NACR")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.setSpacing(10)
        lay.addWidget(heading("Export records for the national audit", "screenTitle", self))
        lay.addWidget(paragraph(
            "crdesk checks every record first, then writes one file signed by this clinic and "
            "encrypted to the receiver. Patients who opted out of NACR are never exported. "
            "Only records new or changed since the last export go in the next batch.",
            self, secondary=True))

        row = QHBoxLayout()
        row.addWidget(QLabel("Export type:", self))
        self.profile = QComboBox(self)
        self.profile.setAccessibleName("Export type")
        self.profile.view().setAccessibleName("Export type: choices")
        # The national audit first: it is what this page is for; local exports after it.
        for pid, prof in sorted(self.service.profiles.items(),
                                key=lambda kv: (not kv[1].identifiable, kv[0])):
            self.profile.addItem(prof.title, pid)
        self.profile.currentIndexChanged.connect(self._on_profile_changed)
        row.addWidget(self.profile, 1)
        self.check_button = QPushButton("Check records", self)
        self.check_button.setAccessibleName("Check records before exporting")
        self.check_button.clicked.connect(self._on_check)
        row.addWidget(self.check_button)
        lay.addLayout(row)

        rec_row = QHBoxLayout()
        self.recipients = paragraph("", self, secondary=True)
        self.recipients.setAccessibleName("Recipients")
        rec_row.addWidget(self.recipients, 1)
        self.add_recipient_button = secondary_button(
            "Add receiver certificate…", "Add the receiver's certificate", self)
        self.add_recipient_button.clicked.connect(self._on_add_recipient)
        rec_row.addWidget(self.add_recipient_button)
        lay.addLayout(rec_row)

        self.summary = paragraph("Press “Check records” to see what would be exported.", self)
        self.summary.setAccessibleName("Export preview summary")
        lay.addWidget(self.summary)
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName("Records not ready to export, and why")
        self.table.setHorizontalHeaderLabels(["Patient", "Episode", "Why it cannot go yet"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        lay.addWidget(self.table, 3)

        actions = QHBoxLayout()
        self.export_button = QPushButton("Export…", self)
        self.export_button.setAccessibleName("Export the ready records to a file")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._on_export)
        actions.addWidget(self.export_button)
        self.cancel_button = secondary_button("Cancel", "Cancel the export", self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._on_cancel)
        actions.addWidget(self.cancel_button)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Export progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat("Not started")
        actions.addWidget(self.progress, 1)
        self.cert_button = secondary_button("Save clinic certificate…",
                                            "Save the clinic's certificate for the receiver",
                                            self)
        self.cert_button.clicked.connect(self._on_save_certificate)
        actions.addWidget(self.cert_button)
        lay.addLayout(actions)
        self.message = MessageLabel("Export result", self)
        lay.addWidget(self.message)

        frame = QFrame(self)
        frame.setObjectName("card")
        fl = QVBoxLayout(frame)
        fl.addWidget(heading("Earlier batches", "pageTitle", frame))
        self.batches = QTableWidget(0, 5, frame)
        self.batches.setAccessibleName("Earlier export batches")
        self.batches.setHorizontalHeaderLabels(["Batch", "Made", "Type", "Records", "File"])
        self.batches.verticalHeader().setVisible(False)
        self.batches.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.batches.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.batches.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.batches.setMaximumHeight(130)
        fl.addWidget(self.batches)
        self.reissue_button = secondary_button("Issue selected batch again…",
                                               "Issue the selected batch again", frame)
        self.reissue_button.clicked.connect(self._on_reissue)
        fl.addWidget(self.reissue_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(frame)
        self._show_recipients()
        self._show_batches()
        ensure_accessible_names(self)  # table headers and list views too

    # ---- display ----------------------------------------------------------------------------

    def _profile_id(self) -> str:
        return str(self.profile.currentData())

    def _show_recipients(self) -> None:
        pems = identity.configured_recipients(self.session)
        if not pems:
            self.recipients.setText("No receiver certificate is set up: an identifiable export "
                                    "cannot be written until one is added.")
            return
        from crdesk.crypto import cms

        names = []
        for pem in pems:
            cert = cms.load_certificate(pem)
            names.append(f"{cert.subject.rfc4514_string()} (valid until "
                         f"{cert.not_valid_after_utc:%d %b %Y})")
        self.recipients.setText("Encrypted to: " + "; ".join(names))

    def _show_batches(self) -> None:
        rows = ledger_repo.batches(self.session.db)
        self.batches.setRowCount(len(rows))
        for r, b in enumerate(rows):
            made = dt.datetime.fromisoformat(b.created_at).strftime("%d %b %Y %H:%M")
            records = f"{b.row_count} ({b.amendments} amended)" if b.amendments else str(
                b.row_count)
            for c, text in enumerate([str(b.sequence), made, b.profile, records, b.file_name]):
                self.batches.setItem(r, c, QTableWidgetItem(text))
        self.batches.resizeColumnsToContents()
        self.reissue_button.setEnabled(bool(rows))

    def _show_preview(self, pv: Preview) -> None:
        self.preview = pv
        self.summary.setText(pv.summary())
        rows = pv.incomplete + [r for r in pv.ready if r.warnings]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            p = patients_repo.get(self.session.db, r.patient_id)
            who = (f"{p.given_name} {p.family_name} — {format_nhs(p.nhs_number or '')}"
                   if p else f"patient {r.patient_id}")
            why = "; ".join(r.errors) if r.errors else "Will go, but: " + "; ".join(r.warnings)
            for c, text in enumerate([who, str(r.episode_id), why]):
                self.table.setItem(i, c, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        self.table.resizeRowsToContents()
        self.export_button.setEnabled(bool(pv.ready))

    def _busy(self, running: bool) -> None:
        self._running = running
        for w in (self.profile, self.check_button, self.export_button, self.cert_button,
                  self.reissue_button):
            w.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        if not running:
            self.export_button.setEnabled(self.preview is not None and bool(self.preview.ready))
            self.reissue_button.setEnabled(self.batches.rowCount() > 0)

    def _idle_progress(self, text: str) -> None:
        self.progress.setValue(100 if text == "Exported" else 0)
        self.progress.setFormat(text)

    def _progress(self, fraction: float, stage: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.progress.setFormat(f"{stage} %p%")
        QApplication.processEvents()  # keeps the window alive and lets Cancel through

    # ---- actions ----------------------------------------------------------------------------

    @Slot()
    def _on_profile_changed(self) -> None:
        self.preview = None
        self.export_button.setEnabled(False)
        self.table.setRowCount(0)
        self.summary.setText("Press “Check records” to see what would be exported.")

    @Slot()
    def _on_check(self) -> None:
        self.message.clear_message()
        self._busy(True)
        try:
            self._show_preview(self.service.preview(self._profile_id(),
                                                    progress=self._progress))
        except KnownError as exc:
            self.message.show_known(exc)
        finally:
            self._idle_progress("Checked: ready to export" if self.preview and self.preview.ready
                                else "Not started")
            self._busy(False)

    def choose_target(self, suggested: str) -> Path | None:
        """Ask where to save (tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(self, "Save the export package", suggested,
                                              "Export package (*.p7m *.p7s)")
        return Path(name) if name else None

    @Slot()
    def _on_export(self) -> None:
        info = self.session.clinic()
        seq = ledger_repo.next_sequence(self.session.db)
        target = self.choose_target(suggested_file_name(info.ods_code, self._profile_id(), seq,
                                                        dt.date.today()))
        if target is None:
            return
        self.export_to(target)

    def export_to(self, target: Path) -> None:
        self.message.clear_message()
        self._cancel = False
        self._busy(True)
        try:
            result = self.service.export(self._profile_id(), target, [],
                                         progress=self._progress,
                                         cancelled=lambda: self._cancel)
        except KnownError as exc:  # includes ExportCancelled: nothing was written
            self.message.show_known(exc)
            self._idle_progress("Not exported")
        else:
            self._idle_progress("Exported" if result.path else "Nothing to export")
            self.message.show_ok(result.message + (f" Saved as {result.path}." if result.path
                                                   else ""))
            self.preview = None
            self._show_batches()
        finally:
            self._busy(False)
            self.export_button.setEnabled(False)

    @Slot()
    def _on_cancel(self) -> None:
        self._cancel = True

    @Slot()
    def _on_reissue(self) -> None:
        selected = self.batches.selectedItems()
        if not selected:
            self.message.show_error("Choose a batch in the list first.")
            return
        item = self.batches.item(selected[0].row(), 0)
        assert item is not None
        seq = int(item.text())
        target = self.choose_target(f"{self.session.clinic().ods_code}_reissue_{seq:04d}.p7m")
        if target is None:
            return
        try:
            result = self.service.reissue(seq, target, [])
        except KnownError as exc:
            self.message.show_known(exc)
        else:
            self.message.show_ok(f"{result.message} Saved as {result.path}.")

    def choose_certificate(self) -> Path | None:
        """Ask for a receiver's certificate file (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(self, "The receiver's certificate", "",
                                              "Certificate (*.pem *.crt *.cer)")
        return Path(name) if name else None

    @Slot()
    def _on_add_recipient(self) -> None:
        path = self.choose_certificate()
        if path is None:
            return
        try:
            pem = path.read_bytes()
            identity.set_recipients(self.session,
                                    identity.configured_recipients(self.session) + [pem])
        except OSError:
            self.message.show_error(f"{path.name} could not be read.", "Check the file.")
        except KnownError as exc:
            self.message.show_known(exc)
        else:
            self.message.show_ok(f"Exports will also be encrypted to {path.name}.")
            self._show_recipients()

    @Slot()
    def _on_save_certificate(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save the clinic's certificate",
                                              "clinic-cert.pem", "Certificate (*.pem)")
        if not name:
            return
        try:
            write_atomic(Path(name), identity.clinic_certificate_pem(self.session),
                         overwrite=False)
        except KnownError as exc:
            self.message.show_known(exc)
        else:
            self.message.show_ok(f"The clinic's certificate was saved as {name}.")

    def before_lock(self) -> None:
        """Auto-lock or sign-out during an export cancels it: nothing is written."""
        self._cancel = True
