"""Which off-laptop backups to keep: a grandfather-father-son rotation, as data.

Pure (no files, no clock): given the times the backups in a folder were made, return the
ones to keep. The newest backup of each of the last ``daily`` days that have one is kept,
then the newest of each of the last ``weekly`` ISO weeks, then of the last ``monthly``
calendar months; the newest backup of all is always kept. Everything else may go.
Counting days *with a backup* (not calendar days) means a clinic closed for a fortnight
does not lose its last good backups to the calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rotation:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    def __post_init__(self) -> None:
        if min(self.daily, self.weekly, self.monthly) < 0:
            raise ValueError("a rotation keeps zero or more backups of each kind")


DEFAULT = Rotation()


def _newest_per(stamps: list[dt.datetime], bucket: Callable[[dt.datetime], Hashable],
                count: int) -> set[dt.datetime]:
    kept: set[dt.datetime] = set()
    seen: set[Hashable] = set()
    for s in stamps:  # newest first
        b = bucket(s)
        if b in seen:
            continue
        if len(seen) >= count:
            break
        seen.add(b)
        kept.add(s)
    return kept


def to_keep(stamps: Iterable[dt.datetime], rotation: Rotation = DEFAULT) -> set[dt.datetime]:
    ordered = sorted(set(stamps), reverse=True)
    if not ordered:
        return set()
    keep = {ordered[0]}
    keep |= _newest_per(ordered, lambda s: s.date(), rotation.daily)
    keep |= _newest_per(ordered, lambda s: s.isocalendar()[:2], rotation.weekly)
    keep |= _newest_per(ordered, lambda s: (s.year, s.month), rotation.monthly)
    return keep
