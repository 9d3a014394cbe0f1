"""The staff worklist (Home page): who needs something today, most urgent first.

Staff and admin may view it. Rows carry the patient id so the GUI can open the record
(opening it goes through PatientService, which records the view). Wait thresholds are the
NCP_CR KPI 5 and 6 thresholds for the clinic's nation, from the standards edition.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from crdesk.core.dashboard.worklist import (
    EPISODE_GROUPS,
    THIS_WEEK_DAYS,
    OptOutToConfirm,
    Worklist,
    assemble,
    item,
    wait_thresholds,
)
from crdesk.core.dates import iso_date
from crdesk.services.dashboard import DashboardService, Standards
from crdesk.services.session import Session
from crdesk.storage import opt_out_repo, worklist_repo


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
        return wait_thresholds(self.dashboard.standards.ncp_cr, self.dashboard.nation())

    def worklist(self, today: dt.date | None = None, *, limit: int = 200) -> Worklist:
        """Every group counted in full and listed most urgent first, up to ``limit`` items
        per group (drafts and unreviewed questionnaires oldest first). Reads the episode
        windows storage keeps ready (refreshed first), so it costs the items it lists."""
        today = today or dt.date.today()
        db = self.session._db
        ncp = self.dashboard.standards.ncp_cr
        self.dashboard.refresh_kept_facts()
        week_end = today + dt.timedelta(days=THIS_WEEK_DAYS)
        listed, counts = worklist_repo.open_work(db, EPISODE_GROUPS, today, week_end, limit)
        episodes = worklist_repo.listed_episodes(db, (eid for eid, _ in listed),
                                                  ncp.priority_group)
        thresholds = self.wait_thresholds()
        items = [item(w, episodes[eid], today, thresholds) for eid, w in listed]
        shown = Counter(i.group for i in items)
        shown_week = Counter(i.group for i in items if i.due is not None and i.due <= week_end)
        unlisted = {g: n - shown[g] for g, (n, _) in counts.items()}
        unlisted_week = {g: w - shown_week[g] for g, (_, w) in counts.items()}
        responses, totals = worklist_repo.open_responses(db, limit)
        return assemble(items, responses,
                        worklist_repo.goals_due(db, week_end), today, totals,
                        unlisted, unlisted_week, opt_outs=opt_outs_to_confirm(self.session))
