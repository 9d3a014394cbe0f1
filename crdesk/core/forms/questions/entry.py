"""Typed answers: whole and decimal numbers, dates and text."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from crdesk.core.forms import expression_types as T
from crdesk.core.forms.answer_values import (
    AnswerError,
    JsonValue,
    parse_date,
    read_number,
    show_number,
    step_places,
)
from crdesk.core.forms.display import format_date
from crdesk.core.forms.questions.base import (
    BoundProblem,
    Evaluate,
    QuestionHandler,
    RangeProblem,
    Report,
)
from crdesk.core.forms.questions.kind import QuestionType
from crdesk.core.forms.rounding import round_half_up
from crdesk.core.forms.spec import Path
from crdesk.core.forms.textpacks import TextCatalog
from crdesk.core.forms.units import QUANTITIES

if TYPE_CHECKING:
    from crdesk.core.forms.questions.item_view import QuestionItem as Item


class Ranged(QuestionHandler):
    """A number with a plausible range (min and max) and perhaps a step: integer, decimal
    and measurement (whose range is metric)."""

    checks_step: ClassVar[bool] = True

    def range_problems(self, item: Item, value: JsonValue) -> list[RangeProblem]:
        found: list[RangeProblem] = []
        number = self.expression_value(item, value)
        if not isinstance(number, int | float):
            return found
        unit = item.unit or (QUANTITIES[item.quantity].metric if item.quantity else "")
        low, high = item.min, item.max
        shown = {"min": show_number(low), "max": show_number(high), "unit": unit}
        if isinstance(low, int | float) and number < low:
            found.append(("below_min", dict(shown)))
        if isinstance(high, int | float) and number > high:
            found.append(("above_max", dict(shown)))
        if item.step and self.checks_step:
            base = low if isinstance(low, int | float) else 0
            steps = (number - base) / item.step
            # A number near the float limit divides to infinity (round() would raise): it is
            # reported as above the maximum, the step says nothing more.
            if math.isfinite(steps) and abs(steps - round(steps)) > 1e-6:
                found.append(("step", {"step": show_number(item.step)}))
        return found

    def value_type(self, item: Item) -> str | None:
        return T.NUMBER

    def numeric_range(self, item: Item) -> tuple[float, float] | None:
        if isinstance(item.min, int | float):
            return float(item.min), float(item.max)  # type: ignore[arg-type]
        return None

    def check(self, item: Item, path: Path, report: Report) -> None:
        low, high = item.min, item.max
        if isinstance(low, int | float) and isinstance(high, int | float) and low >= high:
            report(
                (*path, "min"), f"min {low} is not below max {high}", "swap them or widen the range"
            )
        if item.step is not None and item.step <= 0:
            report((*path, "step"), "step must be above 0", "use e.g. 1 or 0.1")

    @staticmethod
    def demo_number(item: Item, rng: random.Random) -> float:
        """A value a fifth to two fifths of the way up the plausible range."""
        low = float(item.min) if isinstance(item.min, int | float) else 0.0
        high = float(item.max) if isinstance(item.max, int | float) else low + 10
        return round(low + (high - low) * rng.uniform(0.2, 0.4), 1)


class Integer(Ranged):
    type = QuestionType.INTEGER

    def normalise(self, item: Item, value: object) -> JsonValue:
        number = read_number(value)
        if number != int(number):
            raise AnswerError("not_whole_number")
        return int(number)

    def check(self, item: Item, path: Path, report: Report) -> None:
        super().check(item, path, report)
        if isinstance(item.min, float) or isinstance(item.max, float):
            report(
                (*path, "min"),
                "a whole-number question has a decimal bound",
                "use whole numbers or type: decimal",
            )

    def demo_value(self, item: Item, rng: random.Random, when: dt.date) -> JsonValue:
        return int(self.demo_number(item, rng))


class Decimal(Ranged):
    """Rounded half up to the decimal places of ``step``."""

    type = QuestionType.DECIMAL

    def normalise(self, item: Item, value: object) -> JsonValue:
        return round_half_up(read_number(value), step_places(item.step))

    def demo_value(self, item: Item, rng: random.Random, when: dt.date) -> JsonValue:
        return self.demo_number(item, rng)


class Date(QuestionHandler):
    """Stored as ISO text; ``min`` and ``max`` may be expressions (patient.date_of_birth)."""

    type = QuestionType.DATE
    _BOUNDS = (("min", "date_too_early"), ("max", "date_too_late"))

    def normalise(self, item: Item, value: object) -> JsonValue:
        return parse_date(value).isoformat()

    def expression_value(self, item: Item, value: JsonValue) -> object:
        if not isinstance(value, str):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None

    def bound_problems(
        self, item: Item, value: JsonValue, evaluate: Evaluate, texts: TextCatalog
    ) -> list[BoundProblem]:
        day = parse_date(value)
        found: list[BoundProblem] = []
        for bound, code in self._BOUNDS:
            source = getattr(item, bound)
            message = getattr(item, f"{bound}_message")
            limit = evaluate(source) if isinstance(source, str) else None
            if isinstance(limit, dt.date) and (day < limit if bound == "min" else day > limit):
                found.append((code, {"date": format_date(limit, texts)}, message))
        return found

    def value_type(self, item: Item) -> str | None:
        return T.DATE

    def expressions(self, item: Item) -> Iterator[tuple[str, str, str | None]]:
        for bound, _code in self._BOUNDS:
            value = getattr(item, bound)
            if isinstance(value, str):
                yield bound, value, T.DATE

    def display(self, item: Item, value: JsonValue, texts: TextCatalog) -> str:
        if isinstance(value, str):
            return format_date(dt.date.fromisoformat(value), texts)
        return super().display(item, value, texts)

    def demo_value(self, item: Item, rng: random.Random, when: dt.date) -> JsonValue:
        return (when - dt.timedelta(days=rng.randint(7, 40))).isoformat()


class _Text(QuestionHandler):
    """The text as typed, trimmed; at most ``max_length`` characters."""

    def normalise(self, item: Item, value: object) -> JsonValue:
        if not isinstance(value, str):
            raise AnswerError("not_text")
        return value.strip() or None

    def range_problems(self, item: Item, value: JsonValue) -> list[RangeProblem]:
        if isinstance(value, str) and item.max_length and len(value) > item.max_length:
            return [("too_long", {"max": item.max_length})]
        return []

    def value_type(self, item: Item) -> str | None:
        return T.STRING

    def demo_value(self, item: Item, rng: random.Random, when: dt.date) -> JsonValue:
        return "Demo answer"


class Text(_Text):
    type = QuestionType.TEXT


class LongText(_Text):
    type = QuestionType.LONG_TEXT
