"""One widget per question type. Each shows a stored answer and emits the patient's new one.

Widgets never save anything: they emit ``answered(question_id, value)`` with a value in the
engine's entry format (an option value, a list, ``{"special": "dont_know"}``, typed text,
or a measurement entry such as ``{"unit": "st_lb", "st": 12, "lb": 4}``), and the kiosk
window hands it to the questionnaire service, which commits it before returning.
Typed answers are sent after a short pause in typing and again when the box loses focus,
so at most the last fraction of a second of typing can be lost in a power cut.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QVBoxLayout, QWidget

from crdesk.core.forms import Item, JsonValue, ResolvedText, TextCatalog
from crdesk.core.forms.answers import is_special
from crdesk.core.forms.display import with_unit
from crdesk.gui.kiosk.options import WrappedCheck, WrappedRadio, picture_widget
from crdesk.gui.kiosk.words import KioskWords


def text_label(resolved: ResolvedText, name: str, parent: QWidget) -> QLabel:
    """A word-wrapped label; licensed text that is not installed gets a dashed frame so it
    is never mistaken for a real question."""
    label = QLabel(resolved.text, parent)
    label.setObjectName("kioskPlaceholder" if resolved.placeholder else name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(resolved.text)
    return label


class QuestionWidget(QWidget):
    """Signals:
        answered(str, object): the patient gave (or cleared) an answer to this question.
    """

    answered = Signal(str, object)

    def __init__(self, item: Item, texts: TextCatalog, words: KioskWords,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.texts = texts
        self.words = words
        self._loading = False
        self.setObjectName(f"question_{item.id}")
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 8, 0, 8)
        self.lay.setSpacing(10)
        resolved = texts.resolve(item.label) if item.label else ResolvedText("")
        self.question_text = resolved.text
        self.question: QLabel | None = None
        if item.label:
            self.question = text_label(resolved, "kioskQuestion", self)
            self.lay.addWidget(self.question)
        help_text = ""
        if item.help:
            help_resolved = texts.resolve(item.help)
            help_text = help_resolved.text
            self.lay.addWidget(text_label(help_resolved, "kioskHelp", self))
        # Errors sit right under the question, before the answers, where the eye starts.
        self.error = QLabel(self)
        self.error.setObjectName("kioskError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        self.lay.addWidget(self.error)
        self.setAccessibleName(self.question_text or item.id)
        self.setAccessibleDescription(help_text or words("question.description"))

    # ---- for the page -----------------------------------------------------------------------

    def show_value(self, value: JsonValue) -> None:
        """Show a stored answer without emitting it again."""
        self._loading = True
        try:
            self._show(value)
        finally:
            self._loading = False

    def show_messages(self, messages: list[str]) -> None:
        text = "\n".join(messages)
        self.error.setText(text)
        self.error.setAccessibleName(text)
        self.error.setVisible(bool(text))
        desc = self.question_text + (f". {text}" if text else "")
        for control in self.controls():
            # Screen readers read the description of the focused control: the error with it.
            control.setAccessibleDescription(control.property("base_description") + (
                f" {text}" if text else ""))
        self.setAccessibleDescription(desc)

    def controls(self) -> list[QWidget]:
        """Interactive widgets, in the order Tab should visit them."""
        return []

    def flush(self) -> None:
        """Send typed text that has not been sent yet (before Next or Back)."""

    def _show(self, value: JsonValue) -> None:
        pass

    def _emit(self, value: object) -> None:
        if not self._loading:
            self.answered.emit(self.item.id, value)

    def _described(self, widget: QWidget, name: str, description: str) -> QWidget:
        widget.setAccessibleName(name)
        widget.setProperty("base_description", description)
        widget.setAccessibleDescription(description)
        return widget

    def special_text(self, special: str) -> str:
        return self.texts.text(f"engine.answer.{special}")


class ChoiceQuestion(QuestionWidget):
    """single, yes_no and pictorial: one answer from a list, plus any special answers."""

    def __init__(self, item: Item, texts: TextCatalog, words: KioskWords,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, texts, words, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[tuple[WrappedRadio, object]] = []
        option_desc = words("option.description", question=self.question_text)
        last_group: str | None = None
        for option in item.choices:
            if option.group and option.group != last_group:
                self.lay.addWidget(text_label(texts.resolve(option.group), "kioskGroup", self))
                last_group = option.group
            picture = None
            if item.type == "pictorial" and option.image:
                picture = picture_widget(texts.image(option.image),
                                         texts.text("engine.image.not_installed"), self)
            text = texts.resolve(option.text)
            button = WrappedRadio(text.text, self, picture)
            if text.placeholder:
                button.text_label.setObjectName("kioskPlaceholder")
            self._add(button, option.value, option_desc)
        for special in item.allow:
            self._add(WrappedRadio(self.special_text(special), self), {"special": special},
                      words("special.description"))
        self.group.buttonClicked.connect(self._on_group_button_clicked)

    def _add(self, button: WrappedRadio, value: object, description: str) -> None:
        self._described(button, button.accessibleName(), description)
        self.group.addButton(button, len(self.buttons))
        self.buttons.append((button, value))
        self.lay.addWidget(button)

    def controls(self) -> list[QWidget]:
        return [b for b, _ in self.buttons]

    def _on_group_button_clicked(self, button: WrappedRadio) -> None:
        self._emit(self.buttons[self.group.id(button)][1])

    def _show(self, value: JsonValue) -> None:
        for button, option in self.buttons:
            if option == value and type(option) is type(value):
                button.setChecked(True)
                return
        # Nothing stored: an exclusive group cannot uncheck all without this dance.
        self.group.setExclusive(False)
        for button, _ in self.buttons:
            button.setChecked(False)
        self.group.setExclusive(True)


class MultipleQuestion(QuestionWidget):
    """multiple: tick all that apply; an exclusive option ("none") or a special clears the
    others, and ticking an ordinary option clears those."""

    def __init__(self, item: Item, texts: TextCatalog, words: KioskWords,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, texts, words, parent)
        self.boxes: list[tuple[WrappedCheck, object, bool]] = []  # box, value, exclusive
        option_desc = words("option.description", question=self.question_text)
        for option in item.options:
            self._add(WrappedCheck(texts.text(option.text), self), option.value,
                      option.exclusive, option_desc)
        for special in item.allow:
            self._add(WrappedCheck(self.special_text(special), self), {"special": special},
                      True, words("special.description"))

    def _add(self, box: WrappedCheck, value: object, exclusive: bool, description: str) -> None:
        self._described(box, box.accessibleName(), description)
        box.clicked.connect(lambda checked, b=box: self._on_box_clicked(b, checked))
        self.boxes.append((box, value, exclusive))
        self.lay.addWidget(box)

    def controls(self) -> list[QWidget]:
        return [b for b, _, _ in self.boxes]

    def _on_box_clicked(self, box: WrappedCheck, checked: bool) -> None:
        if checked:
            clicked_exclusive = next(ex for b, _, ex in self.boxes if b is box)
            for other, _, exclusive in self.boxes:
                if other is not box and (clicked_exclusive or exclusive):
                    other.setChecked(False)
        chosen = [v for b, v, _ in self.boxes if b.isChecked()]
        special = [v for v in chosen if isinstance(v, dict)]
        self._emit(special[0] if special else chosen)

    def _show(self, value: JsonValue) -> None:
        chosen = value if isinstance(value, list) else [value]
        for box, option, _ in self.boxes:
            box.setChecked(any(option == c and type(option) is type(c) for c in chosen))


class InfoWidget(QuestionWidget):
    """Text to read: a title and a body (the NACR patient information, say)."""

    def __init__(self, item: Item, texts: TextCatalog, words: KioskWords,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, texts, words, parent)
        if self.question is not None:
            self.question.setObjectName("kioskInfoTitle")
        if item.body:
            self.body = text_label(texts.resolve(item.body), "kioskInfoBody", self)
            self.lay.addWidget(self.body)
            self.setAccessibleDescription(self.body.text())
        else:
            self.setAccessibleDescription(words("info.description"))


class CalculatedWidget(QuestionWidget):
    """A value worked out from other answers (minutes a week), shown, never typed."""

    def __init__(self, item: Item, texts: TextCatalog, words: KioskWords,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, texts, words, parent)
        self.value = QLabel("—", self)
        self.value.setObjectName("kioskCalculated")
        self.value.setWordWrap(True)
        self.lay.addWidget(self.value)

    def _show(self, value: JsonValue) -> None:
        shown = "—"
        if isinstance(value, int | float) and not isinstance(value, bool):
            shown = with_unit(value, self.item.unit, self.texts)
        self.value.setText(shown)
        self.value.setAccessibleName(f"{self.question_text}: {shown}")


def make_question(item: Item, texts: TextCatalog, words: KioskWords,
                  parent: QWidget | None = None) -> QuestionWidget:
    from crdesk.gui.kiosk.entry_widgets import MeasurementQuestion, TypedQuestion

    if item.type in ("single", "yes_no", "pictorial"):
        return ChoiceQuestion(item, texts, words, parent)
    if item.type == "multiple":
        return MultipleQuestion(item, texts, words, parent)
    if item.type == "info":
        return InfoWidget(item, texts, words, parent)
    if item.type == "calculated":
        return CalculatedWidget(item, texts, words, parent)
    if item.type == "measurement":
        return MeasurementQuestion(item, texts, words, parent)
    return TypedQuestion(item, texts, words, parent)


def stored_special(value: JsonValue) -> str | None:
    return str(value["special"]) if isinstance(value, dict) and is_special(value) else None
