"""The aggregate tables of the service report, built from ``Figures``.

The PDF, the CSV and the JSON all come from these tables, so that suppression is applied
in one place (``suppression.Suppressor``) to every figure that leaves the screen.
"""

from __future__ import annotations

from collections.abc import Callable

from crdesk.core.dashboard.activity import REASON_LABELS
from crdesk.core.dashboard.equity import DIMENSION_LABELS
from crdesk.core.dashboard.figures import Figures
from crdesk.core.dashboard.kpis import KpiResult
from crdesk.core.dashboard.standards import NATION_LABELS, DisclosureRule, NcpCr, SpcRules
from crdesk.core.dashboard.tables import Cell, Count, Percent, Stat, Table, Text, Value


def _kpi_value(k: KpiResult) -> Cell:
    if k.value is None:  # not enough patients, no patients, not entered
        return Value(None)
    if k.kind_is_share:
        return Percent(k.numerator, k.denominator)
    if k.number in (1, 2):
        return Value(k.value)
    return Stat(k.value, k.denominator, 1)


CountText = Callable[[int], str]  # how a count is written in a note (exact or suppressed)


def kpi_table(fig: Figures, count: CountText = str) -> Table:
    t = Table("kpis", "NCP_CR key performance indicators",
              ["KPI", "Measure", "Value", "Unit", "Threshold", "Result", "Numerator",
               "Denominator", "Excluded"])
    for k in fig.kpis:
        th = Value(k.threshold) if k.threshold is not None else Text("not set")
        sign = f"{k.comparison} " if k.threshold is not None else ""
        t.rows.append([Text(str(k.number)), Text(k.title), _kpi_value(k), Text(k.unit),
                       th if not sign else Text(f"{sign}{_num(k.threshold)}"),
                       Text(k.status),
                       Count(k.numerator) if k.number > 2 else Value(k.numerator),
                       Count(k.denominator) if k.number > 2 else Value(k.denominator),
                       Count(k.excluded)])
        if k.excluded:
            t.notes.append(f"KPI {k.number}: episodes excluded ({k.excluded_reason}) are "
                           "counted in the last column.")
        if k.outside_window:
            t.notes.append(f"KPI {k.number}: {count(k.outside_window)} assessment 2 record(s) "
                           "fall outside NACR's 20-week window (or are dated before "
                           "assessment 1) and are not counted.")
        if k.note:
            t.notes.append(f"KPI {k.number}: {k.note}")
    return t


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def activity_table(fig: Figures) -> Table:
    u = fig.uptake
    t = Table("activity", "Uptake and completion", ["Measure", "Patients", "Of", "Percent"])
    t.rows += [
        [Text("Referred in the period"), Count(u.referred), Text(""), Text("")],
        [Text("Started (uptake, of those started or not starting)"), Count(u.started),
         Count(u.started + u.not_started), Percent(u.started, u.started + u.not_started)],
        [Text("Still waiting to start"), Count(u.waiting), Count(u.referred),
         Percent(u.waiting, u.referred)],
        [Text("Completed (of those who started and finished)"), Count(u.completed),
         Count(u.finished), Percent(u.completed, u.finished)],
        [Text("Still in the programme"), Count(u.in_programme), Count(u.started),
         Percent(u.in_programme, u.started)],
    ]
    return t


def reasons_table(fig: Figures) -> Table:
    u = fig.uptake
    t = Table("reasons", "Reasons for not starting or not finishing",
              ["Reason", "Did not start", "Did not finish"])
    for key, label in REASON_LABELS.items():
        t.rows.append([Text(label), Count(u.reasons_not_started.get(key, 0)),
                       Count(u.reasons_not_finished.get(key, 0))])
    return t


def times_table(fig: Figures) -> Table:
    t = Table("times", "Waits and durations by priority group (days)",
              ["Priority group", "Referred", "Median wait", "Wait n", "Median duration",
               "Duration n"])
    for g in fig.times:
        t.rows.append([Text(g.label), Count(g.referred), Stat(g.wait_median, g.wait_n, 1),
                       Count(g.wait_n), Stat(g.duration_median, g.duration_n, 1),
                       Count(g.duration_n)])
    return t


def outcomes_table(fig: Figures) -> Table:
    t = Table("outcomes", "Outcomes: patients at the optimal value",
              ["Measure", "A1 optimal", "A1 n", "A1 %", "A2 optimal", "A2 n", "A2 %",
               "Mean change A1 to A2", "Change n"])
    for o in fig.outcomes:
        t.rows.append([Text(o.label), Count(o.a1_optimal), Count(o.a1_n),
                       Percent(o.a1_optimal, o.a1_n), Count(o.a2_optimal), Count(o.a2_n),
                       Percent(o.a2_optimal, o.a2_n),
                       Stat(o.mean_change, o.change_n, 1) if o.change_n else Text(""),
                       Count(o.change_n)])
    return t


def equity_tables(fig: Figures, standards: NcpCr) -> list[Table]:
    out = []
    for dim, rows in fig.equity.items():
        t = Table(f"equity_{dim}", f"Equity: {DIMENSION_LABELS[dim].lower()}",
                  [DIMENSION_LABELS[dim], "Referred", "Started", "Uptake %", "Finished",
                   "Completed", "Completion %", "With A2"])
        o = Table(f"equity_{dim}_a2", f"Assessment 2 outcomes by "
                  f"{DIMENSION_LABELS[dim].lower()} (% at the optimal value)",
                  [DIMENSION_LABELS[dim], *(x.label for x in standards.optimal)])
        for r in rows:
            u = r.uptake
            t.rows.append([Text(r.group), Count(u.referred), Count(u.started),
                           Percent(u.started, u.started + u.not_started), Count(u.finished),
                           Count(u.completed), Percent(u.completed, u.finished),
                           Count(r.a2_recorded)])
            o.rows.append([Text(r.group), *(Percent(*r.a2_optimal.get(x.measure, (0, 0)))
                                            for x in standards.optimal)])
        if dim == "deprivation_quintile":
            t.notes.append("Not known: no postcode, or a postcode not in the imported lookup.")
        out += [t, o]
    return out


def completeness_table(fig: Figures, count: CountText = str) -> Table:
    c = fig.completeness
    t = Table("completeness", "Completeness of the NACR export fields",
              ["Field", "Required", "Present", "Of", "Percent"])
    for f in c.fields:
        t.rows.append([Text(f.column), Text("yes" if f.required else ""), Count(f.present),
                       Count(f.of), Percent(f.present, f.of)])
    t.notes.append(f"{count(c.opted_out_left_out)} episode(s) of patients who opted out of "
                   "NACR are left out: they are never exported.")
    if c.held_back is not None:
        t.notes.append(f"The export preflight holds back {count(c.held_back)} record(s) "
                       "(all periods).")
    return t


def spc_tables(fig: Figures) -> list[Table]:
    out = []
    for i, ch in enumerate(fig.charts):
        t = Table(f"spc_{i + 1}", f"SPC: {ch.title}", ["Month", "Value", "Patients",
                                                       "Special cause"])
        for j, p in enumerate(ch.points):
            flags = ch.special.get(j)
            t.rows.append([Text(p.label), Stat(p.value, p.n, 1), Count(p.n),
                           Text(", ".join(sorted(flags[0])) if flags else "")])
        t.notes.append(f"Mean {_num(_r(ch.mean))}, limits {_num(_r(ch.lower))} to "
                       f"{_num(_r(ch.upper))}; variation: {ch.variation or 'n/a'}; assurance: "
                       f"{ch.assurance or 'n/a'}. {ch.reason}".strip())
        out.append(t)
    return out


def _r(v: float | None) -> float | None:
    return None if v is None else round(v, 1)


def cohort_table(fig: Figures) -> Table:
    c = fig.cohort
    t = Table("cohort", "Who is counted", ["Episodes", "Number"])
    t.rows += [
        [Text("Referred in the period (the cohort)"), Count(len(c.episodes))],
        [Text("of whom opted out of NACR (included here; never sent to NACR)"),
         Count(c.opted_out)],
        [Text("Excluded: no referral date (any period)"), Count(c.no_referral_date)],
    ]
    return t


def all_tables(fig: Figures, standards: NcpCr, count: CountText = str) -> list[Table]:
    return [cohort_table(fig), kpi_table(fig, count), activity_table(fig), reasons_table(fig),
            times_table(fig), outcomes_table(fig), *equity_tables(fig, standards),
            completeness_table(fig, count), *spc_tables(fig)]


def cohort_lines(fig: Figures, count: CountText = str) -> list[str]:
    c = fig.cohort
    if not c.episodes:
        lines = ["No patients in this period."]
    else:
        lines = [f"{count(len(c.episodes))} episode(s) referred in the period.",
                 f"{count(c.opted_out)} of them are of patients who opted out of NACR: they "
                 "are included in these clinic figures, which are never sent to NACR."]
    if c.no_referral_date:
        lines.append(f"{count(c.no_referral_date)} episode(s) have no referral date and are "
                     "excluded (they cannot be placed in a period).")
    return lines


def methods(fig: Figures, standards: NcpCr, rules: SpcRules, rule: DisclosureRule,
            *, shared: bool) -> list[str]:
    return [
        f"Period: {fig.period.label} ({fig.period.start:%d/%m/%Y} to {fig.period.end:%d/%m/%Y}"
        ", both days included); figures as of "
        f"{fig.as_of:%d/%m/%Y}. The cohort is every episode referred in the period.",
        f"Nation: {NATION_LABELS.get(fig.nation, fig.nation)}. Thresholds: {standards.title} "
        f"(edition {standards.edition}), each with its source in the standards file. A KPI "
        f"with fewer than {standards.minimum_denominator} patients says 'not enough "
        "patients'. KPI 1 is entered by the admin from NACR's staffing survey.",
        "KPI 7 counts an assessment 2 within NACR's 20-week window after assessment 1, of "
        "the patients with assessment 1 whose window has closed or who have assessment 2.",
        f"SPC: XmR charts of monthly values over {len(fig.charts[0].points) if fig.charts else 0}"
        f" months to the end of the period; limits at the mean +/- {rules.limit_factor} x "
        f"the mean moving range; special causes as {rules.title}: a point outside the "
        f"limits, {rules.shift_points} points in a row above or below the mean, "
        f"{rules.trend_points} points in a row rising or falling, 2 of 3 points beyond two "
        "sigma on one side.",
        (f"Small-number suppression: {rule.title} (edition {rule.edition}). {rule.summary}"
         if shared else "Exact figures (not suppressed): for use inside the clinic only."),
        "Patients who opted out of NACR are counted in these clinic figures; they are never "
        "exported to NACR.",
    ]
