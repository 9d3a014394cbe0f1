"""No code compares question types by name: each type's behaviour lives in its handler
(crdesk/core/forms/questions) and its widgets in the GUI registries, so the rest of the
package asks ``item.handler`` (``.answerable``, ``.computed``, ``.normalise(...)``) instead.

The check reads the syntax tree of every module, so comments, docs and the schema's own
declarations (which name the types without comparing them) are not counted.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "crdesk"
# Names a type is often kept in before it is compared ("kind = item.type").
TYPE_VARIABLES = {"kind", "qtype", "item_type", "question_type", "score_type"}


def _schema_type_names() -> set[str]:
    schema = json.loads((PACKAGE.parent / "forms" / "form.schema.json").read_text("utf-8"))
    defs = schema["$defs"]
    items = {d["properties"]["type"]["const"] for n, d in defs.items() if n.startswith("item_")}
    return items | set(defs["score"]["properties"]["type"]["enum"])


TYPE_NAMES = _schema_type_names()


def _strings(node: ast.expr) -> list[str]:
    """String literals a comparison operand is made of: "x", ("x", "y"), {"x"}, ["x"]."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [s for elt in node.elts for s in _strings(elt)]
    return []


def _is_type_attribute(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "type"


def _is_type_member(node: ast.expr) -> bool:
    """QuestionType.SINGLE and the like: comparing with these is comparing type names too."""
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in {"QuestionType", "ScoreKind"}
    )


def type_comparisons(source: str) -> Iterator[tuple[int, str]]:
    """(line, snippet) of each comparison of a type with a name in ``source``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            typed = any(_is_type_attribute(o) for o in operands)
            literal = any(_strings(o) for o in operands)
            # kind == "space" (a token kind) is fine; kind == "yes_no" is a type by name.
            named = any(
                isinstance(o, ast.Name) and o.id in TYPE_VARIABLES for o in operands
            ) and any(name in TYPE_NAMES for o in operands for name in _strings(o))
            member = any(
                _is_type_member(o) or any(_is_type_member(e) for e in getattr(o, "elts", ()))
                for o in operands
            )
            if (typed and literal) or named or member:
                yield node.lineno, ast.unparse(node)
        elif isinstance(node, ast.Match) and _is_type_attribute(node.subject):
            for case in node.cases:
                if any(
                    isinstance(p, ast.MatchValue) and _strings(p.value)
                    for p in ast.walk(case.pattern)
                ):
                    yield case.pattern.lineno, ast.unparse(node.subject)


def test_no_module_compares_types_by_name() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {snippet}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, snippet in type_comparisons(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "ask the question type's handler instead:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        'if item.type == "single": pass',
        'ok = item.type in ("single", "yes_no")',
        'ok = "date" != self.item.type',
        'ok = score.type == "sum"',
        'kind = item.type\nif kind in {"text", "long_text"}: pass',
        "ok = item.type is QuestionType.INFO",
        "ok = item.type in (QuestionType.TEXT, QuestionType.LONG_TEXT)",
        'match item.type:\n    case "info":\n        pass',
    ],
)
def test_the_check_finds_comparisons_of_type_names(source: str) -> None:
    assert list(type_comparisons(source))


@pytest.mark.parametrize(
    "source",
    [
        "if item.handler.computed: pass",
        'ok = col.kind == "date"',  # an export column kind, not a question type
        'ok = kind != "space"',  # a token kind
        "ok = decl.type == T.DATE",  # a context value's expression type
        'TYPES = {"single": 1}',
    ],
)
def test_the_check_leaves_other_code_alone(source: str) -> None:
    assert not list(type_comparisons(source))
