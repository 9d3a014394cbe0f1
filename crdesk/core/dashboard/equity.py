"""Equity: uptake, completion and assessment 2 outcomes by age band, sex, ethnic group and
deprivation quintile.

Groupings come from standards/equity-groups.yaml; deprivation from the patient's
postcode through the lookup the admin imported (a postcode not in it is "Not known").
Suppression applies per cell when a table leaves the screen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter

from crdesk.core.dashboard.activity import Uptake
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


def _key(dimension: str, groups: EquityGroups) -> Callable[[EpisodeFacts], str]:
    # Memoised by the raw value: there are only a handful of distinct codes.
    if dimension == "age_band":
        memo_age: dict[int | None, str] = {}

        def age(f: EpisodeFacts) -> str:
            v = memo_age.get(f.age)
            if v is None:
                v = memo_age[f.age] = groups.age_band(f.age)
            return v
        return age
    raw: Callable[[EpisodeFacts], object]
    label: Callable[[object], str]
    if dimension == "sex":
        raw, label = (lambda f: f.sex), (lambda v: groups.sex_label(v))  # type: ignore[arg-type]
    elif dimension == "ethnic_group":
        raw, label = (lambda f: f.ethnic), (lambda v: groups.ethnic_group(v))  # type: ignore[arg-type]
    elif dimension == "deprivation_quintile":
        raw, label = (lambda f: f.decile), (
            lambda v: QUINTILE_LABELS.get(((v or 0) + 1) // 2, "Not known"))  # type: ignore[operator]
    else:
        raise ValueError(f"unknown equity dimension {dimension}")
    memo: dict[object, str] = {}

    def key(f: EpisodeFacts) -> str:
        v = raw(f)
        g = memo.get(v)
        if g is None:
            g = memo[v] = label(v)
        return g
    return key


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


Signature = tuple[bool, str | None, bool, tuple[int | None, ...]]


def signature(f: EpisodeFacts, standards: NcpCr) -> Signature:
    """What the equity tables need of one episode: started, outcome, has A2, and per
    optimal measure at A2: None (no value), 0 or 1. Episodes share few signatures, so
    the tables are counted over (group, signature) pairs instead of episode by episode."""
    v2 = f.a2_values
    flags = tuple(None if (x := v2.get(o.measure)) is None else int(o.is_optimal(x))
                  for o in standards.optimal) if v2 else (None,) * len(standards.optimal)
    return (f.start is not None, f.outcome, f.a2 is not None, flags)


def signatures(eps: Sequence[EpisodeFacts], standards: NcpCr) -> list[Signature]:
    """``signature`` of every episode, with each measure's test as two numbers and the
    flags of episodes without A2 values shared (the dashboard works out one per episode
    of the period)."""
    opt = standards.optimal
    measures = [o.measure for o in opt]
    below = [o.below for o in opt]
    at_least = [o.at_least for o in opt]
    none: tuple[int | None, ...] = (None,) * len(opt)
    tests = list(zip(measures, below, at_least, strict=True))
    flags_memo: dict[tuple[int | None, ...], tuple[int | None, ...]] = {none: none}
    out: list[Signature] = []
    append = out.append
    for f in eps:
        v2 = f.a2_values
        if v2:
            fl: list[int | None] = []
            for m, b, a in tests:
                x = v2.get(m)
                fl.append(None if x is None else int(x < b) if b is not None
                          else int(a is not None and x >= a))
            flags: tuple[int | None, ...] = tuple(fl)
            # Equal tuples shared: the Counters below hash them, and few differ.
            flags = flags_memo.setdefault(flags, flags)
        else:
            flags = none
        append((f.start is not None, f.outcome, f.a2 is not None, flags))
    return out


def breakdown(eps: Sequence[EpisodeFacts], dimension: str, groups: EquityGroups,
              standards: NcpCr, sigs: Sequence[Signature] | None = None) -> list[EquityRow]:
    """One row per group, every group listed (a group with nobody shows zeros: an empty
    row is itself a finding). ``sigs``: the episodes' signatures, when already worked out."""
    key = _key(dimension, groups)
    if sigs is None:
        sigs = [signature(f, standards) for f in eps]
    return _rows(Counter(zip(map(key, eps), sigs, strict=True)), dimension, groups, standards)


def breakdowns(eps: Sequence[EpisodeFacts], groups: EquityGroups, standards: NcpCr,
               sigs: Sequence[Signature] | None = None) -> dict[str, list[EquityRow]]:
    """``breakdown`` for every dimension: each signature numbered once, then per
    dimension the (raw value, signature number) pairs counted in C (a clinic has a few
    hundred signatures and a few dozen values per dimension), and only those pairs
    labelled. The rows equal ``breakdown``'s, their reasons in the same order
    (tests/core/dashboard/test_fast_paths.py)."""
    if sigs is None:
        sigs = signatures(eps, standards)
    numbers: dict[Signature, int] = {}
    sig_ids = [numbers.setdefault(sig, len(numbers)) for sig in sigs]
    by_number = list(numbers)
    out = {}
    for dimension, name in zip(DIMENSIONS, _FIELDS, strict=True):
        key = _key(dimension, groups)
        labels: dict[object, str] = {}
        counts: Counter[tuple[str, Signature]] = Counter()
        pairs = Counter(zip(map(attrgetter(name), eps), sig_ids, strict=True))
        for (value, number), n in pairs.items():
            label = labels.get(value)
            if label is None:
                label = labels[value] = key(_stand_in(**{name: value}))
            counts[(label, by_number[number])] += n
        out[dimension] = _rows(counts, dimension, groups, standards)
    return out


_FIELDS = ("age", "sex", "ethnic", "decile")  # the EpisodeFacts field of each dimension


def _stand_in(age: int | None = None, sex: str | None = None, ethnic: str | None = None,
              decile: int | None = None) -> EpisodeFacts:
    """An episode with just the four fields ``_key``'s functions read."""
    return EpisodeFacts(0, 0, None, None, None, None, None, None, age=age, sex=sex,
                        ethnic=ethnic, decile=decile)


def _rows(counts: Mapping[tuple[str, Signature], int], dimension: str, groups: EquityGroups,
          standards: NcpCr) -> list[EquityRow]:
    by: dict[str, list[tuple[Signature, int]]] = {g: [] for g in _order(dimension, groups)}
    for (g, sig), n in counts.items():
        by.setdefault(g, []).append((sig, n))
    rows = []
    nopt = len(standards.optimal)
    for label, items in by.items():
        referred = started = not_started = waiting = finished = completed = a2 = 0
        reasons_ns: Counter[str] = Counter()
        reasons_nf: Counter[str] = Counter()
        opt, with_value = [0] * nopt, [0] * nopt
        for (is_started, outcome, has_a2, flags), n in items:
            referred += n
            a2 += n * has_a2
            if is_started:
                started += n
                if outcome is not None:
                    finished += n
                    if outcome == "completed":
                        completed += n
                    else:
                        reasons_nf[outcome] += n
            elif outcome is None:
                waiting += n
            elif outcome != "completed":
                not_started += n
                reasons_ns[outcome] += n
            for i, fl in enumerate(flags):
                if fl is not None:
                    with_value[i] += n
                    opt[i] += n * fl
        u = Uptake(referred, started, not_started, waiting, finished, completed,
                   started - finished, dict(reasons_ns), dict(reasons_nf))
        rows.append(EquityRow(label, u, a2, {o.measure: (opt[i], with_value[i])
                                             for i, o in enumerate(standards.optimal)}))
    return rows


def members(eps: Sequence[EpisodeFacts], dimension: str, group: str,
            groups: EquityGroups) -> list[int]:
    """The episode ids behind one equity row (for the drill-down)."""
    key = _key(dimension, groups)
    return [f.episode_id for f in eps if key(f) == group]
