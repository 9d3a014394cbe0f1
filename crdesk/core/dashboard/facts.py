"""One row per referral episode with exactly what the dashboard's figures need.

The dashboard never reads answer rows one by one: storage builds these facts in one query
over patients, episodes, assessments and scores (plus the four outcome answers it needs,
read by primary key), and everything else works on them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

# Outcome measures carried per assessment. "smoking" is 1.0 for a current smoker, 0.0 for
# anyone else who answered, so that "optimal" is "below 1" like the other measures.
OUTCOME_MEASURES = ("bmi", "active_minutes_week", "hads_anxiety", "hads_depression", "smoking")

# Outcomes recorded for an episode that ended without completing (care_status.OUTCOMES).
NOT_STARTED_OUTCOMES = ("declined", "did_not_attend")
STOPPED_OUTCOMES = ("withdrew", "died", "other")


_NO_VALUES: Mapping[str, float] = MappingProxyType({})


class EpisodeFacts(NamedTuple):  # a tuple: 50,000 are made per refresh, and storage makes
    #                              them with one C call (tuple.__new__), not an __init__
    episode_id: int
    patient_id: int
    referral: dt.date | None
    start: dt.date | None
    end: dt.date | None
    a1: dt.date | None
    a2: dt.date | None
    a3: dt.date | None
    initiating_event: str | None = None
    treatment: str | None = None
    event_date: dt.date | None = None
    outcome: str | None = None
    age: int | None = None  # whole years at referral (or at the event if no referral date)
    sex: str | None = None  # person stated gender code as stored
    ethnic: str | None = None  # NHS Data Dictionary ethnic category code
    decile: int | None = None  # deprivation decile (1 = most deprived) from the lookup
    opted_out: bool = False  # NACR opt-out: counted here, never sent to NACR
    a1_values: Mapping[str, float] = _NO_VALUES
    a2_values: Mapping[str, float] = _NO_VALUES
    # NACR export fields present on this episode (the column names of the export profile
    # whose source the facts can see): for the completeness table.
    present: frozenset[str] = frozenset()

    @property
    def started(self) -> bool:
        return self.start is not None

    @property
    def completed(self) -> bool:
        return self.outcome == "completed"

    @property
    def quintile(self) -> int | None:
        """Deciles paired: 1-2 -> 1 ... 9-10 -> 5 (1 = most deprived)."""
        return None if self.decile is None else (self.decile + 1) // 2


