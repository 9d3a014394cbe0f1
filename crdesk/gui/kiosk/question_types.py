"""The kiosk widget of every question type: the GUI half of the closed registry in
``crdesk/core/forms/questions``. The staff workspace has its own table
(``crdesk/gui/staff/question_editors.py``) so that it never loads the kiosk, and
``tests/gui/test_question_type_registry.py`` checks that both cover every type of the schema.

There is no default: a type missing here is a KeyError (and a failing test), never a question
silently shown as something else.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from PySide6.QtWidgets import QWidget

from crdesk.core.forms import Item, TextCatalog
from crdesk.core.forms.questions import QuestionType
from crdesk.gui.kiosk.choice_widgets import ChoiceQuestion, MultipleQuestion, PictorialQuestion
from crdesk.gui.kiosk.entry_widgets import (
    DateQuestion,
    LongTextQuestion,
    MeasurementQuestion,
    NumberQuestion,
    TextQuestion,
)
from crdesk.gui.kiosk.question_base import QuestionWidget
from crdesk.gui.kiosk.shown_widgets import CalculatedWidget, InfoWidget
from crdesk.gui.kiosk.words import KioskWords

KIOSK_WIDGETS: Mapping[QuestionType, type[QuestionWidget]] = MappingProxyType({
    QuestionType.INFO: InfoWidget,
    QuestionType.SINGLE: ChoiceQuestion,
    QuestionType.MULTIPLE: MultipleQuestion,
    QuestionType.YES_NO: ChoiceQuestion,
    QuestionType.PICTORIAL: PictorialQuestion,
    QuestionType.INTEGER: NumberQuestion,
    QuestionType.DECIMAL: NumberQuestion,
    QuestionType.DATE: DateQuestion,
    QuestionType.TEXT: TextQuestion,
    QuestionType.LONG_TEXT: LongTextQuestion,
    QuestionType.MEASUREMENT: MeasurementQuestion,
    QuestionType.CALCULATED: CalculatedWidget,
})


def make_question(item: Item, texts: TextCatalog, words: KioskWords,
                  parent: QWidget | None = None) -> QuestionWidget:
    """The widget for one item, by its type."""
    return KIOSK_WIDGETS[item.type](item, texts, words, parent)
