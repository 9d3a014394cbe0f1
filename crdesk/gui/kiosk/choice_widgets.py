"""Choice questions: one answer from a list (single, yes_no, pictorial) or several
(multiple), each with any special answers the item allows ("I don't know")."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QButtonGroup, QWidget

from crdesk.core.forms import Item, JsonValue, TextCatalog
from crdesk.gui.kiosk.options import WrappedCheck, WrappedRadio, picture_widget
from crdesk.gui.kiosk.question_base import QuestionWidget, text_label
from crdesk.gui.kiosk.words import KioskWords


class ChoiceQuestion(QuestionWidget):
    """single and yes_no: one answer from a list, plus any special answers."""

    pictures: ClassVar[bool] = False  # each option shows its picture (pictorial)

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
            if self.pictures and option.image:
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


class PictorialQuestion(ChoiceQuestion):
    """pictorial: one picture from a row (Dartmouth COOP charts), each with its words."""

    pictures = True


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
