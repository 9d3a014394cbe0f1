"""The closed registry: one handler per question type, and nothing else."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from crdesk.core.forms.questions.base import QuestionHandler
from crdesk.core.forms.questions.choice import Multiple, Pictorial, Single, YesNo
from crdesk.core.forms.questions.entry import Date, Decimal, Integer, LongText, Text
from crdesk.core.forms.questions.kind import QuestionType
from crdesk.core.forms.questions.measurement import Measurement
from crdesk.core.forms.questions.shown import Calculated, Info

_ALL: tuple[QuestionHandler, ...] = (
    Info(),
    Single(),
    Multiple(),
    YesNo(),
    Pictorial(),
    Integer(),
    Decimal(),
    Date(),
    Text(),
    LongText(),
    Measurement(),
    Calculated(),
)

HANDLERS: Mapping[QuestionType, QuestionHandler] = MappingProxyType({h.type: h for h in _ALL})


def handler_for(question_type: QuestionType) -> QuestionHandler:
    """The handler of a question type; a KeyError for a type without one (a test makes sure
    every type of the schema has one)."""
    return HANDLERS[question_type]
