"""What every question type must say about itself, with the defaults most types share.

One ``QuestionHandler`` subclass per type (or per family sharing a base) owns that type's
behaviour; the rest of the engine asks ``handler_for(item.type)`` (or ``item.handler``) and
never compares type names. Handlers are stateless: one instance per type, in ``registry.py``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, ClassVar

from crdesk.core.forms import expression_types as T
from crdesk.core.forms.answer_values import AnswerError, JsonValue
from crdesk.core.forms.display import with_unit
from crdesk.core.forms.questions.kind import QuestionType
from crdesk.core.forms.spec import Path
from crdesk.core.forms.textpacks import TextCatalog

if TYPE_CHECKING:
    from crdesk.core.forms.options import Option
    from crdesk.core.forms.questions.item_view import QuestionItem as Item

# A plausibility problem of an answer: (message code, params), e.g. ("below_min", {...}).
RangeProblem = tuple[str, dict[str, object]]
# A bound given as an expression that an answer breaks: (code, params, message text key).
BoundProblem = tuple[str, dict[str, object], str | None]
# How form checks report a problem: (place, reason, fix).
Report = Callable[[Path, str, str], None]
# Evaluates an expression of the form against the current answers.
Evaluate = Callable[[str], object]


class QuestionHandler:
    """The behaviour of one question type. Methods get normalised values: never empty and
    never a special answer ("don't know"), which ``answers.py`` deals with for every type.

    Attributes:
        type: the question type this handler is for.
        answerable: the item takes an answer (info shows text; calculated shows a value).
        computed: the engine works the value out from an expression (calculated).
        has_options: the form lists the item's options (single, multiple, pictorial).
        chosen: answers are values of ``choices(item)`` (the option types and yes_no).
    """

    type: ClassVar[QuestionType]
    answerable: ClassVar[bool] = True
    computed: ClassVar[bool] = False
    has_options: ClassVar[bool] = False
    chosen: ClassVar[bool] = False

    # -- answers -------------------------------------------------------------------------
    def choices(self, item: Item) -> tuple[Option, ...]:
        """The options to show."""
        return item.options

    def normalise(self, item: Item, value: object) -> JsonValue:
        """The stored form of a given value (None: not answered); AnswerError if it cannot
        be an answer at all. Range problems are not raised here (see range_problems)."""
        raise AnswerError("not_answerable")

    def range_problems(self, item: Item, value: JsonValue) -> list[RangeProblem]:
        """Plausibility problems of a stored answer (below min, too long, too many)."""
        return []

    def bound_problems(
        self, item: Item, value: JsonValue, evaluate: Evaluate, texts: TextCatalog
    ) -> list[BoundProblem]:
        """Problems with bounds the form gives as expressions (earliest and latest dates)."""
        return []

    def expression_value(self, item: Item, value: JsonValue) -> object:
        """What expressions and scores see of a stored answer."""
        return value

    # -- expressions and form checks -----------------------------------------------------
    def value_type(self, item: Item) -> str | None:
        """The expression type of the item's value (None: it has none)."""
        return None

    def name_info(self, item: Item) -> T.NameInfo | None:
        """What expressions may know about this item at load time (None: not a name)."""
        vtype = self.value_type(item)
        if vtype is None:
            return None
        options = frozenset(o.value for o in self.choices(item)) if self.chosen else None
        return T.NameInfo(vtype, options)

    def numeric_range(self, item: Item) -> tuple[float, float] | None:
        """Lowest and highest number the item can hold, when its value is a number at all."""
        return None

    def expressions(self, item: Item) -> Iterator[tuple[str, str, str | None]]:
        """(key, source, wanted type or None) of each expression of this type's own keys;
        show_if, required and constraints are common to every type and not listed here."""
        return iter(())

    def check(self, item: Item, path: Path, report: Report) -> None:
        """Form-check rules of this type that the schema cannot express."""

    # -- words and demo data -------------------------------------------------------------
    def display(self, item: Item, value: JsonValue, texts: TextCatalog) -> str:
        """How a stored answer (or a calculated value) reads to a person."""
        if isinstance(value, int | float) and not isinstance(value, bool):
            return with_unit(value, item.unit, texts)
        return str(value)

    def demo_value(self, item: Item, rng: random.Random, when: dt.date) -> JsonValue:
        """A plausible answer for demo clinics (None: the type takes no answer)."""
        return None
