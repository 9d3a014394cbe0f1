"""Demo goals: one or two personal goals for each demo patient who had assessment 1, and a
review for those who finished. Synthetic like everything in a demo clinic."""

from __future__ import annotations

import random

from crdesk.services.session import Session
from crdesk.storage import goals_repo, patients_repo

GOALS = (
    ("activity", "Walk to the shops instead of driving", "Walk 30 minutes on 5 days a week"),
    ("activity", "Get back to gardening", "Two hours in the garden each weekend"),
    ("diet", "Eat less salt", "No added salt at the table; ready meals twice a week at most"),
    ("weight", "Lose some weight around the middle", "Waist down by 5 cm"),
    ("smoking", "Stop smoking for good", "Smoke-free for 4 weeks, checked with the CO monitor"),
    ("mood", "Feel less worried about my heart", "Use the breathing exercise when anxious"),
    ("return_to_work", "Go back to work part time", "Three days a week by the end of the "
                                                    "programme"),
    ("medicines", "Take my tablets every day", "Use a weekly pill box; no missed doses"),
)
REVIEWS = (("achieved", "Managed this most weeks."), ("partly_achieved", "Halfway there."),
           ("not_achieved", "Knee pain got in the way; agreed a new plan."),
           ("achieved", ""))


def add_demo_goals(session: Session, seed: int = 11) -> int:
    """Goals for every demo episode with assessment 1 done; returns how many were added."""
    rng = random.Random(seed)
    added = 0
    with session.change("demo.goals", "clinic", session.clinic().database_id) as db:
        for s in patients_repo.list_summaries(db):
            a1 = s.assessments.get("A1", {}).get("done_date")
            if s.episode_id is None or not a1:
                continue
            a2_done = bool(s.assessments.get("A2", {}).get("done_date"))
            for area, goal, target in rng.sample(GOALS, rng.choice((1, 2))):
                gid = goals_repo.insert(db, s.episode_id, area, goal, target, None,
                                        session.username)
                added += 1
                if a2_done:
                    status, note = rng.choice(REVIEWS)
                    goals_repo.add_review(db, gid, "A2", status, note, session.username)
    return added
