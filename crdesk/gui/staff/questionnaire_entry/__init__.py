"""Staff entry of a patient questionnaire (telephone, video, paper typed in, in person):
``enter_questionnaire`` opens the start dialog, then the entry dialog, over the given parent."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from crdesk.gui.staff.questionnaire_entry.entry_dialog import EntryDialog, StartEntryDialog
from crdesk.services.staff_entry import StaffEntryService

__all__ = ["EntryDialog", "StartEntryDialog", "enter_questionnaire"]


def enter_questionnaire(service: StaffEntryService, patient_id: int, episode_id: int,
                        assessment: str | None, parent: QWidget,
                        done: Callable[[], None]) -> StartEntryDialog:
    """Open the start dialog; once an entry is opened, the entry dialog (both modal)."""
    start = StartEntryDialog(service, patient_id, episode_id, assessment, parent)

    def opened() -> None:
        if start.entry is None:
            return
        dialog = EntryDialog(service, start.entry, parent)
        dialog.finished.connect(lambda *_: done())
        dialog.open()
        start.entry_dialog = dialog  # type: ignore[attr-defined]

    start.accepted.connect(opened)
    start.open()
    return start
