"""Paper questionnaires for a patient, on a real encrypted clinic: the reference on every
page finds the same patient and assessment again (and refuses a mistyped one), an
anonymous copy carries no identifier, a named copy carries them on every page, and the file
goes only where it was asked to, audited without its name."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from crdesk.core.paper_reference import ALPHABET, encode, normalise
from crdesk.errors import ValidationError
from crdesk.services.paper_forms import (
    PaperTarget,
    paper_reference,
    questionnaire_pdf_for,
    resolve_paper_reference,
    save_questionnaire,
)
from crdesk.services.questionnaires import PATIENT_FORM, QuestionnaireService
from crdesk.services.session import Session
from crdesk.storage import audit_repo
from tests.helpers.staff import new_episode, new_patient


def pages(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_a_reference_finds_its_patient_and_assessment(staff: Session) -> None:
    pid = new_patient(staff)
    eid = new_episode(staff, pid)
    other = new_episode(staff, new_patient(staff, nhs="401 023 2137"))
    for kind in ("A1", "A2", "A3"):
        typed = paper_reference(staff, eid, kind).lower()
        assert resolve_paper_reference(staff, typed) == PaperTarget(pid, eid, kind)
    assert resolve_paper_reference(staff, paper_reference(staff, other, "A2")).patient_id != pid


def test_a_mistyped_reference_is_refused_never_another_patient(staff: Session) -> None:
    pid = new_patient(staff)
    eid = new_episode(staff, pid)
    for _ in range(5):
        new_episode(staff, pid)  # neighbours that a near miss could otherwise name
    good = normalise(paper_reference(staff, eid, "A2"))
    for i, char in enumerate(good):
        for other in ALPHABET:
            if other != char:
                with pytest.raises(ValidationError, match="does not check out") as caught:
                    resolve_paper_reference(staff, good[:i] + other + good[i + 1:])
                assert "exactly as printed" in caught.value.hint


def test_a_reference_of_another_clinic_or_no_referral_is_refused(staff: Session) -> None:
    eid = new_episode(staff, new_patient(staff))
    with pytest.raises(ValidationError, match="No referral in this clinic"):
        resolve_paper_reference(staff, encode(eid + 1000, "A1", staff.clinic().database_id))
    refused = 0
    for episode in range(1, 65):
        try:
            resolve_paper_reference(staff, encode(episode, "A1", "another clinic's id"))
        except ValidationError:
            refused += 1
    assert refused >= 58  # a stray check passes about 1 in 32, and then names no referral


def test_staff_entry_opens_the_assessment_the_reference_names(staff: Session) -> None:
    pid = new_patient(staff)
    eid = new_episode(staff, pid)
    target = resolve_paper_reference(staff, paper_reference(staff, eid, "A2"))
    opened = QuestionnaireService(staff).start_or_resume(
        target.patient_id, PATIENT_FORM, mode="staff", episode_id=target.episode_id,
        assessment=target.assessment)
    assert opened.record.patient_id == pid and opened.record.assessment_id is not None
    assert opened.form_session.context["assessment"] == "A2"


def test_anonymous_copy_holds_the_reference_and_no_identifier(staff: Session) -> None:
    pid = new_patient(staff)
    eid = new_episode(staff, pid)
    pdf = questionnaire_pdf_for(staff, pid, eid, PATIENT_FORM, "A2")
    reference = paper_reference(staff, eid, "A2")
    clinic = staff.clinic().name
    for n, page in enumerate(pages(pdf), start=1):
        assert reference in page and clinic in page and "Assessment 2" in page, n
    text = " ".join(pages(pdf))
    for identifier in ("Pemberton", "Edith", "943 476 5919", "9434765919", "14 March 1950",
                       "14/03/1950", "1950-03-14", "H123456"):
        assert identifier not in text, identifier


def test_named_copy_names_the_patient_on_every_page(staff: Session) -> None:
    pid = new_patient(staff)
    eid = new_episode(staff, pid)
    pdf = questionnaire_pdf_for(staff, pid, eid, "phq9", "A1", named=True, large=True)
    for n, page in enumerate(pages(pdf), start=1):
        assert "Edith Pemberton · born 14 March 1950 · NHS number 943 476 5919" in page, n
        assert paper_reference(staff, eid, "A1") in page, n


def test_a_referral_of_another_patient_is_refused(staff: Session) -> None:
    pid = new_patient(staff)
    other = new_episode(staff, new_patient(staff, nhs="401 023 2137"))
    with pytest.raises(ValidationError, match="not part of this patient"):
        questionnaire_pdf_for(staff, pid, other, PATIENT_FORM, "A1")


def test_written_only_where_chosen_and_audited_without_the_file_name(
        staff: Session, tmp_path: Path) -> None:
    pid = new_patient(staff)
    eid = new_episode(staff, pid)
    pdf = questionnaire_pdf_for(staff, pid, eid, PATIENT_FORM, "A1", named=True)
    folder = tmp_path / "chosen"
    folder.mkdir()
    written = save_questionnaire(staff, pdf, folder / "edith pemberton", patient_id=pid,
                                 episode_id=eid, form_id=PATIENT_FORM, assessment="A1",
                                 named=True)
    assert written == folder / "edith pemberton.pdf" and written.read_bytes() == pdf
    assert [p.name for p in folder.iterdir()] == ["edith pemberton.pdf"], "no temp left"
    entry = audit_repo.entries(staff._db, action="questionnaire.print")[0]
    assert entry.entity_id == str(pid)
    assert '"named":true' in entry.detail and "edith" not in entry.detail.lower()
