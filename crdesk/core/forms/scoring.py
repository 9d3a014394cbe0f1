"""Scores declared in form data: sums with reverse-coded items and missing-item rules, single
items reported on their own (Dartmouth COOP charts), expressions (BMI), bands and flags.

Scores are computed from the stored option values, never from the position of an option on the
screen, so a licensed text pack can never change a score. Only answers to questions that are
shown count; "don't know" and "prefer not to say" count as missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from crdesk.core.forms.answers import JsonValue, is_special
from crdesk.core.forms.evaluation import (
    FormState,
    compiled,
    evaluate_form,
    prepare_context,
    today_from,
)
from crdesk.core.forms.item_values import numeric_range
from crdesk.core.forms.model import Band, Form, Score
from crdesk.core.forms.rounding import round_half_up

SCORING_VERSION = 1  # raise when the arithmetic below changes, so stored scores can be recomputed


@dataclass(frozen=True)
class ScoreResult:
    id: str
    label: str  # text key
    value: float | int | None
    band: str | None = None  # band id, e.g. "borderline"
    band_text: str | None = None  # text key of the band
    minimum: float | None = None
    maximum: float | None = None
    answered: int = 0
    missing: int = 0
    prorated: bool = False
    reason: str | None = None  # why there is no value: not_answered, too_many_missing
    flags: tuple[str, ...] = ()
    instrument: str | None = None

    def as_json(self) -> dict[str, object]:
        """For storage beside the response; includes the scoring version."""
        return {**asdict(self), "flags": list(self.flags), "scoring_version": SCORING_VERSION}


def _numeric(value: JsonValue) -> float | None:
    if value is None or is_special(value) or isinstance(value, bool):
        return None
    if isinstance(value, dict):  # a measurement
        inner = value.get("value")
        return float(inner) if isinstance(inner, int | float) else None
    return float(value) if isinstance(value, int | float) else None


def _tidy(value: float, places: int) -> float | int:
    rounded = round_half_up(value, places)
    return int(rounded) if places == 0 else rounded


def _sum(
    form: Form, score: Score, answers: Mapping[str, JsonValue], state: FormState
) -> dict[str, object]:
    total = 0.0
    answered = 0
    low_sum = high_sum = 0.0
    for qid in score.items:
        item = form.item_by_id[qid]
        low, high = numeric_range(item) or (0.0, 0.0)
        low_sum += low
        high_sum += high
        value = _numeric(answers.get(qid)) if qid in state.visible_items else None
        if value is None:
            continue
        if qid in score.reverse:
            # Reverse coding: the lowest option scores highest and vice versa.
            value = low + high - value
        total += value
        answered += 1
    count = len(score.items)
    missing = count - answered
    result: dict[str, object] = {
        "answered": answered,
        "missing": missing,
        "minimum": low_sum,
        "maximum": high_sum,
    }
    if answered == 0:
        return {**result, "value": None, "reason": "not_answered"}
    if missing == 0:
        return {**result, "value": _tidy(total, score.places)}
    if missing <= score.missing.max_missing and score.missing.method == "prorate":
        # Prorating: the mean of the answered items stands in for the missing ones.
        return {**result, "value": _tidy(total * count / answered, score.places), "prorated": True}
    return {**result, "value": None, "reason": "too_many_missing"}


def _one(
    form: Form,
    score: Score,
    answers: Mapping[str, JsonValue],
    state: FormState,
    context: Mapping[str, object],
    today: dt.date,
) -> ScoreResult:
    parts: dict[str, object]
    if score.type == "sum":
        parts = _sum(form, score, answers, state)
    elif score.type == "item":
        qid = score.item or ""
        low, high = numeric_range(form.item_by_id[qid]) or (None, None)
        value = _numeric(answers.get(qid)) if qid in state.visible_items else None
        parts = {
            "value": None if value is None else _tidy(value, score.places),
            "minimum": low,
            "maximum": high,
            "answered": int(value is not None),
            "missing": int(value is None),
        }
        if value is None:
            parts["reason"] = "not_answered"
    else:
        raw = state.evaluator(context, today)(compiled(score.expr or "0"))
        number = raw if isinstance(raw, int | float) and not isinstance(raw, bool) else None
        parts = {"value": None if number is None else _tidy(float(number), score.places)}
        if number is None:
            parts["reason"] = "not_answered"
    result = parts.get("value")
    band: Band | None = None
    if isinstance(result, int | float):
        for candidate in score.bands:
            if result >= candidate.min:
                band = candidate
    evaluator = state.evaluator(context, today)
    flags = tuple(flag.id for flag in score.flags if evaluator(compiled(flag.when)) is True)
    return ScoreResult(
        id=score.id,
        label=score.label,
        band=band.id if band else None,
        band_text=band.text if band else None,
        flags=flags,
        instrument=score.instrument,
        **parts,  # type: ignore[arg-type]
    )


def score_form(
    form: Form,
    answers: Mapping[str, JsonValue],
    context: Mapping[str, object] | None = None,
    state: FormState | None = None,
) -> dict[str, ScoreResult]:
    """Every score the form declares, keyed by score id, from stored answers."""
    typed = prepare_context(form, context)
    today = today_from(context)
    if state is None:
        state = evaluate_form(form, answers, typed, today)
    return {score.id: _one(form, score, answers, state, typed, today) for score in form.scores}
