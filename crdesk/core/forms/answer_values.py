"""The building blocks of answers, shared by every question type: JSON values, the error a
value that cannot be an answer raises, special answers, and reading numbers and dates."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

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


def step_places(step: float | None) -> int:
    """Decimal places of a step: 0.1 -> 1, 0.25 -> 2, 1 -> 0."""
    if step is None:
        return 0
    text = repr(float(step)).rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def read_number(value: object) -> float:
    """A finite number from a number or typed text ("1,250"); AnswerError otherwise."""
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


def show_number(number: object) -> str:
    """A bound or step as a message shows it: 25 rather than 25.0."""
    if isinstance(number, float) and number.is_integer():
        return str(int(number))
    return str(number)
