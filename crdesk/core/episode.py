"""A referral episode and everything the export needs to know about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crdesk.core.patient import Patient

EPISODE_FIELDS = ("initiating_event", "event_date", "treatment", "treatment_date",
                  "discharge_date", "referral_source", "referral_date", "referred_by",
                  "programme_start", "programme_end", "outcome",
                  # schema 7 (issue 10): the NACR programme fields
                  "first_invited_date", "risk_level", "delivery_mode", "sessions_offered",
                  "sessions_attended", "not_started_reason", "not_completed_reason",
                  "date_of_death")
ASSESSMENT_KINDS = ("A1", "A2", "A3")


@dataclass(frozen=True)
class Episode:
    id: int | None
    patient_id: int
    initiating_event: str | None = None
    event_date: str | None = None
    treatment: str | None = None
    treatment_date: str | None = None
    discharge_date: str | None = None
    referral_source: str | None = None
    referral_date: str | None = None
    referred_by: str | None = None
    programme_start: str | None = None
    programme_end: str | None = None
    outcome: str | None = None
    first_invited_date: str | None = None
    risk_level: str | None = None
    delivery_mode: str | None = None
    sessions_offered: int | None = None
    sessions_attended: int | None = None
    not_started_reason: str | None = None
    not_completed_reason: str | None = None
    date_of_death: str | None = None

    def fields(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in EPISODE_FIELDS}


@dataclass(frozen=True)
class EpisodeSnapshot:
    """One episode as stored: the patient, the episode, its assessments, answers and scores.

    ``answers[(kind, mode)]`` holds the answers of the newest completed response for that
    assessment, ``mode`` being "patient" (questionnaire) or "staff" (clinical assessment).
    """

    patient: Patient
    episode: Episode
    assessments: dict[str, dict[str, str | None]] = field(default_factory=dict)
    answers: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    scores: dict[str, dict[str, float | None]] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # form id -> version used
    # (kind, mode) -> (form id, version) of the response ``answers[(kind, mode)]`` came from:
    # A1 may be answered on version 1 of a form and A2 on version 2.
    versions: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
