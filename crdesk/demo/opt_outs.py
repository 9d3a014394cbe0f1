"""A demo clinic's kiosk opt-out waiting for staff, made the way the kiosk makes one: a
patient awaiting assessment 1 starts the questionnaire and chooses not to be sent to NACR.
So the worklist's "Opt-outs to confirm" and the record's banner have something to show."""

from __future__ import annotations

from crdesk.services.questionnaires import PATIENT_FORM, QuestionnaireService
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, patients_repo, responses_repo


def add_demo_kiosk_opt_out(session: Session) -> int | None:
    """The patient id, or None when no patient is waiting for assessment 1."""
    db = session._db
    for p in patients_repo.all_patients(db):
        if p.id is None or p.nacr_opt_out:
            continue
        episodes = episodes_repo.for_patient(db, p.id)
        if not episodes or any(r.form_id == PATIENT_FORM
                               for r in responses_repo.responses_for_patient(db, p.id)):
            continue
        service = QuestionnaireService(session)
        opened = service.start_or_resume(p.id, PATIENT_FORM, episode_id=episodes[-1].id,
                                         assessment="A1")
        service.answer(opened, "info_acknowledgement", "opt_out")
        return p.id
    return None
