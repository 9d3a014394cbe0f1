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

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from crdesk.gui.i18n import translate
from crdesk.gui.staff.reason_dialog import ReasonDialog


class RestrictDialog(ReasonDialog):
    """Why the record is restricted, or released; ``save`` gets the reason."""

    def __init__(self, save: Callable[[str], object], restricting: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            save,
            title=(translate("Records", "Restrict this record") if restricting else
                   translate("Records", "Release the restriction")),
            explain=translate(
                "Records", "A restricted record stays here and staff can still see it, but it "
                "is held back from every export to NACR and from every service report saved "
                "or shared, until it is released. Say why, for the record.") if restricting
            else translate("Records", "Once released, the record goes to NACR in the next "
                                      "export and counts in saved service reports again. "
                                      "Say why."),
            placeholder=translate(
                "Records", "For example: the patient asked while they dispute their record"),
            label=translate("Records", "&Reason"),
            parent=parent)


def default_copy_path(today: dt.date) -> Path:
    """Documents/subject-access-<date>.pdf: no name or number of the patient in it."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    return Path(folder) / f"subject-access-{today.isoformat()}.pdf"
