"""Hand-worked scoring examples for every instrument, including missing items."""

from __future__ import annotations

from typing import Any

import pytest

from crdesk.core.forms import FormRegistry, FormSession, TextCatalog, load_form, score_form
from crdesk.core.forms.model import Form

ANXIETY = [1, 3, 5, 7, 9, 11, 13]
DEPRESSION = [2, 4, 6, 8, 10, 12, 14]


def hads(anxiety: list[int | None], depression: list[int | None]) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for numbers, values in ((ANXIETY, anxiety), (DEPRESSION, depression)):
        for n, value in zip(numbers, values, strict=True):
            if value is not None:
                answers[f"hads_{n}"] = value
    return answers


def test_hads_complete(patient_form: Form) -> None:
    # Anxiety 3+2+1+0+2+1+3 = 12 (11-21 abnormal); depression 0+1+1+0+2+0+1 = 5 (0-7 normal).
    scores = score_form(patient_form, hads([3, 2, 1, 0, 2, 1, 3], [0, 1, 1, 0, 2, 0, 1]))
    anxiety, depression = scores["hads_anxiety"], scores["hads_depression"]
    assert (anxiety.value, anxiety.band, anxiety.prorated) == (12, "abnormal", False)
    assert (depression.value, depression.band) == (5, "normal")
    assert (anxiety.minimum, anxiety.maximum) == (0, 21)


@pytest.mark.parametrize(
    ("values", "expected", "band"),
    [
        ([1, 1, 1, 1, 1, 1, 1], 7, "normal"),
        ([2, 1, 1, 1, 1, 1, 1], 8, "borderline"),
        ([2, 2, 2, 1, 1, 1, 1], 10, "borderline"),
        ([2, 2, 2, 2, 1, 1, 1], 11, "abnormal"),
        ([0] * 7, 0, "normal"),
        ([3] * 7, 21, "abnormal"),
    ],
)
def test_hads_band_edges(patient_form: Form, values: list[int], expected: int, band: str) -> None:
    result = score_form(patient_form, hads(values, values))["hads_depression"]
    assert (result.value, result.band) == (expected, band)


def test_hads_one_missing_item_is_prorated(patient_form: Form) -> None:
    # Anxiety item 13 missing: 3+2+1+0+2+1 = 9 over 6 items; 9 x 7/6 = 10.5 -> 11 (half up).
    result = score_form(patient_form, hads([3, 2, 1, 0, 2, 1, None], [0] * 7))["hads_anxiety"]
    assert (result.value, result.band, result.prorated, result.missing) == (11, "abnormal", True, 1)


def test_hads_two_missing_items_give_no_score(patient_form: Form) -> None:
    scores = score_form(patient_form, hads([1] * 7, [1, 1, 1, 1, 1, None, None]))
    result = scores["hads_depression"]
    assert (result.value, result.band, result.reason, result.missing) == (
        None,
        None,
        "too_many_missing",
        2,
    )
    assert scores["hads_anxiety"].value == 7


def test_hads_uses_stored_values_not_screen_order(patient_form: Form) -> None:
    # Item 1 lists its options 3,2,1,0; item 2 lists 0,1,2,3. The first option shown scores 3
    # for item 1 and 0 for item 2.
    first_1 = patient_form.item_by_id["hads_1"].options[0].value
    first_2 = patient_form.item_by_id["hads_2"].options[0].value
    assert (first_1, first_2) == (3, 0)
    answers = hads([first_1, 0, 0, 0, 0, 0, 0], [first_2, 0, 0, 0, 0, 0, 0])
    scores = score_form(patient_form, answers)
    assert (scores["hads_anxiety"].value, scores["hads_depression"].value) == (3, 0)


def test_coop_charts_are_reported_one_by_one(patient_form: Form) -> None:
    scores = score_form(
        patient_form, {"coop_pain": 4, "coop_feelings": 3, "coop_physical_fitness": 1}
    )
    assert (scores["coop_pain"].value, scores["coop_pain"].band) == (4, "unfavourable")
    assert (scores["coop_feelings"].value, scores["coop_feelings"].band) == (3, "favourable")
    assert scores["coop_physical_fitness"].band == "favourable"
    assert scores["coop_social_support"].value is None
    assert scores["coop_social_support"].reason == "not_answered"
    assert not any(s.startswith("coop_total") for s in scores)  # no summed COOP total


@pytest.mark.parametrize(
    ("height", "weight", "bmi", "band"),
    [
        # 79.8 / 1.727^2 = 26.756 -> 26.8
        (
            {"unit": "ft_in", "ft": 5, "in": 8},
            {"unit": "st_lb", "st": 12, "lb": 8},
            26.8,
            "overweight",
        ),
        (200, 120, 30.0, "obese"),  # 120 / 4 = 30.0 exactly
        (180, 59.9, 18.5, "healthy"),  # 59.9 / 3.24 = 18.49 -> 18.5 (one place, half up)
        (160, 40, 15.6, "underweight"),  # 40 / 2.56 = 15.625 -> 15.6
    ],
)
def test_bmi(patient_form: Form, height: Any, weight: Any, bmi: float, band: str) -> None:
    session = FormSession(patient_form, context={"assessment": "A2"})
    assert session.answer("height", height) == []
    assert session.answer("weight", weight) == []
    result = session.scores()["bmi"]
    assert (result.value, result.band) == (bmi, band)


def test_bmi_needs_both_measures(patient_form: Form) -> None:
    answers = {
        "height": {"special": "dont_know"},
        "weight": {"value": 80.0, "unit": "kg", "entered": {"unit": "kg", "kg": 80}},
    }
    result = score_form(patient_form, answers, {"assessment": "A1"})["bmi"]
    assert (result.value, result.reason) == (None, "not_answered")


def test_staff_bmi_matches_the_calculated_item(registry: FormRegistry) -> None:
    session = FormSession(registry.get("nacr_clinical"), context={"assessment": "A1"})
    session.answer("height", 175)
    session.answer("weight", 90)
    assert session.calculated()["bmi"] == 29.4  # 90 / 3.0625 = 29.387...
    assert session.scores()["bmi"].value == 29.4


def phq9_answers(values: list[int | None]) -> dict[str, Any]:
    return {f"phq9_{n}": v for n, v in enumerate(values, start=1) if v is not None}


@pytest.mark.parametrize(
    ("values", "total", "band"),
    [
        ([0] * 9, 0, "minimal"),
        ([1, 1, 1, 1, 0, 0, 0, 0, 0], 4, "minimal"),
        ([1, 1, 1, 1, 1, 0, 0, 0, 0], 5, "mild"),
        ([1, 2, 3, 0, 1, 2, 0, 1, 0], 10, "moderate"),
        ([2, 2, 2, 2, 2, 2, 2, 1, 0], 15, "moderately_severe"),
        ([3, 3, 3, 3, 2, 2, 2, 1, 0], 19, "moderately_severe"),
        ([3, 3, 3, 3, 2, 2, 2, 2, 0], 20, "severe"),
        ([3] * 9, 27, "severe"),
    ],
)
def test_phq9_totals_and_bands(
    registry: FormRegistry, values: list[int], total: int, band: str
) -> None:
    result = score_form(registry.get("phq9"), phq9_answers(values))["phq9_total"]
    assert (result.value, result.band) == (total, band)


def test_phq9_item_nine_raises_a_flag(registry: FormRegistry) -> None:
    form = registry.get("phq9")
    assert score_form(form, phq9_answers([0] * 8 + [1]))["phq9_total"].flags == ("item9_positive",)
    assert score_form(form, phq9_answers([3] * 8 + [0]))["phq9_total"].flags == ()


def test_phq9_is_not_scored_with_a_missing_item(registry: FormRegistry) -> None:
    result = score_form(registry.get("phq9"), phq9_answers([1] * 8 + [None]))["phq9_total"]
    assert (result.value, result.reason, result.prorated) == (None, "too_many_missing", False)


def test_phq9_difficulty_question_only_after_a_problem(registry: FormRegistry) -> None:
    session = FormSession(registry.get("phq9"), phq9_answers([0] * 9))
    assert not session.is_visible("phq9_difficulty")
    session.answer("phq9_4", 1)
    assert session.is_visible("phq9_difficulty")


@pytest.mark.parametrize(
    ("values", "total", "band"),
    [
        ([0] * 7, 0, "minimal"),
        ([1, 1, 1, 1, 0, 0, 0], 4, "minimal"),
        ([1, 1, 1, 1, 1, 0, 0], 5, "mild"),
        ([2, 2, 2, 2, 1, 1, 0], 10, "moderate"),
        ([3, 2, 2, 2, 2, 2, 1], 14, "moderate"),
        ([3, 3, 3, 2, 2, 1, 1], 15, "severe"),
        ([3] * 7, 21, "severe"),
    ],
)
def test_gad7_totals_and_bands(
    registry: FormRegistry, values: list[int], total: int, band: str
) -> None:
    answers = {f"gad7_{n}": v for n, v in enumerate(values, start=1)}
    result = score_form(registry.get("gad7"), answers)["gad7_total"]
    assert (result.value, result.band) == (total, band)
    missing = dict(answers)
    del missing["gad7_3"]
    assert score_form(registry.get("gad7"), missing)["gad7_total"].value is None


def test_reverse_coding_and_subscales(write_form, demo) -> None:
    options = [{"value": v, "text": "t.a"} for v in (1, 2, 3, 4, 5)]
    demo["pages"].append(
        {
            "id": "p3",
            "title": "t.p3",
            "items": [
                {"id": q, "type": "single", "label": "t.a", "options": options}
                for q in ("qa", "qb", "qc", "qd")
            ],
        }
    )
    demo["scores"] = [
        {
            "id": "all",
            "type": "sum",
            "label": "t.total",
            "items": ["qa", "qb", "qc", "qd"],
            "reverse": ["qb", "qd"],
            "missing": {"max_missing": 1, "method": "prorate"},
        },
        {"id": "sub", "type": "sum", "label": "t.total", "items": ["qa", "qc"]},
    ]
    form = load_form(write_form(demo))
    # qa 1, qb 1 -> reversed (1+5)-1 = 5, qc 5, qd 2 -> reversed 4: total 15; subscale 1+5 = 6.
    scores = score_form(form, {"qa": 1, "qb": 1, "qc": 5, "qd": 2})
    assert (scores["all"].value, scores["sub"].value) == (15, 6)
    assert (scores["all"].minimum, scores["all"].maximum) == (4, 20)
    # qd missing: (1 + 5 + 5) = 11 over 3 items -> 11 x 4/3 = 14.67 -> 15
    assert score_form(form, {"qa": 1, "qb": 1, "qc": 5})["all"].value == 15


def test_licensed_items_score_with_the_placeholder_pack(
    patient_form: Form, texts: TextCatalog
) -> None:
    session = FormSession(patient_form, hads([2] * 7, [1] * 7), {"assessment": "A1"}, texts)
    rows = {row.question_id: row for row in session.summary()}
    assert rows["hads_1"].placeholder is True
    assert "Licensed text not installed" in rows["hads_1"].label
    assert "Licensed text not installed" in rows["hads_1"].answer
    assert rows["weight"].placeholder is False
    scores = session.scores()
    assert (scores["hads_anxiety"].value, scores["hads_depression"].value) == (14, 7)


def test_scores_are_json_ready(patient_form: Form) -> None:
    import json

    result = score_form(patient_form, hads([1] * 7, [1] * 7))["hads_anxiety"]
    data = json.loads(json.dumps(result.as_json()))
    assert data["value"] == 7 and data["band"] == "normal" and data["scoring_version"] == 1
