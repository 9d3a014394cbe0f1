"""Load-time type checking of expressions, so a form with ``age > "ten"`` never reaches a patient.

Every name has a type (number, string, bool, date or list) and, for choice questions, the set
of option values; comparing a choice question with a value that is not one of its options is
an error, which catches typos such as ``smoking == "yse"``.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from crdesk.core.forms.expressions import Binary, Call, ListLit, Literal, Node, Ref, Unary

NUMBER = "number"
STRING = "string"
BOOL = "bool"
DATE = "date"
LIST = "list"  # the selected values of a multiple-choice question

# Functions with a fixed signature: name -> (argument types, result type).
SIGNATURES: dict[str, tuple[tuple[str, ...], str]] = {
    "today": ((), DATE),
    "years_between": ((DATE, DATE), NUMBER),
    "days_between": ((DATE, DATE), NUMBER),
    "abs": ((NUMBER,), NUMBER),
}
# Functions whose arguments need special rules; checked by hand below.
SPECIAL_FUNCTIONS = ("answered", "selected", "count_selected", "date", "round", "min", "max", "if")
FUNCTION_NAMES = tuple(sorted({*SIGNATURES, *SPECIAL_FUNCTIONS}))


@dataclass(frozen=True)
class NameInfo:
    """What an expression may know about a question or a context value."""

    type: str
    options: frozenset[object] | None = None  # option values, for choice questions
    is_question: bool = True


@dataclass(frozen=True)
class TypeProblem:
    message: str
    pos: int
    fix: str


def _literal_type(value: object) -> str:
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, int | float):
        return NUMBER
    return STRING


def _suggest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f"did you mean {close[0]!r}?" if close else "check the spelling against the question ids"


class _Checker:
    def __init__(self, names: Mapping[str, NameInfo]) -> None:
        self.names = names
        self.problems: list[TypeProblem] = []

    def fail(self, message: str, pos: int, fix: str) -> None:
        self.problems.append(TypeProblem(message, pos, fix))

    def check(self, node: Node) -> str | None:
        """The type of ``node``, or None when it is already wrong (reported once)."""
        if isinstance(node, Literal):
            return _literal_type(node.value)
        if isinstance(node, Ref):
            info = self.names.get(node.name)
            if info is None:
                self.fail(
                    f"unknown name {node.name!r}", node.pos, _suggest(node.name, list(self.names))
                )
                return None
            return info.type
        if isinstance(node, ListLit):
            types = {self.check(item) for item in node.items}
            if len(types) > 1:
                self.fail(
                    "a list must hold values of one type",
                    node.pos,
                    "make all items text or all numbers",
                )
            return LIST
        if isinstance(node, Unary):
            return self._unary(node)
        if isinstance(node, Binary):
            return self._binary(node)
        if isinstance(node, Call):
            return self._call(node)
        raise TypeError(f"unknown node {node!r}")

    def expect(self, node: Node, wanted: str, what: str) -> None:
        got = self.check(node)
        if got is not None and got != wanted:
            self.fail(
                f"{what} must be {wanted} but is {got}", node.pos, f"give a {wanted} value here"
            )

    def _unary(self, node: Unary) -> str | None:
        if node.op == "not":
            self.expect(node.operand, BOOL, "the value after 'not'")
            return BOOL
        self.expect(node.operand, NUMBER, "the value after '-'")
        return NUMBER

    def _check_option(self, ref: Node, literal: Node) -> None:
        if not (isinstance(ref, Ref) and isinstance(literal, Literal)):
            return
        info = self.names.get(ref.name)
        if info is None or info.options is None or literal.value in info.options:
            return
        shown = ", ".join(repr(v) for v in sorted(info.options, key=str))
        self.fail(
            f"{literal.value!r} is not an option of {ref.name!r}",
            literal.pos,
            f"use one of {shown}",
        )

    def _binary(self, node: Binary) -> str | None:
        if node.op in ("and", "or"):
            self.expect(node.left, BOOL, f"the left side of '{node.op}'")
            self.expect(node.right, BOOL, f"the right side of '{node.op}'")
            return BOOL
        if node.op == "in":
            return self._in(node)
        left, right = self.check(node.left), self.check(node.right)
        if node.op in ("==", "!=", "<", "<=", ">", ">="):
            self._check_option(node.left, node.right)
            self._check_option(node.right, node.left)
            if left is not None and right is not None and left != right:
                self.fail(
                    f"cannot compare {left} with {right}",
                    node.pos,
                    "compare values of the same kind (numbers with numbers, dates with dates)",
                )
            if node.op not in ("==", "!=") and BOOL in (left, right):
                self.fail("yes/no values cannot be ordered", node.pos, "use == or !=")
            return BOOL
        # Arithmetic: numbers, plus date +/- number of days.
        if node.op in ("+", "-") and left == DATE and right == NUMBER:
            return DATE
        for side, typ in (("left", left), ("right", right)):
            if typ is not None and typ != NUMBER:
                self.fail(
                    f"the {side} side of '{node.op}' must be a number but is {typ}",
                    node.pos,
                    "use days_between() or years_between() for dates",
                )
        return NUMBER

    def _in(self, node: Binary) -> str:
        left = self.check(node.left)
        assert isinstance(node.right, ListLit)
        for item in node.right.items:
            self._check_option(node.left, item)
            item_type = self.check(item)
            if left is not None and item_type is not None and item_type != left:
                self.fail(
                    f"cannot look for a {left} among {item_type} values",
                    item.pos,
                    "use values of one kind",
                )
        return BOOL

    def _question_ref(self, node: Call, index: int) -> NameInfo | None:
        arg = node.args[index] if len(node.args) > index else None
        if (
            not isinstance(arg, Ref)
            or not (info := self.names.get(arg.name))
            or not info.is_question
        ):
            if isinstance(arg, Ref) and arg.name not in self.names:
                self.check(arg)
            else:
                self.fail(
                    f"{node.name}() needs a question id",
                    node.pos,
                    f"write {node.name}(question_id)",
                )
            return None
        return info

    def _arity(self, node: Call, low: int, high: int) -> bool:
        if low <= len(node.args) <= high:
            return True
        want = str(low) if low == high else f"{low} to {high}"
        self.fail(
            f"{node.name}() takes {want} values, not {len(node.args)}",
            node.pos,
            "fix the argument list",
        )
        return False

    def _call(self, node: Call) -> str | None:
        name = node.name
        if name in SIGNATURES:
            params, result = SIGNATURES[name]
            if self._arity(node, len(params), len(params)):
                for arg, want in zip(node.args, params, strict=True):
                    self.expect(arg, want, f"an argument of {name}()")
            return result
        if name == "answered":
            if self._arity(node, 1, 1):
                self._question_ref(node, 0)
            return BOOL
        if name in ("selected", "count_selected"):
            return self._selection(node)
        if name == "date":
            return self._date(node)
        if name == "round":
            if self._arity(node, 1, 2):
                for arg in node.args:
                    self.expect(arg, NUMBER, "an argument of round()")
            return NUMBER
        if name in ("min", "max"):
            if self._arity(node, 2, 10):
                for arg in node.args:
                    self.expect(arg, NUMBER, f"an argument of {name}()")
            return NUMBER
        if name == "if":
            return self._if(node)
        self.fail(f"unknown function {name!r}", node.pos, _suggest(name, list(FUNCTION_NAMES)))
        return None

    def _selection(self, node: Call) -> str:
        result = NUMBER if node.name == "count_selected" else BOOL
        arity = 1 if node.name == "count_selected" else 2
        if not self._arity(node, arity, arity):
            return result
        info = self._question_ref(node, 0)
        if (
            info is not None
            and info.type != LIST
            and not (info.options and node.name == "selected")
        ):
            self.fail(
                f"{node.name}() needs a choice question",
                node.pos,
                "use a multiple-choice question id",
            )
        if node.name == "selected":
            self.check(node.args[1])
            self._check_option(node.args[0], node.args[1])
        return result

    def _date(self, node: Call) -> str:
        arg = node.args[0] if len(node.args) == 1 else None
        if not isinstance(arg, Literal) or not isinstance(arg.value, str):
            self.fail("date() needs one quoted date", node.pos, 'write date("2024-03-31")')
            return DATE
        try:
            dt.date.fromisoformat(arg.value)
        except ValueError:
            self.fail(f"{arg.value!r} is not a date", arg.pos, 'write the date as "YYYY-MM-DD"')
        return DATE

    def _if(self, node: Call) -> str | None:
        if not self._arity(node, 3, 3):
            return None
        self.expect(node.args[0], BOOL, "the condition of if()")
        then, other = self.check(node.args[1]), self.check(node.args[2])
        if then is not None and other is not None and then != other:
            self.fail(
                "both results of if() must be of one type",
                node.pos,
                "make both numbers, both text, ...",
            )
        return then


def infer(node: Node, names: Mapping[str, NameInfo]) -> tuple[str | None, list[TypeProblem]]:
    """The type of an expression and every problem found in it."""
    checker = _Checker(names)
    result = checker.check(node)
    return (None if checker.problems else result), checker.problems
