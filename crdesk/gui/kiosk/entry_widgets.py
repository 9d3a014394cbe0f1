"""Typed answers: numbers, dates, text, and measurements in the units patients think in.

A height is asked in feet and inches first and a weight in stones and pounds (most older UK
patients know theirs that way), with centimetres and kilograms one press away. The engine
converts and stores metric with the entry as typed.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crdesk.core.forms import Item, JsonValue, TextCatalog
from crdesk.core.forms.units import ENTRY_FIELDS, QUANTITIES
from crdesk.gui.kiosk.options import WrappedCheck, WrappedRadio
from crdesk.gui.kiosk.question_base import QuestionWidget, stored_special
from crdesk.gui.kiosk.words import KioskWords

# Typing is sent this long after the last key press (and at once on leaving the box).
DEBOUNCE_MS = 500
IMPERIAL = ("ft_in", "st_lb", "in")
_NUMBER_BOX_CHARS = 7


def _number_box(parent: QWidget) -> QLineEdit:
    box = QLineEdit(parent)
    box.setMaxLength(12)
    box.setMinimumWidth(box.fontMetrics().horizontalAdvance("0" * _NUMBER_BOX_CHARS) + 40)
    box.setMaximumWidth(320)
    return box


def _parse_number(text: str) -> object:
    """A number when it is one, otherwise the text: the engine then says what is wrong."""
    text = text.strip()
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


class _EntryQuestion(QuestionWidget):
    def __init__(self, item: Item, texts: TextCatalog, words: KioskWords,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, texts, words, parent)
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self.specials: list[tuple[WrappedCheck, str]] = []

    def _add_specials(self) -> None:
        for special in self.item.allow:
            box = WrappedCheck(self.special_text(special), self)
            self._described(box, box.accessibleName(), self.words("special.description"))
            box.clicked.connect(lambda checked, b=box, s=special: self._on_special(b, s, checked))
            self.specials.append((box, special))
            self.lay.addWidget(box)

    def _on_special(self, box: WrappedCheck, special: str, checked: bool) -> None:
        for other, _ in self.specials:
            if other is not box:
                other.setChecked(False)
        self._timer.stop()
        self._dirty = False
        self._set_entries_enabled(not checked)
        self._emit({"special": special} if checked else self._entry_value())

    def _typed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._timer.start()

    def flush(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self._timer.stop()
        if not any(box.isChecked() for box, _ in self.specials):
            self._emit(self._entry_value())

    def _show_special(self, value: JsonValue) -> bool:
        special = stored_special(value)
        for box, name in self.specials:
            box.setChecked(name == special)
        self._set_entries_enabled(special is None)
        return special is not None

    def _entry_value(self) -> object:
        return ""  # subclasses return what is typed; "" means "no answer"

    def _set_entries_enabled(self, enabled: bool) -> None:
        for control in self.controls():
            if not isinstance(control, WrappedCheck):
                control.setEnabled(enabled)

    def _mark(self, boxes: list[QWidget], invalid: bool) -> None:
        for box in boxes:
            box.setProperty("invalid", invalid)
            box.style().unpolish(box)
            box.style().polish(box)


class TypedQuestion(_EntryQuestion):
    """One box to type in; each typed question type chooses its box and how it is read out."""

    wide: ClassVar[bool] = True  # the box takes the row's width (numbers stay narrow)
    description_key: ClassVar[str] = "entry.text.description"

    def __init__(self, item: Item, texts: TextCatalog, words: KioskWords,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, texts, words, parent)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.box: QLineEdit | QPlainTextEdit = self._make_box()
        description = self._describe()
        row.addWidget(self.box, 1 if self.wide else 0)
        if item.unit:
            unit = QLabel(texts.text(f"engine.unit.{item.unit}"), self)
            unit.setWordWrap(True)
            row.addWidget(unit, 1)
            description = f"{description} ({unit.text()})"
        elif not self.wide:
            row.addStretch(1)
        self.lay.addLayout(row)
        self._described(self.box, self.question_text, description)
        self._add_specials()

    def _make_box(self) -> QLineEdit | QPlainTextEdit:
        box = QLineEdit(self)
        if self.item.max_length:
            box.setMaxLength(self.item.max_length)
        return self._connect_line(box)

    def _connect_line(self, box: QLineEdit) -> QLineEdit:
        box.textEdited.connect(self._typed)
        box.editingFinished.connect(self.flush)
        return box

    def _describe(self) -> str:
        """What a screen reader says about the box (and any hint shown above it)."""
        return self.words(self.description_key)

    def _text_of(self, value: JsonValue) -> str:
        """A stored answer as it is typed."""
        return "" if value is None else str(value)

    def controls(self) -> list[QWidget]:
        return [self.box, *(b for b, _ in self.specials)]

    def _entry_value(self) -> object:
        if isinstance(self.box, QPlainTextEdit):
            return self.box.toPlainText()
        return self.box.text()

    def _show(self, value: JsonValue) -> None:
        if self._show_special(value):
            return
        text = self._text_of(value)
        if isinstance(self.box, QPlainTextEdit):
            if self.box.toPlainText() != text:
                self.box.setPlainText(text)
        elif self.box.text() != text and not self.box.hasFocus():
            self.box.setText(text)

    def show_messages(self, messages: list[str]) -> None:
        super().show_messages(messages)
        self._mark([self.box], bool(messages))


class TextQuestion(TypedQuestion):
    """text: one line, at most ``max_length`` characters."""


class LongTextQuestion(TypedQuestion):
    """long_text: a few lines; Tab still leaves the box."""

    def _make_box(self) -> QLineEdit | QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setTabChangesFocus(True)  # Tab must still leave the box
        box.setMinimumHeight(160)
        box.textChanged.connect(self._typed)
        return box


class NumberQuestion(TypedQuestion):
    """integer and decimal: a short box, with the unit beside it."""

    wide = False
    description_key = "entry.box.description"

    def _make_box(self) -> QLineEdit | QPlainTextEdit:
        return self._connect_line(_number_box(self))


class DateQuestion(TypedQuestion):
    """date: typed as dd/mm/yyyy, with the hint shown above the box."""

    description_key = "entry.date.hint"

    def _describe(self) -> str:
        description = super()._describe()
        hint = QLabel(description, self, wordWrap=True)
        hint.setObjectName("kioskHelp")
        self.lay.addWidget(hint)
        return description

    def _text_of(self, value: JsonValue) -> str:
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
            except ValueError:
                return value
        return super()._text_of(value)


class MeasurementQuestion(_EntryQuestion):
    """Height, weight or length: choose the units, then one box per part (feet, inches)."""

    def __init__(self, item: Item, texts: TextCatalog, words: KioskWords,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, texts, words, parent)
        units = list(item.units or QUANTITIES[item.quantity or "height"].entry_units)
        units.sort(key=lambda u: u not in IMPERIAL)  # stable: imperial first
        self.units = units
        self.unit_group = QButtonGroup(self)
        self.unit_buttons: list[WrappedRadio] = []
        self.rows: dict[str, tuple[QWidget, dict[str, QLineEdit]]] = {}
        unit_desc = words("entry.unit.description")
        units_row = QHBoxLayout()
        units_row.setSpacing(12)
        for n, unit in enumerate(units):
            button = WrappedRadio(texts.text(f"engine.entry_unit.{unit}"), self)
            self._described(button, button.accessibleName(), unit_desc)
            self.unit_group.addButton(button, n)
            self.unit_buttons.append(button)
            units_row.addWidget(button, 1)
        self.lay.addLayout(units_row)
        for unit in units:
            self.rows[unit] = self._entry_row(unit)
            self.lay.addWidget(self.rows[unit][0])
        self.unit_group.idClicked.connect(self._on_unit_clicked)
        self._select_unit(units[0])
        self._add_specials()

    def _entry_row(self, unit: str) -> tuple[QWidget, dict[str, QLineEdit]]:
        row = QWidget(self)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        boxes = {}
        for part in ENTRY_FIELDS[unit]:
            box = _number_box(row)
            word = self.words(f"entry.{part}")
            self._described(box, f"{self.question_text}: {word}",
                            self.words("entry.box.description"))
            box.textEdited.connect(self._typed)
            box.editingFinished.connect(self.flush)
            label = QLabel(word, row)
            label.setBuddy(box)
            lay.addWidget(box)
            lay.addWidget(label)
            boxes[part] = box
        lay.addStretch(1)
        return row, boxes

    @property
    def unit(self) -> str:
        return self.units[max(0, self.unit_group.checkedId())]

    def _select_unit(self, unit: str) -> None:
        self.unit_buttons[self.units.index(unit)].setChecked(True)
        for name, (row, _) in self.rows.items():
            row.setVisible(name == unit)

    def _on_unit_clicked(self, index: int) -> None:
        self._select_unit(self.units[index])
        # Only send when the newly chosen boxes hold something: choosing the units alone is
        # not an answer, and must not wipe one given in the other units.
        if any(box.text().strip() for box in self.rows[self.unit][1].values()):
            self._dirty = True
            self.flush()

    def controls(self) -> list[QWidget]:
        boxes = list(self.rows[self.unit][1].values())
        return [*self.unit_buttons, *boxes, *(b for b, _ in self.specials)]

    def _entry_value(self) -> object:
        boxes = self.rows[self.unit][1]
        typed = {part: box.text().strip() for part, box in boxes.items()}
        if not any(typed.values()):
            return ""
        parts = list(typed)
        entry: dict[str, object] = {"unit": self.unit}
        for n, part in enumerate(parts):
            # "5 feet" with the inches box left empty means 5 ft 0 in; an empty first box
            # is a real gap, and the engine asks for it.
            entry[part] = 0 if (n > 0 and not typed[part]) else _parse_number(typed[part])
            if entry[part] == "":
                del entry[part]
        return entry

    def _show(self, value: JsonValue) -> None:
        if self._show_special(value) or not isinstance(value, dict):
            return
        entered = value.get("entered")
        if not isinstance(entered, dict) or entered.get("unit") not in self.rows:
            return
        unit = str(entered["unit"])
        self._select_unit(unit)
        for part, box in self.rows[unit][1].items():
            number = entered.get(part)
            if number is not None and not box.hasFocus():
                box.setText(str(number))

    def show_messages(self, messages: list[str]) -> None:
        super().show_messages(messages)
        self._mark(list(self.rows[self.unit][1].values()), bool(messages))
