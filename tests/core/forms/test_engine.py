"""The UI-free engine: navigation, visibility, validation, progress, summary, walks."""

from __future__ import annotations

import json

import pytest

from crdesk.core.forms import FormRegistry, FormSession, TextCatalog, load_form
from crdesk.core.forms.model import Form
from tests.core.forms.walker import walk

CONTEXTS = {
    "nacr_patient": [{"assessment": a, "today": "2024-06-01"} for a in ("A1", "A2", "A3")],
    "nacr_referral": [{"patient.date_of_birth": "1950-02-01", "today": "2024-06-01"}],
    "nacr_clinical": [
        {"assessment": "A1", "patient.date_of_birth": "1950-02-01", "today": "2024-06-01"}
    ],
    "phq9": [{}],
    "gad7": [{}],
}
STRATEGIES = [
    ("first", 0, False),
    ("last", 0, False),
    ("special", 0, False),
    ("first", 0, True),
    ("random", 1, False),
    ("random", 2, False),
    ("random", 3, False),
]


@pytest.mark.parametrize("form_id", sorted(CONTEXTS))
@pytest.mark.parametrize(("strategy", "seed", "required_only"), STRATEGIES)
def test_walk_every_form_from_first_page_to_last(
    registry: FormRegistry,
    texts: TextCatalog,
    form_id: str,
    strategy: str,
    seed: int,
    required_only: bool,
) -> None:
    form = registry.get(form_id)
    for context in CONTEXTS[form_id]:
        session = FormSession(form, context=context, texts=texts)
        first = session.current_page.id
        visited = walk(session, strategy, seed, required_only)
        order = [p.id for p in form.pages]
        assert visited[0] == first
        assert [order.index(p) for p in visited] == sorted(order.index(p) for p in visited)
        assert visited[-1] == session.visible_pages[-1].id
        assert session.finished and session.is_complete and session.progress == 1.0
        assert json.loads(json.dumps(session.effective_answers())) == session.effective_answers()
        rows = session.summary()
        assert rows and all(not r.label.startswith("[") for r in rows)
        assert set(session.scores()) == {s.id for s in form.scores}


def test_assessment_decides_the_information_and_about_you_pages(patient_form: Form) -> None:
    a1 = FormSession(patient_form, context={"assessment": "A1"})
    a2 = FormSession(patient_form, context={"assessment": "A2"})
    assert a1.current_page.id == "information"
    assert a2.current_page.id == "other_illnesses"
    # The leaflet, the audit choice (version 3: a page of its own) and about you.
    assert a1.page_count == a2.page_count + 3


def test_acknowledgement_is_required_and_recorded(patient_form: Form, texts: TextCatalog) -> None:
    session = FormSession(patient_form, context={"assessment": "A1"}, texts=texts)
    assert session.current_page.id == "information"  # the leaflet: nothing to answer
    assert session.next() == []
    assert session.current_page.id == "audit_choice"
    (message,) = session.next()
    assert (message.question_id, message.code, message.text) == (
        "info_acknowledgement",
        "required",
        "Please answer this question.",
    )
    assert session.current_page.id == "audit_choice"
    assert not session.is_visible("info_opt_out_next")
    session.answer("info_acknowledgement", "opt_out")
    assert session.is_visible("info_opt_out_next")
    assert session.next() == []
    assert session.effective_answers() == {"info_acknowledgement": "opt_out"}


def test_show_if_hides_and_unhides_without_losing_the_answer(patient_form: Form) -> None:
    session = FormSession(patient_form, context={"assessment": "A2"})
    session.answer("smoking_status", "current")
    assert session.is_visible("cigarettes_per_day")
    assert session.answer("cigarettes_per_day", 20) == []
    session.answer("smoking_status", "never")
    assert not session.is_visible("cigarettes_per_day")
    assert "cigarettes_per_day" not in session.effective_answers()
    assert session.answers["cigarettes_per_day"] == 20
    session.answer("smoking_status", "current")
    assert session.effective_answers()["cigarettes_per_day"] == 20


def test_hidden_required_question_does_not_block(registry: FormRegistry) -> None:
    session = FormSession(registry.get("nacr_clinical"), context={"assessment": "A1"})
    session.go_to("walk_test")
    session.answer("walk_test", "not_done")
    assert session.is_required("iswt_distance") is False
    assert session.next() == []
    session.back()
    session.answer("walk_test", "iswt")
    assert session.is_required("iswt_distance") is True
    assert [m.code for m in session.next()] == ["required"]


def test_messages_are_plain_words(patient_form: Form, texts: TextCatalog) -> None:
    session = FormSession(patient_form, context={"assessment": "A2"}, texts=texts)
    (too_high,) = session.answer("weight", 400)
    assert too_high.text == "This number looks too high. Please enter a number from 25 to 350."
    (inches,) = session.answer("height", {"unit": "ft_in", "ft": 5, "in": 13})
    assert inches.text.startswith("Inches go from 0 to 11")
    (whole,) = session.answer("cigarettes_per_day", "2.5")
    assert whole.code == "not_whole_number"
    (option,) = session.answer("smoking_status", "sometimes")
    assert option.text == "Please choose one of the answers shown."
    (special,) = session.answer("vaping", {"special": "dont_know"})
    assert special.code == "special_not_allowed"
    session.answer("active_days_week", 3)
    (step,) = session.answer("active_minutes_day", 33)
    assert step.text == "Please round this to the nearest 5."
    assert step.code == "step"


def test_exclusive_options_cannot_be_combined(patient_form: Form) -> None:
    session = FormSession(patient_form, context={"assessment": "A2"})
    (message,) = session.answer("comorbidities", ["none", "angina"])
    assert message.code == "exclusive_with_others"
    assert session.answer("comorbidities", ["diabetes", "angina"]) == []
    assert session.answers["comorbidities"] == ["angina", "diabetes"]  # in option order


def test_dates_are_bounded_by_other_answers_and_context(
    registry: FormRegistry, texts: TextCatalog
) -> None:
    form = registry.get("nacr_referral")
    session = FormSession(
        form, context={"patient.date_of_birth": "1950-02-01", "today": "2024-06-01"}, texts=texts
    )
    (before_birth,) = session.answer("event_date", "1949-12-31")
    assert (
        before_birth.text
        == "This date is before the patient's date of birth (1 February 1950). Please check it."
    )
    (future,) = session.answer("event_date", "2024-06-02")
    assert future.text == "This date is too late. It cannot be after 1 June 2024."
    assert session.answer("event_date", "10/03/2024") == []  # UK style typing
    assert session.answers["event_date"] == "2024-03-10"
    session.answer("treatment", "pci")
    (early,) = session.answer("treatment_date", "2024-03-09")
    assert "before the initiating event (10 March 2024)" in early.text
    session.answer("treatment_date", "2024-03-12")
    (constraint,) = session.answer("discharge_date", "2024-03-11")
    assert constraint.code == "constraint"
    assert session.answer("discharge_date", "2024-03-13") == []
    # Medical management hides the treatment date; discharge no longer compared with it.
    session.answer("treatment", "medical")
    assert not session.is_visible("treatment_date")
    assert session.answer("discharge_date", "2024-03-11") == []


def test_warnings_stop_once_then_let_staff_go_on(registry: FormRegistry) -> None:
    session = FormSession(registry.get("nacr_clinical"), context={"assessment": "A1"})
    session.go_to("blood_pressure")
    (warning,) = session.answer("systolic_bp", 230)
    assert warning.severity == "warning"
    session.answer("diastolic_bp", 120)
    assert [m.severity for m in session.next()] == ["warning"]
    assert session.current_page.id == "blood_pressure"
    assert session.next() == []
    assert session.current_page.id == "cholesterol"


def test_errors_always_block(registry: FormRegistry) -> None:
    session = FormSession(registry.get("nacr_clinical"), context={"assessment": "A1"})
    session.go_to("blood_pressure")
    session.answer("systolic_bp", 120)
    (message,) = session.answer("diastolic_bp", 130)
    assert message.code == "constraint"
    assert session.next() == [message]
    assert session.next() == [message]


def test_back_and_progress(patient_form: Form) -> None:
    session = FormSession(patient_form, context={"assessment": "A2"})
    assert session.back() is False and session.is_first_page
    assert session.progress == 0.0
    session.next()
    after_one = session.progress
    assert after_one == pytest.approx(1 / session.page_count)
    assert session.back() is True
    assert session.progress == after_one  # going back does not undo progress
    assert session.current_page.id == "other_illnesses"


def test_progress_does_not_shrink_when_pages_appear(write_form, demo) -> None:
    demo["pages"].append(
        {
            "id": "p3",
            "title": "t.p3",
            "show_if": 'colour == "blue"',
            "items": [{"id": "note", "type": "text", "label": "t.note"}],
        }
    )
    session = FormSession(load_form(write_form(demo)), {"smoker": "no"})
    session.next()
    assert session.progress == 0.5
    session.answer("colour", "blue")  # reveals p3: 1 of 3 pages passed, but progress stays
    assert session.page_count == 3 and session.progress == 0.5
    session.next()
    assert session.progress == pytest.approx(2 / 3)
    session.next()
    assert session.finished and session.progress == 1.0


def test_finishing_checks_every_page(write_form, demo) -> None:
    session = FormSession(load_form(write_form(demo)))
    session.go_to("p2")  # jump past the required smoker question
    messages = session.next()
    assert [m.question_id for m in messages] == ["smoker"]
    assert not session.finished and session.current_page.id == "p1"
    assert session.missing_required() == ["smoker"]


def test_changing_an_answer_after_finishing_can_reopen(write_form, demo) -> None:
    session = FormSession(load_form(write_form(demo)), {"smoker": "no"})
    session.next()
    session.next()
    assert session.finished
    session.answer("smoker", "yes")  # now per_day is required and missing
    assert not session.finished and not session.is_complete


def test_resume_starts_at_the_first_unfinished_page(patient_form: Form) -> None:
    answers = {
        "info_acknowledgement": "read",
        "gender": "female",
        "ethnic_category": "white_irish",
        "marital_status": "married",
        "lives_alone": "no",
    }
    session = FormSession(patient_form, answers, {"assessment": "A1"}, resume=True)
    assert session.current_page.id == "other_illnesses"
    assert session.progress == pytest.approx(3 / session.page_count)


def test_current_page_moves_on_when_it_becomes_hidden(write_form, demo) -> None:
    demo["pages"][1]["show_if"] = 'smoker == "yes"'
    session = FormSession(load_form(write_form(demo)), {"smoker": "yes", "per_day": 3})
    session.next()
    assert session.current_page.id == "p2"
    session.answer("smoker", "no")
    assert session.current_page.id == "p1"


def test_summary_reads_like_the_answers(patient_form: Form, texts: TextCatalog) -> None:
    session = FormSession(patient_form, context={"assessment": "A2"}, texts=texts)
    session.answer("height", {"unit": "ft_in", "ft": 5, "in": 8})
    session.answer("weight", {"special": "dont_know"})
    session.answer("comorbidities", ["angina", "diabetes"])
    session.answer("active_days_week", 5)
    session.answer("active_minutes_day", 30)
    rows = {r.question_id: r for r in session.summary()}
    assert rows["height"].answer == "5 ft 8 in (172.7 cm)"
    assert rows["weight"].answer == "I don't know"
    assert rows["comorbidities"].answer == "Angina; Diabetes"
    assert rows["active_minutes_week"].answer == "150 minutes a week"
    assert rows["smoking_status"].answer == "Not answered" and not rows["smoking_status"].answered
    assert "cigarettes_per_day" not in rows


def test_provenance_names_form_version_hash_and_packs(
    patient_form: Form, texts: TextCatalog
) -> None:
    session = FormSession(patient_form, context={"assessment": "A1"}, texts=texts)
    info = session.provenance()
    assert (info["form_id"], info["form_version"], info["form_sha256"]) == (
        "nacr_patient",
        3,
        patient_form.content_hash,
    )
    packs = info["text_packs"]
    assert isinstance(packs, dict)
    assert set(packs) == {"engine", "nacr", "hads", "coop"}
    assert packs["hads"]["placeholder"] is True


def test_info_items_take_no_answer(patient_form: Form) -> None:
    session = FormSession(patient_form, context={"assessment": "A1"})
    with pytest.raises(ValueError, match="takes no answer"):
        session.answer("info_what", "x")


def test_unit_choices_are_named_in_words(patient_form: Form, texts: TextCatalog) -> None:
    session = FormSession(patient_form, context={"assessment": "A2"}, texts=texts)
    (message,) = session.answer("height", {"unit": "st_lb", "st": 5, "lb": 0})
    assert message.text == "Please choose how to measure it: centimetres; feet and inches."
