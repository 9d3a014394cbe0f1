"""Answers as words for the review screen and reports: "5 ft 8 in (172.7 cm)", "14 March 2024".

These are the pieces; each question type puts its answer into words with them
(``QuestionHandler.display``) and ``answers.answer_text`` is the way in.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from crdesk.core.forms.answer_values import JsonValue
from crdesk.core.forms.textpacks import TextCatalog

if TYPE_CHECKING:
    from crdesk.core.forms.options import Option


def format_date(value: dt.date, texts: TextCatalog) -> str:
    """UK long form, with month names from the text pack so they can be translated."""
    return texts.text(
        "engine.date.long",
        day=value.day,
        month=texts.text(f"engine.month.{value.month}"),
        year=value.year,
    )


def number_text(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,}".rstrip("0").rstrip(".")


def with_unit(value: float | int, unit: str | None, texts: TextCatalog) -> str:
    if not unit:
        return number_text(value)
    return texts.text(
        "engine.with_unit", value=number_text(value), unit=texts.text(f"engine.unit.{unit}")
    )


def entry_text(entry: dict[str, object], texts: TextCatalog) -> str:
    """A measurement as it was typed: "5 ft 8 in"."""
    unit = str(entry.get("unit"))
    params = {
        k: number_text(v)
        for k, v in entry.items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    }
    return texts.text(f"engine.measure.{unit}", **params)


def options_text(options: tuple[Option, ...], value: JsonValue, texts: TextCatalog) -> str:
    chosen = value if isinstance(value, list) else [value]
    words = []
    for entry in chosen:
        option = next(
            (o for o in options if o.value == entry and type(o.value) is type(entry)), None
        )
        words.append(texts.text(option.text) if option else str(entry))
    return texts.text("engine.list_separator").join(words)
