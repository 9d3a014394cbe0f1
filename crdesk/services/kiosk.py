"""What the patient kiosk records in the audit log: when it opened, who released it and why.

The kiosk itself writes no answers here (those go through the questionnaire service); these
are the events a governance review asks about: a questionnaire handed to a patient, a staff
password given to resume, end or review it, and failed staff passwords before a success.
"""

from __future__ import annotations

from crdesk.services.access import StaffCheck
from crdesk.services.session import Session


class KioskEvents:
    """The audit trail of one kiosk run of one response."""

    def __init__(self, session: Session, response_id: int) -> None:
        self._session = session
        self._response_id = response_id

    def _record(self, action: str, entity: str, entity_id: str | int,
                detail: dict[str, object]) -> None:
        self._session.record(action, entity, entity_id, detail)

    def started(self, page: str) -> None:
        self._record("kiosk.start", "response", self._response_id, {"page": page})

    def released(self, action: str, check: StaffCheck, page: str, reason: str = "") -> None:
        """A staff password released the kiosk to ``action`` (resume, exit, review)."""
        if check.earlier_failures:
            self._record("kiosk.staff_failures", "user", check.username,
                         {"count": len(check.earlier_failures),
                          "first": check.earlier_failures[0],
                          "last": check.earlier_failures[-1]})
        detail: dict[str, object] = {"released_by": check.username, "page": page}
        if reason:
            detail["reason"] = reason
        self._record(f"kiosk.{action}", "response", self._response_id, detail)

    def ended(self, reason: str) -> None:
        self._record("kiosk.exit", "response", self._response_id, {"reason": reason})
