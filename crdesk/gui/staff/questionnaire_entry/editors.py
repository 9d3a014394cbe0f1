"""Keyboard-fast entry editors, one per question type (the staff-entry half of the registry
in ``crdesk/core/forms/questions``; ``tests/gui/test_question_type_registry.py`` checks it
covers every type of the schema, with no default).

Choice questions list their options with a key each (1-9, 0, then A, B, C...): pressing the
key picks the option (several-answer questions: ticks or unticks it). The special answers a
question allows ("I don't know", "I'd prefer not to say") take the next keys. Typed answers
reuse the staff-form editors of ``STAFF_EDITORS``. Enter is handled by the section view: it
hands the answer to the service and moves to the next question.
"""

from __future__ import annotations

import html
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from types import MappingProxyType

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from crdesk.core.forms import Item, JsonValue
from crdesk.core.forms.answers import is_special
from crdesk.core.forms.questions import QuestionType
from crdesk.gui.i18n import translate
from crdesk.gui.staff.question_editors import STAFF_EDITORS, StaffEditor

Words = Callable[[str | None], str]
Changed = Callable[[], None]

# Keys in the order options get them: easy to reach, the same on every keyboard layout.
OPTION_KEYS = "1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def key_for(index: int) -> str:
    return OPTION_KEYS[index] if index < len(OPTION_KEYS) else ""


class EntryEditor(ABC):
    """One question's input on the staff entry screen."""

    def __init__(self, item: Item, value: JsonValue | None, words: Words, changed: Changed,
                 parent: QWidget) -> None:
        self.item = item
        self.words = words
        self.changed = changed
        self.widget = self._build(value, parent)

    @abstractmethod
    def _build(self, value: JsonValue | None, parent: QWidget) -> QWidget: ...

    def focus_widget(self) -> QWidget | None:
        """What takes the keyboard focus (None: nothing to enter, e.g. information)."""
        return None

    def value(self) -> object:
        return None

    def show_value(self, value: JsonValue | None) -> None:
        """Show a stored (or engine-worked-out) value."""
        return None

    def press(self, text: str) -> bool:
        """A key typed on the editor; True when it picked something."""
        return False


class _Choices(QFrame):
    """The focusable frame of a choice editor: it forwards key presses to its editor."""

    def __init__(self, editor: ChoiceEntry, parent: QWidget) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setObjectName("entryChoices")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.editor.press(event.text()):
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.setProperty("focused", True)
        self.style().polish(self)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.setProperty("focused", False)
        self.style().polish(self)


class _Clicks(QObject):
    """A click on an option's words picks it too (the mouse works, but is never needed)."""

    def __init__(self, editor: ChoiceEntry, parent: QObject) -> None:
        super().__init__(parent)
        self.editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            index = watched.property("optionIndex")
            if isinstance(index, int):
                self.editor.frame.setFocus(Qt.FocusReason.MouseFocusReason)
                self.editor.pick(index)
                return True
        return super().eventFilter(watched, event)


class ChoiceEntry(EntryEditor):
    """single, yes_no and pictorial: a key per option, the chosen one marked."""

    several = False

    def _build(self, value: JsonValue | None, parent: QWidget) -> QWidget:
        frame = _Choices(self, parent)
        self.clicks = _Clicks(self, frame)
        grid = QGridLayout(frame)
        grid.setContentsMargins(6, 3, 6, 3)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(1)
        entries: list[tuple[JsonValue, str]] = [(o.value, self.words(o.text))
                                                for o in self.item.choices]
        entries += [({"special": s}, self.words(f"engine.answer.{s}")) for s in self.item.allow]
        self.values: list[JsonValue] = [v for v, _ in entries]
        self.labels: list[QLabel] = []
        # Dense but readable at 1366x768: short option lists side by side.
        longest = max((len(text) for _, text in entries), default=0)
        if sum(len(text) + 6 for _, text in entries) <= 72:
            columns = len(entries)  # short answers (yes / no / don't know) on one line
        else:
            columns = 3 if len(entries) > 8 and longest <= 34 else (
                2 if len(entries) > 3 and longest <= 44 else 1)
        for n, (_value, text) in enumerate(entries):
            label = QLabel(f"<b>{key_for(n)}</b>&nbsp;&nbsp;{html.escape(text)}", frame)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAccessibleName(f"{key_for(n)} {text}")
            label.setProperty("optionIndex", n)
            label.installEventFilter(self.clicks)
            grid.addWidget(label, n // columns, n % columns)
            self.labels.append(label)
        frame.setAccessibleName(self.words(self.item.label))
        self.frame = frame
        self.chosen: list[JsonValue] = []
        self.show_value(value)
        return frame

    def focus_widget(self) -> QWidget | None:
        return self.frame

    def press(self, text: str) -> bool:
        key = text.strip().upper()
        if len(key) != 1 or key not in OPTION_KEYS[:len(self.values)]:
            return False
        self.pick(OPTION_KEYS.index(key))
        return True

    def pick(self, index: int) -> None:
        picked = self.values[index]
        exclusive = {o.value for o in self.item.options if o.exclusive}
        if self.several and picked in exclusive:
            self.chosen = [] if self.chosen == [picked] else [picked]
        elif not self.several or is_special(picked):
            self.chosen = [] if self.chosen == [picked] and self.several else [picked]
        elif picked in self.chosen:
            self.chosen = [v for v in self.chosen if v != picked]
        else:
            self.chosen = [v for v in self.chosen
                           if not is_special(v) and v not in exclusive] + [picked]
        self._mark()
        self.changed()

    def value(self) -> object:
        if not self.chosen:
            return None
        if is_special(self.chosen[0]) or not self.several:
            return self.chosen[0]
        return list(self.chosen)

    def show_value(self, value: JsonValue | None) -> None:
        if value is None:
            self.chosen = []
        elif isinstance(value, list):
            self.chosen = list(value)
        else:
            self.chosen = [value]
        self._mark()

    def _mark(self) -> None:
        for n, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
            on = value in self.chosen
            text = label.accessibleName().split(" ", 1)[1]
            # The tick says "chosen" in words as well as colour.
            label.setText(f"<b>{key_for(n)}</b>&nbsp;&nbsp;{html.escape(text)}"
                          + ("&nbsp;&nbsp;✔" if on else ""))
            label.setObjectName("entryOptionChosen" if on else "entryOption")
            label.style().unpolish(label)
            label.style().polish(label)
        shown = ", ".join(self.words(o.text) for o in self.item.choices if o.value in self.chosen)
        first = self.chosen[0] if self.chosen else None
        if isinstance(first, dict) and is_special(first):
            shown = self.words(f"engine.answer.{first['special']}")
        self.frame.setAccessibleDescription(
            shown or translate("EntryEditors", "No answer yet"))


class SeveralEntry(ChoiceEntry):
    """multiple: each key ticks or unticks its option."""

    several = True


class TypedEntry(EntryEditor):
    """Numbers, dates, text and measurements: the staff-form editor of the type (one line),
    with a "Not known" tick where the question allows "I don't know"."""

    def _build(self, value: JsonValue | None, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        plain = None if value is None or is_special(value) else value
        self.staff: StaffEditor = STAFF_EDITORS[self.item.type](
            self.item, plain, self.words, lambda *_: self.changed(), box)
        row.addWidget(self.staff.widget, 1)
        self.unknown: QCheckBox | None = None
        if self.item.allow:
            self.special = self.item.allow[0]
            self.unknown = QCheckBox(self.words(f"engine.answer.{self.special}"), box)
            self.unknown.setChecked(is_special(value))
            self.unknown.toggled.connect(lambda *_: self.changed())
            row.addWidget(self.unknown)
        return box

    def focus_widget(self) -> QWidget | None:
        return self.staff.widget

    def value(self) -> object:
        if self.unknown is not None and self.unknown.isChecked():
            return {"special": self.special}
        return self.staff.value()

    def show_value(self, value: JsonValue | None) -> None:
        edit = self.staff.widget
        if isinstance(edit, QLineEdit) and value is None:
            edit.clear()


class ShownEntry(EntryEditor):
    """info and calculated: the staff-form editor (text to read, or the worked-out value)."""

    def _build(self, value: JsonValue | None, parent: QWidget) -> QWidget:
        self.staff = STAFF_EDITORS[self.item.type](self.item, value, self.words,
                                                   lambda *_: None, parent)
        return self.staff.widget

    def show_value(self, value: JsonValue | None) -> None:
        self.staff.show_computed(value)


ENTRY_EDITORS: Mapping[QuestionType, type[EntryEditor]] = MappingProxyType({
    QuestionType.INFO: ShownEntry,
    QuestionType.SINGLE: ChoiceEntry,
    QuestionType.MULTIPLE: SeveralEntry,
    QuestionType.YES_NO: ChoiceEntry,
    QuestionType.PICTORIAL: ChoiceEntry,
    QuestionType.INTEGER: TypedEntry,
    QuestionType.DECIMAL: TypedEntry,
    QuestionType.DATE: TypedEntry,
    QuestionType.TEXT: TypedEntry,
    QuestionType.LONG_TEXT: TypedEntry,
    QuestionType.MEASUREMENT: TypedEntry,
    QuestionType.CALCULATED: ShownEntry,
})


def make_entry_editor(item: Item, value: JsonValue | None, words: Words, changed: Changed,
                      parent: QWidget) -> EntryEditor:
    """The entry editor for one item, by its type (a KeyError for a type without one)."""
    return ENTRY_EDITORS[item.type](item, value, words, changed, parent)
