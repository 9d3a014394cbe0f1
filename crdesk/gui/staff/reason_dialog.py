"""The one "say why" dialog: a title, what the action does, a reason, Save/Cancel.

Clearing an opt-out, restricting or releasing a record and purging one all ask the same
way, so they share this dialog and differ only in their words (which stay, for the
translator, in the modules that ask). The reason is required, but not here: ``save`` (the
service call) refuses an empty one with its message, shown above the buttons, and the dialog
stays open with nothing done. Escape and Cancel reject it, as any QDialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from crdesk.gui.scrolling import fit_screen_height, keep_foot_on_screen
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.field_grid import FieldGrid, attempt_save
from crdesk.gui.widgets import heading, paragraph, save_cancel_footer


class OneFieldDialog(QDialog):
    """A title, what the action does, one field, Save/Cancel: ``save`` gets the field's text
    as typed (stripped) and the dialog closes accepted when it returns, stays open with its
    message when it raises a KnownError.

    ``explain`` is one paragraph or several (shown in order under the title); ``field``
    makes the field, a child of the dialog; ``height`` is the starting height, room for the
    field and a two-line message at large text.
    """

    def __init__(self, save: Callable[[str], object], *, title: str,
                 explain: str | Sequence[str], key: str, label: str,
                 field: Callable[[QWidget], QLineEdit | QPlainTextEdit], height: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._key = key
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(760, height)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(title, "pageTitle", self))
        for text in [explain] if isinstance(explain, str) else explain:
            lay.addWidget(paragraph(text, self))
        self.grid = FieldGrid(columns=1)
        self.grid.add(key, label, field(self))
        lay.addLayout(self.grid)
        lay.addStretch(1)
        self.message = save_cancel_footer(self, lay)
        # Grow with the messages shown after Save (large text needs the room).
        lay.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        ensure_accessible_names(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        # As tall as its wrapped words need at its width (a longer language, large text),
        # up to the screen's height: the layout's minimum counts each paragraph as one
        # line, and a purge's explanation lost its last line (issue 16).
        super().showEvent(event)
        need = self.heightForWidth(self.width())
        if need > self.height():
            fit_screen_height(self, need)
            keep_foot_on_screen(self)  # Qt placed it at its starting height

    @Slot()
    def save(self) -> None:
        ok, _ = attempt_save(lambda: self._save(self.grid.text(self._key)), self.message,
                             self.grid.show_problems)
        if ok:
            self.accept()


class ReasonDialog(OneFieldDialog):
    """Asks why, in a few lines of text (the field ``reason``)."""

    def __init__(self, save: Callable[[str], object], *, title: str,
                 explain: str | Sequence[str], label: str, placeholder: str,
                 height: int = 460, parent: QWidget | None = None) -> None:
        def reason_field(dialog: QWidget) -> QPlainTextEdit:
            reason = QPlainTextEdit(dialog)
            reason.setTabChangesFocus(True)
            reason.setPlaceholderText(placeholder)
            # Four lines are plenty for a reason; the room left is the messages'.
            reason.setMaximumHeight(4 * reason.fontMetrics().lineSpacing() + 16)
            return reason

        super().__init__(save, title=title, explain=explain, key="reason", label=label,
                         field=reason_field, height=height, parent=parent)
