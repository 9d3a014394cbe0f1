"""The service report as a document: what the PDF, the CSV and the JSON are made of.

``document(..., shared=True)`` is the version that may leave the clinic: every count,
percentage and statistic has been through the disclosure rule (including the counts
written inside notes), SPC points from 1-7 patients are blanked, and no patient or episode
id is carried. ``shared=False`` holds the exact figures for the JSON's ``exact`` section.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from crdesk.core.dashboard import report_tables
from crdesk.core.dashboard.figures import Figures
from crdesk.core.dashboard.spc import SpcChart
from crdesk.core.dashboard.standards import NATION_LABELS, DisclosureRule, NcpCr, SpcRules
from crdesk.core.dashboard.suppression import Suppressor, exact_table
from crdesk.core.dashboard.tables import Plain

FORMAT = "crdesk-service-report"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class RenderedTable:
    id: str
    title: str
    columns: list[str]
    rows: list[list[Plain]]
    notes: list[str]

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "columns": self.columns,
                "rows": self.rows, "notes": self.notes}


@dataclass(frozen=True)
class ChartView:
    chart: SpcChart
    values: list[float | None]  # as drawn: blanked where the point is suppressed
    hidden: int  # points blanked by the disclosure rule


@dataclass
class Document:
    clinic_name: str
    ods_code: str
    shared: bool
    period_label: str
    period_start: dt.date
    period_end: dt.date
    as_of: dt.date
    nation: str
    edition: str
    rating: str
    cohort: list[str]
    methods: list[str]
    tables: list[RenderedTable] = field(default_factory=list)
    charts: list[ChartView] = field(default_factory=list)
    rule_edition: str = ""
    spc_edition: str = ""


def document(fig: Figures, *, clinic_name: str, ods_code: str, standards: NcpCr,
             rules: SpcRules, rule: DisclosureRule, shared: bool) -> Document:
    sup = Suppressor(rule)
    count = (lambda n: str(sup.count(n))) if shared else str
    tables = report_tables.all_tables(fig, standards, count)
    rendered = [RenderedTable(t.id, t.title, t.columns,
                              sup.table(t) if shared else exact_table(t), t.notes)
                for t in tables]
    charts = []
    for ch in fig.charts:
        values: list[float | None] = []
        hidden = 0
        for p in ch.points:
            if shared and p.value is not None and p.n < rule.statistic_minimum_n:
                values.append(None)
                hidden += 1
            else:
                values.append(p.value)
        charts.append(ChartView(ch, values, hidden))
    return Document(
        clinic_name, ods_code, shared, fig.period.label, fig.period.start, fig.period.end,
        fig.as_of, fig.nation, fig.edition, fig.rating.text,
        report_tables.cohort_lines(fig, count),
        report_tables.methods(fig, standards, rules, rule, shared=shared), rendered, charts,
        rule.edition, rules.edition)


def _chart_json(v: ChartView) -> dict[str, object]:
    c = v.chart
    return {"title": c.title, "better": c.better, "unit": c.unit,
            "months": [p.label for p in c.points], "values": v.values,
            "points_hidden_by_disclosure_rule": v.hidden,
            "mean": c.mean, "lower_limit": c.lower, "upper_limit": c.upper,
            "special_cause_months": sorted(c.points[i].label for i in c.special),
            "variation": c.variation, "assurance": c.assurance, "target": c.target,
            "note": c.reason}


def _section(d: Document) -> dict[str, object]:
    return {"cohort": d.cohort, "rating": d.rating,
            "tables": [t.to_json() for t in d.tables],
            "spc": [_chart_json(c) for c in d.charts]}


def to_json(shared: Document, exact: Document | None, *, software_version: str,
            generated_at: str) -> bytes:
    """``exact`` is None when the JSON is marked for sharing: then only the suppressed
    figures are in it."""
    body: dict[str, object] = {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "software_version": software_version, "generated_at": generated_at,
        "clinic": {"name": shared.clinic_name, "ods_code": shared.ods_code},
        "period": {"label": shared.period_label, "start": shared.period_start.isoformat(),
                   "end": shared.period_end.isoformat(), "boundaries": "inclusive"},
        "as_of": shared.as_of.isoformat(),
        "nation": shared.nation, "nation_label": NATION_LABELS.get(shared.nation, shared.nation),
        "standards_edition": shared.edition, "spc_rules": shared.spc_edition,
        "disclosure_rule": shared.rule_edition,
        "marked_for_sharing": exact is None,
        "methods": shared.methods,
        "suppressed": _section(shared),
    }
    if exact is not None:
        body["exact"] = {"warning": "Exact figures, not suppressed: for use inside the clinic "
                                    "only.", **_section(exact)}
    return (json.dumps(body, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def to_csv(d: Document) -> bytes:
    """Every aggregate table, one after another: a title line, the header, the rows."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["crdesk service report", d.clinic_name, d.ods_code])
    w.writerow(["period", d.period_start.isoformat(), d.period_end.isoformat(), d.period_label])
    w.writerow(["nation", d.nation, "standards", d.edition, "disclosure rule",
                d.rule_edition if d.shared else "none (exact figures)"])
    w.writerow(["rating", d.rating])
    for line in d.cohort:
        w.writerow([line])
    for t in d.tables:
        w.writerow([])
        w.writerow([f"# {t.title}", t.id])
        w.writerow(t.columns)
        for row in t.rows:
            w.writerow([_csv_cell(v) for v in row])
        for n in t.notes:
            w.writerow([f"note: {n}"])
    return buf.getvalue().encode("utf-8-sig")


def _csv_cell(v: Plain) -> str:
    if v is None:
        return ""
    text = str(v)
    # Spreadsheets run a cell that starts with = + - @ as a formula: quote it.
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def table_by_id(d: Document, tid: str) -> RenderedTable:
    return next(t for t in d.tables if t.id == tid)


def all_text(rows: Sequence[Sequence[Plain]]) -> list[str]:
    return [("" if v is None else str(v)) for row in rows for v in row]
