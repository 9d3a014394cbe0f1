"""The retention period of a patient's record (standards/retention-*.yaml) and when a
record falls due for disposal. Pure: the caller supplies dates and the setting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from crdesk.core.shipped import shipped_dir

DEFAULT_EDITION = "retention-nhs-england-2023"
MIN_YEARS = 1
MAX_YEARS = 30


@dataclass(frozen=True)
class RetentionStandard:
    edition: str
    title: str
    url: str
    page: str
    record_class: str
    years: int
    from_event: str
    why: str

    def help_text(self) -> str:
        return (f"Default {self.years} years after the {self.from_event}: the class "
                f"\"{self.record_class}\" of the retention schedule (Appendix II) of the "
                f"{self.title}, {self.url}")


def load_standard(edition: str = DEFAULT_EDITION, folder: Path | None = None) -> RetentionStandard:
    base = folder or shipped_dir("standards", "CRDESK_STANDARDS_DIR")
    doc = yaml.safe_load((base / f"{edition}.yaml").read_text(encoding="utf-8"))
    if doc.get("format") != "crdesk-standards-retention" or doc.get("format_version") != 1:
        raise ValueError(f"{edition}.yaml is not a version-1 retention standard")
    src = doc["source"]
    return RetentionStandard(str(doc["edition"]), str(doc["title"]), str(src["url"]),
                             str(src["page"]), str(doc["record_class"]), int(doc["years"]),
                             str(doc["from_event"]), " ".join(str(doc["why"]).split()))


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def due_date(last_activity: dt.date, years: int) -> dt.date:
    """The first day the record may be disposed of."""
    return add_years(last_activity, years) + dt.timedelta(days=1)


def check_years(years: int) -> str | None:
    if not MIN_YEARS <= years <= MAX_YEARS:
        return (f"The retention period must be between {MIN_YEARS} and {MAX_YEARS} years "
                f"(you gave {years}).")
    return None
