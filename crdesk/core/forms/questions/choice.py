"""Choice questions: one option (single, pictorial, yes_no) or several (multiple)."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING, ClassVar

from crdesk.core.forms import expression_types as T
from crdesk.core.forms.answer_values import AnswerError, JsonValue
from crdesk.core.forms.display import options_text
from crdesk.core.forms.options import Option
from crdesk.core.forms.questions.base import QuestionHandler, RangeProblem, Report
from crdesk.core.forms.questions.kind import QuestionType
from crdesk.core.forms.spec import Path
from crdesk.core.forms.textpacks import TextCatalog

if TYPE_CHECKING:
    from crdesk.core.forms.questions.item_view import QuestionItem as Item

YES_NO_VALUES = ("yes", "no")
# yes/no questions take their options from the engine text pack.
YES_NO_OPTIONS = tuple(Option(v, f"engine.answer.{v}") for v in YES_NO_VALUES)


class _Chosen(QuestionHandler):
    """Answers are option values, shown as the options' words."""

    chosen = True

    def display(self, item: Item, value: JsonValue, texts: TextCatalog) -> str:
        return options_text(self.choices(item), value, texts)


class _OneOption(_Chosen):
    def normalise(self, item: Item, value: object) -> JsonValue:
        if item.option(value) is None:
            raise AnswerError("not_an_option")
        return value  # type: ignore[return-value]

    def demo_value(self, item: Item, rng: random.Random, when: dt.date) -> JsonValue:
        return rng.choice(self.choices(item)).value


class _ListedOption(_OneOption):
    """One of the options the form lists; whole-number values are scores."""

    has_options = True
    needs_images: ClassVar[bool] = False

    def value_type(self, item: Item) -> str | None:
        kinds = {type(o.value) for o in item.options}
        return T.NUMBER if kinds == {int} else T.STRING

    def numeric_range(self, item: Item) -> tuple[float, float] | None:
        if item.options and all(
            isinstance(o.value, int) and not isinstance(o.value, bool) for o in item.options
        ):
            values = [float(o.value) for o in item.options]
            return min(values), max(values)
        return None

    def check(self, item: Item, path: Path, report: Report) -> None:
        check_options(item, path, report, images=self.needs_images, exclusive=False)


class Single(_ListedOption):
    type = QuestionType.SINGLE


class Pictorial(_ListedOption):
    """A row of pictures (Dartmouth COOP charts); every option needs an image."""

    type = QuestionType.PICTORIAL
    needs_images = True


class YesNo(_OneOption):
    type = QuestionType.YES_NO

    def choices(self, item: Item) -> tuple[Option, ...]:
        return YES_NO_OPTIONS

    def normalise(self, item: Item, value: object) -> JsonValue:
        if isinstance(value, bool):
            value = YES_NO_VALUES[0] if value else YES_NO_VALUES[1]
        return super().normalise(item, value)

    def value_type(self, item: Item) -> str | None:
        return T.STRING


class Multiple(_Chosen):
    """Tick all that apply; stored in the form's option order. An exclusive option
    ("none of these") cannot go with others."""

    type = QuestionType.MULTIPLE
    has_options = True

    def normalise(self, item: Item, value: object) -> JsonValue:
        if not isinstance(value, list | tuple | set | frozenset):
            raise AnswerError("not_an_option")
        chosen = []
        for entry in value:
            if item.option(entry) is None:
                raise AnswerError("not_an_option")
            chosen.append(entry)
        ordered = [o.value for o in item.options if o.value in chosen]
        exclusive = [o for o in item.options if o.exclusive and o.value in ordered]
        if exclusive and len(ordered) > 1:
            raise AnswerError("exclusive_with_others", option=exclusive[0].text)
        return ordered or None

    def range_problems(self, item: Item, value: JsonValue) -> list[RangeProblem]:
        found: list[RangeProblem] = []
        if isinstance(value, list):
            if item.min_selected and len(value) < item.min_selected:
                found.append(("too_few", {"min": item.min_selected}))
            if item.max_selected and len(value) > item.max_selected:
                found.append(("too_many", {"max": item.max_selected}))
        return found

    def value_type(self, item: Item) -> str | None:
        return T.LIST

    def check(self, item: Item, path: Path, report: Report) -> None:
        check_options(item, path, report, images=False, exclusive=True)
        count = len(item.options)
        low, high = item.min_selected, item.max_selected
        if high is not None and high > count:
            report(
                (*path, "max_selected"),
                f"max_selected {high} is more than the {count} options",
                f"use {count} or fewer",
            )
        if low is not None and high is not None and low > high:
            report((*path, "min_selected"), "min_selected is above max_selected", "swap them")

    def demo_value(self, item: Item, rng: random.Random, when: dt.date) -> JsonValue:
        plain = [o.value for o in item.options if not o.exclusive]
        return rng.sample(plain, k=min(len(plain), rng.randint(1, 2)))


def check_options(item: Item, path: Path, report: Report, *, images: bool, exclusive: bool) -> None:
    """Options listed in a form: one kind of value, no value twice, pictures where needed,
    and ``exclusive`` only where several may be chosen."""
    seen: set[object] = set()
    kinds = {type(o.value) for o in item.options}
    if len(kinds) > 1:
        report(
            (*path, "options"),
            "options mix text and number values",
            "make every value a number or text",
        )
    for o, option in enumerate(item.options):
        opath = (*path, "options", o)
        if option.value in seen:
            report(
                (*opath, "value"),
                f"option value {option.value!r} is used twice",
                "give each option its own value",
            )
        seen.add(option.value)
        if images and option.image is None:
            report(opath, "a pictorial option has no image", "add image: <namespace>.<key>")
        if option.exclusive and not exclusive:
            report(
                (*opath, "exclusive"),
                "exclusive only makes sense in a multiple choice",
                "remove it",
            )
