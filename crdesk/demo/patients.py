"""Synthetic patients for demo clinics. Every one is fictional and labelled as demo data.

NHS numbers come from the 999 range that NHS England reserves for testing, so a demo
number can never be a real patient's. Generation is deterministic for a seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from crdesk.core.nhs_number import check_digit
from crdesk.core.patient import Patient

_GIVEN = ("Alice Arthur Beatrice Bernard Carol Colin Dorothy Derek Edith Eric Florence Frank "
          "Gladys George Hilda Harold Irene Ivan Joan Jack Kathleen Keith Lilian Leonard Margaret "
          "Malcolm Nora Norman Olive Oliver Patricia Peter Rose Raymond Sheila Stanley Tessa "
          "Trevor Una Victor Vera Walter Winifred Yusuf Zara Amir Priya Sanjay Mei Chen Kwame "
          "Ngozi Siobhan Declan Rhian Gareth Fiona Hamish").split()
_FAMILY = ("Ashworth Bramley Calloway Dunmore Ellerby Fairhurst Goodall Hartigan Illingworth "
           "Jessop Kettering Lambourne Merriweather Northcott Oldroyd Pemberton Quarrie Rushworth "
           "Stainton Thistlewood Underhill Varley Wetherby Yardley Abara Bhattacharya Chowdhury "
           "Daniels Evans Fernandes Gallagher Hughes Iqbal Jones Kowalski Li Mensah Nowak "
           "O'Brien Patel Quinn Rahman Singh Thompson Umeh Williams Xu Young Zielinski").split()
_ETHNIC = "A A A A A A B C D E F G H J K L M N P R S Z".split()
_POSTCODE_AREAS = ("LS1 LS6 BD7 HX1 HD2 WF1 YO10 S10 M14 L8 B15 NE4 CF10 BS3 NG7 LE2").split()


def demo_nhs_number(rng: random.Random) -> str:
    while True:
        first_nine = "999" + f"{rng.randrange(1_000_000):06d}"
        check = check_digit(first_nine)
        if check is not None:
            return first_nine + str(check)


def demo_patients(count: int, *, seed: int = 2026, today: date | None = None,
                  opt_out_every: int = 12) -> Iterator[Patient]:
    rng = random.Random(seed)
    today = today or date.today()
    seen: set[str] = set()
    for i in range(count):
        nhs = demo_nhs_number(rng)
        while nhs in seen:
            nhs = demo_nhs_number(rng)
        seen.add(nhs)
        age_days = rng.randint(38 * 365, 90 * 365)
        dob = today - timedelta(days=age_days)
        opted_out = opt_out_every > 0 and i % opt_out_every == opt_out_every - 1
        yield Patient(
            id=None,
            nhs_number=nhs,
            hospital_number=f"DEMO{100000 + i}",
            family_name=rng.choice(_FAMILY),
            given_name=rng.choice(_GIVEN),
            date_of_birth=dob.isoformat(),
            gender=rng.choice(("1", "2")),  # NHS Data Dictionary GENDER IDENTITY CODE
            ethnic_category=rng.choice(_ETHNIC),
            postcode=f"{rng.choice(_POSTCODE_AREAS)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}"
                     f"{rng.choice('LNPQRSTUWXYZ')}",
            gp_practice_code=f"Y{rng.randint(10000, 99999)}",
            nacr_opt_out=opted_out,
            nacr_opt_out_date=(today - timedelta(days=rng.randint(1, 200))).isoformat()
            if opted_out else None,
            is_demo=True,
        )
