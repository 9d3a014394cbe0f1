"""Issue 16 problem 6: "Print report…" prints through the system print dialog and leaves no
file anywhere; "Save as PDF…" offers a name with no identifier and says where it went.

The print target is real: Qt's own PDF printer output, chosen in the real QPrintDialog (as
"Print to file" would be), read back with pypdf and rendered with pdfium. The temp folders
Python and Qt would use are pointed at an empty folder for the test, and must stay empty.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QDir
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from crdesk.gui.staff.record_view import PatientRecordView
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.reports import default_report_name, report_pdf
from crdesk.services.session import Session
from crdesk.storage import audit_repo
from tests.gui.conftest import PASSWORD
from tests.helpers.staff import TODAY, both_assessments


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder standing in for every temp folder (Python's and Qt's) and home."""
    folder = tmp_path / "temp"
    folder.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    assert Path(QDir.tempPath()).resolve() == folder.resolve()
    assert Path(tempfile.gettempdir()).resolve() == folder.resolve()
    return folder


@pytest.fixture
def session(real_clinic: ClinicHome) -> Iterator[Session]:
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    yield s
    s.close()


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_print_sends_the_report_pages_to_the_printer_and_leaves_no_file(
        qtbot: QtBot, session: Session, temp: Path, tmp_path: Path) -> None:
    pid, eid = both_assessments(session)
    before = files_under(tmp_path)
    record = PatientRecordView(session, pid, today=TODAY)
    qtbot.addWidget(record)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printer-output" / "printed.pdf"
    out.parent.mkdir()
    printer.setOutputFileName(str(out))

    record.print_button.click()  # the button itself opens the dialog with a fresh printer
    qtbot.waitUntil(lambda: record.print_dialog is not None, timeout=60_000)
    assert record.print_dialog is not None and record.print_dialog.isVisible()
    record.print_dialog.reject()  # cancelled: nothing printed, nothing written
    assert not out.exists()

    record.print_dialog = None
    record.print_report(printer)
    qtbot.waitUntil(lambda: record.print_dialog is not None, timeout=60_000)
    dialog = record.print_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.accept()  # the user presses Print

    # The printer got every page of the report, drawn (not blank).
    expected = len(pypdf.PdfReader(io.BytesIO(report_pdf(session, pid, eid, TODAY))).pages)
    assert expected >= 1
    printed = pypdf.PdfReader(out)
    assert len(printed.pages) == expected
    pixels = bytes(pdfium.PdfDocument(out.read_bytes())[0].render(scale=0.5).buffer)
    dark = sum(1 for b in pixels[::7] if b < 128) / len(pixels[::7])
    assert dark > 0.005, "the printed page is blank"
    assert "pages" in record.message.plain_text()

    # Audited without identifiers; no file anywhere but the printer's own output.
    entry = [e for e in audit_repo.entries(session._db) if e.action == "report.print"][-1]
    assert entry.entity_id in (pid, str(pid))
    assert files_under(temp) == []
    new_pdfs = [p for p in set(files_under(tmp_path)) - set(before)
                if p.read_bytes().startswith(b"%PDF")]
    assert new_pdfs == [out]


def test_save_as_pdf_offers_no_identifier_and_names_the_folder(
        qtbot: QtBot, session: Session, temp: Path, tmp_path: Path) -> None:
    pid, _ = both_assessments(session)
    record = PatientRecordView(session, pid, today=TODAY)
    qtbot.addWidget(record)
    name = default_report_name(TODAY)
    assert name == "progress-report-2026-06-01.pdf"
    patient = record.record.patient  # type: ignore[union-attr]
    for ident in (patient.family_name, patient.given_name, patient.nhs_number or "-",
                  patient.hospital_number or "-"):
        assert ident.lower() not in name.lower()

    folder = tmp_path / "Documents"
    folder.mkdir()
    record.write_report(folder / name)
    op = record.report_operation
    assert op is not None
    qtbot.waitUntil(lambda: not op.running, timeout=60_000)
    assert (folder / name).read_bytes().startswith(b"%PDF")
    box = record.saved_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert str(folder) in box.text() and name in box.text()
    words = {b.text().replace("&", "") for b in box.buttons()}
    assert {"Open", "Show in folder", "Close"} <= words
    assert str(folder) in record.message.plain_text()
    box.reject()
    assert files_under(temp) == []
