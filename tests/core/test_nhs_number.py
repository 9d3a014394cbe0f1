"""NHS numbers: ASCII digits only after spaces and dashes go; never a crash."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crdesk.core import nhs_number

VALID = "9434765919"


@pytest.mark.parametrize("typed", ["943 476 5919", "943-476-5919", "9434765919",
                                   "943\u00a0476\u00a05919", "943\u2013476\u20135919"])
def test_separators_people_type_are_accepted(typed: str) -> None:
    assert nhs_number.problem(typed) is None
    assert nhs_number.normalise(typed) == VALID


@pytest.mark.parametrize("typed", [
    "\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669",  # Arabic-Indic digits
    "\uff19\uff14\uff13\uff14\uff17\uff16\uff15\uff19\uff11\uff19",  # fullwidth digits
    "943476591\u00b9",  # superscript one: int() of it raises
    "94347659\u0b6f9",  # an Oriya digit in the middle
])
def test_digits_from_other_scripts_are_refused_with_a_message(typed: str) -> None:
    assert not nhs_number.is_valid(typed)
    assert nhs_number.problem(typed) == (
        "An NHS number has the digits 0 to 9 only (spaces and dashes are fine).")


@given(st.text(max_size=20))
def test_any_text_gives_a_verdict_never_a_crash(text: str) -> None:
    verdict = nhs_number.problem(text)
    assert verdict is None or isinstance(verdict, str)
    if verdict is None:
        digits = nhs_number.normalise(text)
        assert len(digits) == 10 and set(digits) <= set("0123456789")
