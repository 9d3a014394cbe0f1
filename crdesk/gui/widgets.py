"""Small shared widgets: headings, plain-words messages and field-level errors."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from crdesk.errors import KnownError


def heading(text: str, name: str = "pageTitle", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def paragraph(text: str, parent: QWidget | None = None, secondary: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(text)
    if secondary:
        label.setObjectName("secondary")
    return label


def secondary_button(text: str, accessible_name: str, parent: QWidget | None = None
                     ) -> QPushButton:
    button = QPushButton(text, parent)
    button.setProperty("secondary", True)
    button.setAccessibleName(accessible_name)
    return button


class MessageLabel(QLabel):
    """A message in plain words under a field or form: what happened, then what to do."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorText")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(accessible_name)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, message: str, hint: str = "") -> None:
        self.setObjectName("errorText")
        self._set("\n".join(p for p in (message, hint) if p))

    def show_known(self, exc: KnownError) -> None:
        self.show_error(exc.message, exc.hint)

    def show_ok(self, text: str) -> None:
        self.setObjectName("okText")
        self._set(text)

    def clear_message(self) -> None:
        self.setText("")
        self.setAccessibleDescription("")
        self.hide()

    def _set(self, text: str) -> None:
        self.setText(text)
        # Screen readers announce the description of the focused field's error label.
        self.setAccessibleDescription(text)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setVisible(bool(text))


def mark_invalid(field: QLineEdit, invalid: bool) -> None:
    """Red border on a field with a problem (the message itself goes in a MessageLabel)."""
    if bool(field.property("invalid")) == invalid:
        return
    field.setProperty("invalid", invalid)
    field.style().unpolish(field)
    field.style().polish(field)
