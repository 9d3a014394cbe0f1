"""The short reference printed on a paper questionnaire, so a returned form is typed in
against the right patient and assessment.

A reference names one assessment of one referral (episode): ``episode_id * 3 + assessment``
written in Crockford's base 32 (digits and capitals without I, L, O and U, which are misread
for 1, 1, 0 and V), at least four characters, then one check character, e.g. ``02K7-M``.
Typing is forgiving where it cannot be ambiguous (lower case, spaces, hyphens, O for 0, I or
L for 1) and strict where it matters: the check character (Luhn mod 32) refuses every
single mistyped character and every swap of two neighbours except 0 with Z.

The check also covers the clinic's database id, so a reference printed by another clinic
(or by the demo clinic on the same laptop) fails its check 31 times in 32 instead of
silently naming a patient of this clinic. No name, NHS number or date is in it: an episode
number means nothing outside the clinic's encrypted database.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BASE = len(ALPHABET)  # 32
KINDS = ("A1", "A2", "A3")
MIN_BODY = 4
_READ_AS = {"O": "0", "I": "1", "L": "1"}


class PaperReferenceError(ValueError):
    """A typed reference that cannot be used; ``message`` says why in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PaperReference:
    episode_id: int
    assessment: str  # A1, A2 or A3

    def text(self, clinic_id: str) -> str:
        return encode(self.episode_id, self.assessment, clinic_id)


def _salt(clinic_id: str) -> list[int]:
    """Four base-32 digits from the clinic's database id, fed to the check before the body."""
    digest = hashlib.sha256(clinic_id.encode("utf-8")).digest()
    return [b % BASE for b in digest[:4]]


def check_char(body: str, clinic_id: str) -> str:
    """Luhn mod N (N = 32) over the clinic salt and the body's characters."""
    digits = _salt(clinic_id) + [ALPHABET.index(c) for c in body]
    total = 0
    factor = 2
    for digit in reversed(digits):
        addend = factor * digit
        total += addend // BASE + addend % BASE
        factor = 1 if factor == 2 else 2
    return ALPHABET[(BASE - total % BASE) % BASE]


def encode(episode_id: int, assessment: str, clinic_id: str) -> str:
    if episode_id < 1 or assessment not in KINDS:
        raise ValueError("a reference needs a stored episode and A1, A2 or A3")
    number = episode_id * len(KINDS) + KINDS.index(assessment)
    body = ""
    while number:
        number, digit = divmod(number, BASE)
        body = ALPHABET[digit] + body
    body = body.rjust(MIN_BODY, "0")
    return f"{body}-{check_char(body, clinic_id)}"


def normalise(typed: str) -> str:
    """What was typed, in capitals, without spaces or hyphens, with O, I, L read as 0, 1, 1."""
    kept = "".join(c for c in typed.upper() if c not in " -\t")
    return "".join(_READ_AS.get(c, c) for c in kept)


def decode(typed: str, clinic_id: str) -> PaperReference:
    """The episode and assessment a typed reference names; PaperReferenceError if it cannot be
    read or its check character does not match (a typing mistake, or another clinic's)."""
    text = normalise(typed)
    if not text:
        raise PaperReferenceError("No reference was typed.")
    wrong = sorted({c for c in text if c not in ALPHABET})
    if wrong:
        raise PaperReferenceError(f"A reference has only digits and capital letters; "
                             f"{', '.join(wrong)} cannot be part of one.")
    if len(text) < MIN_BODY + 1:
        raise PaperReferenceError(f"A reference has at least {MIN_BODY + 1} characters; "
                             f"{len(text)} were typed.")
    body, check = text[:-1], text[-1]
    if check_char(body, clinic_id) != check:
        raise PaperReferenceError("This reference does not check out: a character is mistyped, "
                             "or the form was printed by another clinic.")
    number = 0
    for c in body:
        number = number * BASE + ALPHABET.index(c)
    episode_id, kind = divmod(number, len(KINDS))
    if episode_id < 1:
        raise PaperReferenceError("This reference names no referral.")
    return PaperReference(episode_id, KINDS[kind])
