"""Personal goals agreed at assessment 1 and reviewed at assessment 2.

A goal keeps its whole history: every review (and every edit of status) is a new
``GoalReview``; nothing is overwritten. BACPR standard 3 asks for personalised goals from
the initial assessment (nacr.md section 3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

AREAS: dict[str, str] = {
    "activity": "Physical activity",
    "diet": "Healthy eating",
    "weight": "Weight",
    "smoking": "Stopping smoking",
    "alcohol": "Alcohol",
    "mood": "Mood and stress",
    "medicines": "Taking medicines",
    "return_to_work": "Return to work",
    "daily_life": "Daily life and hobbies",
    "other": "Other",
}

STATUSES: dict[str, str] = {
    "active": "Working on it",
    "achieved": "Achieved",
    "partly_achieved": "Partly achieved",
    "not_achieved": "Not achieved",
    "changed": "Changed to a new goal",
    "stopped": "No longer relevant",
}
REVIEW_STATUSES = tuple(s for s in STATUSES if s != "active") + ("active",)

MAX_GOAL = 300
MAX_TARGET = 200
MAX_NOTE = 1000


@dataclass(frozen=True)
class GoalReview:
    id: int
    goal_id: int
    assessment: str | None
    status: str
    note: str
    reviewed_at: str
    reviewed_by: str


@dataclass(frozen=True)
class Goal:
    id: int
    episode_id: int
    area: str
    goal: str
    target: str
    review_date: str | None
    status: str
    created_at: str
    created_by: str
    updated_at: str
    reviews: tuple[GoalReview, ...] = ()

    @property
    def area_label(self) -> str:
        return AREAS.get(self.area, self.area)

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def last_review(self) -> GoalReview | None:
        return self.reviews[-1] if self.reviews else None


def goal_problems(area: str, goal: str, target: str, review_date: str | None,
                  agreed: dt.date) -> dict[str, str]:
    """Field -> message for a new or edited goal (empty when it can be saved)."""
    problems: dict[str, str] = {}
    if area not in AREAS:
        problems["area"] = "Choose the area this goal is about."
    if not goal.strip():
        problems["goal"] = "Write the goal in the patient's own words."
    elif len(goal) > MAX_GOAL:
        problems["goal"] = f"Keep the goal under {MAX_GOAL} characters."
    if not target.strip():
        problems["target"] = ("Give a measurable target, for example "
                              "'walk 30 minutes on 5 days a week'.")
    elif len(target) > MAX_TARGET:
        problems["target"] = f"Keep the target under {MAX_TARGET} characters."
    if review_date:
        try:
            when = dt.date.fromisoformat(review_date)
        except ValueError:
            problems["review_date"] = "Enter the review date as day/month/year."
        else:
            if when < agreed:
                problems["review_date"] = "The review date is before the goal was agreed."
    return problems


def review_problems(status: str, note: str) -> dict[str, str]:
    problems: dict[str, str] = {}
    if status not in STATUSES:
        problems["status"] = "Choose how the goal went."
    if len(note) > MAX_NOTE:
        problems["note"] = f"Keep the note under {MAX_NOTE} characters."
    return problems
