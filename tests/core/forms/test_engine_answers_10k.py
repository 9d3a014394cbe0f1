"""The form engine on 10,000 random answers (issue 13): every answer, plausible or junk, to
every answerable question of every shipped form gives messages or a stored value, never a
crash, and what is stored survives a JSON round trip and reads back as text.

10,000 answers as 1,000 hypothesis examples of 10 answers each, on a session kept per
form (as the kiosk keeps one). Why not 10,000 examples: one example costs about 6 ms of
CPU here, most of it hypothesis drawing the value (building a session is another 9 ms),
so 10,000 examples took over a minute of CPU; ten answers an example keep the 10,000
answers at a fraction of that. The whole-form invariants after random sequences are in
test_properties.py; here each answer is checked for what it must leave true.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crdesk.core.forms import FormSession
from crdesk.core.forms.answers import answer_text
from tests.core.forms.test_properties import CONTEXT, REGISTRY, TEXTS, junk, plausible

FORM_IDS = ["nacr_patient", "nacr_clinical", "nacr_referral", "phq9", "gad7"]
SESSIONS = {f: FormSession(REGISTRY.get(f), context=CONTEXT, texts=TEXTS) for f in FORM_IDS}
ITEMS = [(f, item) for f in FORM_IDS for item in REGISTRY.get(f).items if item.answerable]

case = st.sampled_from(ITEMS).flatmap(
    lambda fi: st.tuples(st.just(fi[0]), st.just(fi[1]), st.one_of(plausible(fi[1]), junk)))


@settings(max_examples=1_000, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(case, min_size=10, max_size=10))
def test_ten_thousand_random_answers(drawn: list[tuple[str, object, object]]) -> None:
    for form_id, item, value in drawn:
        session = SESSIONS[form_id]
        qid = item.id  # type: ignore[attr-defined]
        messages = session.answer(qid, value)
        assert all(m.question_id == qid and m.text for m in messages)
        assert 0.0 <= session.progress <= 1.0
        stored = session.answers.get(qid)
        assert json.loads(json.dumps(stored)) == stored
        if stored is not None:
            assert answer_text(item, stored, TEXTS)  # type: ignore[arg-type]


def test_a_number_near_the_float_limit_is_above_the_maximum() -> None:
    # Found by the test above: the step check divided to infinity and round() raised.
    session = FormSession(REGISTRY.get("nacr_clinical"), context=CONTEXT, texts=TEXTS)
    item = next(i for i in session.form.items if i.type == "decimal" and i.step)
    messages = session.answer(item.id, 1.797693134862316e307)
    assert messages and all(m.question_id == item.id for m in messages)
