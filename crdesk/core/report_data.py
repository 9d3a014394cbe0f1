"""What the patient progress report shows: plain data, built by the service, drawn by
crdesk.reports. Identifiers are limited to name, date of birth and NHS number."""

from __future__ import annotations

from dataclasses import dataclass, field

from crdesk.core.goals import Goal
from crdesk.core.progress import ProgressRow


@dataclass(frozen=True)
class ReportData:
    clinic_name: str
    patient_name: str
    date_of_birth: str  # as printed, e.g. 14 March 1950
    nhs_number: str  # as printed, 3-3-4, or "" when not recorded
    made_on: str  # as printed
    assessments: dict[str, str]  # kind -> date done, as printed
    rows: list[ProgressRow]
    goals: list[Goal] = field(default_factory=list)
    contact: str = ""  # the clinic's phone line or similar, from clinic settings
    demo: bool = False  # a demo clinic's reports say so on every page
    # kind -> how the questionnaire was completed, in words ("by telephone"); see
    # core.staff_entry.method_words.
    modes: dict[str, str] = field(default_factory=dict)
