"""The small expression language used by show_if, required, constraints, bounds and calculations.

Expressions are parsed by a tokenizer and a recursive-descent parser into a tiny AST, never
passed to ``eval``: form files come from outside the code and must not be able to run code.

Grammar (lowest precedence first)::

    expr       := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := additive (("==" | "!=" | "<" | "<=" | ">" | ">=") additive
                           | "in" list)?
    additive   := term (("+" | "-") term)*
    term       := unary (("*" | "/") unary)*
    unary      := "-" unary | primary
    primary    := NUMBER | STRING | "true" | "false" | list | NAME | NAME "(" args ")"
                | "(" expr ")"
    list       := "[" (expr ("," expr)*)? "]"

Names are question ids (``smoking_status``) or context values with dots
(``patient.date_of_birth``). Type checking and evaluation live in ``expression_types`` and
``expression_eval`` so this module stays about syntax only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KEYWORDS = frozenset({"and", "or", "not", "in", "true", "false"})
COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})

_TOKEN_RE = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)
  | (?P<op>==|!=|<=|>=|<|>|\+|-|\*|/|\(|\)|,|\[|\])
    """,
    re.VERBOSE,
)


class ExpressionSyntaxError(ValueError):
    """An expression that cannot be parsed; ``pos`` is the 0-based column of the problem."""

    def __init__(self, message: str, pos: int, fix: str) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.fix = fix


@dataclass(frozen=True)
class Token:
    kind: str  # number, string, name, op, keyword, end
    text: str
    pos: int


@dataclass(frozen=True)
class Node:
    pos: int


@dataclass(frozen=True)
class Literal(Node):
    value: object  # int | float | str | bool


@dataclass(frozen=True)
class Ref(Node):
    name: str


@dataclass(frozen=True)
class ListLit(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Call(Node):
    name: str
    args: tuple[Node, ...]


@dataclass(frozen=True)
class Unary(Node):
    op: str  # "not" or "-"
    operand: Node


@dataclass(frozen=True)
class Binary(Node):
    op: str
    left: Node
    right: Node


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(source):
        match = _TOKEN_RE.match(source, pos)
        if match is None:
            char = source[pos]
            fix = "use == for equality" if char == "=" else "remove or quote this character"
            if char in "&|!":
                fix = "write and / or / not in words"
            raise ExpressionSyntaxError(f"unexpected character {char!r}", pos, fix)
        kind = match.lastgroup or ""
        text = match.group()
        if kind != "space":
            if kind == "name" and text in KEYWORDS:
                kind = "keyword"
            tokens.append(Token(kind, text, pos))
        pos = match.end()
    tokens.append(Token("end", "", len(source)))
    return tokens


def _unquote(text: str) -> str:
    body = text[1:-1]
    return re.sub(r"\\(.)", r"\1", body)


# Limits far above any real condition (the longest shipped one is ~80 characters, 3 deep),
# so that a hostile form file gets a message instead of a RecursionError or a number
# that takes seconds to convert.
MAX_SOURCE_CHARS = 2000
MAX_DEPTH = 30
MAX_NUMBER_CHARS = 30


class _Parser:
    def __init__(self, source: str) -> None:
        if len(source) > MAX_SOURCE_CHARS:
            raise ExpressionSyntaxError(
                f"the expression is longer than {MAX_SOURCE_CHARS} characters", 0,
                "split it into calculated items")
        self.tokens = tokenize(source)
        self.index = 0
        self.depth = 0

    def _enter(self, pos: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionSyntaxError(
                f"the expression nests more than {MAX_DEPTH} levels deep", pos,
                "split it into calculated items")

    @property
    def tok(self) -> Token:
        return self.tokens[self.index]

    def _take(self) -> Token:
        tok = self.tokens[self.index]
        self.index += 1
        return tok

    def _accept(self, kind: str, text: str | None = None) -> Token | None:
        tok = self.tok
        if tok.kind == kind and (text is None or tok.text == text):
            self.index += 1
            return tok
        return None

    def _expect(self, kind: str, text: str, fix: str) -> Token:
        tok = self._accept(kind, text)
        if tok is None:
            found = self.tok.text or "the end"
            raise ExpressionSyntaxError(f"expected {text!r} but found {found!r}", self.tok.pos, fix)
        return tok

    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise ExpressionSyntaxError(
                "the expression is empty", 0, "write a condition or remove the key"
            )
        node = self._or()
        if self.tok.kind != "end":
            raise ExpressionSyntaxError(
                f"unexpected {self.tok.text!r} after a complete expression",
                self.tok.pos,
                "join conditions with and / or, or remove the extra text",
            )
        return node

    def _or(self) -> Node:
        node = self._and()
        while (tok := self._accept("keyword", "or")) is not None:
            node = Binary(tok.pos, "or", node, self._and())
        return node

    def _and(self) -> Node:
        node = self._not()
        while (tok := self._accept("keyword", "and")) is not None:
            node = Binary(tok.pos, "and", node, self._not())
        return node

    def _not(self) -> Node:
        tok = self._accept("keyword", "not")
        if tok is not None:
            self._enter(tok.pos)
            node: Node = Unary(tok.pos, "not", self._not())
            self.depth -= 1
            return node
        return self._comparison()

    def _comparison(self) -> Node:
        node = self._additive()
        tok = self.tok
        if tok.kind == "op" and tok.text in COMPARISONS:
            self._take()
            node = Binary(tok.pos, tok.text, node, self._additive())
            nxt = self.tok
            if nxt.kind == "op" and nxt.text in COMPARISONS:
                raise ExpressionSyntaxError(
                    "comparisons cannot be chained", nxt.pos, "write a < b and b < c"
                )
        elif self._accept("keyword", "in") is not None:
            if self.tok.text != "[":
                raise ExpressionSyntaxError(
                    "'in' needs a list", self.tok.pos, 'write x in ["a", "b"]'
                )
            node = Binary(tok.pos, "in", node, self._primary())
        return node

    def _additive(self) -> Node:
        node = self._term()
        while self.tok.kind == "op" and self.tok.text in ("+", "-"):
            tok = self._take()
            node = Binary(tok.pos, tok.text, node, self._term())
        return node

    def _term(self) -> Node:
        node = self._unary()
        while self.tok.kind == "op" and self.tok.text in ("*", "/"):
            tok = self._take()
            node = Binary(tok.pos, tok.text, node, self._unary())
        return node

    def _unary(self) -> Node:
        tok = self._accept("op", "-")
        if tok is not None:
            self._enter(tok.pos)
            node: Node = Unary(tok.pos, "-", self._unary())
            self.depth -= 1
            return node
        return self._primary()

    def _primary(self) -> Node:
        tok = self._take()
        if tok.kind == "number":
            if len(tok.text) > MAX_NUMBER_CHARS:
                raise ExpressionSyntaxError(
                    f"a number longer than {MAX_NUMBER_CHARS} digits", tok.pos,
                    "use a number of ordinary size")
            value: object = float(tok.text) if "." in tok.text else int(tok.text)
            return Literal(tok.pos, value)
        if tok.kind == "string":
            return Literal(tok.pos, _unquote(tok.text))
        if tok.kind == "keyword" and tok.text in ("true", "false"):
            return Literal(tok.pos, tok.text == "true")
        if tok.kind == "name":
            if self._accept("op", "(") is not None:
                self._enter(tok.pos)
                call = Call(tok.pos, tok.text, self._args(")"))
                self.depth -= 1
                return call
            return Ref(tok.pos, tok.text)
        if tok.kind == "op" and tok.text == "(":
            self._enter(tok.pos)
            node = self._or()
            self._expect("op", ")", "close the bracket")
            self.depth -= 1
            return node
        if tok.kind == "op" and tok.text == "[":
            self._enter(tok.pos)
            items = ListLit(tok.pos, self._args("]"))
            self.depth -= 1
            return items
        found = tok.text or "the end of the expression"
        raise ExpressionSyntaxError(
            f"expected a value but found {found!r}",
            tok.pos,
            "put a question id, number, quoted text or bracket here",
        )

    def _args(self, closing: str) -> tuple[Node, ...]:
        args: list[Node] = []
        if self._accept("op", closing) is not None:
            return ()
        while True:
            args.append(self._or())
            if self._accept("op", closing) is not None:
                return tuple(args)
            self._expect("op", ",", f"separate values with commas and close with {closing!r}")


def parse(source: str) -> Node:
    """Parse one expression, raising ExpressionSyntaxError with a column and a fix."""
    return _Parser(source).parse()


def references(node: Node) -> set[str]:
    """Every name the expression reads (question ids and context names)."""
    if isinstance(node, Ref):
        return {node.name}
    found: set[str] = set()
    for child in children(node):
        found |= references(child)
    return found


def children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, Binary):
        return (node.left, node.right)
    if isinstance(node, Unary):
        return (node.operand,)
    if isinstance(node, Call | ListLit):
        return node.args if isinstance(node, Call) else node.items
    return ()
