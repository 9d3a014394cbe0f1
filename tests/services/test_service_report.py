"""The service report's files: suppressed when shared, exact only in the JSON's own
section, no patient-level data, written only where asked."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from crdesk.errors import AlreadyExistsError
from crdesk.services import deprivation
from crdesk.services.dashboard import DashboardService
from crdesk.services.service_report import ServiceReportService
from crdesk.services.session import Session
from crdesk.storage import audit_repo, patients_repo
from tests.core.dashboard.hand_clinic import AS_OF, PERIOD
from tests.helpers.dashboard_clinic import LOOKUP_CSV, NHS, write_hand_clinic


@pytest.fixture
def hand(admin: Session) -> Session:
    write_hand_clinic(admin)
    deprivation.import_text(admin, LOOKUP_CSV, "england", "lookup.csv")
    DashboardService(admin).set_kpi1_professions(4)
    return admin


def identifiers(session: Session) -> list[str]:
    """Every patient identifier that must never be in a shared file."""
    out = []
    for p in patients_repo.all_patients(session._db):
        out += [p.family_name, p.given_name, p.nhs_number or "", p.postcode or "",
                p.hospital_number or ""]
    return [x for x in out if x]


def test_json_exact_and_suppressed(hand: Session, staff: Session) -> None:
    svc = ServiceReportService(staff)
    rep = svc.build(PERIOD, as_of=AS_OF)
    body = json.loads(svc.render(rep, "json"))
    exact = {t["id"]: t for t in body["exact"]["tables"]}
    shared = {t["id"]: t for t in body["suppressed"]["tables"]}
    # Seven episodes referred, one opted out, one without a referral date.
    assert [r[1] for r in exact["cohort"]["rows"]] == [7, 1, 1]
    assert [r[1] for r in shared["cohort"]["rows"]] == ["*", "*", "*"]
    assert "7 episode(s)" in body["exact"]["cohort"][0]
    assert body["suppressed"]["cohort"][0].startswith("* episode(s)")
    kpi4 = next(r for r in exact["kpis"]["rows"] if r[0] == "4")
    assert kpi4[2:9] == [None, "%", ">= 80", "not enough patients", 4, 5, 0]
    kpi4s = next(r for r in shared["kpis"]["rows"] if r[0] == "4")
    assert kpi4s[6:8] == ["*", "*"]
    assert body["disclosure_rule"] == "disclosure-nhs-digital-2018"
    assert any("suppression" in m.lower() for m in body["methods"])
    text = json.dumps(body)
    assert "numerator_ids" not in text and "denominator_ids" not in text
    for ident in identifiers(hand):
        assert ident not in text
    shared_only = json.loads(svc.render(rep, "json", marked_for_sharing=True))
    assert "exact" not in shared_only


def test_csv_is_suppressed_and_has_no_identifiers(hand: Session) -> None:
    svc = ServiceReportService(hand)
    rep = svc.build(PERIOD, as_of=AS_OF)
    text = svc.render(rep, "csv").decode("utf-8-sig")
    assert "# Who is counted,cohort" in text
    assert "Referred in the period (the cohort),*" in text
    assert "disclosure-nhs-digital-2018" in text
    for ident in identifiers(hand):
        assert ident not in text
    # Every count of 1-7 in the exact tables is a * here: no exact small number survives.
    for t in rep.exact.tables:
        shared = next(s for s in rep.shared.tables if s.id == t.id)
        for erow, srow in zip(t.rows, shared.rows, strict=True):
            for e, s in zip(erow, srow, strict=True):
                if isinstance(e, int) and 1 <= e <= 7 and t.id != "kpis":
                    assert s == "*", (t.id, erow, srow)


def test_pdf_text_names_period_edition_rule_and_opt_outs(hand: Session, tmp_path: Path) -> None:
    svc = ServiceReportService(hand)
    rep = svc.build(PERIOD, as_of=AS_OF)
    out = svc.write(rep, "pdf", tmp_path / "service.pdf")
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert "Cardiac rehabilitation service report" in flat
    assert "01/04/2026 to 31/03/2027" in flat and "ncp_cr-2018" in flat
    assert "disclosure-nhs-digital-2018" in flat and "Methods" in flat
    assert "opted out of NACR" in flat
    assert "Statistical process control" in flat and "Equity" in flat
    for ident in identifiers(hand):
        assert ident not in flat
    # Written once, audited, and never over an existing file.
    e = audit_repo.entries(hand._db, action="report.service", limit=1)[0]
    assert json.loads(e.detail)["exact_figures"] is False
    with pytest.raises(AlreadyExistsError):
        svc.write(rep, "pdf", out)


def test_exact_json_is_audited_as_such(hand: Session, tmp_path: Path) -> None:
    svc = ServiceReportService(hand)
    svc.write(svc.build(PERIOD, as_of=AS_OF), "json", tmp_path / "r.json")
    e = audit_repo.entries(hand._db, action="report.service", limit=1)[0]
    assert json.loads(e.detail) == {"period": "2026-04-01..2027-03-31", "format": "json",
                                    "exact_figures": True, "edition": "ncp_cr-2018"}
    assert NHS[0] not in (tmp_path / "r.json").read_text()
