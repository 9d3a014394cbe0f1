"""The closed registry of question types: it covers exactly the schema's types, and each
handler keeps the behaviour the engine had before the types had handlers (the expectations
below were recorded from that code)."""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import pytest

from crdesk.core.forms import FormSession, TextCatalog
from crdesk.core.forms import expression_types as T
from crdesk.core.forms.answers import (
    AnswerError,
    answer_text,
    expression_value,
    normalise,
    range_problems,
)
from crdesk.core.forms.checks import _Checks
from crdesk.core.forms.model import Item, ScoreKind
from crdesk.core.forms.questions import HANDLERS, QuestionType, handler_for
from crdesk.core.forms.schema import ITEM, SCORE, json_schema_text
from crdesk.core.forms.scoring import SCORE_KINDS
from tests.core.forms.conftest import FORMS_DIR
from tests.core.forms.question_cases import CASES, ITEMS


def _committed_schema() -> dict[str, Any]:
    return json.loads((FORMS_DIR / "form.schema.json").read_text(encoding="utf-8"))


def schema_item_types() -> set[str]:
    """The item types of the committed JSON Schema (the file editors and forms use)."""
    defs = _committed_schema()["$defs"]
    return {
        d["properties"]["type"]["const"] for name, d in defs.items() if name.startswith("item_")
    }


def test_the_schema_declares_the_same_types_in_python_and_json() -> None:
    assert set(ITEM.variants) == schema_item_types()
    assert json.loads(json_schema_text()) == _committed_schema()


def test_every_schema_type_has_exactly_one_handler() -> None:
    types = schema_item_types()
    assert {t.value for t in QuestionType} == types
    assert {t.value for t in HANDLERS} == types
    for question_type, handler in HANDLERS.items():
        assert handler.type is question_type
        assert handler_for(question_type) is handler
    assert len({type(h) for h in HANDLERS.values()}) == len(HANDLERS), "one class per type"


def test_every_score_kind_has_a_way_to_be_worked_out_and_checked() -> None:
    kinds = set(_committed_schema()["$defs"]["score"]["properties"]["type"]["enum"])
    assert {k.value for k in ScoreKind} == kinds == set(SCORE.fields["type"].spec.enum or ())
    assert set(SCORE_KINDS) == set(ScoreKind) == set(_Checks._SCORE_CHECKS)


def test_item_type_is_the_enum_parsed_from_the_schema_name() -> None:
    item = Item(id="q", type="yes_no")  # type: ignore[arg-type]
    assert item.type is QuestionType.YES_NO
    assert item.type == "yes_no" and f"{item.type}" == "yes_no"
    assert json.dumps({"type": item.type}) == '{"type": "yes_no"}'
    with pytest.raises(ValueError, match="yse_no"):
        Item(id="q", type="yse_no")  # type: ignore[arg-type]


def test_loaded_forms_hold_enum_types(patient_form: Any) -> None:
    assert all(isinstance(item.type, QuestionType) for item in patient_form.items)
    assert all(isinstance(score.type, ScoreKind) for score in patient_form.scores)


# -- what each kind of item is ------------------------------------------------------------

FLAGS = {  # name: (answerable, computed, has_options, chosen)
    "info": (False, False, False, False),
    "single": (True, False, True, True),
    "multiple": (True, False, True, True),
    "yes_no": (True, False, False, True),
    "pictorial": (True, False, True, True),
    "integer": (True, False, False, False),
    "decimal": (True, False, False, False),
    "date": (True, False, False, False),
    "text": (True, False, False, False),
    "long_text": (True, False, False, False),
    "measurement": (True, False, False, False),
    "calculated": (False, True, False, False),
}


@pytest.mark.parametrize("name", sorted(FLAGS))
def test_handler_flags(name: str) -> None:
    h = handler_for(QuestionType(name))
    assert (h.answerable, h.computed, h.has_options, h.chosen) == FLAGS[name]
    assert Item(**ITEMS[name]).answerable is FLAGS[name][0]


VALUE_TYPES = {  # name: (expression type, numeric range, choices)
    "info": (None, None, []),
    "single": (T.STRING, None, ["red", "blue"]),
    "single_scored": (T.NUMBER, (0.0, 3.0), [0, 1, 2, 3]),
    "multiple": (T.LIST, None, ["red", "blue", "green", "none"]),
    "yes_no": (T.STRING, None, ["yes", "no"]),
    "pictorial": (T.NUMBER, (1.0, 5.0), [1, 2, 3, 4, 5]),
    "integer": (T.NUMBER, (0.0, 100.0), []),
    "decimal": (T.NUMBER, (2.0, 15.0), []),
    "date": (T.DATE, None, []),
    "text": (T.STRING, None, []),
    "long_text": (T.STRING, None, []),
    "measurement": (T.NUMBER, (100.0, 230.0), []),
    "calculated": (None, None, []),
}


@pytest.mark.parametrize("name", sorted(VALUE_TYPES))
def test_value_type_range_and_choices(name: str) -> None:
    item = Item(**ITEMS[name])
    vtype, numbers, choices = VALUE_TYPES[name]
    assert item.handler.value_type(item) == vtype
    assert item.handler.numeric_range(item) == numbers
    assert [o.value for o in item.choices] == choices


def test_yes_no_options_come_from_the_engine_pack(texts: TextCatalog) -> None:
    item = Item(**ITEMS["yes_no"])
    assert [(o.value, texts.text(o.text)) for o in item.choices] == [("yes", "Yes"), ("no", "No")]


# -- answers: normalise, check, read, show ------------------------------------------------

# (item, given, stored or AnswerError code, how the stored answer reads)
ANSWERS: list[tuple[str, Any, Any, str | None]] = [
    ("info", "read", AnswerError("not_answerable"), None),
    ("calculated", 23.4, AnswerError("not_answerable"), None),
    ("single", "red", "red", "[t.red]"),
    ("single", "purple", AnswerError("not_an_option"), None),
    ("single", 1, AnswerError("not_an_option"), None),
    ("single", "", None, "Not answered"),
    ("single", {"special": "dont_know"}, {"special": "dont_know"}, "I don't know"),
    ("single", {"special": "prefer_not_to_say"}, AnswerError("special_not_allowed"), None),
    ("single_scored", 2, 2, "[t.score_2]"),
    ("single_scored", "2", AnswerError("not_an_option"), None),
    ("single_scored", True, AnswerError("not_an_option"), None),
    ("multiple", ["blue", "red"], ["red", "blue"], "[t.red]; [t.blue]"),
    (
        "multiple",
        ["red", "none"],
        AnswerError("exclusive_with_others", option="t.other"),
        None,
    ),
    ("multiple", [], None, "Not answered"),
    ("multiple", "red", AnswerError("not_an_option"), None),
    ("multiple", ("green", "blue"), ["blue", "green"], "[t.blue]; [t.green]"),
    ("yes_no", True, "yes", "Yes"),
    ("yes_no", False, "no", "No"),
    ("yes_no", "no", "no", "No"),
    ("yes_no", "maybe", AnswerError("not_an_option"), None),
    ("pictorial", 5, 5, "[t.chart_5]"),
    ("pictorial", 6, AnswerError("not_an_option"), None),
    ("integer", "12", 12, "12 a day"),
    ("integer", " 1,250 ", 1250, "1,250 a day"),
    ("integer", 12.0, 12, "12 a day"),
    ("integer", "12.5", AnswerError("not_whole_number"), None),
    ("integer", True, AnswerError("not_a_number"), None),
    ("integer", float("inf"), AnswerError("not_a_number"), None),
    ("decimal", "5.45", 5.5, "5.5 mmol/L"),
    ("decimal", 5.449, 5.4, "5.4 mmol/L"),
    ("decimal", 16, 16.0, "16 mmol/L"),
    ("decimal", "1e3", 1000.0, "1,000 mmol/L"),
    ("decimal", "x", AnswerError("not_a_number"), None),
    ("date", "31/03/2024", "2024-03-31", "31 March 2024"),
    ("date", " 2024-03-31 ", "2024-03-31", "31 March 2024"),
    ("date", "2024-02-30", AnswerError("not_a_date"), None),
    ("date", 20240331, AnswerError("not_a_date"), None),
    ("text", "  hi  ", "hi", "hi"),
    ("text", "   ", None, "Not answered"),
    ("text", 5, AnswerError("not_text"), None),
    ("long_text", "line one\nline two ", "line one\nline two", "line one\nline two"),
    ("long_text", 3.5, AnswerError("not_text"), None),
    (
        "measurement",
        {"unit": "ft_in", "ft": 5, "in": 8},
        {"value": 172.7, "unit": "cm", "entered": {"unit": "ft_in", "ft": 5, "in": 8}},
        "5 ft 8 in (172.7 cm)",
    ),
    (
        "measurement",
        "172.66",
        {"value": 172.7, "unit": "cm", "entered": {"unit": "cm", "cm": 172.66}},
        "172.7 cm",
    ),
    (
        "measurement",
        {"value": 172.7, "unit": "cm", "entered": {"unit": "ft_in", "ft": 5, "in": 8}},
        {"value": 172.7, "unit": "cm", "entered": {"unit": "ft_in", "ft": 5, "in": 8}},
        "5 ft 8 in (172.7 cm)",
    ),
    ("measurement", {"unit": "ft_in", "ft": 5, "in": 13}, AnswerError("inches_too_many"), None),
    ("measurement", {"unit": "kg", "kg": 80}, AnswerError("entry_unit", allowed="cm, ft_in"),
     None),
    (
        "measurement",
        {"unit": "ft_in", "ft": "five", "in": 8},
        AnswerError("entry_missing_part", part="ft"),
        None,
    ),
    (
        "measurement_kg",
        {"unit": "kg", "kg": 80.25},
        {"value": 80.3, "unit": "kg", "entered": {"unit": "kg", "kg": 80.25}},
        "80.3 kg",
    ),
    ("measurement_kg", {"unit": "st_lb", "st": 12, "lb": 8},
     AnswerError("entry_unit", allowed="kg"), None),
]


@pytest.mark.parametrize(("name", "given", "expected", "shown"), ANSWERS)
def test_normalise_and_display(
    name: str, given: Any, expected: Any, shown: str | None, texts: TextCatalog
) -> None:
    item = Item(**ITEMS[name])
    if isinstance(expected, AnswerError):
        with pytest.raises(AnswerError) as err:
            normalise(item, given)
        assert (err.value.code, err.value.params) == (expected.code, expected.params)
        return
    stored = normalise(item, given)
    assert stored == expected and type(stored) is type(expected)
    assert answer_text(item, stored, texts) == shown


def test_a_calculated_value_reads_with_its_unit(texts: TextCatalog) -> None:
    item = Item(**ITEMS["calculated"])
    assert answer_text(item, 23.4, texts) == "23.4 kg/m²"
    assert answer_text(item, 25, texts) == "25 kg/m²"


# (item, stored answer, plausibility problems)
RANGES: list[tuple[str, Any, list[tuple[str, dict[str, object]]]]] = [
    ("multiple", ["red"], [("too_few", {"min": 2})]),
    ("multiple", ["red", "blue", "green"], [("too_many", {"max": 2})]),
    ("multiple", ["red", "blue"], []),
    ("integer", 101, [("above_max", {"min": "0", "max": "100", "unit": "per_day"})]),
    ("integer", -1, [("below_min", {"min": "0", "max": "100", "unit": "per_day"})]),
    ("decimal", 1.0, [("below_min", {"min": "2", "max": "15", "unit": "mmol_per_l"})]),
    ("decimal_quarter", 0.3, [("step", {"step": "0.25"})]),
    (
        "decimal_quarter",
        10.01,
        [("above_max", {"min": "0", "max": "10", "unit": ""}), ("step", {"step": "0.25"})],
    ),
    ("text", "abcdef", [("too_long", {"max": 5})]),
    ("text", "ok", []),
    ("measurement", {"value": 99.0, "unit": "cm", "entered": {"unit": "cm", "cm": 99}},
     [("below_min", {"min": "100", "max": "230", "unit": "cm"})]),
    ("measurement_kg", {"value": 400.0, "unit": "kg", "entered": {"unit": "kg", "kg": 400}},
     [("above_max", {"min": "25", "max": "350", "unit": "kg"})]),
    ("single", {"special": "dont_know"}, []),
    ("integer", None, []),
]


@pytest.mark.parametrize(("name", "stored", "problems"), RANGES)
def test_range_problems(name: str, stored: Any, problems: list[Any]) -> None:
    assert range_problems(Item(**ITEMS[name]), stored) == problems


@pytest.mark.parametrize(
    ("name", "stored", "seen"),
    [
        ("measurement", {"value": 172.7, "unit": "cm", "entered": {}}, 172.7),
        ("date", "2024-03-31", dt.date(2024, 3, 31)),
        ("date", "not a date", None),
        ("multiple", ["red"], ["red"]),
        ("integer", 12, 12),
        ("single", {"special": "dont_know"}, None),
        ("text", None, None),
    ],
)
def test_expression_value(name: str, stored: Any, seen: Any) -> None:
    assert expression_value(Item(**ITEMS[name]), stored) == seen


def test_date_bounds_given_as_expressions(texts: TextCatalog) -> None:
    item = Item(id="seen", type="date", label="t.seen", min="patient.date_of_birth",  # type: ignore[arg-type]
                max="today()", max_message="t.msg")
    bounds = {"patient.date_of_birth": dt.date(1950, 1, 1), "today()": dt.date(2024, 5, 1)}
    problems = item.handler.bound_problems(item, "1949-12-31", bounds.__getitem__, texts)
    assert problems == [("date_too_early", {"date": "1 January 1950"}, None)]
    problems = item.handler.bound_problems(item, "2024-05-02", bounds.__getitem__, texts)
    assert problems == [("date_too_late", {"date": "1 May 2024"}, "t.msg")]
    assert item.handler.bound_problems(item, "2024-05-01", bounds.__getitem__, texts) == []
    assert [(k, s) for k, s, _ in item.handler.expressions(item)] == [
        ("min", "patient.date_of_birth"),
        ("max", "today()"),
    ]
    plain = Item(**ITEMS["integer"])
    assert plain.handler.bound_problems(plain, 5, bounds.__getitem__, texts) == []


# -- demo values ----------------------------------------------------------------------------

DEMO = {  # three draws from random.Random(7) on 1 May 2024
    "info": [None, None, None],
    "calculated": [None, None, None],
    "single": ["blue", "red", "blue"],
    "single_scored": [2, 1, 3],
    "multiple": [["red", "blue"], ["red"], ["blue"]],
    "yes_no": ["no", "yes", "no"],
    "pictorial": [3, 2, 4],
    "integer": [26, 23, 33],
    "decimal": [5.4, 5.0, 6.3],
    "date": ["2024-04-04", "2024-04-15", "2024-03-30"],
    "text": ["Demo answer"] * 3,
    "long_text": ["Demo answer"] * 3,
    "measurement": [{"unit": "cm", "cm": 134.4}, {"unit": "cm", "cm": 129.9},
                    {"unit": "cm", "cm": 142.9}],
    "measurement_kg": [{"unit": "kg", "kg": 111.0}, {"unit": "kg", "kg": 99.8},
                       {"unit": "kg", "kg": 132.3}],
}


@pytest.mark.parametrize("name", sorted(DEMO))
def test_demo_values_are_answers(name: str) -> None:
    item = Item(**ITEMS[name])
    rng = random.Random(7)
    values = [item.handler.demo_value(item, rng, dt.date(2024, 5, 1)) for _ in range(3)]
    assert values == DEMO[name]
    for value in values:
        # Readable as an answer; range problems are possible (demo_answers.fill tries again).
        assert (normalise(item, value) is None) is (value is None)


def test_every_case_table_names_a_real_type() -> None:
    assert {kw["type"] for kw in ITEMS.values()} == schema_item_types()
    assert set(CASES) == set(ITEMS)


def test_calculated_values_come_from_the_handler_flag(patient_form: Any) -> None:
    session = FormSession(patient_form, {}, {"assessment": "A1"})
    computed = {i.id for i in patient_form.items if i.handler.computed}
    assert computed and set(session.calculated()) <= computed
