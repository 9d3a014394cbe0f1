"""One pass over a form in document order: which pages and questions show, and every value.

Because expressions may only refer back (checked at load), a single pass decides everything:
a hidden question contributes no value, so whatever depends on it is decided as if it were
unanswered, and chains of conditions collapse correctly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from crdesk.core.forms import expression_types as T
from crdesk.core.forms.answers import JsonValue, expression_value, parse_date, range_problems
from crdesk.core.forms.expression_eval import Evaluator
from crdesk.core.forms.expressions import Node, parse, references
from crdesk.core.forms.model import Form, Item, Page
from crdesk.core.forms.rounding import round_half_up


@lru_cache(maxsize=4096)
def compiled(source: str) -> Node:
    """Parsed expressions, cached: forms are checked at load so parsing cannot fail here."""
    return parse(source)


@lru_cache(maxsize=4096)
def names_read(source: str) -> frozenset[str]:
    """The names an expression reads, cached like its parse."""
    return frozenset(references(compiled(source)))


def prepare_context(form: Form, context: Mapping[str, object] | None) -> dict[str, object]:
    """Typed context values: ISO text becomes a date where the form declares a date."""
    result: dict[str, object] = {}
    for name, decl in form.context.items():
        value = (context or {}).get(name)
        if value is not None and decl.type == T.DATE:
            value = parse_date(value)
        result[name] = value
    return result


def today_from(context: Mapping[str, object] | None) -> dt.date:
    """``today`` may be supplied in the context (tests, back-dated entry); else the clock."""
    value = (context or {}).get("today")
    return parse_date(value) if value is not None else dt.date.today()


@dataclass
class FormState:
    visible_pages: list[Page] = field(default_factory=list)
    visible_items: set[str] = field(default_factory=set)
    values: dict[str, object] = field(default_factory=dict)  # expression values of visible items

    def evaluator(self, context: Mapping[str, object], today: dt.date) -> Evaluator:
        def lookup(name: str) -> object:
            return self.values.get(name) if name not in context else context[name]

        return Evaluator(lookup, today)


def calculate(item: Item, evaluator: Evaluator) -> object:
    value = evaluator(compiled(item.expr or "0"))
    if isinstance(value, float):
        value = round_half_up(value, item.places or 0)
        if not item.places:
            value = int(value)
    return value


def evaluate_form(
    form: Form, answers: Mapping[str, JsonValue], context: Mapping[str, object], today: dt.date
) -> FormState:
    state = FormState()
    evaluator = state.evaluator(context, today)
    # Answers the form refuses (a weight of 700 kg) still decide what shows, but nothing is
    # calculated from them: a BMI worked out from a refused weight would look like a result.
    refused: set[str] = set()
    for page in form.pages:
        page_shown = page.show_if is None or evaluator(compiled(page.show_if)) is True
        if page_shown:
            state.visible_pages.append(page)
        for item in page.items:
            if not page_shown or (
                item.show_if is not None and evaluator(compiled(item.show_if)) is not True
            ):
                continue
            state.visible_items.add(item.id)
            if item.handler.computed:
                if names_read(item.expr or "0") & refused:
                    state.values[item.id] = None
                    refused.add(item.id)
                else:
                    state.values[item.id] = calculate(item, evaluator)
            elif item.answerable and item.id in answers:
                state.values[item.id] = expression_value(item, answers[item.id])
                if range_problems(item, answers[item.id]):
                    refused.add(item.id)
    return state
