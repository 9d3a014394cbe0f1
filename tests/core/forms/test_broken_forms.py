"""`forms check` finds each kind of mistake and says where it is and how to fix it."""

from __future__ import annotations

import argparse
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crdesk.cli.forms import run_check
from crdesk.core.forms.loader import check_paths

Mutation = Callable[[dict[str, Any]], Any]


def _items(form: dict[str, Any], page: int = 0) -> list[dict[str, Any]]:
    return form["pages"][page]["items"]


def _typo_key(form: dict[str, Any]) -> None:
    item = _items(form)[1]
    item["show-if"] = item.pop("show_if")


def _yes_unquoted(form: dict[str, Any]) -> None:
    _items(form, 1)[0]["options"][0]["value"] = True  # what YAML makes of a bare `yes`


def _duplicate_id(form: dict[str, Any]) -> None:
    _items(form, 1)[0]["id"] = "smoker"


def _forward_reference(form: dict[str, Any]) -> None:
    _items(form)[0]["show_if"] = 'colour == "red"'


def _cycle(form: dict[str, Any]) -> None:
    form["pages"].append(
        {
            "id": "p3",
            "title": "t.p3",
            "items": [
                {"id": "a", "type": "calculated", "label": "t.a", "expr": "b + 1"},
                {"id": "b", "type": "calculated", "label": "t.b", "expr": "a + 1"},
            ],
        }
    )


def _unreachable(form: dict[str, Any]) -> None:
    form["pages"][1]["show_if"] = "1 == 2"


def _bad_range(form: dict[str, Any]) -> None:
    _items(form)[1].update(min=100, max=0)


def _duplicate_option(form: dict[str, Any]) -> None:
    _items(form, 1)[0]["options"][1]["value"] = "red"


def _score_on_text(form: dict[str, Any]) -> None:
    form["scores"][0]["items"] = ["colour"]


def _bands_down(form: dict[str, Any]) -> None:
    form["scores"][0]["bands"][1]["min"] = -5


def _wrong_unit(form: dict[str, Any]) -> None:
    _items(form, 1).append(
        {
            "id": "height",
            "type": "measurement",
            "label": "t.height",
            "quantity": "height",
            "units": ["kg"],
            "min": 100,
            "max": 230,
        }
    )


def _rename_to_nowhere(form: dict[str, Any]) -> None:
    form["history"] = {"renamed": [{"from": "old_smoker", "to": "smokes", "version": 1}]}


def _retired_but_used(form: dict[str, Any]) -> None:
    form["history"] = {"retired": [{"id": "colour", "version": 1, "label": "t.colour"}]}


def _date_bound_type(form: dict[str, Any]) -> None:
    _items(form, 1)[1]["min"] = "per_day"


def _unknown_option_set(form: dict[str, Any]) -> None:
    _items(form, 1)[0]["options"] = "colours"


def _no_en_gb(form: dict[str, Any]) -> None:
    form["locales"] = ["cy"]


# (name, mutation, words the reason must contain, words of the place, words of the fix)
CASES: list[tuple[str, Mutation, str, str, str]] = [
    (
        "missing required key",
        lambda f: f.pop("title"),
        "missing required key 'title'",
        "",
        "add 'title:'",
    ),
    (
        "unknown key (typo)",
        _typo_key,
        "unknown key 'show-if'",
        "items[1](per_day).show-if",
        "did you mean 'show_if'?",
    ),
    (
        "wrong value type",
        lambda f: f.update(version="one"),
        "expected a whole number",
        "version",
        "write a whole number",
    ),
    ("bare yes in YAML", _yes_unquoted, "expected text", "options[0]", "put quotes around it"),
    (
        "duplicate question id",
        _duplicate_id,
        "'smoker' is used twice",
        "items[0](smoker).id",
        "its own id",
    ),
    (
        "unknown item type",
        lambda f: _items(f)[0].update(type="yes_noo"),
        "unknown type 'yes_noo'",
        "items[0](smoker).type",
        "did you mean 'yes_no'?",
    ),
    (
        "expression syntax",
        lambda f: _items(f)[1].update(show_if='smoker = "yes"'),
        "unexpected character '='",
        "items[1](per_day).show_if",
        "use == for equality",
    ),
    (
        "unknown name",
        lambda f: _items(f)[1].update(show_if='smokr == "yes"'),
        "unknown name 'smokr'",
        "show_if",
        "did you mean 'smoker'?",
    ),
    (
        "type mismatch",
        lambda f: _items(f)[1].update(show_if="smoker > 3"),
        "cannot compare string with number",
        "show_if",
        "same kind",
    ),
    (
        "not an option",
        lambda f: _items(f)[1].update(show_if='smoker == "yse"'),
        "'yse' is not an option",
        "show_if",
        "use one of",
    ),
    (
        "condition not true/false",
        lambda f: _items(f)[1].update(show_if="per_day + 1"),
        "should give bool",
        "show_if",
        "gives bool",
    ),
    (
        "forward reference",
        _forward_reference,
        "'colour' is asked later",
        "items[0](smoker).show_if",
        "move 'colour' before 'smoker'",
    ),
    ("cycle", _cycle, "circular reference: a -> b -> a", "items[0](a).expr", "earlier answers"),
    (
        "unreachable page",
        _unreachable,
        "can never be reached",
        "pages[1](p2).show_if",
        "fix the condition",
    ),
    (
        "missing text",
        lambda f: _items(f)[0].update(label="t.nope"),
        "'t.nope' is not in any en-GB",
        "items[0](smoker).label",
        "forms/text/en-GB/t.yaml",
    ),
    (
        "range upside down",
        _bad_range,
        "min 100 is not below max 0",
        "items[1](per_day).min",
        "swap",
    ),
    (
        "duplicate option value",
        _duplicate_option,
        "'red' is used twice",
        "options[1](red).value",
        "its own value",
    ),
    (
        "score over text answers",
        _score_on_text,
        "'colour' is not a question with number values",
        "scores[0](total).items[0]",
        "numbers",
    ),
    (
        "bands not increasing",
        _bands_down,
        "band minimums must go up",
        "scores[0](total).bands",
        "lowest score up",
    ),
    ("unit cannot measure", _wrong_unit, "'kg' cannot measure height", "units[0]", "cm, ft_in"),
    (
        "rename to nowhere",
        _rename_to_nowhere,
        "'smokes' is not a question",
        "history.renamed[0].to",
        "current id",
    ),
    (
        "retired id still used",
        _retired_but_used,
        "'colour' is retired but still used",
        "history.retired[0](colour).id",
        "remove it",
    ),
    (
        "date bound not a date",
        _date_bound_type,
        "should give date but gives number",
        "items[1](seen).min",
        "gives date",
    ),
    (
        "unknown option set",
        _unknown_option_set,
        "unknown option set 'colours'",
        "options",
        "option_sets",
    ),
    ("no en-GB locale", _no_en_gb, "en-GB is missing", "locales", "add en-GB"),
]


@pytest.mark.parametrize(
    ("name", "mutate", "reason", "place", "fix"), CASES, ids=[c[0] for c in CASES]
)
def test_each_kind_of_mistake_is_reported_with_place_and_fix(
    write_form, demo, name: str, mutate: Mutation, reason: str, place: str, fix: str
) -> None:
    mutate(demo)
    path = write_form(demo)
    problems = check_paths([path]).problems
    matching = [p for p in problems if reason in p.reason]
    assert matching, f"{name}: expected {reason!r} in {[str(p) for p in problems]}"
    problem = matching[0]
    text = str(problem)
    assert text.startswith(f"{path}:"), text
    assert problem.line is not None and problem.line > 0, text
    assert place in problem.location, text
    assert fix in problem.fix, text


def test_the_cases_cover_more_than_ten_kinds_of_mistake() -> None:
    assert len({reason for _n, _m, reason, _p, _f in CASES}) >= 10


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("format: 1\nid: [unclosed\n", "YAML syntax"),
        ("format: 1\nid: demo\nid: again\n", "appears twice"),
        ("", "empty"),
        ("- just\n- a list\n", "expected a mapping"),
    ],
    ids=["syntax", "duplicate key", "empty file", "not a mapping"],
)
def test_yaml_level_mistakes_name_the_line(write_form, text: str, reason: str) -> None:
    path = write_form(text)
    problems = check_paths([path]).problems
    assert any(reason in p.reason for p in problems), [str(p) for p in problems]
    assert all(str(p).startswith(str(path)) for p in problems)


def test_line_numbers_point_at_the_mistake(write_form) -> None:
    text = (
        "format: 1\nid: demo\nversion: 1\ntitle: t.title\naudience: patient\nlocales: [en-GB]\n"
        "pages:\n  - id: p1\n    title: t.p1\n    items:\n"
        "      - id: smoker\n        type: yes_no\n        label: t.smoker\n"
        "      - id: per_day\n        type: integer\n        label: t.per_day\n"
        '        min: 0\n        max: 10\n        show_if: smoker == "yse"\n'
    )
    path = write_form(text)
    (problem,) = check_paths([path]).problems
    assert problem.line == 19
    assert "yse" in problem.reason


def _check(paths: list[Path]) -> tuple[int, str]:
    out = io.StringIO()
    code = run_check(argparse.Namespace(paths=paths), None, out)  # type: ignore[arg-type]
    return code, out.getvalue()


def test_forms_check_passes_on_the_shipped_forms() -> None:
    code, output = _check([])
    assert code == 0, output
    # 5 forms, each at versions 1 (archive) and 2; nacr_patient at 3 too (v2 archived)
    assert output.startswith("OK: 11 forms")


def test_forms_check_lists_every_problem_and_exits_1(write_form, demo) -> None:
    demo["pages"][0]["items"][1]["show_if"] = 'smokr == "yes"'
    demo["pages"][1]["items"][0]["label"] = "t.nope"
    path = write_form(demo)
    code, output = _check([path])
    assert code == 1
    lines = output.strip().splitlines()
    assert lines[-1] == "2 problem(s) found."
    assert all(line.startswith(f"{path}:") and "(fix: " in line for line in lines[:-1])


def test_forms_check_complains_about_a_missing_path(tmp_path: Path) -> None:
    code, output = _check([tmp_path / "nope.yaml"])
    assert code == 1
    assert "no such file" in output


def test_crdesk_forms_check_is_wired_into_the_cli(tmp_path: Path, capsys) -> None:
    from crdesk.cli import main

    assert main(["--basedir", str(tmp_path / "clinic"), "forms", "check"]) == 0
    assert capsys.readouterr().out.startswith("OK: ")
