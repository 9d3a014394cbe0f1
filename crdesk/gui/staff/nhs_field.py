"""The NHS number field's validator: digits, spaces and dashes only, refused with a reason.

A plain QRegularExpressionValidator would silently swallow a pasted number written with
other digits (fullwidth, Arabic-Indic), leaving the nurse wondering why nothing appeared;
this one refuses it and says why, at the field. The service checks again on save.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QValidator

from crdesk.core import nhs_number

REFUSED = "An NHS number has the digits 0 to 9 only (spaces and dashes are fine)."


class NhsNumberValidator(QValidator):
    """Signals:
        refused(str): typed or pasted text was refused; carries the reason to show.
    """

    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        allowed = nhs_number.ASCII_DIGITS | nhs_number.SEPARATORS
        if any(ch not in allowed for ch in text):
            self.refused.emit(REFUSED)
            return QValidator.State.Invalid, text, pos
        digits = nhs_number.normalise(text)
        if len(digits) > 10:
            self.refused.emit("An NHS number has 10 digits.")
            return QValidator.State.Invalid, text, pos
        state = (QValidator.State.Acceptable if not digits or nhs_number.is_valid(digits)
                 else QValidator.State.Intermediate)
        return state, text, pos
