"""The service report: PDF, CSV or JSON of the dashboard for a period, written only where
the user chooses.

Everything that leaves the screen goes through the disclosure rule: the PDF and the CSV
are always suppressed; the JSON carries the suppressed figures and, unless it is marked
for sharing, the exact ones in a separate ``exact`` section. Files are written atomically
(crdesk.atomic), never over an existing file unless asked, and the writing is audited
(period, format, whether exact figures went into the file).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from crdesk import __version__
from crdesk.atomic import write_atomic
from crdesk.core.dashboard import document as docs
from crdesk.core.dashboard.facts import EpisodeFacts
from crdesk.core.dashboard.figures import DEFAULT_CHARTS, Figures
from crdesk.core.dashboard.periods import Period
from crdesk.errors import ValidationError
from crdesk.services.dashboard import DashboardService, Standards
from crdesk.services.session import Session
from crdesk.storage import records_repo
from crdesk.storage.clinic_repo import now_iso

FORMATS = ("json", "csv", "pdf")


@dataclass(frozen=True)
class Report:
    figures: Figures
    shared: docs.Document  # suppressed: what may leave the clinic
    exact: docs.Document  # for the screen and the JSON's exact section


class ServiceReportService:
    def __init__(self, session: Session, standards: Standards | None = None) -> None:
        self.session = session
        self.dashboard = DashboardService(session, standards)

    def on(self, session: Session) -> ServiceReportService:
        return ServiceReportService(session, self.dashboard.standards)

    def build(self, period: Period | None = None, *, as_of: dt.date | None = None,
              charts: Sequence[str] = DEFAULT_CHARTS,
              facts: Sequence[EpisodeFacts] | None = None) -> Report:
        # Every file this makes may be shared: a restricted record is held back from all of
        # them (issue 17). The dashboard on screen, for staff, still counts it.
        held = records_repo.restricted_episode_ids(self.session._db)
        if held:
            facts = [f for f in (self.dashboard.facts(period) if facts is None else facts)
                     if f.episode_id not in held]
        fig = self.dashboard.figures(period, as_of=as_of, charts=charts, facts=facts,
                                     with_preflight=self.session.is_admin)
        s = self.dashboard.standards
        clinic = self.session.clinic()

        def make(shared: bool) -> docs.Document:
            return docs.document(fig, clinic_name=clinic.name, ods_code=clinic.ods_code,
                                 standards=s.ncp_cr, rules=s.spc, rule=s.disclosure,
                                 shared=shared)

        return Report(fig, make(True), make(False))

    @staticmethod
    def render(report: Report, fmt: str, *, marked_for_sharing: bool = False) -> bytes:
        if fmt == "json":
            return docs.to_json(report.shared, None if marked_for_sharing else report.exact,
                                software_version=__version__, generated_at=now_iso())
        if fmt == "csv":
            return docs.to_csv(report.shared)
        if fmt == "pdf":
            from crdesk.reports.service_report import render

            return render(report.shared)
        raise ValidationError(f"'{fmt}' is not a report format.",
                              f"Choose one of: {', '.join(FORMATS)}.")

    def write(self, report: Report, fmt: str, out: Path, *, marked_for_sharing: bool = False,
              overwrite: bool = False) -> Path:
        """Write the report to ``out`` (only there), atomically; audited."""
        data = self.render(report, fmt, marked_for_sharing=marked_for_sharing)
        exact_inside = fmt == "json" and not marked_for_sharing
        p = report.figures.period
        with self.session.change("report.service", "report", fmt,
                                 {"period": p.as_text(), "format": fmt,
                                  "exact_figures": exact_inside,
                                  "edition": report.figures.edition}):
            write_atomic(Path(out), data, overwrite=overwrite)
        return Path(out)
