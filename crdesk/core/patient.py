"""A patient's identifiers and demographics (the record staff see)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Patient:
    id: int | None
    nhs_number: str | None
    hospital_number: str | None
    family_name: str
    given_name: str
    date_of_birth: str  # ISO yyyy-mm-dd
    gender: str | None = None
    ethnic_category: str | None = None
    postcode: str | None = None
    gp_practice_code: str | None = None
    nacr_opt_out: bool = False
    nacr_opt_out_date: str | None = None
    is_demo: bool = False
