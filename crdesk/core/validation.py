"""Field checks for staff entry: dates, postcodes, GP practice and ODS codes.

Each check returns a plain-English problem (shown under the field) or None. Messages never
repeat the value typed, so they are safe to log; the field itself shows what was typed.
"""

from __future__ import annotations

import datetime as dt
import re

from crdesk.errors import ValidationError

# UK postcode shape (outward code, space, inward code), after Royal Mail's published format
# rules: the letters Q, V, X never start a postcode and the inward letters exclude C I K M O V.
# Shape only: whether a postcode exists needs the ONS Postcode Directory, not shipped here.
_POSTCODE = re.compile(
    r"^(GIR 0AA|[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
    r" [0-9][ABD-HJLNP-UW-Z]{2}$"
)
# GP practice codes are ODS codes of one letter and five digits (e.g. A81001); practices in
# Wales and Scotland follow the same pattern (W/S prefixes are letters too).
_GP_PRACTICE = re.compile(r"^[A-Z][0-9]{5}$")
# ODS organisation codes: 3 characters for trusts (RX1), 5 for sites and other bodies.
_ODS = re.compile(r"^[A-Z0-9]{3,6}$")


def normalise_postcode(text: str) -> str:
    """Upper case with one space before the inward code ("ls61ab" -> "LS6 1AB")."""
    squashed = "".join(text.split()).upper()
    if len(squashed) < 5:
        return squashed
    return f"{squashed[:-3]} {squashed[-3:]}"


def postcode_problem(text: str) -> str | None:
    if not text.strip():
        return None  # optional
    if not _POSTCODE.match(normalise_postcode(text)):
        return "This does not look like a UK postcode (for example LS6 1AB)."
    return None


def normalise_code(text: str) -> str:
    return "".join(text.split()).upper()


def gp_practice_problem(text: str) -> str | None:
    if not text.strip():
        return None
    if not _GP_PRACTICE.match(normalise_code(text)):
        return "A GP practice code is one letter and five digits (for example A81001)."
    return None


def ods_problem(text: str) -> str | None:
    if not text.strip():
        return "Enter the clinic's ODS code (for example RX1)."
    if not _ODS.match(normalise_code(text)):
        return "An ODS code is 3 to 6 letters and digits (for example RX1 or RX1AB)."
    return None


def parse_date(text: str) -> dt.date | None:
    """A date typed as 2024-03-31 or 31/03/2024 (UK order), or None if it is not one."""
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def date_problem(text: str, *, required: bool = False, allow_future: bool = False,
                 today: dt.date | None = None) -> str | None:
    if not text.strip():
        return "Enter a date." if required else None
    value = parse_date(text)
    if value is None:
        return "Enter the date as day/month/year, for example 31/03/2024."
    if value.year < 1900:
        return "This date is before 1900: check the year."
    if not allow_future and value > (today or dt.date.today()):
        return "This date is in the future."
    return None


def iso_or_none(text: str) -> str | None:
    value = parse_date(text) if text.strip() else None
    return value.isoformat() if value else None


def order_problem(earlier: str | None, later: str | None, earlier_name: str,
                  later_name: str) -> str | None:
    """'end before start': both ISO dates, the second must not come before the first."""
    if earlier and later and later < earlier:
        return f"The {later_name} is before the {earlier_name}."
    return None


def uk_date(iso: str | None) -> str:
    """ISO date as staff read it (31/03/2024); empty for none."""
    if not iso:
        return ""
    try:
        return dt.date.fromisoformat(iso[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return iso


def clinic_ods_code(code: str) -> str:
    """The clinic's ODS code, normalised; ValidationError when it cannot be one."""
    c = code.strip().upper()
    if not (3 <= len(c) <= 6 and c.isalnum()):
        raise ValidationError(
            "An ODS code is 3 to 6 letters and digits (for example RX1 or RX1AB).",
            "Find your service's code in the NHS Organisation Data Service.",
        )
    return c
