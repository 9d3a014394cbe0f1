"""A stored code the list no longer has is shown, marked, and kept (never "not recorded")."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from crdesk.gui.staff.field_grid import combo, set_combo
from crdesk.services.patients import GENDERS


def test_an_old_code_is_shown_marked_and_kept(qapp: QApplication) -> None:
    box = combo(list(GENDERS.items()), "Not recorded")
    set_combo(box, "9")
    assert box.currentData() == "9"
    assert "old code" in box.currentText()
    set_combo(box, "2")
    assert box.currentData() == "2" and box.currentText().startswith("Female")
