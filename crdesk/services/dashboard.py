"""The service dashboard: every figure for a period and the clinic's nation.

Staff and admin may view it. KPI 1 (professions in the MDT, from NACR's staffing survey),
the KPI 7 threshold (not published in any copy found) and the clinic's nation are set by
an admin only, each change audited. A drill-down returns the patients behind a figure and
is audited as a view. Call ``figures`` through a background operation (``on(worker)``):
it reads every episode.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from crdesk import __version__
from crdesk.core.dashboard import figures as figs
from crdesk.core.dashboard import monthly
from crdesk.core.dashboard.facts import EpisodeFacts
from crdesk.core.dashboard.periods import Period, default_period
from crdesk.core.dashboard.standards import (
    DEFAULT_EDITION,
    DEFAULT_NATION,
    NATION_LABELS,
    NATIONS,
    DisclosureRule,
    EquityGroups,
    NcpCr,
    SpcRules,
    load_disclosure,
    load_equity,
    load_ncp_cr,
    load_spc,
)
from crdesk.core.dashboard.worklist import wait_thresholds
from crdesk.core.gc_pause import paused_gc
from crdesk.core.nhs_number import format_nhs
from crdesk.errors import ValidationError
from crdesk.services.session import Session
from crdesk.storage import clinic_repo, dashboard_months_repo, dashboard_repo, patients_repo

NATION_SETTING = "clinic.nation"
# The kept facts' layout and meaning (storage/schema_v5.py): bump it when what a kept row
# holds is worked out differently, and every episode is worked out again at the next read.
FACTS_FORMAT = 1
KPI1_SETTING = "dashboard.kpi1_professions"
KPI7_SETTING = "dashboard.kpi7_threshold"


class Standards:
    """The standards files one dashboard uses, loaded once."""

    def __init__(self, edition: str = DEFAULT_EDITION, folder: Path | None = None) -> None:
        self.ncp_cr: NcpCr = load_ncp_cr(edition, folder)
        self.spc: SpcRules = load_spc(folder)
        self.disclosure: DisclosureRule = load_disclosure(folder)
        self.equity: EquityGroups = load_equity(folder)
        self.export_columns = export_columns()  # read once: parsing the profile takes ~80 ms


def export_columns() -> list[tuple[str, str, bool]]:
    """(name, source, required) of the NACR export profile's columns (for completeness)."""
    from crdesk.export.profile import available_profiles

    profile = available_profiles().get("nacr")
    return [] if profile is None else [(c.name, c.source, c.required) for c in profile.columns]


class DashboardService:
    def __init__(self, session: Session, standards: Standards | None = None) -> None:
        self.session = session
        self.standards = standards or Standards()

    def on(self, session: Session) -> DashboardService:
        """The same standards, working through ``session`` (a background operation's own)."""
        return DashboardService(session, self.standards)

    # ---- settings ---------------------------------------------------------------------------

    def nation(self) -> str:
        value = clinic_repo.get_setting(self.session._db, NATION_SETTING, DEFAULT_NATION)
        return value if value in NATIONS else DEFAULT_NATION

    def set_nation(self, nation: str) -> None:
        self.session.require_admin("set the clinic's nation")
        if nation not in NATIONS:
            raise ValidationError(f"'{nation}' is not a nation crdesk knows.",
                                  f"Choose one of: {', '.join(NATIONS)}.")
        with self.session.change("dashboard.nation", "clinic", NATION_SETTING,
                                 {"nation": nation}) as db:
            clinic_repo.set_setting(db, NATION_SETTING, nation)

    def kpi1_professions(self) -> int | None:
        v = clinic_repo.get_setting(self.session._db, KPI1_SETTING)
        return None if v is None or v == "" else int(v)

    def set_kpi1_professions(self, professions: int | None) -> None:
        """KPI 1: the number of professions formally supporting the programme (admin)."""
        self.session.require_admin("enter KPI 1 (the MDT)")
        if professions is not None and not 0 <= professions <= 50:
            raise ValidationError("The number of professions must be between 0 and 50.", "")
        with self.session.change("dashboard.kpi1", "clinic", KPI1_SETTING,
                                 {"professions": professions}) as db:
            clinic_repo.set_setting(db, KPI1_SETTING,
                                    "" if professions is None else str(professions))

    def kpi7_threshold(self) -> float | None:
        v = clinic_repo.get_setting(self.session._db, KPI7_SETTING)
        return None if v is None or v == "" else float(v)

    def set_kpi7_threshold(self, percent: float | None) -> None:
        """KPI 7's threshold (% with assessment 2): not found in any published copy, so the
        admin enters the current figure; None clears it ("threshold not set")."""
        self.session.require_admin("set the KPI 7 threshold")
        if percent is not None and not 0 <= percent <= 100:
            raise ValidationError("The KPI 7 threshold is a percentage from 0 to 100.", "")
        with self.session.change("dashboard.kpi7_threshold", "clinic", KPI7_SETTING,
                                 {"percent": percent,
                                  "edition": self.standards.ncp_cr.edition}) as db:
            clinic_repo.set_setting(db, KPI7_SETTING, "" if percent is None else str(percent))

    # ---- figures ----------------------------------------------------------------------------

    def facts_generation(self) -> str:
        """What the kept facts depend on besides the records: a change to any of these
        works every episode out again."""
        nation = self.nation()
        sources = {s.nation: s.imported_at
                   for s in dashboard_repo.lookup_sources(self.session._db)}
        waits = sorted((g, th) for k in self.standards.ncp_cr.kpis if k.kind == "median_wait"
                       and (th := k.thresholds.get(nation)) is not None for g in k.groups)
        return (f"facts {FACTS_FORMAT}; crdesk {__version__}; "
                f"{self.standards.ncp_cr.edition}; {nation}; lookup {sources.get(nation)}; "
                f"waits {waits}")

    def refresh_kept_facts(self) -> int:
        """Bring the kept episode facts and worklist windows up to date (storage marks the
        episodes every write touches); how many episodes were worked out again. Fast when
        nothing changed; the first read after an upgrade works out every episode."""
        if self.session.read_only:
            return 0  # a damaged file takes no writes: the facts are shown as last kept
        return dashboard_repo.refresh_kept_facts(
            self.session._db, self.facts_generation(), self.nation(),
            self.standards.ncp_cr.priority_group,
            wait_thresholds(self.standards.ncp_cr, self.nation()))

    def facts(self, period: Period | None = None) -> list[EpisodeFacts]:
        """Every episode's facts, or (with ``period``) those the figures for it need: the
        period and the SPC charts' months before it, plus any without a referral date."""
        self.refresh_kept_facts()
        if period is None:
            return dashboard_repo.episode_facts(self.session._db)
        y, m = figs.spc_months(period)[0]
        since = min(period.start, dt.date(y, m, 1))
        return dashboard_repo.episode_facts(self.session._db, since, period.end)

    def default_period(self, today: dt.date | None = None) -> Period:
        return default_period(today or dt.date.today())

    def figures(self, period: Period | None = None, *, as_of: dt.date | None = None,
                charts: Sequence[str] = figs.DEFAULT_CHARTS,
                facts: Sequence[EpisodeFacts] | None = None,
                with_preflight: bool = False) -> figs.Figures:
        """Every figure for ``period`` (default: the financial year to date). Exact figures:
        for the screen. ``with_preflight`` (admin only) also runs the export preflight to
        count the records it holds back; it reads the answers, so it is slower."""
        today = as_of or dt.date.today()
        period = period or self.default_period(today)
        held_back = self.preflight_held_back(today) if with_preflight else None
        with paused_gc():  # tens of thousands of small objects, none of them garbage
            return self._compute(period, today, charts, facts, held_back)

    def _compute(self, period: Period, today: dt.date, charts: Sequence[str],
                 facts: Sequence[EpisodeFacts] | None, held_back: int | None) -> figs.Figures:
        summaries: dict[tuple[int, int], monthly.MonthSummary] | None = None
        if facts is None and all(monthly.supports(c, self.standards.ncp_cr) for c in charts):
            # The fast path: the facts of the period only, read per referral month (schema
            # 14), and the SPC months' points from the monthly summaries kept ready (schema
            # 12); the same figures as from every episode's kept facts
            # (tests/services/test_dashboard_fast.py).
            self.refresh_kept_facts()
            db = self.session._db
            facts = dashboard_months_repo.period_facts(db, period.start, period.end)
            summaries = dashboard_months_repo.month_summaries(db, figs.spc_months(period),
                                                       period.end)
        return figs.compute(
            self.facts(period) if facts is None else facts, period, self.nation(),
            standards=self.standards.ncp_cr, groups=self.standards.equity,
            rules=self.standards.spc, as_of=today, kpi1_professions=self.kpi1_professions(),
            kpi7_threshold=self.kpi7_threshold(),
            export_columns=self.standards.export_columns,
            held_back=held_back, charts=charts, month_summaries=summaries)

    def preflight_held_back(self, today: dt.date | None = None) -> int:
        """How many records the NACR export preflight holds back now (admin: it is the
        export's own check, which needs the admin's pseudonym key)."""
        from crdesk.services.export import ExportService

        self.session.require_admin("run the export preflight")
        return len(ExportService(self.session).preview("nacr", today).incomplete)

    def nation_label(self) -> str:
        return NATION_LABELS[self.nation()]

    # ---- drill-down -------------------------------------------------------------------------

    def drill_down(self, episode_ids: Iterable[int], figure: str) -> list[int]:
        """The patients behind a figure (e.g. a KPI's ``denominator_ids``), for the GUI to
        open; recorded in the audit log as a view of those patients."""
        ids = sorted(set(episode_ids))
        patients = dashboard_repo.patient_ids(self.session._db, ids)
        self.session.record("dashboard.drill_down", "dashboard", figure,
                            {"episodes": len(ids), "patients": len(patients)})
        return patients

    def drill_down_patients(self, episode_ids: Iterable[int],
                            figure: str) -> list[tuple[int, str]]:
        """(patient id, "Family, Given — NHS number") behind a figure, for the screen only;
        audited as a view like ``drill_down``."""
        ids = self.drill_down(episode_ids, figure)
        patients = patients_repo.get_many(self.session._db, ids)
        out = [(pid, f"{p.family_name}, {p.given_name} — "
                     f"{format_nhs(p.nhs_number) if p.nhs_number else 'no NHS number'}")
               for pid, p in patients.items()]
        return sorted(out, key=lambda item: item[1].lower())
