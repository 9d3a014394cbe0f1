"""Clinic settings and the audit-log viewer: admin only, validated, audited."""

from __future__ import annotations

import datetime as dt

import pytest

from crdesk.errors import PermissionDeniedError
from crdesk.services.admin import (
    AuditFilter,
    ClinicSettings,
    audit_entries,
    clinic_settings,
    save_clinic_settings,
)
from crdesk.services.field_errors import FieldErrors
from crdesk.services.session import Session
from tests.helpers.staff import new_patient


def test_settings_are_admin_only_and_checked(admin: Session, staff: Session) -> None:
    with pytest.raises(PermissionDeniedError):
        save_clinic_settings(staff, ClinicSettings("X", "RX1", ""))
    with pytest.raises(FieldErrors) as err:
        save_clinic_settings(admin, ClinicSettings(" ", "R!", ""))
    assert set(err.value.problems) == {"name", "ods_code"}
    changed = save_clinic_settings(admin, ClinicSettings("Riverside CR", "rx2",
                                                         "Call 0113 000 0000"))
    assert changed == ["name", "ods_code", "report_contact"]
    assert clinic_settings(admin) == ClinicSettings("Riverside CR", "RX2", "Call 0113 000 0000")


def test_audit_viewer_filters(admin: Session, staff: Session) -> None:
    with pytest.raises(PermissionDeniedError):
        audit_entries(staff, AuditFilter())
    pid = new_patient(staff)
    rows = audit_entries(admin, AuditFilter(actor="staff", action="patient."))
    assert [r.action for r in rows] == ["patient.create"]
    assert audit_entries(admin, AuditFilter(entity="patient", entity_id=str(pid)))
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert audit_entries(admin, AuditFilter(since=tomorrow)) == []
    assert audit_entries(admin, AuditFilter(action="audit.view"))[0].actor == "admin"
