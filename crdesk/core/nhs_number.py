"""NHS number: 10 digits with a Modulus 11 check digit (NHS Data Dictionary)."""

from __future__ import annotations

# What people put between the digit groups, as typed or pasted from a letter or a Word
# document: spaces (also the no-break kind) and dashes (hyphen-minus and en dash).
SEPARATORS = frozenset(" \u00a0-\u2013")
ASCII_DIGITS = frozenset("0123456789")


def normalise(text: str) -> str:
    """Drop spaces and dashes, as people type them (943 476 5919, 943-476-5919).

    Only the separators go: any other character stays, so that ``problem`` refuses it. Digits
    from other scripts (Arabic-Indic, fullwidth, superscript) are not converted: an NHS
    number is ASCII digits, and accepting look-alikes would defeat the duplicate check.
    """
    return "".join(ch for ch in text if ch not in SEPARATORS)


def _all_ascii_digits(text: str) -> bool:
    return bool(text) and all(ch in ASCII_DIGITS for ch in text)


def check_digit(first_nine: str) -> int | None:
    """The check digit for nine digits, or None when no valid number can start with them."""
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def is_valid(text: str) -> bool:
    digits = normalise(text)
    if len(digits) != 10 or not _all_ascii_digits(digits):
        return False
    return check_digit(digits[:9]) == int(digits[9])


def problem(text: str) -> str | None:
    """A plain-English reason the number is not valid, or None."""
    digits = normalise(text)
    if not digits:
        return "Enter the 10-digit NHS number."
    if not _all_ascii_digits(digits):
        return "An NHS number has the digits 0 to 9 only (spaces and dashes are fine)."
    if len(digits) != 10:
        return f"An NHS number has 10 digits; this has {len(digits)}."
    if not is_valid(digits):
        return "This is not a valid NHS number (the check digit does not match): check for a typo."
    return None


def format_nhs(text: str) -> str:
    """Shown 3-3-4, as on NHS letters."""
    d = normalise(text)
    return f"{d[:3]} {d[3:6]} {d[6:]}" if len(d) == 10 else text
