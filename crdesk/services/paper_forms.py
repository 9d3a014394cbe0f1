"""Paper questionnaires: print one (blank, for a patient's assessment, or named), and find
the patient and assessment again from the reference printed on it when it comes back.

The reference (``core/paper_reference.py``) names an episode and an assessment, checked
against this clinic's database id; ``resolve_paper_reference`` turns what staff typed into
a ``PaperTarget`` or a plain message, and is what the staff entry of a paper form calls:

    target = resolve_paper_reference(session, "03KQ-R")
    QuestionnaireService(session).start_or_resume(
        target.patient_id, form_id, mode="staff", episode_id=target.episode_id,
        assessment=target.assessment)

Printed files follow the patient report (services/reports.py): written only where the user
chose (temp file beside it, fsync, rename), never to a temporary folder, and audited with the
patient and episode ids but never the file name. A named copy holds the name, date of birth
and NHS number, like the patient report; an anonymous copy holds only the reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from crdesk.atomic import write_atomic
from crdesk.core import nhs_number
from crdesk.core.forms import FormRegistry, TextCatalog
from crdesk.core.forms.loader import default_forms_dir, text_dir
from crdesk.core.forms.model import Form
from crdesk.core.forms.problems import FormLoadError
from crdesk.core.forms.text_usage import text_keys
from crdesk.core.forms.textpacks import BASE_LOCALE, PSEUDO_LOCALE
from crdesk.core.paper_reference import KINDS, PaperReferenceError, decode, encode
from crdesk.errors import KnownError, ValidationError
from crdesk.paths import BaseDir
from crdesk.reports import questionnaire_pdf
from crdesk.reports.questionnaire_plan import NAMESPACE as PAPER_NAMESPACE
from crdesk.reports.questionnaire_plan import plan
from crdesk.services.reports import long_date
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, patients_repo

_LOCALE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")


@dataclass(frozen=True)
class PaperTarget:
    """The patient, referral (episode) and assessment a paper form belongs to."""

    patient_id: int
    episode_id: int
    assessment: str  # A1, A2 or A3


# ---- the reference ----------------------------------------------------------------------

def paper_reference(session: Session, episode_id: int, assessment: str) -> str:
    """The reference printed on this episode's paper form for ``assessment`` (A1-A3)."""
    return encode(episode_id, assessment, session.clinic().database_id)


def resolve_paper_reference(session: Session, typed: str) -> PaperTarget:
    """The patient and assessment a typed reference names.

    Raises ValidationError (message and what to do) when the reference is mistyped, was
    printed by another clinic, or names a referral this clinic does not hold.
    """
    try:
        ref = decode(typed, session.clinic().database_id)
    except PaperReferenceError as exc:
        raise ValidationError(exc.message, "Type the reference exactly as printed at the top "
                                           "right of the form.") from None
    episode = episodes_repo.get(session._db, ref.episode_id)
    if episode is None or patients_repo.get(session._db, episode.patient_id) is None:
        raise ValidationError("No referral in this clinic matches this reference.",
                              "Check that the form was printed by this clinic, or find the "
                              "patient by name and NHS number instead.")
    return PaperTarget(episode.patient_id, ref.episode_id, ref.assessment)


# ---- text packs ---------------------------------------------------------------------------

def paper_texts(form: Form, installed: Path | None, locale: str = BASE_LOCALE,
                forms_dir: Path | None = None) -> TextCatalog:
    """The shipped packs plus those the clinic installed, for ``locale``; a KnownError
    naming every pack the form needs that is not installed in that language (printing in
    a language must not quietly fall back to English wording for some questions)."""
    if not _LOCALE.match(locale):
        raise ValidationError(f"{locale!r} is not a language code.",
                              "Give a code such as en-GB or cy-GB.")
    roots = [text_dir(forms_dir or default_forms_dir())]
    if installed is not None and installed.is_dir():
        roots.append(installed)
    try:
        texts = TextCatalog.from_dirs(roots, locale)
    except FormLoadError as exc:
        raise KnownError("An installed text pack cannot be read: "
                         + "; ".join(str(p) for p in exc.problems[:3]),
                         "Install the pack again with crdesk forms install-text.") from None
    if locale in (BASE_LOCALE, PSEUDO_LOCALE):
        return texts
    needed = {key.split(".", 1)[0] for key in text_keys(form)} | {PAPER_NAMESPACE, "engine"}
    missing = sorted(ns for ns in needed
                     if not texts.packs.get(ns) or texts.packs[ns][0].locale != locale)
    if missing:
        names = ", ".join(f"'{ns}'" for ns in missing)
        raise ValidationError(
            f"The {names} text pack{'s are' if len(missing) > 1 else ' is'} not installed "
            f"for {locale}, so {form.id} cannot be printed in that language.",
            "Install each pack for that language with: crdesk forms install-text PACK.yaml, "
            "or print in en-GB.")
    return texts


# ---- printing -----------------------------------------------------------------------------

def _form(form_id: str, forms_dir: Path | None) -> Form:
    registry = FormRegistry.from_dir(forms_dir)
    form: Form | None
    try:
        form = registry.get(form_id)
    except KeyError:
        form = None
    patient_forms = sorted(f.id for f in registry if f.audience == "patient")
    if form is None or form.audience != "patient":
        raise ValidationError(f"There is no patient questionnaire called {form_id!r}.",
                              f"Use one of: {', '.join(sorted(set(patient_forms)))}.")
    return form


def _kind(assessment: int | str) -> str:
    kind = assessment if isinstance(assessment, str) else f"A{assessment}"
    if kind not in KINDS:
        raise ValidationError(f"There is no assessment {assessment}.",
                              "Give assessment 1, 2 or 3.")
    return kind


def render_questionnaire(form: Form, texts: TextCatalog, assessment: str,
                         header: questionnaire_pdf.PaperHeader, *, large: bool) -> bytes:
    return questionnaire_pdf.render(plan(form, texts, {"assessment": assessment}), texts,
                                    header, large=large)


def blank_questionnaire_pdf(basedir: BaseDir, form_id: str, assessment: int | str, *,
                            large: bool = False, locale: str = BASE_LOCALE, clinic: str = "",
                            forms_dir: Path | None = None) -> bytes:
    """A blank copy for no patient in particular (the CLI): the reference box is left
    empty for staff to write in. Needs no unlocking: packs are read from the shipped
    forms and the clinic's installed ``text`` folder."""
    kind = _kind(assessment)
    form = _form(form_id, forms_dir)
    texts = paper_texts(form, basedir.root / "text", locale, forms_dir)
    header = questionnaire_pdf.PaperHeader(clinic, KINDS.index(kind) + 1)
    return render_questionnaire(form, texts, kind, header, large=large)


def questionnaire_pdf_for(session: Session, patient_id: int, episode_id: int,
                          form_id: str, assessment: str, *, named: bool = False,
                          large: bool = False, locale: str = BASE_LOCALE,
                          forms_dir: Path | None = None) -> bytes:
    """A patient's copy for one assessment: the reference on every page, and on a named
    copy their name, date of birth and NHS number."""
    kind = _kind(assessment)
    episode = episodes_repo.get(session._db, episode_id)
    patient = patients_repo.get(session._db, patient_id)
    if episode is None or patient is None or episode.patient_id != patient_id:
        raise ValidationError("This referral is not part of this patient's record.", "")
    form = _form(form_id, forms_dir)
    texts = paper_texts(form, session.home.basedir.root / "text", locale, forms_dir)
    named_line = ""
    if named:
        name = f"{patient.given_name} {patient.family_name}"
        dob = long_date(patient.date_of_birth)
        named_line = (texts.text("paper.header.named", name=name, dob=dob,
                                 nhs=nhs_number.format_nhs(patient.nhs_number))
                      if patient.nhs_number else
                      texts.text("paper.header.named_no_nhs", name=name, dob=dob))
    header = questionnaire_pdf.PaperHeader(session.clinic().name, KINDS.index(kind) + 1,
                                           paper_reference(session, episode_id, kind),
                                           named_line)
    return render_questionnaire(form, texts, kind, header, large=large)


def save_questionnaire(session: Session, pdf: bytes, target: Path, *, patient_id: int,
                       episode_id: int, form_id: str, assessment: str, named: bool) -> Path:
    """Write the PDF where the user chose (atomically) and audit it, as the patient report
    is: the audit row names the ids and whether the copy is named, never the file name."""
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(target.suffix + ".pdf")
    try:
        write_atomic(target, pdf)
    except OSError:
        raise KnownError("The questionnaire could not be written there.",
                         "Choose a folder you can write to, such as Documents.") from None
    session.record("questionnaire.print", "patient", patient_id,
                   {"episode": episode_id, "assessment": assessment, "form": form_id,
                    "named": named, "bytes": len(pdf)})
    return target


def write_questionnaire(session: Session, patient_id: int, episode_id: int, target: Path, *,
                        form_id: str, assessment: str, named: bool = False,
                        large: bool = False) -> Path:
    """Draw and write one patient's paper questionnaire (a background operation)."""
    pdf = questionnaire_pdf_for(session, patient_id, episode_id, form_id, assessment,
                                named=named, large=large)
    return save_questionnaire(session, pdf, target, patient_id=patient_id,
                              episode_id=episode_id, form_id=form_id,
                              assessment=assessment, named=named)
