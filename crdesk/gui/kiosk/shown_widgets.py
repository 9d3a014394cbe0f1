"""Items that take no answer: text to read (info) and a value worked out (calculated)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from crdesk.core.forms import Item, JsonValue, TextCatalog
from crdesk.core.forms.display import with_unit
from crdesk.gui.kiosk.question_base import QuestionWidget, text_label
from crdesk.gui.kiosk.words import KioskWords


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
