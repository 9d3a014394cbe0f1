"""Property tests: random answer sequences never crash the engine or break its invariants."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crdesk.core.forms import FormRegistry, FormSession, TextCatalog
from crdesk.core.forms.model import Form, Item
from tests.core.forms.conftest import FORMS_DIR

REGISTRY = FormRegistry.from_dir(FORMS_DIR)
TEXTS = TextCatalog.from_dirs([FORMS_DIR / "text"])
CONTEXT = {"assessment": "A1", "patient.date_of_birth": "1950-02-01", "today": "2024-06-01"}

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6),
    st.sampled_from(["2024-02-30", "31/12/2023", "yes", "no", "current", "1e400", ""]),
    st.lists(st.one_of(st.text(max_size=3), st.integers(0, 5)), max_size=3),
    st.dictionaries(
        st.sampled_from(["unit", "ft", "in", "st", "lb", "cm", "kg", "special", "value"]),
        st.one_of(st.integers(-5, 300), st.text(max_size=4), st.floats()),
        max_size=3,
    ),
)


def plausible(item: Item) -> st.SearchStrategy[Any]:
    """Mostly-valid answers, so sequences get deep into the forms."""
    options: list[st.SearchStrategy[Any]] = []
    if item.choices:
        values = [o.value for o in item.choices]
        options.append(st.sampled_from(values))
        if item.type == "multiple":
            options.append(st.lists(st.sampled_from(values), max_size=4))
    if item.type in ("integer", "decimal", "measurement"):
        low, high = float(item.min), float(item.max)  # type: ignore[arg-type]
        options.append(st.integers(int(low) - 5, int(high) + 5))
        options.append(st.floats(low - 1, high + 1))
    if item.type == "measurement":
        options.append(
            st.fixed_dictionaries(
                {"unit": st.just("ft_in"), "ft": st.integers(0, 9), "in": st.integers(0, 13)}
            )
        )
        options.append(
            st.fixed_dictionaries(
                {"unit": st.just("st_lb"), "st": st.integers(0, 60), "lb": st.integers(0, 14)}
            )
        )
    if item.type == "date":
        options.append(st.dates().map(lambda d: d.isoformat()))
    if item.type in ("text", "long_text"):
        options.append(st.text(max_size=300))
    for special in ("dont_know", "prefer_not_to_say"):
        options.append(st.just({"special": special}))
    return st.one_of(*options)


def actions(form: Form) -> st.SearchStrategy[tuple[str, Any, Any]]:
    answerable = [item for item in form.items if item.answerable]
    answer = st.sampled_from(answerable).flatmap(
        lambda item: st.tuples(
            st.just("answer"), st.just(item.id), st.one_of(plausible(item), junk)
        )
    )
    move = st.sampled_from([("next", None, None), ("back", None, None)])
    return st.one_of(answer, answer, move, move, move)


def check_invariants(session: FormSession) -> None:
    assert 0.0 <= session.progress <= 1.0
    assert session.current_page in session.visible_pages
    visible_ids = {p.id for p in session.visible_pages}
    for item in session.form.items:
        if not session.is_visible(item.id):
            assert not session.is_required(item.id), item.id
            assert session.item_messages(item.id) == [], item.id
    for page in session.visible_pages:
        for message in session.page_messages(page):
            assert session.is_visible(message.question_id)
    assert set(session.effective_answers()) <= {
        i.id for p in session.form.pages if p.id in visible_ids for i in p.items
    }
    assert json.loads(json.dumps(session.answers)) == session.answers
    for score in session.scores().values():
        if score.value is not None and score.minimum is not None and score.maximum is not None:
            assert score.minimum <= score.value <= score.maximum, score
        if score.band is not None:
            assert score.value is not None


@pytest.mark.parametrize(
    "form_id", ["nacr_patient", "nacr_clinical", "nacr_referral", "phq9", "gad7"]
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_sequences_keep_the_invariants(form_id: str, data: st.DataObject) -> None:
    form = REGISTRY.get(form_id)
    session = FormSession(form, context=CONTEXT, texts=TEXTS)
    steps = data.draw(st.lists(actions(form), max_size=40))
    for kind, qid, value in steps:
        before = session.progress
        was_finished = session.finished
        if kind == "answer":
            messages = session.answer(qid, value)
            assert all(m.question_id == qid and m.text for m in messages)
        elif kind == "next":
            session.next()
        else:
            session.back()
        reopened = was_finished and not session.finished
        if not reopened:
            assert session.progress >= before, (kind, qid, value)
        check_invariants(session)
    session.summary()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([0, 1, 2, 3, None]), min_size=14, max_size=14))
def test_hads_scores_stay_in_range(values: list[int | None]) -> None:
    form = REGISTRY.get("nacr_patient")
    answers = {f"hads_{n}": v for n, v in enumerate(values, start=1) if v is not None}
    scores = FormSession(form, answers, {"assessment": "A2"}).scores()
    for key, items in (("hads_anxiety", values[0::2]), ("hads_depression", values[1::2])):
        result = scores[key]
        missing = items.count(None)
        if missing > 1:
            assert result.value is None
        else:
            assert result.value is not None and 0 <= result.value <= 21
            assert result.prorated == (missing == 1)
