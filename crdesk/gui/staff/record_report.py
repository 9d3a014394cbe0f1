"""The patient record's progress report: printed (the system print dialog, no file left
anywhere) or saved as PDF (a name without identifiers, a confirmation with Open and Show in
folder). A part of PatientRecordView (crdesk/gui/staff/record_view.py), kept apart so that
each module stays small; the report is drawn off the GUI thread, the data read and the file
written on it (the database connection belongs to this thread)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton, QWidget

from crdesk.errors import KnownError
from crdesk.gui.desktop import open_path, show_in_folder
from crdesk.gui.i18n import translate
from crdesk.gui.operations import Operation, run_operation
from crdesk.gui.printing import print_pdf
from crdesk.gui.widgets import MessageLabel
from crdesk.services.reports import (
    default_report_name,
    record_printed,
    report_pdf,
    write_report,
)
from crdesk.services.session import Session

if TYPE_CHECKING:
    import datetime as dt

    _Base = QWidget
else:
    _Base = object


class ReportActions(_Base):
    """Mixed into PatientRecordView; a plain class at run time (one Qt base, the view's)."""

    # Given by PatientRecordView.
    session: Session
    patient_id: int
    message: MessageLabel
    print_button: QPushButton
    report_button: QPushButton
    report_operation: Operation[None] | Operation[bytes] | None
    print_dialog: QPrintDialog | None
    saved_box: QMessageBox | None
    _printer: QPrinter | None

    if TYPE_CHECKING:
        @property
        def today(self) -> dt.date: ...

        @property
        def episode_id(self) -> int | None: ...

    # ---- report ---------------------------------------------------------------------------

    def print_report(self, printer: QPrinter | None = None) -> None:
        """Make the report in memory, then show the system print dialog and print it. No file
        is written anywhere. ``printer``: a printer already set up (tests use Qt's PDF output);
        the print dialog is still shown for it."""
        eid = self.episode_id
        if eid is None:
            return
        patient_id, today = self.patient_id, self.today
        self._report_buttons(False)
        self.message.show_ok(translate("PatientRecordView", "Making the report…"))

        def made(pdf: bytes) -> None:
            self._report_buttons(True)
            self.message.clear_message()
            self._ask_printer(pdf, patient_id, eid, printer or QPrinter(
                QPrinter.PrinterMode.HighResolution))

        self.report_operation = run_operation(
            self, lambda op: report_pdf(op.session, patient_id, eid, today),
            session=self.session, on_done=made, on_error=self.failed, name="patient report")

    def _ask_printer(self, pdf: bytes, patient_id: int, episode_id: int,
                     printer: QPrinter) -> None:
        self._printer = printer  # kept alive while the dialog is open
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(translate("PatientRecordView", "Print the progress report"))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
        self.print_dialog = dialog

        def chosen() -> None:
            try:
                pages = print_pdf(pdf, printer)
                record_printed(self.session, patient_id, episode_id, pages)
            except KnownError as exc:
                self.message.show_known(exc)
                return
            self.message.show_ok(translate("PatientRecordView",
                    "The report was sent to {printer} ({pages} pages).").format(
                printer=printer.printerName() or translate("PatientRecordView", "the printer"),
                pages=pages))

        dialog.accepted.connect(chosen)
        QDialog.open(dialog)  # QPrintDialog.open wants a receiver; the plain window-modal open


    def choose_report_file(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = str(Path(folder) / default_report_name(self.today))
        path, _ = QFileDialog.getSaveFileName(self, translate("PatientRecordView",
                "Save the progress report as PDF"), suggested,
                                              translate("PatientRecordView", "PDF files (*.pdf)"))
        if path:
            self.write_report(Path(path))

    def write_report(self, target: Path) -> None:
        """Gather, draw and write the report where chosen, as one background operation."""
        eid = self.episode_id
        if eid is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(target.suffix + ".pdf")  # as save_report names it
        patient_id, today = self.patient_id, self.today
        self._report_buttons(False)
        self.message.show_ok(translate("PatientRecordView", "Making the report…"))

        def done(_: None) -> None:
            self._report_buttons(True)
            self.message.show_ok(translate("PatientRecordView",
                    "The report was saved in {folder}.").format(folder=target.parent))
            self._saved_box(target)

        self.report_operation = run_operation(
            self, lambda op: write_report(op.session, patient_id, eid, target, today),
            session=self.session, on_done=done, on_error=self.failed, name="patient report")

    def _saved_box(self, target: Path) -> None:
        """Where the file went, with Open and Show in folder; and a reminder that the file
        holds identifiers (the laptop is shared)."""
        box = QMessageBox(QMessageBox.Icon.Information,
                          translate("PatientRecordView", "Report saved"),
                          translate("PatientRecordView",
                                    "The report was saved as {name} in the folder {folder}."
                                    ).format(name=target.name, folder=target.parent), parent=self)
        box.setInformativeText(translate("PatientRecordView",
                "It shows the patient's name, date of birth and NHS number. Delete it when "
                "it has been printed or sent, or keep it in a folder only staff can open."))
        open_button = box.addButton(translate("PatientRecordView", "&Open"),
                                    QMessageBox.ButtonRole.ActionRole)
        folder_button = box.addButton(translate("PatientRecordView", "Show in &folder"),
                                      QMessageBox.ButtonRole.ActionRole)
        close = box.addButton(translate("PatientRecordView", "Close"),
                              QMessageBox.ButtonRole.RejectRole)
        for secondary in (folder_button, close):  # Open is the one primary action
            secondary.setProperty("secondary", True)
            secondary.style().unpolish(secondary)
            secondary.style().polish(secondary)
        box.setDefaultButton(open_button)
        open_button.clicked.connect(lambda: open_path(target))
        folder_button.clicked.connect(lambda: show_in_folder(target))
        box.setAccessibleName(box.windowTitle())
        self.saved_box = box
        box.open()

    def _report_buttons(self, enabled: bool) -> None:
        self.report_button.setEnabled(enabled)
        self.print_button.setEnabled(enabled)

    def failed(self, exc: KnownError) -> None:
        self._report_buttons(True)
        self.message.show_known(exc)
