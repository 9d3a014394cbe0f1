"""Answers as words for the review screen and reports: "5 ft 8 in (172.7 cm)", "14 March 2024"."""

from __future__ import annotations

import datetime as dt

from crdesk.core.forms.answers import JsonValue, is_special
from crdesk.core.forms.model import Item, Option
from crdesk.core.forms.textpacks import TextCatalog


def format_date(value: dt.date, texts: TextCatalog) -> str:
    """UK long form, with month names from the text pack so they can be translated."""
    return texts.text(
        "engine.date.long",
        day=value.day,
        month=texts.text(f"engine.month.{value.month}"),
        year=value.year,
    )


def _number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,}".rstrip("0").rstrip(".")


def with_unit(value: float | int, unit: str | None, texts: TextCatalog) -> str:
    if not unit:
        return _number(value)
    return texts.text(
        "engine.with_unit", value=_number(value), unit=texts.text(f"engine.unit.{unit}")
    )


def _entry(entry: dict[str, object], texts: TextCatalog) -> str:
    unit = str(entry.get("unit"))
    params = {
        k: _number(v)
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


def answer_text(item: Item, value: JsonValue, texts: TextCatalog) -> str:
    """How a stored answer reads to a person."""
    if value is None:
        return texts.text("engine.summary.not_answered")
    if isinstance(value, dict) and is_special(value):
        return texts.text(f"engine.answer.{value['special']}")
    if item.type in ("single", "multiple", "pictorial", "yes_no"):
        return options_text(item.choices, value, texts)
    if item.type == "date" and isinstance(value, str):
        return format_date(dt.date.fromisoformat(value), texts)
    if item.type == "measurement" and isinstance(value, dict):
        metric = texts.text(
            f"engine.measure.{value['unit']}", **{str(value["unit"]): _number(value["value"])}
        )
        entered = value.get("entered")
        if isinstance(entered, dict) and entered.get("unit") != value["unit"]:
            return texts.text("engine.measure.both", entered=_entry(entered, texts), metric=metric)
        return metric
    if isinstance(value, int | float) and not isinstance(value, bool):
        return with_unit(value, item.unit, texts)
    return str(value)
