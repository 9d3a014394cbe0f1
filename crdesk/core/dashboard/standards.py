"""The versioned standards files in standards/ (beside forms/): NCP_CR thresholds, SPC rules, the
disclosure-control rule, equity groupings and deprivation indices.

Every file carries ``format`` and ``format_version``; a file that does not match what this
code understands is refused with a message naming the file and the key, never guessed at.
Thresholds are never written in code: a new edition is a new file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from crdesk.core.shipped import shipped_dir

NATIONS = ("england", "wales", "northern_ireland")
NATION_LABELS = {"england": "England", "wales": "Wales", "northern_ireland": "Northern Ireland"}
DEFAULT_NATION = "england"
DEFAULT_EDITION = "ncp_cr-2018"
KPI_KINDS = ("mdt", "priority_groups", "median_duration", "a1_share", "median_wait",
             "a2_share")

# libyaml's safe loader when the wheel has it (it always does on the supported platforms):
# the same safe types, ~10x faster than the pure-Python one; the main window reads these
# files each time it is built (issue 15).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StandardsError(ValueError):
    """A standards file that cannot be used; the message names the file and the key."""


def standards_dir() -> Path:
    """Beside forms/ in a checkout, in _MEIPASS when frozen; CRDESK_STANDARDS_DIR overrides.

    Not under forms/: the form loader reads every YAML file there as a form."""
    return shipped_dir("standards", "CRDESK_STANDARDS_DIR")


class _Reader:
    """Typed access to one YAML mapping that names the file and key in every error."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise StandardsError(f"{where}: expected a mapping of keys to values.")
        self.data, self.where = data, where

    def get(self, key: str, kind: type | tuple[type, ...], *, optional: bool = False) -> Any:
        if key not in self.data:
            if optional:
                return None
            raise StandardsError(f"{self.where}: '{key}' is missing.")
        value = self.data[key]
        if value is None and optional:
            return None
        # bool is an int in Python: never accept true/false as a number.
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            raise StandardsError(f"{self.where}: '{key}' must not be true/false.")
        if not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            raise StandardsError(f"{self.where}: '{key}' should be {names}, not {value!r}.")
        return value

    def sub(self, key: str) -> _Reader:
        return _Reader(self.get(key, dict), f"{self.where} > {key}")

    def items(self, key: str) -> list[_Reader]:
        return [_Reader(v, f"{self.where} > {key}[{i}]")
                for i, v in enumerate(self.get(key, list))]


def _load(path: Path, fmt: str, version: int = 1) -> _Reader:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except OSError:
        raise StandardsError(f"{path.name}: the file could not be read.") from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        at = f" (line {line + 1})" if line is not None else ""
        raise StandardsError(f"{path.name}{at}: not valid YAML.") from None
    r = _Reader(data, path.name)
    if r.get("format", str) != fmt:
        raise StandardsError(f"{path.name}: 'format' should be {fmt}.")
    if r.get("format_version", int) != version:
        raise StandardsError(f"{path.name}: format_version {r.data['format_version']} is not "
                             f"one this crdesk reads ({version}).")
    return r


# ---- NCP_CR -----------------------------------------------------------------------------

@dataclass(frozen=True)
class PriorityGroup:
    id: str
    label: str
    events: frozenset[str]
    treatments: frozenset[str]

    def matches(self, event: str | None, treatment: str | None) -> bool:
        if self.events and event not in self.events:
            return False
        return not (self.treatments and treatment not in self.treatments)


@dataclass(frozen=True)
class KpiStandard:
    id: str
    number: int
    title: str
    kind: str
    comparison: str  # ">=" or "<="
    thresholds: dict[str, float | None]
    unit: str
    source_url: str
    groups: tuple[str, ...] = ()
    note: str = ""

    def met(self, value: float, threshold: float) -> bool:
        return value >= threshold if self.comparison == ">=" else value <= threshold


@dataclass(frozen=True)
class Optimal:
    measure: str
    label: str
    below: float | None = None
    at_least: float | None = None
    mean_change: bool = True  # False for a yes/no measure (smoking)

    def is_optimal(self, value: float) -> bool:
        if self.below is not None:
            return value < self.below
        return self.at_least is not None and value >= self.at_least


@dataclass(frozen=True)
class NcpCr:
    edition: str
    title: str
    entered: str
    nations: tuple[str, ...]
    rating_green: int
    rating_amber_from: int
    minimum_denominator: int
    priority_groups: tuple[PriorityGroup, ...]
    kpis: tuple[KpiStandard, ...]
    optimal: tuple[Optimal, ...]
    sources: dict[str, str]  # name -> url

    def kpi(self, kid: str) -> KpiStandard:
        return next(k for k in self.kpis if k.id == kid)

    def priority_group(self, event: str | None, treatment: str | None) -> str:
        for g in self.priority_groups:
            if g.matches(event, treatment):
                return g.id
        return "other"

    def group_label(self, gid: str) -> str:
        return next((g.label for g in self.priority_groups if g.id == gid), "Other")


def load_ncp_cr(edition: str = DEFAULT_EDITION, folder: Path | None = None) -> NcpCr:
    path = (folder or standards_dir()) / f"{edition}.yaml"
    if not path.is_file():
        raise StandardsError(f"There is no standards file for edition '{edition}'.")
    r = _load(path, "crdesk-standards-ncp_cr")
    if r.get("edition", str) != edition:
        raise StandardsError(f"{path.name}: 'edition' should be {edition}.")
    sources = {name: _Reader(v, f"{path.name} > sources > {name}").get("url", str)
               for name, v in r.get("sources", dict).items()}
    nations = tuple(r.get("nations", list))
    bad = [n for n in nations if n not in NATIONS]
    if bad:
        raise StandardsError(f"{path.name}: unknown nation(s) {', '.join(map(str, bad))}.")
    rating = r.sub("rating")
    groups = tuple(PriorityGroup(g.get("id", str), g.get("label", str),
                                 frozenset(g.get("events", list, optional=True) or ()),
                                 frozenset(g.get("treatments", list, optional=True) or ()))
                   for g in r.items("priority_groups"))
    kpis = []
    for k in r.items("kpis"):
        kind = k.get("kind", str)
        if kind not in KPI_KINDS:
            raise StandardsError(f"{k.where}: kind '{kind}' is not one of {', '.join(KPI_KINDS)}.")
        comparison = k.get("comparison", str)
        if comparison not in (">=", "<="):
            raise StandardsError(f"{k.where}: comparison must be '>=' or '<='.")
        th = k.sub("thresholds")
        thresholds = {n: th.get(n, (int, float), optional=True) for n in nations}
        src = k.get("source", str)
        if src not in sources:
            raise StandardsError(f"{k.where}: source '{src}' is not listed under 'sources'.")
        gids = k.get("groups", list, optional=True) or (
            [k.get("group", str)] if "group" in k.data else [])
        unknown = [g for g in gids if g not in {pg.id for pg in groups}]
        if unknown:
            raise StandardsError(f"{k.where}: unknown priority group(s) {', '.join(unknown)}.")
        kpis.append(KpiStandard(k.get("id", str), k.get("number", int), k.get("title", str),
                                kind, comparison,
                                {n: None if v is None else float(v) for n, v in
                                 thresholds.items()},
                                str(k.get("unit", str)), sources[src], tuple(gids),
                                k.get("note", str, optional=True) or ""))
    if sorted(k.number for k in kpis) != list(range(1, 8)):
        raise StandardsError(f"{path.name}: 'kpis' must list KPIs 1 to 7 once each.")
    optimal = []
    for o in r.items("optimal"):
        below = o.get("below", (int, float), optional=True)
        at_least = o.get("at_least", (int, float), optional=True)
        if (below is None) == (at_least is None):
            raise StandardsError(f"{o.where}: give exactly one of 'below' or 'at_least'.")
        optimal.append(Optimal(o.get("measure", str), o.get("label", str),
                               None if below is None else float(below),
                               None if at_least is None else float(at_least),
                               o.get("mean_change", bool, optional=True) is not False))
    return NcpCr(edition, r.get("title", str), str(r.get("entered", str)), nations,
                 rating.get("green", int), rating.get("amber_from", int),
                 r.get("minimum_denominator", int), groups, tuple(kpis), tuple(optimal),
                 sources)


# ---- SPC --------------------------------------------------------------------------------

@dataclass(frozen=True)
class SpcRules:
    edition: str
    title: str
    source_url: str
    limit_factor: float
    near_limit_fraction: float
    shift_points: int
    trend_points: int
    two_of_three: bool
    minimum_points: int


def load_spc(folder: Path | None = None, name: str = "spc-making-data-count") -> SpcRules:
    path = (folder or standards_dir()) / f"{name}.yaml"
    r = _load(path, "crdesk-standards-spc")
    rules = SpcRules(r.get("edition", str), r.get("title", str), r.sub("source").get("url", str),
                     float(r.get("limit_factor", (int, float))),
                     float(r.get("near_limit_fraction", (int, float))),
                     r.get("shift_points", int), r.get("trend_points", int),
                     r.get("two_of_three", bool), r.get("minimum_points", int))
    if rules.shift_points < 2 or rules.trend_points < 2 or rules.limit_factor <= 0:
        raise StandardsError(f"{path.name}: shift/trend points must be >= 2 and the limit "
                             "factor positive.")
    return rules


# ---- disclosure control -----------------------------------------------------------------

@dataclass(frozen=True)
class DisclosureRule:
    edition: str
    title: str
    source_url: str
    suppress_from: int
    suppress_to: int
    mark: str
    round_to: int
    percent_from_rounded: bool
    statistic_minimum_n: int
    summary: str


def load_disclosure(folder: Path | None = None,
                    name: str = "disclosure-nhs-digital-2018") -> DisclosureRule:
    path = (folder or standards_dir()) / f"{name}.yaml"
    r = _load(path, "crdesk-standards-disclosure")
    if r.get("zero_shown", bool) is not True:
        raise StandardsError(f"{path.name}: only 'zero_shown: true' is supported.")
    rule = DisclosureRule(r.get("edition", str), r.get("title", str),
                          r.sub("source").get("url", str), r.get("suppress_from", int),
                          r.get("suppress_to", int), r.get("mark", str), r.get("round_to", int),
                          r.get("percent_from_rounded", bool), r.get("statistic_minimum_n", int),
                          " ".join(r.get("summary", str).split()))
    if not 1 <= rule.suppress_from <= rule.suppress_to or rule.round_to < 1:
        raise StandardsError(f"{path.name}: suppress_from..suppress_to must be a range of "
                             "positive counts and round_to at least 1.")
    return rule


# ---- equity groupings and deprivation ----------------------------------------------------

@dataclass(frozen=True)
class EquityGroups:
    edition: str
    ethnic_groups: tuple[tuple[str, str, frozenset[str]], ...]  # id, label, codes
    sex: tuple[tuple[str, str], ...]  # code, label
    age_bands: tuple[tuple[int, int, str], ...]  # from, to (exclusive), label

    def ethnic_group(self, code: str | None) -> str:
        c = (code or "").strip().upper()[:1]
        return next((label for _, label, codes in self.ethnic_groups if c in codes),
                    "Not known")

    def sex_label(self, code: str | None) -> str:
        return next((label for c, label in self.sex if c == (code or "").strip()), "Not known")

    def age_band(self, age: int | None) -> str:
        if age is None:
            return "Not known"
        return next((label for lo, hi, label in self.age_bands if lo <= age < hi), "Not known")


def load_equity(folder: Path | None = None, name: str = "equity-groups") -> EquityGroups:
    path = (folder or standards_dir()) / f"{name}.yaml"
    r = _load(path, "crdesk-standards-equity")
    groups = tuple((g.get("id", str), g.get("label", str),
                    frozenset(str(c) for c in g.get("codes", list)))
                   for g in r.items("ethnic_groups"))
    seen: set[str] = set()
    for _, _label, codes in groups:
        if seen & codes:
            raise StandardsError(f"{path.name}: ethnic codes {sorted(seen & codes)} are in more "
                                 "than one group.")
        seen |= codes
    sex = tuple((str(s.get("code", str)), s.get("label", str)) for s in r.items("sex"))
    bands = tuple((b.get("from", int), b.get("to", int), b.get("label", str))
                  for b in r.items("age_bands"))
    return EquityGroups(r.get("edition", str), groups, sex, bands)


@dataclass(frozen=True)
class DeprivationIndex:
    nation: str
    index: str
    areas: int
    source_url: str
    onspd_country: str

    def decile_of_rank(self, rank: int) -> int:
        """Rank 1 is the most deprived area; decile 1 the most deprived tenth."""
        if not 1 <= rank <= self.areas:
            raise ValueError(f"rank {rank} is outside 1..{self.areas}")
        return max(1, min(10, math.ceil(rank * 10 / self.areas)))


def load_deprivation(folder: Path | None = None,
                     name: str = "deprivation-indices") -> dict[str, DeprivationIndex]:
    path = (folder or standards_dir()) / f"{name}.yaml"
    r = _load(path, "crdesk-standards-deprivation")
    indices, countries = r.sub("indices"), r.sub("onspd_country")
    out = {}
    for nation in NATIONS:
        i = indices.sub(nation)
        out[nation] = DeprivationIndex(nation, i.get("index", str), i.get("areas", int),
                                       i.sub("source").get("url", str),
                                       countries.get(nation, str))
    return out
