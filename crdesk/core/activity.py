"""Active minutes a week, and whether a patient's two activity answers agree (issue 10 item 8).

The NACR questionnaire asks both "on how many days ... for how many minutes" and the yes/no
"do you reach 150 minutes a week" (nacr.md section 1.3: NACR analyses the yes/no). They can
contradict each other (3 days x 20 minutes = 60 minutes, but "yes"); crdesk keeps both as
given, never changes either, and shows the contradiction to staff at review so they can ask
the patient and correct one (a correction with a reason, like any other).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

WEEKLY_TARGET = 150  # UK Chief Medical Officers' guideline, moderate activity (nacr.md 1.3)
# The calculated item and the stored answers it is computed from.
WEEKLY_MINUTES = "active_minutes_week"
WEEKLY_INPUTS = ("active_days_week", "active_minutes_day")


def _whole(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None  # unanswered, "don't know" ({"special": ...}) or not a number
    return int(value)


def weekly_minutes(answers: Mapping[str, Any]) -> int | None:
    """Days x minutes a day, as the form's calculated item computes it; 0 days is 0 minutes
    (the minutes question is then not asked); None when either answer is missing."""
    stored = _whole(answers.get("active_minutes_week"))
    if stored is not None:
        return stored
    days = _whole(answers.get("active_days_week"))
    if days == 0:
        return 0
    minutes = _whole(answers.get("active_minutes_day"))
    if days is None or minutes is None:
        return None
    return days * minutes


@dataclass(frozen=True)
class ActivityContradiction:
    said: str  # the yes/no answer as given
    minutes: int  # days x minutes from the other answers
    message: str


def contradiction(answers: Mapping[str, Any]) -> ActivityContradiction | None:
    """The yes/no answer and days x minutes disagree about reaching 150 minutes a week."""
    said = answers.get("reaches_150_minutes")
    minutes = weekly_minutes(answers)
    if said not in ("yes", "no") or minutes is None:
        return None  # nothing to compare: one of them is unanswered or "don't know"
    reaches = minutes >= WEEKLY_TARGET
    if (said == "yes") == reaches:
        return None
    days = _whole(answers.get("active_days_week"))
    per_day = _whole(answers.get("active_minutes_day"))
    how = (f"{days} days × {per_day} minutes = {minutes} minutes a week"
           if days and per_day is not None else f"{minutes} minutes a week")
    if said == "yes":
        text = (f"The patient said they reach {WEEKLY_TARGET} minutes a week, but their days "
                f"and minutes give {how}.")
    else:
        text = (f"The patient said they do not reach {WEEKLY_TARGET} minutes a week, but "
                f"their days and minutes give {how}.")
    return ActivityContradiction(str(said), minutes,
                                 text + " Ask the patient which is right and correct the "
                                        "other answer, giving the reason.")
