"""What every kiosk question widget shares: the question, its help, its error line, and the
``answered`` signal. One subclass per question type (or family) lives in ``choice_widgets``,
``entry_widgets`` and ``shown_widgets``; ``question_types.py`` says which type gets which.

Widgets never save anything: they emit ``answered(question_id, value)`` with a value in the
engine's entry format (an option value, a list, ``{"special": "dont_know"}``, typed text,
or a measurement entry such as ``{"unit": "st_lb", "st": 12, "lb": 4}``), and the kiosk
window hands it to the questionnaire service, which commits it before returning.
Typed answers are sent after a short pause in typing and again when the box loses focus,
so at most the last fraction of a second of typing can be lost in a power cut.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from crdesk.core.forms import Item, JsonValue, ResolvedText, TextCatalog
from crdesk.core.forms.answers import is_special
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


def stored_special(value: JsonValue) -> str | None:
    return str(value["special"]) if isinstance(value, dict) and is_special(value) else None
