"""Goals: agree them at assessment 1, review them at assessment 2; every change audited.

The audit rows name the goal and episode and the field names changed, never the goal's
words (they can be personal: "tell my daughter about my drinking").
"""

from __future__ import annotations

import datetime as dt

from crdesk.core import validation
from crdesk.core.goals import Goal, goal_problems, review_problems
from crdesk.errors import ValidationError
from crdesk.services.field_errors import FieldErrors
from crdesk.services.session import Session
from crdesk.storage import audit_repo, episodes_repo, goals_repo


class GoalService:
    def __init__(self, session: Session, today: dt.date | None = None) -> None:
        self.session = session
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _review_date(self, text: str) -> str | None:
        if text.strip() and validation.parse_date(text) is None:
            raise FieldErrors({"review_date": "Enter the review date as day/month/year."})
        return validation.iso_or_none(text)

    def problems(self, area: str, goal: str, target: str, review_date: str = "",
                 goal_id: int | None = None) -> dict[str, str]:
        """Field -> message for the goal as typed so far, writing nothing: the dialog checks
        a field when the user leaves it, with the same rules as the save."""
        try:
            iso = self._review_date(review_date)
        except FieldErrors as exc:
            return {**goal_problems(area, goal, target, None, self.today), **exc.problems}
        agreed = self.today
        if goal_id is not None:
            agreed = dt.date.fromisoformat(self._goal(goal_id).created_at[:10])
        return goal_problems(area, goal, target, iso, agreed)

    def add(self, episode_id: int, area: str, goal: str, target: str,
            review_date: str = "") -> int:
        if episodes_repo.get(self.session._db, episode_id) is None:
            raise ValidationError("This episode no longer exists.", "")
        iso = self._review_date(review_date)
        problems = goal_problems(area, goal, target, iso, self.today)
        if problems:
            raise FieldErrors(problems)
        with self.session._db.transaction() as db:
            gid = goals_repo.insert(db, episode_id, area, goal.strip(), target.strip(), iso,
                                    self.session.username)
            audit_repo.append(db, self.session.username, "goal.create", "goal", gid,
                              {"episode": episode_id, "area": area})
        return gid

    def edit(self, goal_id: int, area: str, goal: str, target: str,
             review_date: str = "") -> None:
        old = self._goal(goal_id)
        iso = self._review_date(review_date)
        problems = goal_problems(area, goal, target, iso,
                                 dt.date.fromisoformat(old.created_at[:10]))
        if problems:
            raise FieldErrors(problems)
        new = {"area": area, "goal": goal.strip(), "target": target.strip(), "review_date": iso}
        changed = [k for k, v in new.items() if getattr(old, k) != v]
        if changed:
            with self.session.change("goal.update", "goal", goal_id,
                                     {"episode": old.episode_id, "fields": changed}) as db:
                goals_repo.update_text(db, goal_id, area, goal.strip(), target.strip(), iso)

    def review(self, goal_id: int, status: str, note: str = "",
               assessment: str | None = "A2") -> int:
        old = self._goal(goal_id)
        problems = review_problems(status, note)
        if problems:
            raise FieldErrors(problems)
        with self.session._db.transaction() as db:
            rid = goals_repo.add_review(db, goal_id, assessment, status, note.strip(),
                                        self.session.username)
            audit_repo.append(db, self.session.username, "goal.review", "goal", goal_id,
                              {"episode": old.episode_id, "status": status,
                               "assessment": assessment or "", "review": rid})
        return rid

    def for_episodes(self, episode_ids: list[int]) -> list[Goal]:
        return goals_repo.for_episodes(self.session._db, episode_ids)

    def _goal(self, goal_id: int) -> Goal:
        goal = goals_repo.get(self.session._db, goal_id)
        if goal is None:
            raise ValidationError("This goal no longer exists.", "")
        return goal
