"""The staff-form editor of every question type: the staff half of the closed registry in
``crdesk/core/forms/questions`` (the kiosk's is ``crdesk/gui/kiosk/question_types.py``;
``tests/gui/test_question_type_registry.py`` checks that both cover every type of the schema).

Staff type quickly: a drop-down for one choice, tick boxes for several, and a plain line for
numbers, dates and measurements (metric; the engine reads what is typed). An editor only shows
a value and reads what is entered; ``StaffFormWidget`` hands it to the form engine.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from types import MappingProxyType

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from crdesk.core.forms import Item, JsonValue
from crdesk.core.forms.questions import QuestionType
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate

Words = Callable[[str | None], str]  # text key -> words
Changed = Callable[..., None]  # called when staff change the value


class StaffEditor(ABC):
    """One item's input. ``widget`` is what the form lays out; each type's editor builds it."""

    def __init__(self, item: Item, value: JsonValue, words: Words, changed: Changed,
                 parent: QWidget) -> None:
        self.item = item
        self.widget = self._build(value, words, changed, parent)

    @abstractmethod
    def _build(self, value: JsonValue, words: Words, changed: Changed,
               parent: QWidget) -> QWidget: ...

    def value(self) -> object:
        """What is entered, in the engine's entry format (None: nothing)."""
        return None

    def choose(self, value: JsonValue) -> None:
        """Select an option (choice editors only; the others have nothing to select)."""
        return None

    def show_computed(self, value: object) -> None:
        """Show a value the engine worked out (calculated editors only; others ignore it)."""
        return None


class ComboEditor(StaffEditor):
    """single, yes_no and pictorial: a drop-down, "Not recorded" first."""

    def _build(self, value: JsonValue, words: Words, changed: Changed,
               parent: QWidget) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(translate("ComboEditor", "Not recorded"), None)
        for o in self.item.choices:
            combo.addItem(words(o.text), o.value)
        index = next((i for i in range(combo.count()) if combo.itemData(i) == value), 0)
        combo.setCurrentIndex(index)
        combo.currentIndexChanged.connect(changed)
        self.combo = combo
        return combo

    def value(self) -> object:
        return self.combo.currentData()

    def choose(self, value: JsonValue) -> None:
        self.combo.setCurrentIndex(self.combo.findData(value))


class ChecksEditor(StaffEditor):
    """multiple: tick boxes, three to a row."""

    def _build(self, value: JsonValue, words: Words, changed: Changed,
               parent: QWidget) -> QWidget:
        editor = QWidget(parent)
        checks = QGridLayout(editor)
        checks.setContentsMargins(0, 0, 0, 0)
        chosen = value if isinstance(value, list) else []
        self.checks: list[tuple[QCheckBox, JsonValue]] = []
        for n, o in enumerate(self.item.choices):
            check = QCheckBox(words(o.text), editor)
            check.setChecked(o.value in chosen)
            check.toggled.connect(changed)
            checks.addWidget(check, n // 3, n % 3)
            self.checks.append((check, o.value))
        return editor

    def value(self) -> object:
        return [v for check, v in self.checks if check.isChecked()] or None

    def choose(self, value: JsonValue) -> None:
        for check, v in self.checks:
            check.setChecked(v == value or (isinstance(value, list) and v in value))


class LineEditor(StaffEditor):
    """integer, decimal, text and long_text: one line, sent when staff leave it."""

    placeholder = ""

    def _build(self, value: JsonValue, words: Words, changed: Changed,
               parent: QWidget) -> QWidget:
        edit = QLineEdit(parent)
        shown = "" if value is None or (isinstance(value, dict) and "special" in value) else (
            self._shown(value))
        edit.setText(shown)
        if self.placeholder:
            edit.setPlaceholderText(translate("StaffEditors", self.placeholder))
        edit.editingFinished.connect(changed)
        self.edit = edit
        return edit

    def _shown(self, value: JsonValue) -> str:
        return str(value)

    def value(self) -> object:
        return self.edit.text().strip() or None


class DateEditor(LineEditor):
    placeholder = QT_TRANSLATE_NOOP("StaffEditors", "dd/mm/yyyy")

    def _shown(self, value: JsonValue) -> str:
        if isinstance(value, str):
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        return super()._shown(value)


class MeasurementEditor(LineEditor):
    """The metric number (the label names the unit)."""

    def _shown(self, value: JsonValue) -> str:
        if isinstance(value, dict):
            number = value.get("value")
            return f"{number:g}" if isinstance(number, int | float) else ""
        return super()._shown(value)


class CalculatedEditor(StaffEditor):
    """A value worked out by the engine (BMI), shown, never typed."""

    def _build(self, value: JsonValue, words: Words, changed: Changed,
               parent: QWidget) -> QWidget:
        self.label = QLabel("—", parent)
        self.label.setObjectName("calculated")
        return self.label

    def show_computed(self, value: object) -> None:
        self.label.setText("—" if value is None else f"{value}")


class InfoEditor(StaffEditor):
    """Text to read; staff forms show the body under the heading."""

    def _build(self, value: JsonValue, words: Words, changed: Changed,
               parent: QWidget) -> QWidget:
        label = QLabel(words(self.item.body), parent)
        label.setWordWrap(True)
        return label


STAFF_EDITORS: Mapping[QuestionType, type[StaffEditor]] = MappingProxyType({
    QuestionType.INFO: InfoEditor,
    QuestionType.SINGLE: ComboEditor,
    QuestionType.MULTIPLE: ChecksEditor,
    QuestionType.YES_NO: ComboEditor,
    QuestionType.PICTORIAL: ComboEditor,
    QuestionType.INTEGER: LineEditor,
    QuestionType.DECIMAL: LineEditor,
    QuestionType.DATE: DateEditor,
    QuestionType.TEXT: LineEditor,
    QuestionType.LONG_TEXT: LineEditor,
    QuestionType.MEASUREMENT: MeasurementEditor,
    QuestionType.CALCULATED: CalculatedEditor,
})


def make_editor(item: Item, value: JsonValue, words: Words, changed: Changed,
                parent: QWidget) -> StaffEditor:
    """The editor for one item, by its type (a KeyError for a type without one)."""
    return STAFF_EDITORS[item.type](item, value, words, changed, parent)
