"""The expression language: parsing, type checking and three-valued evaluation."""

from __future__ import annotations

import datetime as dt

import pytest

from crdesk.core.forms import expression_types as T
from crdesk.core.forms.expression_eval import Evaluator, is_constant
from crdesk.core.forms.expressions import Binary, ExpressionSyntaxError, Ref, parse, references

TODAY = dt.date(2024, 6, 1)
NAMES = {
    "age": T.NameInfo(T.NUMBER),
    "smoker": T.NameInfo(T.STRING, frozenset({"yes", "no"})),
    "illnesses": T.NameInfo(T.LIST, frozenset({"angina", "diabetes", "none"})),
    "seen": T.NameInfo(T.DATE),
    "patient.date_of_birth": T.NameInfo(T.DATE, is_question=False),
    "score": T.NameInfo(T.NUMBER, frozenset({0, 1, 2, 3})),
}


def run(source: str, **values: object) -> object:
    node = parse(source)
    found, problems = T.infer(node, NAMES)
    assert problems == [], problems
    return Evaluator(lambda name: values.get(name.replace(".", "_")), TODAY)(node)


def test_precedence_and_arithmetic() -> None:
    assert run("1 + 2 * 3") == 7
    assert run("(1 + 2) * 3") == 9
    assert run("-2 * 3 + 10 / 4") == -3.5
    assert run("not 1 > 2 and 2 >= 2 or false") is True


def test_dotted_names_and_references() -> None:
    node = parse('patient.date_of_birth < seen and smoker == "yes"')
    assert references(node) == {"patient.date_of_birth", "seen", "smoker"}
    assert isinstance(node, Binary)
    assert isinstance(node.left, Binary)
    assert isinstance(node.left.left, Ref)


@pytest.mark.parametrize(
    ("source", "column", "fix"),
    [
        ('smoker = "yes"', 8, "use == for equality"),
        ("age > 3 && age < 9", 9, "and / or"),
        ("age >", 6, "put a question id"),
        ("(age > 3", 9, "close the bracket"),
        ("1 < age < 3", 9, "a < b and b < c"),
        ("age 3", 5, "join conditions"),
        ("", 1, "remove the key"),
        ('smoker in "yes"', 11, "in ["),
    ],
)
def test_syntax_errors_give_a_column_and_a_fix(source: str, column: int, fix: str) -> None:
    with pytest.raises(ExpressionSyntaxError) as info:
        parse(source)
    assert info.value.pos + 1 == column
    assert fix in info.value.fix


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('age > "ten"', "cannot compare number with string"),
        ('smoker == "yse"', "'yse' is not an option of 'smoker'"),
        ('smoker in ["yes", "maybe"]', "'maybe' is not an option"),
        ("age and smoker", "must be bool"),
        ("count_selected(age)", "needs a choice question"),
        ("answered(3)", "needs a question id"),
        ("years_between(age, seen)", "must be date but is number"),
        ('date("31/12/2024") < seen', "is not a date"),
        ("bogus(1)", "unknown function 'bogus'"),
        ("round(1, 2, 3)", "takes 1 to 2 values"),
        ('if(age > 1, 1, "x")', "both results"),
        ("seen + seen", "must be a number"),
        ("smokr", "unknown name 'smokr'"),
        ("score == 7", "7 is not an option of 'score'"),
    ],
)
def test_type_errors_are_found_before_any_patient_sees_the_form(source: str, message: str) -> None:
    _found, problems = T.infer(parse(source), NAMES)
    assert any(message in p.message for p in problems), problems


def test_result_types() -> None:
    assert T.infer(parse("years_between(patient.date_of_birth, today())"), NAMES)[0] == T.NUMBER
    assert T.infer(parse("today() - 7"), NAMES)[0] == T.DATE
    assert T.infer(parse('selected(illnesses, "angina")'), NAMES)[0] == T.BOOL
    assert T.infer(parse('if(age > 1, smoker, "no")'), NAMES)[0] == T.STRING


def test_unanswered_values_follow_three_valued_logic() -> None:
    assert run('smoker == "yes"') is None
    assert run('smoker != "yes"') is None
    assert run('not (smoker == "yes")') is None
    assert run('smoker == "yes" or age > 3', age=5) is True
    assert run('smoker == "yes" and age > 3', age=1) is False
    assert run('smoker == "yes" and age > 3', age=5) is None
    assert run("answered(smoker)") is False
    assert run("answered(smoker)", smoker="no") is True
    assert run("age + 1") is None
    assert run("age / 0", age=3) is None


def test_functions() -> None:
    dob = dt.date(1950, 6, 2)
    assert run("years_between(patient.date_of_birth, today())", patient_date_of_birth=dob) == 73
    assert (
        run(
            "years_between(patient.date_of_birth, today())",
            patient_date_of_birth=dt.date(1950, 6, 1),
        )
        == 74
    )
    assert run("days_between(seen, today())", seen=dt.date(2024, 5, 1)) == 31
    assert run("today() - 1") == dt.date(2024, 5, 31)
    assert run('date("2024-01-31") < today()') is True
    assert run("count_selected(illnesses)", illnesses=["angina", "diabetes"]) == 2
    assert run('selected(illnesses, "angina")', illnesses=["angina"]) is True
    assert run('selected(smoker, "yes")', smoker="yes") is True
    assert run('smoker in ["yes", "no"]', smoker="no") is True
    assert run("round(2.45, 1)") == 2.5
    assert run("round(2.5)") == 3
    assert run("min(3, 1, 2) + max(1, 4) + abs(-2)") == 7
    assert run('if(age >= 18, "adult", "child")', age=18) == "adult"


def test_constant_detection() -> None:
    assert is_constant(parse("1 == 2"))
    assert not is_constant(parse('today() > date("2000-01-01")'))
    assert not is_constant(parse("age > 1"))
