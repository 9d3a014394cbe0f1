"""Staff entry of a patient questionnaire: by telephone, video, in person, or a paper
questionnaire typed in; the same form, engine, validation, skip logic and scoring as the kiosk.

Answers go through ``QuestionnaireService.answer`` exactly as the kiosk's do (each committed
with its audit row when given; the page remembered so a draft resumes where it stopped).
What staff entry adds:

- how the answers were obtained, who entered them and when, and the date the patient answered
  (``response_entry``); checked against the referral and today;
- an answer to a question the skip logic hides is refused, with the reason;
- at a section whose text pack is a placeholder or whose licence forbids interview, staff
  are told so and can skip it with a recorded reason (forbidden: they can only skip);
- a paper questionnaire can be checked by a second, blind entry by another member of staff:
  the response counts (status ``complete``) only once every difference is resolved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from crdesk.core.forms import FormSession, JsonValue, ValidationMessage
from crdesk.core.forms.text_usage import text_keys
from crdesk.core.patient import Patient
from crdesk.core.staff_entry import (
    INTERVIEW_METHODS,
    METHODS,
    Difference,
    EntryRecord,
    LicenceNotice,
    MethodCounts,
    SectionWalk,
    completion_by_method,
    describe,
    differences,
    hidden_message,
    licence_notice,
    section_items,
    section_of,
    sections,
)
from crdesk.core.validation import parse_date
from crdesk.errors import ValidationError
from crdesk.services.questionnaires import PATIENT_FORM, OpenResponse, QuestionnaireService
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, patients_repo, responses_repo
from crdesk.storage.connection import Database

ASSESSMENTS = ("A1", "A2", "A3")


@dataclass
class Entry:
    """One staff member typing one questionnaire: the stored response, how it was obtained,
    and the engine session being typed into (the first entry's, or the blind second one)."""

    response: OpenResponse
    record: EntryRecord
    which: str  # "first", "second" (the checking entry) or "resolve" (both done)
    fs: FormSession
    walk: SectionWalk
    patient: Patient
    assessment: str
    episode_id: int

    @property
    def id(self) -> int:
        return self.response.id

    @property
    def method(self) -> str:
        return self.record.method

    def notice(self, section_id: str | None = None) -> LicenceNotice | None:
        return licence_notice(self.fs, section_id or self.walk.current.id, self.method)


class StaffEntryService:
    def __init__(self, session: Session, questionnaires: QuestionnaireService | None = None,
                 today: dt.date | None = None) -> None:
        self.session = session
        self.questionnaires = questionnaires or QuestionnaireService(session)
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    @property
    def _db(self) -> Database:
        return self.session._db

    # ---- starting or carrying on ------------------------------------------------------------

    def check_answered_on(self, episode_id: int, text: str) -> str:
        """The date the patient answered, as ISO; refused in the future or before referral."""
        when = parse_date(text or "")
        if when is None:
            raise ValidationError("Type the date the patient answered as dd/mm/yyyy.",
                                  "For a paper questionnaire, the date written on the form.")
        if when > self.today:
            raise ValidationError("The date the patient answered is in the future.",
                                  "Check the date on the form; use today's date for a call "
                                  "made today.")
        episode = episodes_repo.get(self._db, episode_id)
        referred = parse_date(episode.referral_date or "") if episode else None
        if referred is not None and when < referred:
            raise ValidationError("The date the patient answered is before this referral.",
                                  "Check the date on the form, and that this is the right "
                                  "patient and referral.")
        return when.isoformat()

    def check_text_packs(self, locale: str) -> None:
        """A plain message naming each text pack missing for the language asked for."""
        form = self.questionnaires.registry.get(PATIENT_FORM)
        texts = self.questionnaires.texts(locale)
        missing = sorted({k.split(".", 1)[0] for k in text_keys(form)}
                         - {ns for ns in texts.namespaces() if texts.has_locale(ns)})
        if missing:
            names = ", ".join(f"'{ns}'" for ns in missing)
            raise ValidationError(
                f"No {locale} text pack is installed for {names}, so the questionnaire "
                f"cannot be shown in that language.",
                f"Install the {locale} pack with 'crdesk forms install-text', or choose the "
                "language the patient was asked in that is installed.")

    def locales(self) -> list[str]:
        """The languages with a text pack installed (shipped or the clinic's), en-GB first."""
        roots = [self.questionnaires.forms_dir / "text", self.session.home.basedir.root / "text"]
        found = {d.name for r in roots if r.is_dir() for d in r.iterdir() if d.is_dir()}
        return ["en-GB", *sorted(found - {"en-GB"})]

    def existing(self, patient_id: int, episode_id: int, assessment: str) -> EntryRecord | None:
        """The staff entry already under way for this assessment, if any."""
        aid = episodes_repo.assessment_id(self._db, episode_id, assessment)
        if aid is None:
            return None
        draft = responses_repo.entry_draft(self._db, patient_id, PATIENT_FORM, aid)
        return None if draft is None else responses_repo.get_entry(self._db, draft.id)

    def open(self, patient_id: int, episode_id: int, assessment: str, *, method: str = "",
             answered_on: str = "", locale: str = "en-GB",
             double_entry: bool = False) -> Entry:
        """Start the staff entry of this assessment's questionnaire, or carry on with it
        (the first entry, the checking second entry, or resolving their differences)."""
        if assessment not in ASSESSMENTS:
            raise ValidationError("Choose assessment 1, 2 or 3.", "")
        patient = patients_repo.get(self._db, patient_id)
        episode = episodes_repo.get(self._db, episode_id)
        if patient is None or episode is None or episode.patient_id != patient_id:
            # The episode must belong to this patient: answers never go to another record.
            raise ValidationError("This referral does not belong to this patient.",
                                  "Open the patient again from the patient list.")
        aid = episodes_repo.assessment_id(self._db, episode_id, assessment)
        for r in responses_repo.responses_for_patient(self._db, patient_id):
            if r.form_id != PATIENT_FORM or r.assessment_id is None or r.assessment_id != aid:
                continue
            if r.status != "draft":
                raise ValidationError(
                    "This assessment's questionnaire is already complete.",
                    "To change an answer, review it and make a correction with a reason.")
            if r.mode == "patient" and r.method is None:
                raise ValidationError(
                    "The patient started this questionnaire on the clinic laptop.",
                    "Let them finish it there, or finish it with them on the laptop.")
        context = self.questionnaires.context(patient_id, assessment, self.today)
        draft = responses_repo.entry_draft(self._db, patient_id, PATIENT_FORM, aid)
        if draft is not None:
            opened = self.questionnaires.resume(draft, context)
            record = responses_repo.get_entry(self._db, draft.id)
            assert record is not None  # entry_draft finds only responses with an entry row
            return self._entry(opened, record, patient, assessment, episode_id)
        if method not in METHODS:
            raise ValidationError("Choose how the answers were obtained.",
                                  "Telephone, video, paper typed in, or in person.")
        iso = self.check_answered_on(episode_id, answered_on)
        self.check_text_packs(locale)
        if double_entry and method != "paper":
            raise ValidationError("Double entry is for paper questionnaires.", "")
        # The answers are the patient's: stored as a patient questionnaire (mode "patient",
        # which export, dashboard and worklist read), with how they were obtained beside it.
        # The response and its entry row are written together, so no reader ever sees one
        # without the other.
        opened = self.questionnaires.start_staff_entry(
            patient_id, PATIENT_FORM, episode_id=episode_id, assessment=assessment,
            locale=locale, today=self.today, method=method, answered_on=iso,
            double_entry=double_entry)
        record = responses_repo.get_entry(self._db, opened.id)
        assert record is not None
        return self._entry(opened, record, patient, assessment, episode_id)

    def _entry(self, opened: OpenResponse, record: EntryRecord, patient: Patient,
               assessment: str, episode_id: int) -> Entry:
        skipped = responses_repo.section_skips(self._db, opened.id)
        me = self.session.username
        if record.stage in ("awaiting_second", "second") and me == record.entered_by:
            raise ValidationError(
                "The checking entry must be made by another member of staff: you made the "
                "first entry of this paper questionnaire.",
                "Ask a colleague to sign in and enter it again from the paper.")
        if record.stage == "awaiting_second":
            responses_repo.start_second_entry(self._db, opened.id, me)
            record = responses_repo.get_entry(self._db, opened.id) or record
        if record.stage == "second":
            fs = self._second_session(opened, record)
            walk = SectionWalk(fs, skipped)
            return Entry(opened, record, "second", fs, walk, patient, assessment, episode_id)
        which = "resolve" if record.stage == "resolving" else "first"
        walk = SectionWalk(opened.form_session, skipped)
        return Entry(opened, record, which, opened.form_session, walk, patient, assessment,
                     episode_id)

    def _second_session(self, opened: OpenResponse, record: EntryRecord) -> FormSession:
        first = opened.form_session
        fs = FormSession(first.form, responses_repo.second_answers(self._db, opened.id),
                         first.context, first.texts, resume=True)
        if record.second_page and record.second_page in {p.id for p in fs.visible_pages}:
            fs.go_to(record.second_page)
        return fs

    # ---- typing -------------------------------------------------------------------------------

    def _require_stage(self, entry: Entry) -> EntryRecord:
        current = responses_repo.get_entry(self._db, entry.id)
        want = "second" if entry.which == "second" else "first"
        if current is None or current.stage != want:
            raise ValidationError("This entry has moved on and can no longer be changed here.",
                                  "Close it and open the questionnaire again.")
        return current

    def refusal(self, entry: Entry, question_id: str) -> ValidationMessage | None:
        """Why an answer to this question would be refused now, or None."""
        fs = entry.fs
        if not fs.is_visible(question_id):
            return hidden_message(fs, question_id)
        section = section_of(fs, next(p.id for p in fs.form.pages
                                      if any(i.id == question_id for i in p.items)))
        if section in entry.walk.skipped:
            return ValidationMessage(question_id, "section_skipped",
                                     "This section was skipped. Undo the skip to enter answers.")
        notice = entry.notice(section)
        if notice is not None and notice.forbidden:
            return ValidationMessage(question_id, "licence", notice.text())
        return None

    def answer(self, entry: Entry, question_id: str, value: object) -> list[ValidationMessage]:
        """Give one answer; committed before this returns, unless refused (then nothing
        is stored and the message says why)."""
        refused = self.refusal(entry, question_id)
        if refused is not None:
            return [refused]
        self._require_stage(entry)
        if entry.which == "first":
            return self.questionnaires.answer(entry.response, question_id, value)
        before = entry.fs.answers.get(question_id)
        messages = entry.fs.answer(question_id, value)
        stored = entry.fs.answers.get(question_id)
        if stored != before:
            responses_repo.save_second_answer(self._db, entry.id, question_id, stored,
                                              self.session.username)
        return messages

    def page_changed(self, entry: Entry) -> None:
        if entry.which == "second":
            responses_repo.set_second_page(self._db, entry.id, entry.fs.current_page.id)
        elif entry.which == "first":
            self.questionnaires.page_changed(entry.response)

    def skip_section(self, entry: Entry, section_id: str, reason: str) -> None:
        """Leave out a licensed instrument that cannot be administered this way."""
        if not reason.strip():
            raise ValidationError("Give the reason this section is not administered.",
                                  "For example: 'licence does not allow telephone use; paper "
                                  "copy posted'.")
        if entry.which != "first" or entry.notice(section_id) is None:
            raise ValidationError("Only a licensed instrument that cannot be read to the "
                                  "patient can be skipped.", "")
        self._require_stage(entry)
        clear = [i.id for i in section_items(entry.fs, section_id) if i.id in entry.fs.answers]
        responses_repo.skip_section(self._db, entry.id, section_id, reason.strip(),
                                    self.session.username, clear)
        for qid in clear:
            entry.fs.answer(qid, None)  # in memory only: the rows went with the skip
        entry.walk.skipped.add(section_id)

    def skip_reason(self, entry: Entry, section_id: str) -> str:
        return responses_repo.section_skips(self._db, entry.id).get(section_id, "")

    def skipped_sections(self, entry: Entry) -> dict[str, str]:
        return responses_repo.section_skips(self._db, entry.id)

    def unskip_section(self, entry: Entry, section_id: str) -> None:
        self._require_stage(entry)
        responses_repo.unskip_section(self._db, entry.id, section_id, self.session.username)
        entry.walk.skipped.discard(section_id)

    # ---- finishing ----------------------------------------------------------------------------

    def finish(self, entry: Entry) -> str:
        """End this entry; returns the response's stage: "done" (it counts), or
        "awaiting_second" / "resolving" for a paper questionnaire being checked."""
        record = self._require_stage(entry)
        blocking = entry.walk.first_incomplete()
        if blocking is not None:
            raise ValidationError("Some questions still need an answer.",
                                  "Go to the section shown and complete it.")
        for section in sections(entry.fs):
            notice = entry.notice(section.id)
            if notice is not None and notice.forbidden and section.id not in entry.walk.skipped:
                raise ValidationError(
                    "A licensed section that cannot be read to the patient has not been "
                    "skipped.", "Go back to it and give the reason it was not administered.")
        if entry.which == "first" and record.double_entry:
            responses_repo.finish_first_entry(self._db, entry.id, self.session.username)
            return "awaiting_second"
        if entry.which == "first":
            self._complete(entry, record)
            return "done"
        first = self._stored_session(entry)
        found = differences(first, entry.fs)
        responses_repo.finish_second_entry(self._db, entry.id, self.session.username,
                                           {d.question_id: (d.first, d.second) for d in found})
        if not found:
            self._complete(entry, record)
            return "done"
        entry.which = "resolve"
        return "resolving"

    def _stored_session(self, entry: Entry) -> FormSession:
        first = entry.response.form_session
        return FormSession(first.form, responses_repo.answers(self._db, entry.id),
                           first.context, first.texts, resume=True)

    def _complete(self, entry: Entry, record: EntryRecord) -> None:
        fs = self._stored_session(entry)
        walk = SectionWalk(fs, entry.walk.skipped)
        if not walk.is_complete:
            raise ValidationError("Some questions still need an answer.",
                                  "Open the entry again and complete the section shown.")
        keep = fs.effective_answers()
        hidden = [q for q in responses_repo.answers(self._db, entry.id) if q not in keep]
        scores = {sid: (r.value, r.band, r.as_json()) for sid, r in fs.scores().items()}
        responses_repo.complete_entry(self._db, entry.id, self.session.username, scores, hidden)
        if entry.response.record.assessment_id is not None:
            # The assessment is dated when the patient answered, not when it was typed in.
            self.questionnaires._date_assessment(entry.response.record.assessment_id,
                                                 dt.date.fromisoformat(record.answered_on))
        entry.response.form_session.finished = True

    # ---- double entry: the differences ---------------------------------------------------------

    def differences(self, entry: Entry) -> list[Difference]:
        fs = entry.response.form_session
        stored = responses_repo.entry_differences(self._db, entry.id)
        order = [i.id for i in fs.form.items]
        return [describe(fs, q, a, b, c)
                for q, (a, b, c) in sorted(stored.items(), key=lambda kv: order.index(kv[0]))]

    def resolve(self, entry: Entry, question_id: str, keep: str) -> None:
        """Keep the first or the second entry's value for one difference."""
        if keep not in ("first", "second"):
            raise ValidationError("Choose the first or the second entry's answer.", "")
        record = responses_repo.get_entry(self._db, entry.id)
        stored = responses_repo.entry_differences(self._db, entry.id)
        if record is None or record.stage != "resolving" or question_id not in stored:
            raise ValidationError("There is no such difference to resolve.", "")
        first, second, _ = stored[question_id]
        value: JsonValue | None = first if keep == "first" else second
        responses_repo.resolve_difference(self._db, entry.id, question_id, keep, value,
                                          self.session.username)

    def complete_checked(self, entry: Entry) -> None:
        """Every difference resolved: the response counts from now on."""
        record = responses_repo.get_entry(self._db, entry.id)
        if record is None or record.stage != "resolving":
            raise ValidationError("This questionnaire is not waiting for its differences to "
                                  "be resolved.", "")
        open_ = [d for d in self.differences(entry) if d.chosen is None]
        if open_:
            raise ValidationError(
                f"{len(open_)} difference(s) between the two entries still to resolve.",
                "Choose, for each, the answer that matches the paper questionnaire.")
        self._complete(entry, record)

    # ---- reporting ----------------------------------------------------------------------------

    def completion_by_method(self) -> MethodCounts:
        """Completed questionnaires per assessment by how they were completed (dashboard)."""
        return completion_by_method(responses_repo.completed_methods(self._db))


def is_interview(method: str) -> bool:
    return method in INTERVIEW_METHODS
