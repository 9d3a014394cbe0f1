"""Equity: uptake, completion and assessment 2 outcomes by age band, sex, ethnic group and
deprivation quintile.

Groupings come from standards/equity-groups.yaml; deprivation from the patient's
postcode through the lookup the admin imported (a postcode not in it is "Not known").
Suppression applies per cell when a table leaves the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from crdesk.core.dashboard.activity import Uptake, outcomes, uptake
from crdesk.core.dashboard.facts import EpisodeFacts
from crdesk.core.dashboard.standards import EquityGroups, NcpCr

QUINTILE_LABELS = {1: "1 (most deprived)", 2: "2", 3: "3", 4: "4", 5: "5 (least deprived)"}
DIMENSIONS = ("age_band", "sex", "ethnic_group", "deprivation_quintile")
DIMENSION_LABELS = {"age_band": "Age at referral", "sex": "Sex",
                    "ethnic_group": "Ethnic group", "deprivation_quintile":
                    "Deprivation quintile"}


@dataclass(frozen=True)
class EquityRow:
    group: str
    uptake: Uptake
    a2_recorded: int
    # measure -> (optimal at A2, with a value at A2)
    a2_optimal: dict[str, tuple[int, int]]
    episode_ids: tuple[int, ...]


def _key(dimension: str, groups: EquityGroups) -> Callable[[EpisodeFacts], str]:
    if dimension == "age_band":
        return lambda f: groups.age_band(f.age)
    if dimension == "sex":
        return lambda f: groups.sex_label(f.sex)
    if dimension == "ethnic_group":
        return lambda f: groups.ethnic_group(f.ethnic)
    if dimension == "deprivation_quintile":
        return lambda f: QUINTILE_LABELS.get(f.quintile or 0, "Not known")
    raise ValueError(f"unknown equity dimension {dimension}")


def _order(dimension: str, groups: EquityGroups) -> list[str]:
    if dimension == "age_band":
        labels = [b[2] for b in groups.age_bands]
    elif dimension == "sex":
        labels = [s[1] for s in groups.sex]
    elif dimension == "ethnic_group":
        labels = [g[1] for g in groups.ethnic_groups]
    else:
        labels = list(QUINTILE_LABELS.values())
    return [*labels, "Not known"]


def breakdown(eps: Sequence[EpisodeFacts], dimension: str, groups: EquityGroups,
              standards: NcpCr) -> list[EquityRow]:
    """One row per group, every group listed (a group with nobody shows zeros: an empty
    row is itself a finding)."""
    key = _key(dimension, groups)
    by: dict[str, list[EpisodeFacts]] = {label: [] for label in _order(dimension, groups)}
    for f in eps:
        by.setdefault(key(f), []).append(f)
    rows = []
    for label, fs in by.items():
        outs = outcomes(fs, standards)
        rows.append(EquityRow(label, uptake(fs), sum(1 for f in fs if f.a2 is not None),
                              {o.measure: (o.a2_optimal, o.a2_n) for o in outs},
                              tuple(f.episode_id for f in fs)))
    return rows
