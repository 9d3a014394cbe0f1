"""Demographics asked once: the record's codes, and where the patient's own answer differs.

**One gender code set.** The record, the questionnaire, the dashboard and the export all use
the NHS Data Dictionary GENDER IDENTITY CODE (nacr.md section 5, confidence high): 1 male
(including trans man), 2 female (including trans woman), 3 non-binary, 4 other (not listed),
Z not stated (asked and declined), X not known (not recorded). It is the Data Dictionary's item
for a person's gender *as they describe it*, which is what both the kiosk and staff record;
the record used PERSON STATED GENDER CODE before (1, 2, 9 indeterminate, X), a retired item
with no non-binary value, so the two screens could not agree. Old record values map as
1 -> 1, 2 -> 2, X -> X (same code, same meaning). 9 ("indeterminate": unable to be classified
as male or female) has no equivalent, so it is never guessed: the record keeps it, staff see
it marked as an old code, and the NACR export holds the record back with the reason until
staff choose again. docs/nacr-dataset.md says the same for users.

**Reconciliation.** At staff review, each answer the patient gave that the record also holds
(gender, ethnic category) is shown beside the record's value when they differ, and one click
takes the patient's answer into the record (services/questionnaires.take_patient_answer,
audited). Self-reported ethnicity is the NHS standard, so the patient's answer is marked as
the default there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

GENDERS: dict[str, str] = {
    "1": "Male (including trans man)", "2": "Female (including trans woman)",
    "3": "Non-binary", "4": "Other (not listed)", "Z": "Not stated (asked and declined)",
    "X": "Not known (not recorded)",
}
# PERSON STATED GENDER CODE (the record's code set before issue 10) -> GENDER IDENTITY CODE.
OLD_GENDER_CODES: dict[str, str | None] = {"1": "1", "2": "2", "X": "X", "9": None}
OLD_GENDER_WORDS = {"9": "Indeterminate"}

# ETHNIC CATEGORY (2001 census 16+1, nacr.md section 5). "99" (not asked) is never stored.
ETHNIC_CATEGORIES: dict[str, str] = {
    "A": "White - British", "B": "White - Irish", "C": "White - any other background",
    "D": "Mixed - White and Black Caribbean", "E": "Mixed - White and Black African",
    "F": "Mixed - White and Asian", "G": "Mixed - any other background",
    "H": "Asian - Indian", "J": "Asian - Pakistani", "K": "Asian - Bangladeshi",
    "L": "Asian - any other background", "M": "Black - Caribbean", "N": "Black - African",
    "P": "Black - any other background", "R": "Other - Chinese",
    "S": "Other - any other ethnic group", "Z": "Not stated (asked and declined)",
}

# Record field -> (question id in the patient questionnaire, the record's code list).
SHARED_FIELDS: dict[str, tuple[str, dict[str, str]]] = {
    "gender": ("gender", GENDERS),
    "ethnic_category": ("ethnic_category", ETHNIC_CATEGORIES),
}
FIELD_WORDS = {"gender": "Gender", "ethnic_category": "Ethnic category"}
# Fields where the patient's own answer is the standard (NHS: ethnicity is self-reported).
SELF_REPORTED_DEFAULT = frozenset({"ethnic_category"})


def code_words(field: str, code: str | None) -> str:
    """A record code in words; a code outside today's list is shown, marked, never hidden."""
    if not code:
        return "Not recorded"
    words = SHARED_FIELDS[field][1].get(code)
    if words is not None:
        return words
    old = OLD_GENDER_WORDS.get(code) if field == "gender" else None
    if old:
        return f"{old} (old code {code}: no equivalent now, choose again)"
    return f"Code {code!r} (not in the current list: choose again)"


def known_code(field: str, code: str | None) -> bool:
    return not code or code in SHARED_FIELDS[field][1]


@dataclass(frozen=True)
class Difference:
    field: str  # the record's field name
    label: str
    record_code: str | None
    record_words: str
    patient_code: str
    patient_words: str
    patient_is_default: bool  # the patient's own answer is the standard for this field


def answer_code(answer: Any, option_codes: Mapping[str, str]) -> str | None:
    """The record code for a questionnaire answer: the option's code (or the special
    answer's code, e.g. prefer not to say -> Z); None when unanswered or uncoded."""
    if isinstance(answer, dict) and "special" in answer:
        return option_codes.get(str(answer["special"]))
    if answer is None or isinstance(answer, dict | list):
        return None
    return option_codes.get(str(answer))


def differences(record: Mapping[str, str | None], answers: Mapping[str, Any],
                codes: Mapping[str, Mapping[str, str]],
                answer_words: Mapping[str, str]) -> list[Difference]:
    """Shared fields where the patient's answer gives a different code from the record.

    ``codes[question]`` maps option values (and specials) to record codes, from the form;
    ``answer_words[question]`` is the answer as the review shows it.
    """
    out = []
    for name, (qid, _) in SHARED_FIELDS.items():
        code = answer_code(answers.get(qid), codes.get(qid, {}))
        if code is None or code == (record.get(name) or None):
            continue
        out.append(Difference(name, FIELD_WORDS[name], record.get(name) or None,
                              code_words(name, record.get(name)), code,
                              answer_words.get(qid) or code_words(name, code),
                              name in SELF_REPORTED_DEFAULT))
    return out
