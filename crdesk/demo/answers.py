"""Plausible questionnaire and clinical answers for demo clinics (synthetic, not real).

Answers are given through the form engine, so they obey the forms' own rules (visibility,
ranges, constraints). Each demo patient has a few traits; Assessment 2 shows the kind of
change cardiac rehab usually brings (less anxious, more active, a little lighter, some
smokers quitting), so the progress view has something to show.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from crdesk.core.forms import Form, FormSession, Item
from crdesk.core.forms.answers import JsonValue


@dataclass(frozen=True)
class Persona:
    weight_kg: float
    height_cm: float
    smoker: bool
    anxiety: int  # 0..3, how high the HADS item scores run
    depression: int
    active_minutes: int
    coop: int  # 1 (best) .. 5 (worst)

    @classmethod
    def draw(cls, rng: random.Random) -> Persona:
        return cls(
            weight_kg=round(rng.uniform(58, 118), 1),
            height_cm=round(rng.uniform(152, 190), 1),
            smoker=rng.random() < 0.2,
            anxiety=rng.choice((0, 1, 1, 2, 2, 3)),
            depression=rng.choice((0, 0, 1, 1, 2, 3)),
            active_minutes=rng.choice((0, 10, 15, 20, 30)),
            coop=rng.choice((2, 3, 3, 4, 4, 5)),
        )

    def after_rehab(self, rng: random.Random) -> Persona:
        return Persona(
            weight_kg=round(self.weight_kg - rng.uniform(0, 4), 1),
            height_cm=self.height_cm,
            smoker=self.smoker and rng.random() < 0.55,
            anxiety=max(0, self.anxiety - rng.choice((0, 1, 1))),
            depression=max(0, self.depression - rng.choice((0, 1, 1))),
            active_minutes=self.active_minutes + rng.choice((10, 20, 30)),
            coop=max(1, self.coop - rng.choice((0, 1, 1, 2))),
        )


def _hint(item: Item, p: Persona, rng: random.Random, when: dt.date) -> JsonValue:
    qid = item.id
    if qid == "info_acknowledgement":
        return "read"
    if qid == "weight":
        return {"unit": "kg", "kg": p.weight_kg}
    if qid == "height":
        return {"unit": "cm", "cm": p.height_cm}
    if qid == "waist":
        return {"unit": "cm", "cm": round(p.weight_kg * 0.9 + rng.uniform(5, 15), 1)}
    if qid in ("smoking_status", "smoking_status_verified"):
        return "current" if p.smoker else "never"
    if qid == "walk_test":
        return "iswt" if rng.random() < 0.9 else "six_minute"
    if qid == "six_minute_distance":
        return int(250 + (5 - p.coop) * 50 + rng.randint(0, 10) * 5)
    if qid == "cigarettes_per_day":
        return rng.choice((5, 10, 15, 20))
    if qid == "active_days_week":
        return 5 if p.active_minutes >= 30 else rng.choice((1, 2, 3))
    if qid == "active_minutes_day":
        return p.active_minutes
    if qid == "reaches_150_minutes":
        return "yes" if p.active_minutes >= 30 else "no"
    if qid.startswith("coop_"):
        return max(1, min(5, p.coop + rng.choice((-1, 0, 0, 1))))
    if qid.startswith("hads_"):
        level = p.anxiety if int(qid.split("_")[1]) % 2 else p.depression
        return max(0, min(3, level + rng.choice((-1, 0, 0, 0, 1))))
    if qid == "systolic_bp":
        return rng.randint(112, 150)
    if qid == "diastolic_bp":
        return rng.randint(68, 92)
    if qid == "resting_heart_rate":
        return rng.randint(55, 85)
    if qid == "total_cholesterol":
        return round(rng.uniform(3.2, 6.2), 1)
    if qid == "hdl_cholesterol":
        return round(rng.uniform(0.9, 1.8), 1)
    if qid == "ldl_cholesterol":
        return round(rng.uniform(1.2, 2.8), 1)
    if qid == "hba1c":
        return rng.randint(36, 64)
    if qid == "iswt_distance":
        return int(200 + (5 - p.coop) * 80 + rng.randint(0, 8) * 10)
    if qid == "assessment_date":
        return when.isoformat()
    return None


def _generic(item: Item, rng: random.Random, when: dt.date) -> JsonValue:
    return item.handler.demo_value(item, rng, when)


def fill(form: Form, context: dict[str, object], persona: Persona, rng: random.Random,
         when: dt.date, *, skip_optional: float = 0.1) -> dict[str, JsonValue]:
    """Walk the whole form like a person would and return the answers it ends with."""
    s = FormSession(form, {}, {**context, "today": when.isoformat()})
    for _ in range(300):
        for item in s.current_page.items:
            if not item.answerable or not s.is_visible(item.id):
                continue
            if not s.is_required(item.id) and rng.random() < skip_optional:
                continue
            value = _hint(item, persona, rng, when)
            if value is None or _errors(s, item.id, value):
                for _attempt in range(5):
                    if not _errors(s, item.id, _generic(item, rng, when)):
                        break
        messages = s.next()
        if messages and all(m.severity == "warning" for m in messages):
            messages = s.next()
        if messages:  # cannot get further with plausible answers: stop here
            break
        if s.finished:
            break
    return s.effective_answers()


def _errors(s: FormSession, qid: str, value: JsonValue) -> bool:
    return any(m.severity == "error" for m in s.answer(qid, value))
