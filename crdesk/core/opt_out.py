"""A patient's NACR opt-out: its states, which of them keep a patient out of every export,
and how a kiosk answer moves it.

States:
- none: nothing said; the patient is exported like anyone else.
- to_confirm: the patient said no (or asked to talk to staff first) at the kiosk, or staff
  recorded it without a date yet. Treated exactly as opted out until staff act.
- confirmed: staff confirmed it with the date the patient opted out. Never exported.
- cleared: staff cleared it, with a reason (the patient changed their mind, it was a
  mistake). Exported again from the next batch.

A kiosk answer only ever moves the state towards "opted out": a patient who picks the
opt-out answer and then another one stays "to confirm" until staff talk to them, so that a
slip of the finger never sends someone who once said no. Only staff clear an opt-out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from crdesk.core import validation


class OptOutState(StrEnum):
    NONE = "none"
    TO_CONFIRM = "to_confirm"
    CONFIRMED = "confirmed"
    CLEARED = "cleared"


# The one rule every export selection uses (services/export.py, storage's selection query).
EXCLUDED_FROM_NACR: frozenset[OptOutState] = frozenset(
    {OptOutState.TO_CONFIRM, OptOutState.CONFIRMED})

LABELS: dict[OptOutState, str] = {
    OptOutState.NONE: "No opt-out recorded",
    OptOutState.TO_CONFIRM: "Opt-out to confirm",
    OptOutState.CONFIRMED: "Opted out of NACR",
    OptOutState.CLEARED: "Opt-out cleared",
}

# The information page of the patient questionnaire and the answers that mean "do not send
# me" (the patient asking to talk to staff first is held back until staff have).
CONSENT_FORM = "nacr_patient"
CONSENT_QUESTION = "info_acknowledgement"
KIOSK_OPT_OUT_CHOICES: frozenset[str] = frozenset({"opt_out", "talk_to_staff"})
MAX_REASON = 500


def excluded(state: OptOutState | str) -> bool:
    """Whether a patient in this state is left out of every export."""
    return OptOutState(state) in EXCLUDED_FROM_NACR


@dataclass(frozen=True)
class OptOutEvent:
    """One change of state, as the history keeps it."""

    id: int
    patient_id: int
    state: OptOutState
    opt_out_date: str | None  # ISO; the date the patient opted out (confirmed)
    reason: str | None  # why it was cleared
    actor: str
    at: str  # ISO timestamp, UTC
    response_id: int | None = None  # the kiosk response that raised it
    choice: str | None = None  # the kiosk answer


@dataclass(frozen=True)
class OptOutStatus:
    """The current state and its history (oldest first)."""

    patient_id: int
    state: OptOutState
    opt_out_date: str | None
    history: tuple[OptOutEvent, ...] = ()

    @property
    def excluded(self) -> bool:
        return excluded(self.state)

    @property
    def last(self) -> OptOutEvent | None:
        return self.history[-1] if self.history else None

    @property
    def label(self) -> str:
        return LABELS[self.state]


def kiosk_next_state(current: OptOutState, choice: object) -> OptOutState | None:
    """The state a kiosk answer moves the patient to, or None for no change."""
    if choice in KIOSK_OPT_OUT_CHOICES and current in (OptOutState.NONE, OptOutState.CLEARED):
        return OptOutState.TO_CONFIRM
    return None


def confirm_problems(current: OptOutState, date_text: str, today: dt.date) -> dict[str, str]:
    """Field -> message for confirming an opt-out on ``date_text`` (required, not future)."""
    problems: dict[str, str] = {}
    if current is OptOutState.CONFIRMED:
        problems["state"] = "This opt-out is already confirmed."
    msg = validation.date_problem(date_text, required=True, today=today)
    if msg == "Enter a date.":
        msg = f"Enter the date the patient opted out, e.g. {today:%d/%m/%Y}."
    if msg:
        problems["opt_out_date"] = msg
    return problems


def clear_problems(current: OptOutState, reason: str) -> dict[str, str]:
    """Field -> message for clearing an opt-out with ``reason``."""
    problems: dict[str, str] = {}
    if current not in EXCLUDED_FROM_NACR:
        problems["state"] = "There is no opt-out to clear."
    if not reason.strip():
        problems["reason"] = ("Give the reason for clearing the opt-out, for example "
                              "'patient changed their mind when we talked'.")
    elif len(reason) > MAX_REASON:
        problems["reason"] = f"Keep the reason under {MAX_REASON} characters."
    return problems


# ---- what the patient is told -----------------------------------------------------------------
# The NACR patient leaflet: the National Data Opt-out does not apply to this audit, and a
# patient who registered one must still say no to the audit separately. A text pack that
# mentions the National Data Opt-out must say that it does not apply, and no sentence may
# offer it as a way to stay out of the audit.
_NDO = re.compile(r"national\s+data\s+opt[\s-]?out|\bNDOO?\b", re.IGNORECASE)
_DOES_NOT_APPLY = re.compile(r"\b(?:does\s+not|doesn['’]t|do\s+not|don['’]t)\s+apply\b",
                             re.IGNORECASE)
_OFFERED = re.compile(r"\b(?:can|could|may|should|might)\b(?:(?!\bnot\b)[^.!?])*"
                      r"\b(?:use|register|join|choose|set)\b[^.!?]*(?:" + _NDO.pattern + ")",
                      re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def national_data_opt_out_problems(texts: Mapping[str, str]) -> list[str]:
    """Keys of one text pack that contradict the leaflet, each with the reason."""
    problems: list[str] = []
    mentions = [k for k, v in texts.items() if _NDO.search(v)]
    if mentions and not any(_DOES_NOT_APPLY.search(texts[k]) for k in mentions):
        problems.append(f"{mentions[0]}: mentions the National Data Opt-out without saying "
                        "that it does not apply to this audit")
    for key, text in texts.items():
        for sentence in _SENTENCE.findall(text):
            if _OFFERED.search(sentence):
                problems.append(f"{key}: offers the National Data Opt-out as a way to stay "
                                "out of the audit; it does not apply to NACR")
                break
    return problems
