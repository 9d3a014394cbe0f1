"""Evaluation of type-checked expressions with three-valued logic.

A question that is unanswered, hidden or answered "don't know" has no value (None). Any
arithmetic or comparison involving None gives None, ``and``/``or`` follow Kleene logic (as SQL
does), a show_if that ends as None hides the question and a constraint that ends as None passes:
so ``discharge_date >= treatment_date`` does not complain while the treatment date is missing.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Callable
from typing import Any

from crdesk.core.forms.expressions import Binary, Call, ListLit, Literal, Node, Ref, Unary
from crdesk.core.forms.rounding import round_half_up

Lookup = Callable[[str], object]
_ORDERINGS: dict[str, Callable[[Any, Any], Any]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def whole_years(start: dt.date, end: dt.date) -> int:
    """Completed years from start to end, as an age is counted."""
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def _compare(op: str, left: object, right: object) -> bool | None:
    if left is None or right is None:
        return None
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    ordering = _ORDERINGS[op]
    try:
        return bool(ordering(left, right))
    except TypeError:  # loaded forms are type-checked; this guards odd stored data
        return None


def _arith(op: str, left: object, right: object) -> object:
    if left is None or right is None:
        return None
    if isinstance(left, dt.date) and isinstance(right, int | float):
        try:
            days = dt.timedelta(days=int(right))
            return left + days if op == "+" else left - days
        except (OverflowError, ValueError):
            return None
    if not isinstance(left, int | float) or not isinstance(right, int | float):
        return None
    if op == "+":
        result = left + right
    elif op == "-":
        result = left - right
    elif op == "*":
        result = left * right
    elif right == 0:
        return None
    else:
        result = left / right
    # inf or nan from huge values would only poison later comparisons: treat as no value.
    return result if math.isfinite(result) else None


class Evaluator:
    """Evaluates expressions against a lookup of names (answers and context) and today's date."""

    def __init__(self, lookup: Lookup, today: dt.date) -> None:
        self.lookup = lookup
        self.today = today

    def __call__(self, node: Node) -> object:
        return self.eval(node)

    def eval(self, node: Node) -> object:
        if isinstance(node, Literal):
            return node.value
        if isinstance(node, Ref):
            return self.lookup(node.name)
        if isinstance(node, ListLit):
            return [self.eval(item) for item in node.items]
        if isinstance(node, Unary):
            value = self.eval(node.operand)
            if value is None:
                return None
            return (not value) if node.op == "not" else -value  # type: ignore[operator]
        if isinstance(node, Binary):
            return self._binary(node)
        if isinstance(node, Call):
            return self._call(node)
        raise TypeError(f"unknown node {node!r}")

    def _binary(self, node: Binary) -> object:
        if node.op == "and":
            left = self.eval(node.left)
            if left is False:
                return False
            right = self.eval(node.right)
            if right is False:
                return False
            return None if left is None or right is None else True
        if node.op == "or":
            left = self.eval(node.left)
            if left is True:
                return True
            right = self.eval(node.right)
            if right is True:
                return True
            return None if left is None or right is None else False
        left, right = self.eval(node.left), self.eval(node.right)
        if node.op == "in":
            return None if left is None else left in right  # type: ignore[operator]
        if node.op in ("==", "!=", "<", "<=", ">", ">="):
            return _compare(node.op, left, right)
        return _arith(node.op, left, right)

    def _call(self, node: Call) -> object:
        name = node.name
        if name == "answered":
            return self.eval(node.args[0]) is not None
        if name == "today":
            return self.today
        if name == "date":
            assert isinstance(node.args[0], Literal)
            return dt.date.fromisoformat(str(node.args[0].value))
        if name == "if":
            cond = self.eval(node.args[0])
            return self.eval(node.args[1] if cond is True else node.args[2])
        args = [self.eval(arg) for arg in node.args]
        if name == "count_selected":
            return len(args[0]) if isinstance(args[0], list) else 0
        if name == "selected":
            chosen = args[0]
            if chosen is None:
                return None
            return args[1] in chosen if isinstance(chosen, list) else chosen == args[1]
        if any(arg is None for arg in args):
            return None
        return self._pure(name, args)

    @staticmethod
    def _pure(name: str, args: list[object]) -> object:
        if name == "years_between":
            start, end = args
            if not isinstance(start, dt.date) or not isinstance(end, dt.date):
                return None
            return whole_years(start, end)
        if name == "days_between":
            start, end = args
            if not isinstance(start, dt.date) or not isinstance(end, dt.date):
                return None
            return (end - start).days
        numbers = [float(a) if isinstance(a, float) else a for a in args]
        if name == "abs":
            return abs(numbers[0])  # type: ignore[arg-type]
        if name == "round":
            places = int(numbers[1]) if len(numbers) > 1 else 0  # type: ignore[call-overload]
            rounded = round_half_up(float(numbers[0]), places)  # type: ignore[arg-type]
            return int(rounded) if places == 0 else rounded
        if name == "min":
            return min(numbers)  # type: ignore[type-var]
        if name == "max":
            return max(numbers)  # type: ignore[type-var]
        raise ValueError(f"unknown function {name}")


def is_constant(node: Node) -> bool:
    """True when the expression reads no answers, context or today's date."""
    if isinstance(node, Ref) or (isinstance(node, Call) and node.name == "today"):
        return False
    if isinstance(node, Binary):
        return is_constant(node.left) and is_constant(node.right)
    if isinstance(node, Unary):
        return is_constant(node.operand)
    if isinstance(node, Call):
        return all(is_constant(arg) for arg in node.args)
    if isinstance(node, ListLit):
        return all(is_constant(item) for item in node.items)
    return True
