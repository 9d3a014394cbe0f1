"""A patient's contact details, for booking assessments. They stay on the laptop: no export
profile can name them (export/profile.py knows no source for them) and they never reach a
log or an audit row (which carry field names only)."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

# crdesk's own list (no NHS Data Dictionary item for it was found).
CONTACT_METHODS: dict[str, str] = {
    "phone": "Phone call", "text": "Text message", "letter": "Letter",
    "email": "Email", "carer": "Through the carer or next of kin",
}
MAX_TEXT = 200
MAX_ADDRESS = 400
# A UK or international number as people type it: digits with spaces, dashes, dots,
# brackets and a leading +. At least 10 digits (UK numbers have 10 or 11 after the 0).
_PHONE_CHARS = re.compile(r"^\+?[0-9 ()./-]+$")


@dataclass(frozen=True)
class ContactDetails:
    patient_id: int | None = None
    phone_main: str | None = None
    phone_other: str | None = None
    address: str | None = None
    preferred_contact: str | None = None
    interpreter_needed: bool = False
    interpreter_language: str | None = None
    carer_name: str | None = None
    carer_relationship: str | None = None
    carer_phone: str | None = None

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self) if f.name != "patient_id")


def phone_problem(text: str) -> str | None:
    t = text.strip()
    if not t:
        return None
    digits = sum(c.isdigit() for c in t)
    if not _PHONE_CHARS.match(t) or not 10 <= digits <= 15:
        return "Enter the number with its area code, e.g. 0113 496 0000."
    return None


def contact_problems(c: ContactDetails) -> dict[str, str]:
    """Field -> message; empty means the details can be saved."""
    problems: dict[str, str] = {}
    for name in ("phone_main", "phone_other", "carer_phone"):
        msg = phone_problem(getattr(c, name) or "")
        if msg:
            problems[name] = msg
    if c.preferred_contact and c.preferred_contact not in CONTACT_METHODS:
        problems["preferred_contact"] = "Choose a way to contact the patient from the list."
    if c.preferred_contact in ("phone", "text") and not (c.phone_main or c.phone_other):
        problems["phone_main"] = "Enter a phone number, or choose another way to contact them."
    if c.preferred_contact == "letter" and not c.address:
        problems["address"] = "Enter the address, or choose another way to contact them."
    if c.preferred_contact == "carer" and not (c.carer_name and c.carer_phone):
        problems["carer_phone"] = "Enter the carer's name and phone number."
    if c.interpreter_needed and not (c.interpreter_language or "").strip():
        problems["interpreter_language"] = "Enter the language the interpreter should speak."
    if len(c.address or "") > MAX_ADDRESS:
        problems["address"] = f"Keep the address under {MAX_ADDRESS} characters."
    for name in ("interpreter_language", "carer_name", "carer_relationship"):
        if len(getattr(c, name) or "") > MAX_TEXT:
            problems[name] = f"Keep this under {MAX_TEXT} characters."
    return problems


def clean_contact(c: ContactDetails) -> ContactDetails:
    """Stored forms: trimmed, empty as None, one space between the digit groups of a phone
    number, the address on one line."""
    def one(v: str | None) -> str | None:
        v = (v or "").strip()
        return v or None

    def phone(v: str | None) -> str | None:
        v = one(v)
        return " ".join(v.split()) if v else None

    # One line, parts separated by commas, however it was typed or pasted.
    parts = [part.strip() for line in (c.address or "").splitlines() for part in line.split(",")]
    address = ", ".join(p for p in parts if p)
    return ContactDetails(
        c.patient_id, phone(c.phone_main), phone(c.phone_other), address or None,
        one(c.preferred_contact), bool(c.interpreter_needed),
        one(c.interpreter_language) if c.interpreter_needed else None,
        one(c.carer_name), one(c.carer_relationship), phone(c.carer_phone))


def changed_fields(old: ContactDetails, new: ContactDetails) -> list[str]:
    return [f.name for f in fields(ContactDetails)
            if f.name != "patient_id" and getattr(old, f.name) != getattr(new, f.name)]
