"""The patient progress report: gather the data, draw it (crdesk.reports), write it where
the user chose, atomically, and audit it. Never written to a temporary folder: a report
holds a name, date of birth and NHS number, and temp folders are not cleaned reliably.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crdesk.atomic import write_atomic
from crdesk.core import nhs_number
from crdesk.core.report_data import ReportData
from crdesk.core.staff_entry import method_words
from crdesk.errors import KnownError, ValidationError
from crdesk.reports.patient_report import render
from crdesk.services.patients import PatientService
from crdesk.services.progress import progress_view
from crdesk.services.session import Session
from crdesk.storage import clinic_repo

CONTACT_SETTING = "report.contact"


def long_date(iso: str | None) -> str:
    if not iso:
        return ""
    day = dt.date.fromisoformat(iso[:10])
    return f"{day.day} {day.strftime('%B %Y')}"


def report_data(session: Session, patient_id: int, episode_id: int,
                today: dt.date | None = None) -> ReportData:
    today = today or dt.date.today()
    record = PatientService(session, today).open(patient_id)
    if record.episode(episode_id) is None:
        raise ValidationError("This episode is not part of this patient's record.", "")
    view = progress_view(session, record, episode_id, today)
    p = record.patient
    clinic = session.clinic()
    return ReportData(
        clinic_name=clinic.name,
        patient_name=f"{p.given_name} {p.family_name}",
        date_of_birth=long_date(p.date_of_birth),
        nhs_number=nhs_number.format_nhs(p.nhs_number) if p.nhs_number else "",
        made_on=long_date(today.isoformat()),
        assessments={k: long_date(a.done_date) for k, a in view.assessments.items()},
        rows=view.rows,
        goals=[g for g in record.goals if g.episode_id == episode_id],
        contact=clinic_repo.get_setting(session._db, CONTACT_SETTING, "") or "",
        demo=clinic.is_demo,
        modes={k: method_words(a.how) for k, a in view.assessments.items() if a.how},
    )


def report_pdf(session: Session, patient_id: int, episode_id: int,
               today: dt.date | None = None) -> bytes:
    return render(report_data(session, patient_id, episode_id, today))


def save_report(session: Session, pdf: bytes, target: Path, patient_id: int,
                episode_id: int) -> None:
    """Write the PDF (temp file beside the target, fsync, rename) and audit it.

    The audit row names the patient and episode ids, never the file name: people often
    name a report after the patient.
    """
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(target.suffix + ".pdf")
    try:
        write_atomic(target, pdf)
    except OSError:
        raise KnownError("The report could not be written there.",
                         "Choose a folder you can write to, such as Documents.") from None
    session.record("report.write", "patient", patient_id,
                   {"episode": episode_id, "bytes": len(pdf)})


def write_report(session: Session, patient_id: int, episode_id: int, target: Path,
                 today: dt.date | None = None) -> None:
    """Gather, draw and write one patient's progress report (a background operation)."""
    pdf = report_pdf(session, patient_id, episode_id, today)
    save_report(session, pdf, target, patient_id, episode_id)


def record_printed(session: Session, patient_id: int, episode_id: int, pages: int) -> None:
    """Audit a report sent to a printer (nothing was written to disk)."""
    session.record("report.print", "patient", patient_id,
                   {"episode": episode_id, "pages": pages})


def default_report_name(today: dt.date) -> str:
    """The name offered in Save as PDF: no name, NHS number or other identifier, because
    file names show in folder listings, recent-file lists and backups."""
    return f"progress-report-{today.isoformat()}.pdf"
