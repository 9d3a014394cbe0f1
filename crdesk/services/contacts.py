"""Contact details on the record, for booking assessments: read for the screen, saved
field-checked, audited with the field names only (never the values). No export reads them.
"""

from __future__ import annotations

from crdesk.core.contact import (
    ContactDetails,
    changed_fields,
    clean_contact,
    contact_problems,
)
from crdesk.errors import PermissionDeniedError, ValidationError
from crdesk.services.field_errors import FieldErrors
from crdesk.services.opt_out import DECIDERS
from crdesk.services.session import Session
from crdesk.storage import contacts_repo, opt_out_repo


class ContactService:
    """Contact details on the record: read for the screen, saved field-checked, audited with
    the field names only (never the values)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, patient_id: int) -> ContactDetails:
        return contacts_repo.get(self.session._db, patient_id)

    def save(self, c: ContactDetails) -> list[str]:
        if not self.session.is_open or self.session.role not in DECIDERS:
            raise PermissionDeniedError("Only clinic staff can change contact details.", "")
        if c.patient_id is None or opt_out_repo.status(self.session._db, c.patient_id) is None:
            raise ValidationError("This patient record no longer exists.", "")
        cleaned = clean_contact(c)
        problems = contact_problems(cleaned)
        if problems:
            raise FieldErrors(problems)
        changed = changed_fields(self.get(c.patient_id), cleaned)
        if changed:
            with self.session.change("contact.update", "patient", c.patient_id,
                                     {"fields": changed}) as db:
                contacts_repo.save(db, cleaned, self.session.username)
        return changed
