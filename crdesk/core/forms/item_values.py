"""What kind of value each question holds, as expressions and scores see it."""

from __future__ import annotations

from crdesk.core.forms import expression_types as T
from crdesk.core.forms.model import Item


def value_type(item: Item) -> str | None:
    """The expression type of an answerable item's value (None for info items)."""
    if item.type in ("single", "pictorial"):
        kinds = {type(o.value) for o in item.options}
        return T.NUMBER if kinds == {int} else T.STRING
    if item.type == "multiple":
        return T.LIST
    if item.type == "yes_no" or item.type in ("text", "long_text"):
        return T.STRING
    if item.type in ("integer", "decimal", "measurement"):
        return T.NUMBER
    if item.type == "date":
        return T.DATE
    return None


def numeric_range(item: Item) -> tuple[float, float] | None:
    """Lowest and highest numeric value an item can hold, when it is a number at all."""
    if (
        item.type in ("single", "pictorial")
        and item.options
        and all(isinstance(o.value, int) and not isinstance(o.value, bool) for o in item.options)
    ):
        values = [float(o.value) for o in item.options]
        return min(values), max(values)
    if item.type in ("integer", "decimal", "measurement") and isinstance(item.min, int | float):
        return float(item.min), float(item.max)  # type: ignore[arg-type]
    return None
