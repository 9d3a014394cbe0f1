"""The patient information text says what the NACR leaflet says: what is collected, who sees
it, that saying no changes nothing, how to say no (the team, or NHS England's enquiries team
by email or phone), and that the National Data Opt-out does not apply to this audit."""

from __future__ import annotations

import re

import pytest

from crdesk.core.forms import FormRegistry
from crdesk.core.forms.loader import default_forms_dir, text_dir
from crdesk.core.forms.textpacks import TextCatalog, load_packs
from crdesk.core.opt_out import CONSENT_QUESTION, national_data_opt_out_problems

PACKS, _ = load_packs([text_dir(default_forms_dir())])


@pytest.mark.parametrize("pack", PACKS, ids=[f"{p.namespace}-{p.locale}" for p in PACKS])
def test_no_text_pack_claims_the_national_data_opt_out_applies(pack: object) -> None:
    assert national_data_opt_out_problems(pack.texts) == []  # type: ignore[attr-defined]


def test_the_check_catches_the_old_wording_and_its_variants() -> None:
    old = ("You can say no at any time. If you live in England you can also use the National "
           "Data Opt-out, at www.nhs.uk/your-nhs-data-matters or by calling 0300 303 5678.")
    assert len(national_data_opt_out_problems({"a.b": old})) == 2
    # Mentioning it without saying it does not apply is not enough either.
    assert national_data_opt_out_problems({"a.b": "About the national data opt out."})
    assert national_data_opt_out_problems({"a.b": "Patients may register an NDO to stop it."})
    fine = {"a.b": "The National Data Opt-out does not apply to this audit.",
            "a.c": "Even if you have registered a National Data Opt-out, you can still be "
                   "included."}
    assert national_data_opt_out_problems(fine) == []


def test_the_information_page_covers_the_leaflet() -> None:
    form = FormRegistry.from_dir().get("nacr_patient")
    texts = TextCatalog.from_dirs([text_dir(default_forms_dir())], "en-GB")
    page = form.page_of[CONSENT_QUESTION]
    # Version 3 (issue 16): the leaflet is the page just before the question's, in the same
    # section and shown at the same assessments, so that the question and its answers fit
    # the screen; the patient always passes the leaflet on the way to the question.
    at = [p.id for p in form.pages].index(page.id)
    leaflet = form.pages[at - 1]
    assert (leaflet.section, leaflet.show_if) == (page.section, page.show_if)
    assert not any(i.answerable for i in leaflet.items)
    words = " ".join(texts.text(k) for p in (leaflet, page) for i in p.items
                     for k in (i.label, i.body) if k)
    choice = " ".join(texts.text(k) for i in page.items for k in (i.label, i.body) if k)
    assert "your care will not change" in choice.lower()  # said beside the question too
    for fact in ("National Audit of Cardiac Rehabilitation", "NHS England",
                 "University of York", "your care will not change",
                 "tell a member of the rehabilitation team", "does not apply to this audit",
                 "say so separately"):
        assert fact.lower() in words.lower(), fact
    # How to contact NHS England's enquiries team: an email address and a UK phone number.
    assert re.search(r"enquiries team, by email at [\w.]+@[\w.]+\.uk", words)
    assert re.search(r"phone on 0\d{3} \d{3} \d{4}", words)
    # Both answers that keep the patient out are offered, and each says what happens next.
    consent = form.item_by_id[CONSENT_QUESTION]
    assert {o.value for o in consent.options} >= {"read", "opt_out", "talk_to_staff"}
    shown = {i.show_if for i in page.items if i.show_if}
    assert any("opt_out" in str(s) for s in shown)
    assert any("talk_to_staff" in str(s) for s in shown)
