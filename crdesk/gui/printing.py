"""Print a PDF made in memory (the patient report) without writing it anywhere.

The report is drawn by reportlab as PDF bytes; each page is rendered to an image in memory
by pdfium and painted onto the printer Qt chose (the Windows spooler, CUPS, or a PDF file
when the user picks "Print to file"). No temporary file is ever made: a report holds the
patient's name, date of birth and NHS number, and temp folders on a shared clinic laptop
are not cleaned reliably.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from crdesk.errors import KnownError

# Enough for sharp text on paper; a 300 dpi A4 page is ~26 MB in memory, for one page at a
# time. Printers that report more (PDF output says 1200) get 300 and Qt scales it up.
MAX_DPI = 300


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paint the pages of ``pdf`` on ``printer`` (respecting a page range chosen in the print
    dialog); returns how many pages were sent."""
    try:
        doc = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError:
        raise KnownError("The report could not be prepared for printing.",
                         "Try again; if it keeps happening, save it as a PDF instead.") from None
    try:
        count = len(doc)
        first, last = printer.fromPage(), printer.toPage()
        pages = (list(range(count)) if first == 0 and last == 0
                 else [i for i in range(count) if first - 1 <= i <= last - 1])
        painter = QPainter()
        if not pages or not painter.begin(printer):
            raise KnownError("The printer could not be started.",
                             "Check the printer is switched on and connected, then try again.")
        try:
            scale = min(printer.resolution(), MAX_DPI) / 72
            area = QRectF(painter.viewport())
            for n, index in enumerate(pages):
                if n and not printer.newPage():
                    raise KnownError("The printer stopped part way through the report.",
                                     "Check the printer, then print the report again.")
                image = _page_image(doc[index], scale)
                painter.drawImage(_fit(QSizeF(image.size()), area), image)
        finally:
            painter.end()
        return len(pages)
    finally:
        doc.close()


def _page_image(page: pdfium.PdfPage, scale: float) -> QImage:
    bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB bytes, white background
    try:
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGB888)
        return image.copy()  # own the pixels: the bitmap's buffer is freed below
    finally:
        bitmap.close()
        page.close()


def _fit(size: QSizeF, area: QRectF) -> QRectF:
    """The largest rectangle of ``size``'s shape inside ``area``, centred."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = area.x() + (area.width() - scaled.width()) / 2
    y = area.y() + (area.height() - scaled.height()) / 2
    return QRectF(x, y, scaled.width(), scaled.height())

