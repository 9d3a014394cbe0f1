"""Aggregate tables made of typed cells, so that one rule can suppress every figure.

A cell says what it is (a count of patients, a percentage of two counts, a statistic over
n patients, a value that is not about individuals, or text); ``suppression`` decides how
each kind may be shown outside the clinic. Nothing builds display strings for shared
output except through it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Count:
    n: int


@dataclass(frozen=True)
class Percent:
    num: int
    den: int


@dataclass(frozen=True)
class Stat:
    """A mean or median of ``n`` patients' values (None when there are none)."""

    value: float | None
    n: int
    places: int = 0


@dataclass(frozen=True)
class Value:
    """A figure not about individuals (a threshold, a number of professions)."""

    value: float | None
    places: int = 0


@dataclass(frozen=True)
class Text:
    text: str


Cell = Count | Percent | Stat | Value | Text
Plain = int | float | str | None


@dataclass
class Table:
    id: str
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def exact(cell: Cell) -> Plain:
    """The exact figure, for the screen and the JSON's ``exact`` section."""
    if isinstance(cell, Count):
        return cell.n
    if isinstance(cell, Percent):
        return None if cell.den == 0 else round(100 * cell.num / cell.den, 1)
    if isinstance(cell, Stat):
        return None if cell.value is None or cell.n == 0 else _places(cell.value, cell.places)
    if isinstance(cell, Value):
        return None if cell.value is None else _places(cell.value, cell.places)
    return cell.text


def _places(v: float, places: int) -> int | float:
    return int(round(v)) if places == 0 else round(v, places)
