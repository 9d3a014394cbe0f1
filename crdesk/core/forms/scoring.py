"""Scores declared in form data: sums with reverse-coded items and missing-item rules, single
items reported on their own (Dartmouth COOP charts), expressions (BMI), bands and flags.

Scores are computed from the stored option values, never from the position of an option on the
screen, so a licensed text pack can never change a score. Only answers to questions that are
shown count; "don't know" and "prefer not to say" count as missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass

from crdesk.core.forms.answers import JsonValue, is_special
from crdesk.core.forms.evaluation import (
    FormState,
    compiled,
    evaluate_form,
    prepare_context,
    today_from,
)
from crdesk.core.forms.model import Band, Form, Score, ScoreKind
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


@dataclass(frozen=True)
class _Inputs:
    form: Form
    answers: Mapping[str, JsonValue]
    state: FormState
    context: Mapping[str, object]
    today: dt.date


def _sum(score: Score, given: _Inputs) -> dict[str, object]:
    form, answers, state = given.form, given.answers, given.state
    total = 0.0
    answered = 0
    low_sum = high_sum = 0.0
    for qid in score.items:
        item = form.item_by_id[qid]
        low, high = item.handler.numeric_range(item) or (0.0, 0.0)
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


def _item(score: Score, given: _Inputs) -> dict[str, object]:
    qid = score.item or ""
    item = given.form.item_by_id[qid]
    low, high = item.handler.numeric_range(item) or (None, None)
    value = _numeric(given.answers.get(qid)) if qid in given.state.visible_items else None
    parts: dict[str, object] = {
        "value": None if value is None else _tidy(value, score.places),
        "minimum": low,
        "maximum": high,
        "answered": int(value is not None),
        "missing": int(value is None),
    }
    if value is None:
        parts["reason"] = "not_answered"
    return parts


def _expression(score: Score, given: _Inputs) -> dict[str, object]:
    raw = given.state.evaluator(given.context, given.today)(compiled(score.expr or "0"))
    number = raw if isinstance(raw, int | float) and not isinstance(raw, bool) else None
    parts: dict[str, object] = {
        "value": None if number is None else _tidy(float(number), score.places)
    }
    if number is None:
        parts["reason"] = "not_answered"
    return parts


# One way of working out a score per kind (the closed set of the schema's score types).
SCORE_KINDS: Mapping[ScoreKind, Callable[[Score, _Inputs], dict[str, object]]] = {
    ScoreKind.SUM: _sum,
    ScoreKind.ITEM: _item,
    ScoreKind.EXPRESSION: _expression,
}


def _one(score: Score, given: _Inputs) -> ScoreResult:
    parts = SCORE_KINDS[score.type](score, given)
    state, context, today = given.state, given.context, given.today
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
    given = _Inputs(form, answers, state, typed, today)
    return {score.id: _one(score, given) for score in form.scores}
