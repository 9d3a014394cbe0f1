"""Labelled fields with their own message underneath: the one way staff forms show errors.

A message sits directly under its field (not in a box at the end), the field gets a red
border, and the message is the field's accessible description, so a screen reader reads
it when the field takes focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crdesk.errors import KnownError
from crdesk.gui.i18n import translate
from crdesk.gui.widgets import MessageLabel, mark_invalid
from crdesk.services.field_errors import FieldErrors

T = TypeVar("T")

FieldWidget = QLineEdit | QComboBox | QCheckBox | QPlainTextEdit


class FieldGrid(QGridLayout):
    """Two columns of label + field, each field with a MessageLabel below it."""

    def __init__(self, parent: QWidget | None = None, columns: int = 2) -> None:
        super().__init__(parent)
        self.setHorizontalSpacing(18)
        self.setVerticalSpacing(4)
        self._columns = columns
        self._count = 0
        self.fields: dict[str, FieldWidget] = {}
        self.messages: dict[str, MessageLabel] = {}
        self.labels: dict[str, QLabel] = {}

    def add(self, name: str, label: str, widget: FieldWidget, *, span: int = 1) -> FieldWidget:
        col = (self._count % self._columns) * 1
        row = (self._count // self._columns) * 3
        if span > 1 and col != 0:
            self._count += self._columns - col
            col, row = 0, (self._count // self._columns) * 3
        text = QLabel(label)
        text.setBuddy(widget)
        text.setObjectName("fieldLabel")
        widget.setAccessibleName(label.replace("&", ""))
        widget.setObjectName(name)
        message = MessageLabel(translate("FieldGrid", "Problem with {field}").format(
            field=label.replace("&", "")))
        self.addWidget(text, row, col, 1, span)
        self.addWidget(widget, row + 1, col, 1, span)
        self.addWidget(message, row + 2, col, 1, span)
        self._count += span
        self.fields[name], self.messages[name], self.labels[name] = widget, message, text
        return widget

    def show_problems(self, problems: dict[str, str]) -> None:
        """Messages at their fields; focus goes to the first field with a problem."""
        first: FieldWidget | None = None
        for name, field in self.fields.items():
            msg = problems.get(name)
            if msg:
                self.messages[name].show_error(msg, from_service=True)
                field.setAccessibleDescription(msg)
                first = first or field
            else:
                self.messages[name].clear_message()
                field.setAccessibleDescription("")
            if isinstance(field, QLineEdit):
                mark_invalid(field, bool(msg))
        if first is not None:
            first.setFocus()

    def show_one(self, name: str, msg: str) -> None:
        """Show or clear one field's message (when the user leaves that field)."""
        field = self.fields[name]
        if msg:
            self.messages[name].show_error(msg, from_service=True)
        else:
            self.messages[name].clear_message()
        field.setAccessibleDescription(msg)
        if isinstance(field, QLineEdit):
            mark_invalid(field, bool(msg))

    def shown(self) -> dict[str, str]:
        """The messages on screen now, field -> message."""
        return {n: m.plain_text() for n, m in self.messages.items() if m.plain_text()}

    def clear_problems(self) -> None:
        self.show_problems({})

    def message(self, name: str) -> str:
        return self.messages[name].plain_text()

    def text(self, name: str) -> str:
        field = self.fields[name]
        if isinstance(field, QLineEdit):
            return field.text().strip()
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText().strip()
        if isinstance(field, QComboBox):
            data = field.currentData()
            return "" if data is None else str(data)
        return "1" if field.isChecked() else ""


def combo(options: list[tuple[str, str]], blank: str | None = "—") -> QComboBox:
    """A drop-down of (value, words); ``blank`` adds a first 'not recorded' choice."""
    box = QComboBox()
    if blank is not None:
        box.addItem(blank, "")
    for value, words in options:
        box.addItem(words, value)
    return box


def set_combo(box: QComboBox, value: str | None) -> None:
    index = box.findData(value or "")
    if index < 0 and value:
        # A stored code the list no longer has (an older code set): shown and kept as it is,
        # never replaced by "not recorded" behind the user's back.
        box.addItem(translate("FieldGrid", "{code} (old code, not in the list: choose again)")
                    .format(code=value), value)
        index = box.count() - 1
    box.setCurrentIndex(max(index, 0))


def attempt_save(save: Callable[[], T], message: MessageLabel,
                 show_problems: Callable[[dict[str, str]], None]) -> tuple[bool, T | None]:
    """Run a service save: problems go beside their fields and into the message line.

    Returns (True, result) when it saved, (False, None) when it did not (nothing was saved:
    the services check everything before writing).
    """
    try:
        return True, save()
    except FieldErrors as exc:
        show_problems(exc.problems)
        message.show_known(exc)
    except KnownError as exc:
        message.show_known(exc)
    return False, None
