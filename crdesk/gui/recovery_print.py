"""Printing the recovery key: one page for the clinic safe."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from crdesk.gui.i18n import translate

GROUPS_PER_LINE = 5


def recovery_key_html(recovery_key: str, clinic_name: str, ods_code: str) -> str:
    groups = recovery_key.split("-")
    lines = ["  ".join(groups[i:i + GROUPS_PER_LINE])
             for i in range(0, len(groups), GROUPS_PER_LINE)]
    return (
        "<h1>crdesk recovery key</h1>"
        f"<p>Clinic: {escape(clinic_name)} ({escape(ods_code)})<br>"
        f"Printed: {date.today():%d %B %Y}</p>"
        f"<pre style='font-size:22pt; font-weight:bold'>{'<br>'.join(lines)}</pre>"
        "<p>Keep this page in the clinic safe. It opens the clinic's records if every password "
        "is forgotten or a file is lost. Anyone holding it and the laptop can read the records. "
        "A new key is issued if an admin rotates the database key; then destroy this page.</p>"
    )


def print_recovery_key(parent: QWidget, recovery_key: str, clinic_name: str,
                       ods_code: str) -> bool:
    """Ask for a printer (or PDF) and print the key page; False if the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setAccessibleName(translate("RecoveryPrint", "Print the recovery key"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted.value:
        return False
    doc = QTextDocument()
    doc.setHtml(recovery_key_html(recovery_key, clinic_name, ods_code))
    doc.print_(printer)
    return True
