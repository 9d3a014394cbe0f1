"""Completeness: for each NACR export field the facts can see, the share of episodes that
have it, and how many records the export's own preflight holds back.

Only episodes that would go to NACR count (a patient who opted out is never exported, so
their gaps do not matter to the audit). The fields are the export profile's columns whose
source is the patient, the episode or an assessment date; questionnaire and clinical
answers are checked by the export preview itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from crdesk.core.dashboard.facts import EpisodeFacts

# The sources storage reports in EpisodeFacts.present.
FACT_SOURCES = (
    "patient.nhs_number", "patient.date_of_birth", "patient.gender",
    "patient.ethnic_category", "patient.postcode", "patient.gp_practice_code",
    "episode.initiating_event", "episode.event_date", "episode.treatment",
    "episode.treatment_date", "episode.discharge_date", "episode.referral_source",
    "episode.referred_by", "episode.referral_date", "episode.programme_start",
    "episode.programme_end", "episode.outcome",
    "assessment.A1.done_date", "assessment.A2.done_date", "assessment.A3.done_date",
)


@dataclass(frozen=True)
class FieldCompleteness:
    column: str
    source: str
    required: bool
    present: int
    of: int
    missing_ids: tuple[int, ...]  # episode ids without it


@dataclass(frozen=True)
class Completeness:
    episodes: int  # episodes that would go to NACR (opted-out patients left out)
    opted_out_left_out: int
    fields: list[FieldCompleteness]
    held_back: int | None  # from the export preflight; None when not computed


def completeness(eps: Sequence[EpisodeFacts], columns: Sequence[tuple[str, str, bool]],
                 held_back: int | None = None) -> Completeness:
    """``columns``: (column name, source, required) of the export profile."""
    going = [f for f in eps if not f.opted_out]
    # Episodes share few sets of present fields: group them once, then each column's
    # missing episodes are those of the sets without it (in episode order, as listed).
    by_present: dict[frozenset[str], list[int]] = {}
    for f in going:
        by_present.setdefault(f.present, []).append(f.episode_id)
    fields = []
    for name, source, required in columns:
        if source not in FACT_SOURCES:
            continue
        # Each list is in episode order already: joined and sorted in C (runs merge).
        missing = tuple(sorted(chain.from_iterable(
            ids for present, ids in by_present.items() if source not in present)))
        fields.append(FieldCompleteness(name, source, required, len(going) - len(missing),
                                        len(going), missing))
    return Completeness(len(going), len(eps) - len(going), fields, held_back)
