"""Questionnaire responses: start or resume, save each answer at once, finish, correct, review.

The form engine (crdesk/core/forms) decides what is shown and valid; this service ties it to
the database: every answer is committed the moment it is given (with its audit row), the page
is remembered so a crash resumes where the patient was, and a response always records the
form id, version and content hash it was answered against.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from crdesk.core import activity, demographics
from crdesk.core.forms import Form, FormRegistry, FormSession, TextCatalog, ValidationMessage
from crdesk.core.forms.history import migrate_answers
from crdesk.core.forms.loader import default_forms_dir, text_dir
from crdesk.core.opt_out import CONSENT_FORM, CONSENT_QUESTION
from crdesk.core.response import ResponseRecord
from crdesk.errors import ValidationError
from crdesk.services.opt_out import OptOutService
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, patients_repo, responses_repo

PATIENT_FORM = "nacr_patient"
CLINICAL_FORM = "nacr_clinical"
REFERRAL_FORM = "nacr_referral"


@dataclass
class OpenResponse:
    """A response being filled (or reviewed): its stored record and the engine's state."""

    record: ResponseRecord
    form_session: FormSession
    # Set when the response's own form version is not installed: what is shown instead and
    # what could not be shown. Such a response is read-only (a correction could not be
    # scored the way the patient's answers were).
    notice: str = ""
    not_shown: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def own_version(self) -> bool:
        return str(self.form_session.form.version) == self.record.form_version


class QuestionnaireService:
    def __init__(self, session: Session, registry: FormRegistry | None = None,
                 forms_dir: Path | None = None) -> None:
        self.session = session
        self.forms_dir = forms_dir or default_forms_dir()
        self.registry = registry or FormRegistry.from_dir(self.forms_dir)

    # ---- text and context -------------------------------------------------------------------

    def texts(self, locale: str = "en-GB") -> TextCatalog:
        """Shipped wording plus any licensed packs the clinic installed (basedir/text)."""
        roots = [text_dir(self.forms_dir)]
        installed = self.session.home.basedir.root / "text"
        if installed.is_dir():
            roots.append(installed)
        return TextCatalog.from_dirs(roots, locale)

    def context(self, patient_id: int, assessment: str | None,
                today: dt.date | None = None) -> dict[str, object]:
        patient = patients_repo.get(self.session._db, patient_id)
        if patient is None:
            raise ValidationError("This patient record no longer exists.", "")
        ctx: dict[str, object] = {"patient.date_of_birth": patient.date_of_birth}
        if assessment:
            ctx["assessment"] = assessment
        if today:
            ctx["today"] = today.isoformat()
        return ctx

    # ---- filling ----------------------------------------------------------------------------

    def start_or_resume(self, patient_id: int, form_id: str, *, mode: str = "patient",
                        episode_id: int | None = None, assessment: str | None = None,
                        locale: str = "en-GB", today: dt.date | None = None) -> OpenResponse:
        """The patient's unfinished response for this form and assessment, or a new one."""
        db = self.session._db
        assessment_id = None
        if episode_id is not None and assessment is not None:
            with self.session.change("assessment.open", "episode", episode_id,
                                     {"assessment": assessment}):
                assessment_id = episodes_repo.set_assessment(db, episode_id, assessment)
        if responses_repo.entry_draft(db, patient_id, form_id, assessment_id) is not None:
            # Staff are typing this questionnaire in (telephone, video, paper): one response
            # per assessment, so the kiosk does not start a second one beside it.
            raise ValidationError("Staff are entering this questionnaire (by telephone, video "
                                  "or from paper).", "Carry on with that entry from the "
                                  "patient's record.")
        draft = responses_repo.open_draft(db, patient_id, form_id, mode, assessment_id)
        context = self.context(patient_id, assessment, today)
        if draft is not None:
            return self.resume(draft, context)
        form = self.registry.get(form_id)
        fs = FormSession(form, {}, context, self.texts(locale))
        rid = responses_repo.start_response(
            db, patient_id=patient_id, form_id=form.id, form_version=str(form.version),
            form_hash=form.content_hash, locale=locale, mode=mode, actor=self.session.username,
            assessment_id=assessment_id, provenance=fs.provenance())
        record = responses_repo.get_response(db, rid)
        assert record is not None
        return OpenResponse(record, fs)

    def start_staff_entry(self, patient_id: int, form_id: str, *, episode_id: int,
                          assessment: str, locale: str, today: dt.date, method: str,
                          answered_on: str, double_entry: bool) -> OpenResponse:
        """A new response typed in by staff (services/staff_entry.py checks the inputs)."""
        with self.session.change("assessment.open", "episode", episode_id,
                                 {"assessment": assessment}):
            assessment_id = episodes_repo.set_assessment(self.session._db, episode_id,
                                                         assessment)
        form = self.registry.get(form_id)
        fs = FormSession(form, {}, self.context(patient_id, assessment, today),
                         self.texts(locale))
        rid = responses_repo.start_staff_response(
            self.session._db, patient_id=patient_id, form_id=form.id,
            form_version=str(form.version), form_hash=form.content_hash, locale=locale,
            actor=self.session.username, assessment_id=assessment_id,
            provenance=fs.provenance(), method=method, answered_on=answered_on,
            double_entry=double_entry and method == "paper")
        record = responses_repo.get_response(self.session._db, rid)
        assert record is not None
        return OpenResponse(record, fs)

    def resume(self, draft: ResponseRecord, context: dict[str, object]) -> OpenResponse:
        """A stored draft with its own form version, on the page where it stopped."""
        form = self.registry.get(draft.form_id, int(draft.form_version))
        fs = FormSession(form, responses_repo.answers(self.session._db, draft.id), context,
                         self.texts(draft.locale), resume=True)
        if draft.current_page and draft.current_page in {p.id for p in fs.visible_pages}:
            fs.go_to(draft.current_page)
        return OpenResponse(draft, fs)

    def answer(self, open_: OpenResponse, question_id: str,
               value: object) -> list[ValidationMessage]:
        """Give an answer: checked by the engine, then committed before this returns."""
        self._require_draft(open_)
        before = open_.form_session.answers.get(question_id)
        messages = open_.form_session.answer(question_id, value)
        # A value the engine could not take (not a number, say) leaves the answer unchanged:
        # then there is nothing to save. A value out of range is kept, as typed, with its
        # message, and saved like any other: the patient gave it.
        stored = open_.form_session.answers.get(question_id)
        if stored is None and before is not None:
            responses_repo.delete_answer(self.session._db, open_.id, question_id,
                                         self.session.username)
        elif stored is not None and stored != before:
            with self.session._db.transaction():
                responses_repo.save_answer(self.session._db, open_.id, question_id, stored,
                                           self.session.username)
                self._consent_given(open_, question_id, stored)
        return messages

    def _consent_given(self, open_: OpenResponse, question_id: str, value: object) -> None:
        """The NACR information page's answer: kept with the text the patient read, and an
        opt-out raised for staff to confirm, in the answer's own transaction."""
        if open_.record.form_id == CONSENT_FORM and question_id == CONSENT_QUESTION:
            OptOutService(self.session).kiosk_answer(open_.id, open_.record.patient_id,
                                                     open_.form_session, value)

    def page_changed(self, open_: OpenResponse) -> None:
        responses_repo.set_current_page(self.session._db, open_.id,
                                        open_.form_session.current_page.id)

    def set_kiosk_look(self, open_: OpenResponse, text_size: str, high_contrast: bool) -> None:
        """The kiosk's text size and contrast, kept with a draft so that resuming it keeps
        them (a patient who needed the largest text is not put back to the smallest)."""
        if open_.record.status != "draft":
            return
        look = {"text_size": text_size, "high_contrast": high_contrast}
        responses_repo.set_kiosk_look(self.session._db, open_.id, look)
        open_.record.provenance["kiosk_look"] = look

    def finish(self, open_: OpenResponse, today: dt.date | None = None) -> None:
        """Complete the response: store scores, drop answers to questions left hidden, and
        date the assessment."""
        fs = open_.form_session
        if not fs.is_complete:
            raise ValidationError("Some questions still need an answer.",
                                  "Go back to the pages marked in the summary.")
        keep = fs.effective_answers()
        hidden = [q for q in responses_repo.answers(self.session._db, open_.id) if q not in keep]
        scores = {sid: (r.value, r.band, r.as_json()) for sid, r in fs.scores().items()}
        responses_repo.complete_response(self.session._db, open_.id, self.session.username,
                                         scores, remove=hidden)
        if open_.record.assessment_id is not None:
            self._date_assessment(open_.record.assessment_id, today or dt.date.today())
        fs.finished = True

    def _date_assessment(self, assessment_id: int, when: dt.date) -> None:
        row = self.session._db.execute(
            "SELECT episode_id, kind FROM assessments WHERE id = ?", (assessment_id,)).fetchone()
        if row is not None:
            with self.session.change("assessment.done", "episode", row[0], {"assessment": row[1]}):
                episodes_repo.set_assessment(self.session._db, row[0], row[1],
                                             done_date=when.isoformat())

    def _require_draft(self, open_: OpenResponse) -> None:
        current = responses_repo.get_response(self.session._db, open_.id)
        if current is None or current.status != "draft":
            raise ValidationError("This questionnaire has been finished and can no longer be "
                                  "changed here.", "Staff can correct an answer, with a reason.")

    # ---- staff review -----------------------------------------------------------------------

    def load(self, response_id: int) -> OpenResponse:
        """A stored response with its own form version, for review or the progress view."""
        record = responses_repo.get_response(self.session._db, response_id)
        if record is None:
            raise ValidationError("This questionnaire response no longer exists.", "")
        assessment = None
        if record.assessment_id is not None:
            assessment = self.session._db.scalar("SELECT kind FROM assessments WHERE id = ?",
                                                (record.assessment_id,))
        stored = responses_repo.answers(self.session._db, response_id)
        form, answers, notice, not_shown = self._form_for(record, stored)
        fs = FormSession(form, answers, self.context(record.patient_id, assessment),
                         self.texts(record.locale), resume=True)
        with self.session.change("response.view", "response", response_id):
            pass
        return OpenResponse(record, fs, notice, not_shown)

    def _form_for(self, record: ResponseRecord, stored: dict[str, Any]
                  ) -> tuple[Form, dict[str, Any], str, dict[str, Any]]:
        """The response's own form version; if that file is not installed, the newest
        version with the answers mapped through its declared history, and a plain notice of
        what is shown instead and which answers could not be shown (kept, not dropped)."""
        version = int(record.form_version)
        try:
            return self.registry.get(record.form_id, version), stored, "", {}
        except KeyError:
            pass
        try:
            form = self.registry.get(record.form_id)
        except KeyError:
            raise ValidationError(
                f"This response was given on the form '{record.form_id}' (version {version}), "
                "which is not installed, in any version.",
                f"Install forms/{record.form_id}.yaml (or its archive copy "
                f"forms/archive/{record.form_id}-v{version}.yaml) and open it again. The "
                "stored answers are unchanged.") from None
        mapped = migrate_answers(form, stored, version)
        not_shown = {**mapped.retired, **mapped.invalid, **mapped.unknown}
        notice = (f"This response was given on version {version} of this form, whose file "
                  f"(forms/archive/{record.form_id}-v{version}.yaml) is not installed. It is "
                  f"shown with version {form.version}, through the form's history; the "
                  "scores shown are the ones stored when it was completed, and it cannot be "
                  "corrected until that file is installed again.")
        if not_shown:
            notice += (f" {len(not_shown)} stored answer(s) have no question in version "
                       f"{form.version} and are not shown: {', '.join(sorted(not_shown))}.")
        return form, mapped.answers, notice, not_shown

    def correct(self, response_id: int, question_id: str, new_value: Any, reason: str) -> int:
        """A staff correction after the patient finished, with a reason; rescored."""
        if not reason.strip():
            raise ValidationError("Give a reason for the correction.",
                                  "For example: 'patient said they meant 3, not 4'.")
        opened = self.load(response_id)
        if not opened.own_version:
            raise ValidationError(
                "This response's own form version is not installed, so a correction could "
                "not be scored the way the patient's answers were.",
                f"Install forms/archive/{opened.record.form_id}-v{opened.record.form_version}"
                ".yaml, then correct it. Nothing was changed.")
        fs = opened.form_session
        messages = [m for m in fs.answer(question_id, new_value) if m.severity == "error"]
        if messages:
            raise ValidationError(messages[0].text, "")
        scores = {sid: (r.value, r.band, r.as_json()) for sid, r in fs.scores().items()}
        return responses_repo.correct_answer(self.session._db, response_id, question_id,
                                             fs.answers.get(question_id), reason.strip(),
                                             self.session.username, scores)

    def mark_reviewed(self, response_id: int) -> None:
        record = responses_repo.get_response(self.session._db, response_id)
        if record is None or record.status == "draft":
            raise ValidationError("Only a finished questionnaire can be marked as reviewed.", "")
        responses_repo.mark_reviewed(self.session._db, response_id, self.session.username)

    # ---- checks shown at review (issue 10 items 3 and 8) ------------------------------------

    def demographic_differences(self, opened: OpenResponse) -> list[demographics.Difference]:
        """Answers the patient gave that the record also holds, where the two differ."""
        patient = patients_repo.get(self.session._db, opened.record.patient_id)
        if patient is None or opened.record.mode != "patient":
            return []
        form = opened.form_session.form
        codes: dict[str, dict[str, str]] = {}
        for _, (qid, _) in demographics.SHARED_FIELDS.items():
            item = form.item_by_id.get(qid)
            if item is None:
                continue
            codes[qid] = {str(o.value): o.code for o in item.options if o.code is not None}
            codes[qid].update({str(k): str(v) for k, v in item.special_codes.items()})
        words = {r.question_id: r.answer for r in opened.form_session.summary()}
        record = {"gender": patient.gender, "ethnic_category": patient.ethnic_category}
        return demographics.differences(record, opened.form_session.effective_answers(),
                                        codes, words)

    def take_patient_answer(self, response_id: int, field_name: str) -> None:
        """Put the patient's own answer for a shared field into the record (audited)."""
        opened = self.load(response_id)
        if opened.record.status == "draft":
            raise ValidationError("The patient has not finished this questionnaire yet.",
                                  "Use their answer once they have finished.")
        found = next((d for d in self.demographic_differences(opened)
                      if d.field == field_name), None)
        if found is None:
            raise ValidationError("The record already matches the patient's answer.", "")
        db = self.session._db
        patient = patients_repo.get(db, opened.record.patient_id)
        assert patient is not None  # demographic_differences found it
        updated = (replace(patient, gender=found.patient_code) if field_name == "gender"
                   else replace(patient, ethnic_category=found.patient_code))
        with self.session.change("patient.update", "patient", patient.id or 0,
                                 {"fields": [field_name], "from_response": response_id}):
            patients_repo.update(db, updated)

    @staticmethod
    def activity_contradiction(opened: OpenResponse) -> activity.ActivityContradiction | None:
        """The patient's yes/no "150 minutes" and their days x minutes disagree."""
        return activity.contradiction(opened.form_session.effective_answers())
