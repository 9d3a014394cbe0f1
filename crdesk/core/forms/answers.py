"""The canonical, JSON-serialisable shape of an answer for each question type.

The storage layer keeps each answer as JSON text, so every answer is one of:

=============  ==========================================================================
type           stored value
=============  ==========================================================================
single         the option value: ``"current"`` or ``2``
pictorial      the option value (COOP charts: ``1`` .. ``5``)
yes_no         ``"yes"`` or ``"no"``
multiple       list of option values in the form's option order: ``["angina", "diabetes"]``
integer        ``72``
decimal        ``5.4`` (rounded to the places of ``step``)
date           ISO text ``"2024-03-31"``
text           the text, trimmed
long_text      the text, trimmed
measurement    ``{"value": 172.7, "unit": "cm", "entered": {"unit": "ft_in", "ft": 5, "in": 8}}``
               value is always metric (cm or kg); entered is what the person typed
any, when the  ``{"special": "dont_know"}`` or ``{"special": "prefer_not_to_say"}``
item allows it
=============  ==========================================================================

An empty answer ("", [] or None) means "not answered" and is not stored.

Each type's own rules live in its handler (``crdesk/core/forms/questions``); this module deals
with what every type shares (empty and special answers) and hands the rest to the handler.
"""

from __future__ import annotations

from crdesk.core.forms.answer_values import (
    AnswerError,
    JsonValue,
    is_empty,
    is_special,
    parse_date,
)
from crdesk.core.forms.model import Item
from crdesk.core.forms.questions.base import RangeProblem
from crdesk.core.forms.textpacks import TextCatalog

__all__ = [
    "AnswerError",
    "JsonValue",
    "answer_text",
    "expression_value",
    "is_empty",
    "is_special",
    "normalise",
    "parse_date",
    "range_problems",
]


def normalise(item: Item, value: object) -> JsonValue:
    """The canonical stored form of ``value`` for ``item``, or None for "not answered".

    Raises AnswerError when the value cannot be an answer at all (wrong kind of value); range
    problems are not raised here, they are reported by ``range_problems``.
    """
    if is_empty(value):
        return None
    if is_special(value):
        special = value["special"]  # type: ignore[index]
        if special not in item.allow:
            raise AnswerError("special_not_allowed")
        return {"special": special}
    return item.handler.normalise(item, value)


def range_problems(item: Item, value: JsonValue) -> list[RangeProblem]:
    """Plausibility problems of a normalised answer as (message code, params)."""
    if value is None or is_special(value):
        return []
    return item.handler.range_problems(item, value)


def expression_value(item: Item, value: JsonValue) -> object:
    """What an expression sees: metric numbers, date objects, None for unanswered or special."""
    if value is None or is_special(value):
        return None
    return item.handler.expression_value(item, value)


def answer_text(item: Item, value: JsonValue, texts: TextCatalog) -> str:
    """How a stored answer (or a calculated value) reads to a person."""
    if value is None:
        return texts.text("engine.summary.not_answered")
    if isinstance(value, dict) and is_special(value):
        return texts.text(f"engine.answer.{value['special']}")
    return item.handler.display(item, value, texts)
