"""The patient progress report: its words, its identifiers, and how its pages look."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from crdesk.services.goals import GoalService
from crdesk.services.reports import report_pdf, save_report
from crdesk.services.session import Session
from crdesk.storage import audit_repo
from tests.helpers.staff import TODAY, both_assessments


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def report(staff: Session) -> tuple[bytes, int, int]:
    pid, eid = both_assessments(staff)
    goals = GoalService(staff, TODAY)
    gid = goals.add(eid, "activity", "Walk to the shops", "30 minutes on 5 days a week")
    goals.review(gid, "achieved", "Walks every day now")
    return report_pdf(staff, pid, eid, TODAY), pid, eid


def test_report_text_before_after_goals_and_only_three_identifiers(
        report: tuple[bytes, int, int]) -> None:
    pdf, _, _ = report
    text = " ".join(_text(pdf).split())
    for expected in ("Your cardiac rehabilitation progress", "Test Clinic", "Edith Pemberton",
                     "14 March 1950", "943 476 5919", "Start", "End", "Shuttle walk distance",
                     "300 m", "420 m", "+120 m", "Better", "Anxiety (HADS)",
                     "Walk to the shops", "30 minutes on 5 days a week", "Achieved",
                     "Walks every day now", "Page 1 of", "1 June 2026",
                     "A BMI of 18.5 to 24.9 is a healthy weight"):
        assert expected in text, expected
    for identifier in ("H123456", "LS6", "A81001", "1950-03-14"):
        assert identifier not in text, identifier


def test_report_is_written_only_where_chosen_and_audited(staff: Session, tmp_path: Path,
                                                         report: tuple[bytes, int, int]) -> None:
    pdf, pid, eid = report
    target = tmp_path / "chosen" / "edith report"
    target.parent.mkdir()
    save_report(staff, pdf, target, pid, eid)
    written = target.with_name("edith report.pdf")
    assert written.read_bytes() == pdf
    assert [p.name for p in target.parent.iterdir()] == ["edith report.pdf"], "no temp left"
    entry = audit_repo.entries(staff._db, action="report.write")[0]
    assert entry.entity_id == str(pid) and "edith" not in entry.detail


def test_report_pages_render_to_images(report: tuple[bytes, int, int], tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    pdf, _, _ = report
    doc = pdfium.PdfDocument(pdf)
    assert 1 <= len(doc) <= 4
    for n in range(len(doc)):
        image = doc[n].render(scale=1.5).to_pil()
        image.save(tmp_path / f"page-{n + 1}.png")
        # A4 at 1.5 x 72 dpi; mostly white with dark text on it.
        assert image.size == (893, 1263)
        histogram = image.convert("L").histogram()
        dark = sum(histogram[:128])
        assert 0.005 < dark / (image.size[0] * image.size[1]) < 0.3
    doc.close()
