"""Clinical measures at an assessment, entered through the staff form (nacr_clinical).

The form engine owns the ranges and checks (weight 25-350 kg, diastolic below systolic...),
so the screen edits a scratch ``FormSession`` and nothing reaches the database until every
field is right. Saving then writes the whole response, its scores, the assessment date and
their audit rows in ONE transaction: a crash leaves either all of it or none.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from crdesk.core.forms import FormRegistry, FormSession, JsonValue, TextCatalog, default_forms_dir
from crdesk.services.field_errors import FieldErrors
from crdesk.services.questionnaires import CLINICAL_FORM, QuestionnaireService
from crdesk.services.session import Session
from crdesk.storage import patients_repo, responses_repo


@lru_cache(maxsize=1)
def shipped_forms() -> FormRegistry:
    """The shipped forms, read once: parsing every YAML form takes ~100 ms, far too long
    to repeat each time a patient record opens."""
    return FormRegistry.from_dir(default_forms_dir())


class ClinicalService:
    def __init__(self, session: Session, questionnaires: QuestionnaireService | None = None,
                 today: dt.date | None = None) -> None:
        self.session = session
        self._questionnaires = questionnaires
        self._texts: TextCatalog | None = None
        self._today = today

    @property
    def questionnaires(self) -> QuestionnaireService:
        if self._questionnaires is None:
            self._questionnaires = QuestionnaireService(self.session, registry=shipped_forms())
        return self._questionnaires

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def latest_answers(self, patient_id: int, episode_id: int, kind: str
                       ) -> dict[str, JsonValue]:
        """The newest finished clinical answers for this assessment (to correct them)."""
        db = self.session._db
        assessment = patients_repo.assessments_for_patient(db, patient_id).get(
            episode_id, {}).get(kind)
        if assessment is None:
            return {}
        found = [r for r in responses_repo.responses_for_patient(db, patient_id)
                 if r.form_id == CLINICAL_FORM and r.assessment_id == assessment["id"]
                 and r.status in ("complete", "reviewed")]
        return responses_repo.answers(db, found[-1].id) if found else {}

    def form_session(self, patient_id: int, episode_id: int, kind: str) -> FormSession:
        """A scratch engine session for the screen, starting from the last values saved."""
        qs = self.questionnaires
        form = qs.registry.get(CLINICAL_FORM)
        answers = self.latest_answers(patient_id, episode_id, kind)
        if "assessment_date" not in answers:
            answers["assessment_date"] = self.today.isoformat()
        context = qs.context(patient_id, kind, self.today)
        if self._texts is None:
            self._texts = qs.texts()
        return FormSession(form, answers, context, self._texts)

    @staticmethod
    def problems(fs: FormSession) -> dict[str, str]:
        """Errors (not warnings) on every shown page, question id -> first message."""
        out: dict[str, str] = {}
        for page in fs.visible_pages:
            for m in fs.page_messages(page):
                if m.severity == "error" and m.question_id not in out:
                    out[m.question_id] = m.text
        return out

    def save(self, patient_id: int, episode_id: int, kind: str, fs: FormSession) -> int:
        """Store the measures as a finished staff response; returns the response id."""
        problems = self.problems(fs)
        if problems:
            raise FieldErrors(problems)
        answers = fs.effective_answers()
        raw_date = answers.get("assessment_date")
        when = dt.date.fromisoformat(raw_date) if isinstance(raw_date, str) else self.today
        qs = self.questionnaires
        with self.session.change("clinical.record", "episode", episode_id,
                                 {"assessment": kind, "answers": len(answers)}):
            opened = qs.start_or_resume(patient_id, CLINICAL_FORM, mode="staff",
                                        episode_id=episode_id, assessment=kind,
                                        today=self.today)
            # A draft left by another screen may hold answers this one no longer has.
            for qid in list(opened.form_session.answers):
                if qid not in answers:
                    qs.answer(opened, qid, None)
            for qid, value in answers.items():
                qs.answer(opened, qid, value)
            qs.finish(opened, today=when)
        return opened.id
