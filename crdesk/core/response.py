"""A stored questionnaire response: which form, which version, how far, whose."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUSES = ("draft", "complete", "reviewed")


@dataclass(frozen=True)
class ResponseRecord:
    id: int
    patient_id: int
    assessment_id: int | None
    form_id: str
    form_version: str
    form_hash: str
    locale: str
    mode: str  # "patient" (kiosk) or "staff"
    status: str
    current_page: str | None
    started_at: str
    completed_at: str | None
    provenance: dict[str, Any] = field(default_factory=dict)
    # How a staff-entered response was obtained (telephone, video, paper, in_person);
    # None for the kiosk and for staff entries made before schema 8.
    method: str | None = None
    # Its stage (core.staff_entry.STAGES): "awaiting_second" / "second" / "resolving" while
    # a paper questionnaire is being checked by double entry.
    entry_stage: str | None = None


@dataclass(frozen=True)
class Correction:
    id: int
    question_id: str
    old_value: Any
    new_value: Any
    reason: str
    corrected_at: str
    corrected_by: str
