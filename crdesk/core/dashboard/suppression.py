"""Small-number suppression for every summary that leaves the screen.

The rule is data (standards/disclosure-nhs-digital-2018.yaml): 0 stays 0; counts
1-7 become the mark with no percentage; larger counts are rounded to the nearest 5;
percentages come from the rounded counts; a mean or median of fewer than 8 values is not
shown. Values that are not about individuals (a threshold) pass unchanged.
"""

from __future__ import annotations

from crdesk.core.dashboard.standards import DisclosureRule
from crdesk.core.dashboard.tables import Cell, Count, Percent, Plain, Stat, Table, Value, exact


class Suppressor:
    def __init__(self, rule: DisclosureRule) -> None:
        self.rule = rule

    def _small(self, n: int) -> bool:
        return self.rule.suppress_from <= n <= self.rule.suppress_to

    def rounded(self, n: int) -> int | None:
        """The count as published, or None when it is suppressed."""
        if n == 0:
            return 0
        if self._small(n):
            return None
        step = self.rule.round_to
        return (2 * n + step) // (2 * step) * step  # nearest multiple, halves up

    def count(self, n: int) -> int | str:
        r = self.rounded(n)
        return self.rule.mark if r is None else r

    def percent(self, num: int, den: int) -> float | str | None:
        if den == 0:
            return None
        if not self.rule.percent_from_rounded:
            return self.rule.mark if self._small(num) or self._small(den) else round(
                100 * num / den, 1)
        rn, rd = self.rounded(num), self.rounded(den)
        if rn is None or rd is None:
            return self.rule.mark
        return None if rd == 0 else round(100 * rn / rd, 1)

    def stat(self, value: float | None, n: int, places: int = 0) -> Plain:
        if value is None or n == 0:
            return None
        if n < self.rule.statistic_minimum_n:
            return self.rule.mark
        return exact(Stat(value, n, places))

    def cell(self, c: Cell) -> Plain:
        if isinstance(c, Count):
            return self.count(c.n)
        if isinstance(c, Percent):
            return self.percent(c.num, c.den)
        if isinstance(c, Stat):
            return self.stat(c.value, c.n, c.places)
        if isinstance(c, Value):
            return exact(c)
        return exact(c)

    def table(self, t: Table) -> list[list[Plain]]:
        return [[self.cell(c) for c in row] for row in t.rows]


def exact_table(t: Table) -> list[list[Plain]]:
    return [[exact(c) for c in row] for row in t.rows]
