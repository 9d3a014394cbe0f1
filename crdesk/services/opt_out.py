"""The NACR opt-out: raised by the patient at the kiosk, confirmed (with its date) or
cleared (with a reason) by staff; every change audited in its own transaction.

While an opt-out is waiting for confirmation the patient is treated as opted out by every
export (core/opt_out.py). The audit row names the patient, the new state and the history
event; the date and the reason stay in the history table inside the encrypted database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from crdesk.core import validation
from crdesk.core.forms import FormSession
from crdesk.core.opt_out import (
    CONSENT_FORM,
    CONSENT_QUESTION,
    OptOutState,
    OptOutStatus,
    clear_problems,
    confirm_problems,
    kiosk_next_state,
)
from crdesk.core.roles import Role
from crdesk.errors import PermissionDeniedError, ValidationError
from crdesk.services.field_errors import FieldErrors
from crdesk.services.session import Session
from crdesk.storage import audit_repo, opt_out_repo

# Who may confirm or clear an opt-out, or change contact details: the clinical team (both
# roles today; a role added later, say a read-only auditor, is refused until listed here).
DECIDERS = frozenset({Role.ADMIN, Role.STAFF})


def information_text(fs: FormSession) -> tuple[str, int, str, str]:
    """Which information text the patient was shown with the consent question: the text
    pack's namespace, version and hash, and a hash of the exact words of that page (labels,
    bodies and answer options, as resolved for this patient's locale)."""
    form, texts = fs.form, fs.texts
    page = form.page_of[CONSENT_QUESTION]
    words: list[str] = []
    for item in page.items:
        for key in (item.label, item.body, item.help, *(o.text for o in item.options)):
            if key:
                words.append(f"{key}={texts.text(key)}")
    info = hashlib.sha256(json.dumps(words, ensure_ascii=False).encode()).hexdigest()
    label = form.item_by_id[CONSENT_QUESTION].label or CONSENT_FORM
    ns = label.split(".", 1)[0]
    pack = texts.provenance().get(ns, {})
    return ns, int(str(pack.get("version", 0))), str(pack.get("sha256", "")), info


class OptOutService:
    def __init__(self, session: Session, today: dt.date | None = None) -> None:
        self.session = session
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _require_decider(self, what: str) -> None:
        if not self.session.is_open or self.session.role not in DECIDERS:
            raise PermissionDeniedError(f"Only clinic staff can {what}.",
                                        "Sign in as a member of the clinical team.")

    def status(self, patient_id: int) -> OptOutStatus:
        found = opt_out_repo.status(self.session._db, patient_id)
        if found is None:
            raise ValidationError("This patient record no longer exists.", "")
        return found

    # ---- staff ------------------------------------------------------------------------------

    def confirm(self, patient_id: int, date_text: str) -> int:
        """Confirm an opt-out (or record one the patient gave in person) on the date they
        opted out: required, not in the future. Returns the history event id."""
        self._require_decider("confirm an opt-out")
        current = self.status(patient_id)
        problems = confirm_problems(current.state, date_text, self.today)
        if problems:
            raise FieldErrors(problems)
        iso = validation.iso_or_none(date_text)
        with self.session._db.transaction() as db:
            eid = opt_out_repo.set_state(db, patient_id, OptOutState.CONFIRMED,
                                         actor=self.session.username, opt_out_date=iso)
            audit_repo.append(db, self.session.username, "opt_out.confirm", "patient",
                              patient_id, {"event": eid, "from": current.state.value})
        return eid

    def clear(self, patient_id: int, reason: str) -> int:
        """Clear an opt-out (to confirm or confirmed) with a reason; the patient goes in the
        next export. Returns the history event id."""
        self._require_decider("clear an opt-out")
        current = self.status(patient_id)
        problems = clear_problems(current.state, reason)
        if problems:
            raise FieldErrors(problems)
        with self.session._db.transaction() as db:
            eid = opt_out_repo.set_state(db, patient_id, OptOutState.CLEARED,
                                         actor=self.session.username, reason=reason.strip())
            audit_repo.append(db, self.session.username, "opt_out.clear", "patient",
                              patient_id, {"event": eid, "from": current.state.value})
        return eid

    # ---- the kiosk --------------------------------------------------------------------------

    def kiosk_answer(self, response_id: int, patient_id: int, fs: FormSession,
                     choice: object) -> int | None:
        """The patient answered the consent question: store what they chose and which text
        they read, and raise an opt-out to confirm if they said no (or asked to talk to
        staff first). One transaction with its audit row (which, like every audit row, names
        no answer), joined to the caller's when it holds one. Returns the event id, if any."""
        ns, version, pack_sha, info_sha = information_text(fs)
        current = self.status(patient_id)
        new = kiosk_next_state(current.state, choice)
        with self.session._db.transaction() as db:
            opt_out_repo.save_consent(db, response_id, patient_id, str(choice), ns, version,
                                      pack_sha, info_sha)
            eid = None
            if new is not None:
                eid = opt_out_repo.set_state(db, patient_id, new, actor=self.session.username,
                                             response_id=response_id, choice=str(choice))
            audit_repo.append(db, self.session.username, "opt_out.kiosk", "response",
                              response_id, {"patient": patient_id, "event": eid,
                                            "state": (new or current.state).value})
        return eid
