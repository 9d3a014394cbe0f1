"""A1, A2 and A3 side by side: value, change and a plain direction for every measure.

Pure data in, rows out; the GUI, the report and the tests all read the same rows. The
thresholds live in ``outcome_measures.py``. The change is always measured from A1 to the
latest assessment with a value (A3 if there is one, else A2).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from crdesk.core.episode import ASSESSMENT_KINDS
from crdesk.core.outcome_measures import BMI_BANDS, HEALTHY_BMI, MEASURES, Measure

BETTER = "better"
WORSE = "worse"
SAME = "no change"
NONE = ""  # nothing to compare (a value is missing)


@dataclass(frozen=True)
class AssessmentData:
    """What one assessment recorded: questionnaire scores and answers, clinical answers."""

    kind: str
    done_date: str | None = None
    scores: Mapping[str, float | None] = field(default_factory=dict)
    patient: Mapping[str, Any] = field(default_factory=dict)
    staff: Mapping[str, Any] = field(default_factory=dict)
    # How the questionnaire was completed (core.staff_entry.how_completed): "kiosk",
    # "telephone", "video", "paper", "in_person"; "" without a questionnaire.
    how: str = ""


@dataclass(frozen=True)
class ProgressRow:
    measure: Measure
    values: dict[str, float | str | None]  # kind -> raw value (number or category)
    texts: dict[str, str]  # kind -> as shown
    change: float | None  # latest minus A1, numbers only
    change_text: str
    direction: str  # BETTER, WORSE, SAME or NONE
    note: str = ""  # e.g. "normal to borderline"

    @property
    def label(self) -> str:
        return self.measure.label


def plain_value(value: Any) -> Any:
    """A stored answer as a number or category: measurements give their metric value,
    'don't know' and the like give None."""
    if isinstance(value, dict):
        if "special" in value:
            return None
        return value.get("value")
    if isinstance(value, bool):
        return None
    return value


def _lookup(data: AssessmentData, source: str, key: str) -> Any:
    if source == "score":
        return data.scores.get(key)
    answers = data.patient if source == "patient" else data.staff
    if key == "active_minutes_week" and key not in answers:
        # Calculated items are not stored: recompute days x minutes as the form does.
        days = plain_value(answers.get("active_days_week"))
        if days == 0:
            return 0
        minutes = plain_value(answers.get("active_minutes_day"))
        return days * minutes if isinstance(days, int) and isinstance(minutes, int) else None
    return plain_value(answers.get(key))


def measure_value(m: Measure, data: AssessmentData) -> float | str | None:
    value = _lookup(data, m.source, m.key)
    if value is None and m.fallback:
        value = _lookup(data, *m.fallback)
    if m.source == "score" and m.key == "bmi" and value is None:
        value = _clinical_bmi(data)
    if isinstance(value, int | float | str):
        return value
    return None


def _clinical_bmi(data: AssessmentData) -> float | None:
    w, h = plain_value(data.staff.get("weight")), plain_value(data.staff.get("height"))
    if isinstance(w, int | float) and isinstance(h, int | float) and h > 0:
        return round(w / (h / 100) ** 2, 1)
    return None


def band_of(value: float, bands: tuple[tuple[float, str], ...]) -> str:
    name = bands[0][1]
    for lower, band in bands:
        if value >= lower:
            name = band
    return name


def _number(value: float, places: int) -> str:
    text = f"{value:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def value_text(m: Measure, value: float | str | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        words = dict(m.labels)
        if m.kind == "yes":
            return {"yes": "Yes", "no": "No"}.get(value, value)
        text = words.get(value, value.replace("_", " "))
        return text[:1].upper() + text[1:]
    text = _number(float(value), m.places)
    return f"{text} {m.unit}".strip()


def _distance_to(value: float, low: float | None, high: float | None) -> float:
    if low is not None and value < low:
        return low - value
    if high is not None and value > high:
        return value - high
    return 0.0


def direction(m: Measure, first: float | str | None, last: float | str | None,
              bmi_first: float | None = None) -> str:
    """Better, worse or no change between two values of one measure."""
    if first is None or last is None:
        return NONE
    if m.kind == "yes":
        if first == last:
            return SAME
        return BETTER if last == "yes" else WORSE if first == "yes" else SAME
    if m.kind == "order":
        if first not in m.order or last not in m.order:
            return NONE
        step = m.order.index(str(last)) - m.order.index(str(first))
        return BETTER if step > 0 else WORSE if step < 0 else SAME
    if not isinstance(first, int | float) or not isinstance(last, int | float):
        return NONE
    change = float(last) - float(first)
    needed = m.min_change * abs(float(first)) if m.relative else m.min_change
    big_enough = abs(change) >= needed - 1e-9
    if m.bands and band_of(float(first), m.bands) != band_of(float(last), m.bands):
        big_enough = True  # crossing a clinical band always counts
    if m.kind == "higher" and m.target[0] is not None:
        goal = m.target[0]
        if (first < goal) != (last < goal):  # crossing the goal (e.g. 150 minutes) counts
            return BETTER if last >= goal else WORSE
    if not big_enough:
        return SAME
    if m.kind == "lower":
        return BETTER if change < 0 else WORSE
    if m.kind == "higher":
        return BETTER if change > 0 else WORSE
    if m.kind in ("target", "bmi_weight"):
        if m.kind == "bmi_weight":
            if bmi_first is None:
                return NONE
            if band_of(bmi_first, BMI_BANDS) == "healthy weight":
                return SAME
            # Weight is better when it moves the way a healthy BMI lies.
            return BETTER if (change < 0) == (bmi_first > HEALTHY_BMI[1]) else WORSE
        low, high = m.target
        before = _distance_to(float(first), low, high)
        after = _distance_to(float(last), low, high)
        if before == after == 0:
            return SAME
        return BETTER if after < before else WORSE if after > before else SAME
    return NONE


def compare(assessments: Mapping[str, AssessmentData]) -> list[ProgressRow]:
    """One row per measure that any assessment recorded, in the order of MEASURES."""
    kinds = [k for k in ASSESSMENT_KINDS if k in assessments]
    a1 = assessments.get("A1")
    bmi_first = None
    if a1 is not None:
        bmi = measure_value(next(m for m in MEASURES if m.id == "bmi"), a1)
        bmi_first = float(bmi) if isinstance(bmi, int | float) else None
    rows = []
    for m in MEASURES:
        values = {k: measure_value(m, assessments[k]) for k in kinds}
        if all(v is None for v in values.values()):
            continue
        later = [values[k] for k in ("A3", "A2") if values.get(k) is not None]
        first, last = values.get("A1"), (later[0] if later else None)
        change = None
        change_text = ""
        if isinstance(first, int | float) and isinstance(last, int | float):
            change = float(last) - float(first)
            sign = "+" if change > 0 else "−" if change < 0 else ""
            change_text = f"{sign}{_number(abs(change), m.places)} {m.unit}".strip()
        note = ""
        if m.bands and isinstance(first, int | float) and isinstance(last, int | float):
            b1, b2 = band_of(float(first), m.bands), band_of(float(last), m.bands)
            note = b1 if b1 == b2 else f"{b1} to {b2}"
        elif m.bands and isinstance(first, int | float):
            note = band_of(float(first), m.bands)
        elif m.kind == "target" and isinstance(first, int | float) \
                and isinstance(last, int | float) \
                and _distance_to(float(first), *m.target) == _distance_to(float(last),
                                                                          *m.target) == 0:
            note = "within the usual aim"
        rows.append(ProgressRow(m, values, {k: value_text(m, v) for k, v in values.items()},
                                change, change_text, direction(m, first, last, bmi_first),
                                note))
    return rows


def summary_counts(rows: list[ProgressRow]) -> dict[str, int]:
    out = {BETTER: 0, WORSE: 0, SAME: 0}
    for r in rows:
        if r.direction in out:
            out[r.direction] += 1
    return out
