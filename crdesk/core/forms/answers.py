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
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from crdesk.core.forms.model import YES_NO_VALUES, Item
from crdesk.core.forms.rounding import round_half_up
from crdesk.core.forms.units import QUANTITIES, UnitError, to_metric

JsonValue = str | int | float | bool | list[Any] | dict[str, Any] | None


class AnswerError(ValueError):
    """A value that cannot be an answer to this question; ``code`` names the plain message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def is_special(value: object) -> bool:
    return isinstance(value, dict) and set(value) == {"special"}


def is_empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _places(step: float | None) -> int:
    if step is None:
        return 0
    text = repr(float(step)).rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def _number(value: object) -> float:
    if isinstance(value, bool):
        raise AnswerError("not_a_number")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", ""))
        except ValueError:
            raise AnswerError("not_a_number") from None
    else:
        raise AnswerError("not_a_number")
    if not math.isfinite(number):
        raise AnswerError("not_a_number")
    return number


def parse_date(value: object) -> dt.date:
    """ISO dates, date objects, and dd/mm/yyyy as UK people write them."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.strptime(text, "%d/%m/%Y").date()
        except ValueError:
            pass
    raise AnswerError("not_a_date")


def _choice(item: Item, value: object) -> JsonValue:
    if item.type == "yes_no" and isinstance(value, bool):
        value = YES_NO_VALUES[0] if value else YES_NO_VALUES[1]
    if item.option(value) is None:
        raise AnswerError("not_an_option")
    return value  # type: ignore[return-value]


def _multiple(item: Item, value: object) -> JsonValue:
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
    return ordered


def _measurement(item: Item, value: object) -> JsonValue:
    quantity = QUANTITIES[item.quantity or "height"]
    entry: Mapping[str, object]
    if isinstance(value, Mapping) and "entered" in value:
        entered = value["entered"]
        entry = entered if isinstance(entered, Mapping) else {}
    elif isinstance(value, Mapping):
        entry = value
    else:
        entry = {"unit": quantity.metric, quantity.metric: _number(value)}
    allowed = item.units or quantity.entry_units
    if entry.get("unit") not in allowed:
        raise AnswerError("entry_unit", allowed=", ".join(allowed))
    try:
        metric = to_metric(item.quantity or "height", entry)
    except UnitError as exc:
        raise AnswerError(exc.code, **exc.params) from None
    return {"value": metric, "unit": quantity.metric, "entered": dict(entry)}


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
    kind = item.type
    if kind in ("single", "pictorial", "yes_no"):
        return _choice(item, value)
    if kind == "multiple":
        return _multiple(item, value) or None
    if kind == "integer":
        number = _number(value)
        if number != int(number):
            raise AnswerError("not_whole_number")
        return int(number)
    if kind == "decimal":
        return round_half_up(_number(value), _places(item.step))
    if kind == "date":
        return parse_date(value).isoformat()
    if kind in ("text", "long_text"):
        if not isinstance(value, str):
            raise AnswerError("not_text")
        return value.strip() or None
    if kind == "measurement":
        return _measurement(item, value)
    raise AnswerError("not_answerable")


def range_problems(item: Item, value: JsonValue) -> list[tuple[str, dict[str, object]]]:
    """Plausibility problems of a normalised answer as (message code, params)."""
    if value is None or is_special(value):
        return []
    found: list[tuple[str, dict[str, object]]] = []
    number = expression_value(item, value)
    if item.type in ("integer", "decimal", "measurement") and isinstance(number, int | float):
        unit = item.unit or (QUANTITIES[item.quantity].metric if item.quantity else "")
        low, high = item.min, item.max
        if isinstance(low, int | float) and number < low:
            found.append(("below_min", {"min": _show(low), "max": _show(high), "unit": unit}))
        if isinstance(high, int | float) and number > high:
            found.append(("above_max", {"min": _show(low), "max": _show(high), "unit": unit}))
        if item.step and item.type != "measurement":
            base = low if isinstance(low, int | float) else 0
            steps = (number - base) / item.step
            if abs(steps - round(steps)) > 1e-6:
                found.append(("step", {"step": _show(item.step)}))
    is_text = item.type in ("text", "long_text") and isinstance(value, str)
    if is_text and item.max_length and len(value) > item.max_length:  # type: ignore[arg-type]
        found.append(("too_long", {"max": item.max_length}))
    if item.type == "multiple" and isinstance(value, list):
        if item.min_selected and len(value) < item.min_selected:
            found.append(("too_few", {"min": item.min_selected}))
        if item.max_selected and len(value) > item.max_selected:
            found.append(("too_many", {"max": item.max_selected}))
    return found


def _show(number: object) -> str:
    if isinstance(number, float) and number.is_integer():
        return str(int(number))
    return str(number)


def expression_value(item: Item, value: JsonValue) -> object:
    """What an expression sees: metric numbers, date objects, None for unanswered or special."""
    if value is None or is_special(value):
        return None
    if item.type == "measurement" and isinstance(value, dict):
        return value.get("value")
    if item.type == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value
