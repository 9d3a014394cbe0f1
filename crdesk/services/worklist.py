"""The staff worklist (Home page): who needs something today, most urgent first.

Staff and admin may view it. Rows carry the patient id so the GUI can open the record
(opening it goes through PatientService, which records the view). Wait thresholds are the
NCP_CR KPI 5 and 6 thresholds for the clinic's nation, from the standards edition.
"""

from __future__ import annotations

import datetime as dt

from crdesk.core.dashboard.kpis import KPI2_GROUPS
from crdesk.core.dashboard.worklist import (
    A3_KEEP_DAYS,
    LOOKAHEAD_DAYS,
    THIS_WEEK_DAYS,
    OptOutToConfirm,
    Worklist,
    build,
)
from crdesk.core.dates import iso_date
from crdesk.services.dashboard import DashboardService, Standards
from crdesk.services.session import Session
from crdesk.storage import dashboard_repo, opt_out_repo


def opt_outs_to_confirm(session: Session) -> list[OptOutToConfirm]:
    """Every patient whose opt-out waits for staff (few: one small indexed read)."""
    return [OptOutToConfirm(pid, name, iso_date(at))
            for pid, name, at in opt_out_repo.waiting_for_confirmation(session._db)]


class WorklistService:
    def __init__(self, session: Session, standards: Standards | None = None) -> None:
        self.session = session
        self.dashboard = DashboardService(session, standards)

    def on(self, session: Session) -> WorklistService:
        return WorklistService(session, self.dashboard.standards)

    def wait_thresholds(self) -> dict[str, float]:
        """Priority group -> days, from the nation's median-wait KPIs (5: CABG, 6: MI/PCI)."""
        ncp = self.dashboard.standards.ncp_cr
        nation = self.dashboard.nation()
        out: dict[str, float] = {}
        for k in ncp.kpis:
            th = k.thresholds.get(nation)
            if k.kind == "median_wait" and th is not None:
                for g in k.groups:
                    if g in KPI2_GROUPS:
                        out[g] = th
        return out

    def worklist(self, today: dt.date | None = None, *, limit: int = 200) -> Worklist:
        """Every episode-based item; drafts and unreviewed questionnaires counted in full
        and listed oldest first up to ``limit`` each."""
        today = today or dt.date.today()
        db = self.session._db
        ncp = self.dashboard.standards.ncp_cr
        responses, totals = dashboard_repo.open_responses(db, limit)
        return build(dashboard_repo.open_episodes(db, ncp.priority_group, today,
                                                  LOOKAHEAD_DAYS, A3_KEEP_DAYS),
                     responses,
                     dashboard_repo.goals_due(db, today + dt.timedelta(days=THIS_WEEK_DAYS)),
                     today, self.wait_thresholds(), totals,
                     opt_outs=opt_outs_to_confirm(self.session))
