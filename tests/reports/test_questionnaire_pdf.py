"""The printed questionnaire read back: every question once and in order, the form's own
words from the installed packs (placeholder notices, never licensed wording, when only the
placeholder packs are installed), skip instructions from show_if, and its pages as images."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from crdesk.core.forms import FormRegistry, TextCatalog
from crdesk.core.forms.evaluation import compiled
from crdesk.core.forms.expression_eval import Evaluator
from crdesk.core.forms.expressions import references
from crdesk.core.forms.loader import default_forms_dir, text_dir
from crdesk.core.forms.model import Form, Item
from crdesk.core.forms.questions import QuestionType
from crdesk.core.forms.textpacks import PLACEHOLDER_MARK, install_text_pack
from crdesk.paths import BaseDir
from crdesk.reports.questionnaire_pdf import PAPER_LAYOUTS
from crdesk.reports.questionnaire_plan import plan
from crdesk.services.paper_forms import blank_questionnaire_pdf

REGISTRY = FormRegistry.from_dir()
SHIPPED = TextCatalog.from_dirs([text_dir(default_forms_dir())])


def pdf_text(pdf: bytes) -> list[str]:
    """Each page's text with runs of white space (and the number's no-break space) as one."""
    return [" ".join(page.extract_text().replace("\xa0", " ").split())
            for page in PdfReader(io.BytesIO(pdf)).pages]


def expected_questions(form: Form, assessment: str) -> list[Item]:
    """Worked out here, not by the plan: the answerable items of every page the assessment
    shows (conditions on answers print, with an instruction), the opening information
    pages first whatever the assessment."""
    def shown(source: str | None) -> bool:
        if source is None or references(compiled(source)) & set(form.item_by_id):
            return True
        return Evaluator(lambda name: {"assessment": assessment}.get(name),
                         __import__("datetime").date.today())(compiled(source)) is True

    pages = [p for p in form.pages if shown(p.show_if)]
    if any(not i.answerable and not i.handler.computed for i in form.pages[0].items):
        # The opening: the first page and the rest of its section (nacr_patient v3: the
        # leaflet, then the choice on a page of its own).
        opening = [p for p in form.pages if p.section == form.pages[0].section] \
            if form.pages[0].section else [form.pages[0]]
        pages = opening + [p for p in pages if p not in opening]
    return [i for p in pages for i in p.items
            if i.answerable and shown(i.show_if)]


@pytest.mark.parametrize("form_id", ["nacr_patient", "phq9"])
@pytest.mark.parametrize("assessment", [1, 2])
@pytest.mark.parametrize("large", [False, True])
def test_every_question_appears_once_and_in_order(tmp_path: Path, form_id: str,
                                                  assessment: int, large: bool) -> None:
    pdf = blank_questionnaire_pdf(BaseDir(tmp_path), form_id, assessment, large=large)
    pages = pdf_text(pdf)
    text = " ".join(pages)
    form = REGISTRY.get(form_id)
    questions = expected_questions(form, f"A{assessment}")
    assert questions
    position = -1
    for number, item in enumerate(questions, start=1):
        label = " ".join(SHIPPED.text(item.label or "").split())
        printed = f"{number}. {label}"
        assert text.count(printed) == 1, printed
        assert text.index(printed) > position, f"{printed} is out of order"
        position = text.index(printed)
    # No question beyond the last: nothing numbered after it.
    assert f" {len(questions) + 1}. " not in text[position:]
    # The header and the footer on every page.
    for n, page in enumerate(pages, start=1):
        assert f"Assessment {assessment}" in page and "Reference" in page, n
        assert f"Page {n} of {len(pages)}" in page, n


def test_assessment_decides_what_prints() -> None:
    form = REGISTRY.get("nacr_patient")
    a1 = [p.item.id for p in plan(form, SHIPPED, {"assessment": "A1"}).questions]
    a2 = [p.item.id for p in plan(form, SHIPPED, {"assessment": "A2"}).questions]
    assert "gender" in a1 and "gender" not in a2  # asked at assessment 1 only
    # The privacy information and opt-out choice come first at every assessment.
    assert a1[0] == a2[0] == "info_acknowledgement"
    first = plan(form, SHIPPED, {"assessment": "A2"}).pages[0]
    assert first.earlier and [i.item.id for i in first.items] == [
        i.id for i in form.pages[0].items][:len(first.items)]
    assert "active_minutes_week" not in a1  # calculated: worked out when typed in


@pytest.mark.parametrize("assessment", [1, 2])
def test_privacy_and_opt_out_first_in_the_packs_own_words(tmp_path: Path,
                                                          assessment: int) -> None:
    form = REGISTRY.get("nacr_patient")
    keys = [k for item in form.pages[0].items[:4]
            for k in (item.label, item.body, *(o.text for o in item.options)) if k]
    words = [" ".join(SHIPPED.text(k).split()) for k in keys]
    first = pdf_text(blank_questionnaire_pdf(BaseDir(tmp_path), "nacr_patient",
                                             assessment))[0]
    for key, text in zip(keys, words, strict=True):
        assert text in first, (assessment, key)  # normal print: all on the first page
    # Large print needs more pages, but nothing comes before them. (Long texts run across
    # a page break, between header and footer lines: their headings and the choices are
    # what is looked for.)
    large = " ".join(pdf_text(blank_questionnaire_pdf(BaseDir(tmp_path), "nacr_patient",
                                                      assessment, large=True)))
    positions = [large.index(text) for text in words if len(text) < 80]
    assert positions == sorted(positions) and large.index("How to fill in") > positions[-1]
    assert large.index(" 2. ") > positions[-1]


def test_skip_instructions_follow_show_if(tmp_path: Path) -> None:
    form = REGISTRY.get("nacr_patient")
    questions = {p.item.id: p for p in plan(form, SHIPPED, {"assessment": "A1"}).questions}
    n = {qid: p.number for qid, p in questions.items()}
    assert questions["drinks_alcohol"].skips == (
        f"If you chose “No” or “I'd prefer not to say”, go to question "
        f"{n['active_days_week']}.",)
    assert questions["alcohol_units_week"].lead == (
        f"Answer this only if question {n['drinks_alcohol']} sends you here.")
    assert questions["smoking_status"].skips == (
        f"If you did not choose “I smoke now”, go to question {n['vaping']}.",)
    assert questions["comorbidities"].skips == (
        f"If you did not tick “Something else”, go to question {n['family_history']}.",)
    assert questions["active_days_week"].skips == (
        f"If your answer is 0, go to question {n['reaches_150_minutes']}.",)
    # A chain: employment -> off work -> return to work; both jump past the whole chain.
    after = f"go to question {n['takes_medicines']}."
    assert questions["employment_status"].skips[0].endswith(after)
    assert questions["off_work_heart"].skips == (f"If you chose “No”, {after}",)
    assert questions["takes_medicines"].skips == (
        "If you chose “No” or “I don't know”, go to the end of the questionnaire.",)
    # A condition that cannot be said simply (PHQ-9: any problem reported) says so.
    phq = {p.item.id: p for p in plan(REGISTRY.get("phq9"), SHIPPED, {}).questions}
    assert phq["phq9_difficulty"].lead == "Answer this question only if it applies to you."
    text = " ".join(pdf_text(blank_questionnaire_pdf(BaseDir(tmp_path), "nacr_patient", 1)))
    assert questions["drinks_alcohol"].skips[0] in text


def _placeholder_items(form: Form) -> list[Item]:
    return [i for i in form.items if i.label and SHIPPED.resolve(i.label).placeholder]


def test_placeholder_packs_print_their_notice_and_no_answer_spaces(tmp_path: Path) -> None:
    form = REGISTRY.get("nacr_patient")
    text = " ".join(pdf_text(blank_questionnaire_pdf(BaseDir(tmp_path), "nacr_patient", 2)))
    held = _placeholder_items(form)
    assert {i.label.split(".")[0] for i in held if i.label} == {"hads", "coop"}
    for item in held:
        assert SHIPPED.text(item.label or "") in text
        for option in item.options:  # nothing to tick against a placeholder
            assert SHIPPED.text(option.text) not in text, option.text
    for instrument in ("HADS", "Dartmouth COOP charts"):
        assert f"The licensed wording of {instrument} is not installed" in text
    assert text.count(PLACEHOLDER_MARK) >= len(held)


def _licensed_pack(namespace: str, folder: Path) -> Path:
    """A pack standing in for a licensed one: made-up words (no licensed wording is in the
    repository), every key the placeholder has, placeholder: false."""
    source = text_dir(default_forms_dir()) / "en-GB" / f"{namespace}.yaml"
    data = yaml.safe_load(source.read_text("utf-8"))
    data.update(placeholder=False, licence="test licence")
    data["texts"] = {key: f"Sample wording {key}" for key in data["texts"]}
    data.pop("images", None)
    path = folder / f"{namespace}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def test_installed_wording_is_printed_and_absent_without_it(tmp_path: Path) -> None:
    form = REGISTRY.get("nacr_patient")
    basedir = BaseDir(tmp_path / "clinic")
    before = " ".join(pdf_text(blank_questionnaire_pdf(basedir, "nacr_patient", 1)))
    assert "Sample wording" not in before
    for namespace in ("hads", "coop"):
        install_text_pack(_licensed_pack(namespace, tmp_path), basedir.root / "text")
    after = " ".join(pdf_text(blank_questionnaire_pdf(basedir, "nacr_patient", 1)))
    for item in _placeholder_items(form):
        assert f"Sample wording {item.label}" in after
        for option in item.options:  # licensed: the answers are there to tick
            assert f"Sample wording {option.text}" in after
    assert PLACEHOLDER_MARK not in after
    assert "is not installed" not in after


def test_every_question_type_has_a_paper_layout() -> None:
    missing = set(QuestionType) - set(PAPER_LAYOUTS)
    assert not missing, f"no paper layout for: {sorted(missing)}"


def test_a_missing_language_pack_is_named(tmp_path: Path) -> None:
    from crdesk.errors import ValidationError

    with pytest.raises(ValidationError) as caught:
        blank_questionnaire_pdf(BaseDir(tmp_path), "phq9", 1, locale="cy-GB")
    message = caught.value.message
    assert "'phq9'" in message and "'paper'" in message and "cy-GB" in message
    assert "install-text" in caught.value.hint
    with pytest.raises(ValidationError, match="not a language code"):
        blank_questionnaire_pdf(BaseDir(tmp_path), "phq9", 1, locale="welsh")


def test_a_language_with_all_its_packs_prints_in_it(tmp_path: Path) -> None:
    basedir = BaseDir(tmp_path / "clinic")
    form = REGISTRY.get("phq9")
    namespaces = {"phq9", "engine", "paper"}
    for namespace in namespaces:
        source = text_dir(default_forms_dir()) / "en-GB" / f"{namespace}.yaml"
        data = yaml.safe_load(source.read_text("utf-8"))
        data.update(locale="cy-GB")
        data["texts"] = {k: f"[cy] {v}" for k, v in data["texts"].items()}
        path = tmp_path / f"{namespace}-cy.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
        install_text_pack(path, basedir.root / "text")
    text = " ".join(pdf_text(blank_questionnaire_pdf(basedir, "phq9", 1, locale="cy-GB")))
    assert f"1. [cy] {SHIPPED.text(form.items[0].label or '')}" in " ".join(text.split())


def test_pages_render_to_images(tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    for large in (False, True):
        for assessment in (1, 2):
            pdf = blank_questionnaire_pdf(BaseDir(tmp_path), "nacr_patient", assessment,
                                          large=large)
            doc = pdfium.PdfDocument(pdf)
            assert 4 <= len(doc) <= 25
            for n in range(len(doc)):
                image = doc[n].render(scale=1.5).to_pil().convert("L")
                image.save(tmp_path / f"a{assessment}-{'large' if large else 'normal'}-{n}.png")
                assert image.size == (893, 1263)  # A4 at 1.5 x 72 dpi
                dark = sum(image.histogram()[:128]) / (893 * 1263)
                assert 0.003 < dark < 0.3, (large, assessment, n)
            doc.close()


def test_large_print_is_larger(tmp_path: Path) -> None:
    normal = blank_questionnaire_pdf(BaseDir(tmp_path), "nacr_patient", 1)
    large = blank_questionnaire_pdf(BaseDir(tmp_path), "nacr_patient", 1, large=True)
    assert len(PdfReader(io.BytesIO(large)).pages) > len(PdfReader(io.BytesIO(normal)).pages)
    assert "Large print" in pdf_text(large)[0] and "Large print" not in pdf_text(normal)[0]
    def sizes(pdf: bytes) -> set[float]:
        content = PdfReader(io.BytesIO(pdf)).pages[1].get_contents()
        assert content is not None
        return {float(x) for x in re.findall(rb"/F[0-9+]+ (\d+(?:\.\d+)?) Tf", content.get_data())}

    # The question and option text: 12.5 pt, and 18 pt in large print.
    assert 18 in sizes(large) and 12.5 in sizes(normal)
    assert 12.5 not in sizes(large) and 18 not in sizes(normal)


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    one = blank_questionnaire_pdf(BaseDir(tmp_path), "phq9", 1, clinic="Leeds")
    assert one == blank_questionnaire_pdf(BaseDir(tmp_path), "phq9", 1, clinic="Leeds")
