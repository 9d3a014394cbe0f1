"""Synthetic contact details for demo patients. Phone numbers come from the ranges Ofcom keeps
for drama (07700 900xxx, 0113 496 0xxx, 020 7946 0xxx), so none can ring a real person;
streets and names are made up. Deterministic for a seed."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator

from crdesk.core.contact import ContactDetails
from crdesk.core.patient import Patient

_STREETS = ("Moorside Road", "Beck Lane", "Heather Close", "Gorse Avenue", "Mill Street",
            "Chapel Row", "Station Road", "Canal Walk", "Quarry Hill", "Orchard Way")
_TOWNS = ("Leeds", "Bradford", "Halifax", "Huddersfield", "Wakefield", "York", "Sheffield")
_LANGUAGES = ("Polish", "Urdu", "Punjabi", "Bengali", "Cantonese", "Romanian", "Welsh")
_CARERS = ("Ann", "Bilal", "Carys", "Dev", "Esme", "Femi", "Gwen", "Hassan", "Iris", "Jon")
_RELATIONSHIPS = ("daughter", "son", "wife", "husband", "partner", "neighbour", "friend")


def demo_phone(rng: random.Random) -> str:
    kind = rng.randrange(3)
    if kind == 0:
        return f"07700 900{rng.randrange(1000):03d}"
    if kind == 1:
        return f"0113 496 0{rng.randrange(1000):03d}"
    return f"020 7946 0{rng.randrange(1000):03d}"


def demo_contacts(patients: Iterable[Patient], *, seed: int = 2026) -> Iterator[ContactDetails]:
    rng = random.Random(seed)
    for p in patients:
        assert p.id is not None
        interpreter = rng.random() < 0.15
        carer = rng.random() < 0.4
        yield ContactDetails(
            p.id, demo_phone(rng), demo_phone(rng) if rng.random() < 0.5 else None,
            f"{rng.randint(1, 180)} {rng.choice(_STREETS)}, {rng.choice(_TOWNS)}",
            rng.choice(("phone", "phone", "text", "letter")), interpreter,
            rng.choice(_LANGUAGES) if interpreter else None,
            f"{rng.choice(_CARERS)} {p.family_name}" if carer else None,
            rng.choice(_RELATIONSHIPS) if carer else None,
            demo_phone(rng) if carer else None)
