"""Records management on the patient record page (issue 17): restrict or release the
record (staff or admin, with a reason) and, for an admin, the subject-access copy.

The copy is an admin act because it holds the audit log of who looked at the record, which
only admins read (services/records.py). It is written as a PDF where the admin chooses
(a Save dialog offering a name with no identifier) with the JSON beside it, in the
background (run_operation).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Slot
from PySide6.QtWidgets import QDialog, QLayout, QPlainTextEdit, QVBoxLayout, QWidget

from crdesk.gui.i18n import translate
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.field_grid import FieldGrid, attempt_save
from crdesk.gui.widgets import heading, paragraph, save_cancel_footer


class RestrictDialog(QDialog):
    """Why the record is restricted, or released; ``save`` gets the reason."""

    def __init__(self, save: Callable[[str], object], restricting: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        title = (translate("Records", "Restrict this record") if restricting else
                 translate("Records", "Release the restriction"))
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(760, 460)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(title, "pageTitle", self))
        lay.addWidget(paragraph(translate(
            "Records", "A restricted record stays here and staff can still see it, but it is "
            "held back from every export to NACR and from every service report saved or "
            "shared, until it is released. Say why, for the record.") if restricting else
            translate("Records", "Once released, the record goes to NACR in the next export "
                                 "and counts in saved service reports again. Say why."), self))
        self.grid = FieldGrid(columns=1)
        reason = QPlainTextEdit(self)
        reason.setTabChangesFocus(True)
        reason.setPlaceholderText(translate(
            "Records", "For example: the patient asked while they dispute their record"))
        reason.setMaximumHeight(4 * reason.fontMetrics().lineSpacing() + 16)
        self.grid.add("reason", translate("Records", "&Reason"), reason)
        lay.addLayout(self.grid)
        lay.addStretch(1)
        self.message = save_cancel_footer(self, lay)
        lay.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        ensure_accessible_names(self)

    @Slot()
    def save(self) -> None:
        ok, _ = attempt_save(lambda: self._save(self.grid.text("reason")), self.message,
                             self.grid.show_problems)
        if ok:
            self.accept()


def default_copy_path(today: dt.date) -> Path:
    """Documents/subject-access-<date>.pdf: no name or number of the patient in it."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    return Path(folder) / f"subject-access-{today.isoformat()}.pdf"
