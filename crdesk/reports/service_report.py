"""The service report PDF for governance meetings and quality accounts.

Data in (a ``core.dashboard.document.Document``, already suppressed when it is to be
shared), bytes out. A4 landscape so the KPI and equity tables fit; the SPC charts are drawn
with reportlab graphics: the monthly values, the mean, the process limits (dashed), the
target (if any), and special-cause points marked with a shape and a word, not by colour
alone (a printed report is often grey).
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from crdesk.core.dashboard.document import ChartView, Document, RenderedTable
from crdesk.core.dashboard.spc import CONCERNING, IMPROVING
from crdesk.core.dashboard.standards import NATION_LABELS
from crdesk.core.dashboard.tables import Plain
from crdesk.reports import fonts
from crdesk.reports.numbered_canvas import NumberedCanvas

PAGE = landscape(A4)
BLUE = colors.HexColor("#005EB8")
TEXT = colors.HexColor("#212B32")
GREY = colors.HexColor("#4C6272")
PALE = colors.HexColor("#F0F4F5")
ORANGE = colors.HexColor("#ED8B00")
MARGIN = 15 * mm
WIDTH = PAGE[0] - 2 * MARGIN


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold, _ = fonts.register()
    base = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=14, textColor=TEXT,
                          spaceAfter=4)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12, textColor=GREY),
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=20, leading=26,
                                textColor=BLUE, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=14, leading=19,
                             spaceBefore=8, spaceAfter=5, textColor=BLUE),
        "h3": ParagraphStyle("h3", parent=base, fontName=bold, fontSize=11.5, leading=15,
                             spaceBefore=6, spaceAfter=3),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12, spaceAfter=0),
        "head": ParagraphStyle("head", parent=base, fontName=bold, fontSize=9.5, leading=12,
                               spaceAfter=0),
    }


class _NumberedCanvas(NumberedCanvas):
    """The service report's footer: what the report is, and page numbers."""

    def _footer(self, total: int) -> None:
        regular = fonts.register()[0]
        self.setFont(regular, 9)
        self.setFillColor(GREY)
        self.drawString(MARGIN, 8 * mm, self.footer_left)
        self.drawRightString(PAGE[0] - MARGIN, 8 * mm, f"Page {self._pageNumber} of {total}")


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _cell(v: Plain) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:g}" if abs(v) >= 0.05 or v == 0 else f"{v:.2f}"
    return str(v)


def _table(t: RenderedTable, st: dict[str, ParagraphStyle]) -> list[Any]:
    # Columns share the width by how much text they hold (capped, so one long label does
    # not squeeze the figures into wrapping).
    head_font = st["head"].fontName
    floor = [stringWidth(max(h.split(), key=len, default=""), head_font, 9.5) + 8
             for h in t.columns]  # no header word is ever broken
    weights = [min(max([len(_cell(r[i])) for r in t.rows] + [len(h)]), 48)
               for i, h in enumerate(t.columns)]
    spare = max(0.0, WIDTH - sum(floor))
    widths = [f + spare * w / sum(weights) for f, w in zip(floor, weights, strict=True)]
    data = [[_p(c, st["head"]) for c in t.columns]]
    data += [[_p(_cell(v), st["cell"]) for v in row] for row in t.rows]
    tbl = Table(data, colWidths=widths, repeatRows=1)
    tbl.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), PALE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, BLUE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#D8DDE0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    out: list[Any] = [CondPageBreak(40 * mm), _p(t.title, st["h3"]), tbl]
    out += [_p(n_, st["small"]) for n_ in t.notes]
    out.append(Spacer(1, 6))
    return out


def chart_drawing(v: ChartView, width: float = WIDTH, height: float = 62 * mm) -> Drawing:
    """One XmR chart: values, mean, limits, target and special-cause points."""
    regular, bold, _ = fonts.register()
    c = v.chart
    d = Drawing(width, height)
    left, right, bottom, top = 38.0, 150.0, 28.0, 10.0
    pw, ph = width - left - right, height - bottom - top
    d.add(Rect(left, bottom, pw, ph, fillColor=colors.white, strokeColor=GREY,
               strokeWidth=0.5))
    shown = [x for x in v.values if x is not None]
    extra = [y for y in (c.mean, c.upper, c.lower, c.target) if y is not None]
    if not shown and not extra:
        d.add(String(left + pw / 2, bottom + ph / 2, "No data to show", fontName=regular,
                     fontSize=10, textAnchor="middle", fillColor=GREY))
        return d
    lo, hi = min(shown + extra), max(shown + extra)
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad
    if c.unit == "%":
        lo, hi = max(lo, 0.0), min(hi, 100.0) if hi > 0 else hi
    n = len(c.points)

    def x(i: int) -> float:
        return left + (pw * (i + 0.5) / n)

    def y(val: float) -> float:
        return bottom + ph * (val - lo) / (hi - lo)

    for k in range(5):  # gridlines and axis labels
        grid = lo + (hi - lo) * k / 4
        d.add(Line(left, y(grid), left + pw, y(grid), strokeColor=PALE, strokeWidth=0.5))
        text = f"{grid:.0f}" if hi - lo >= 10 else f"{grid:.1f}"
        d.add(String(left - 4, y(grid) - 3, text, fontName=regular, fontSize=7.5,
                     textAnchor="end", fillColor=GREY))
    for i, p in enumerate(c.points):
        if i % 3 == 0 or i == n - 1:
            d.add(String(x(i), bottom - 11, p.label, fontName=regular, fontSize=7.5,
                         textAnchor="middle", fillColor=GREY))

    def hline(val: float | None, label: str, colour: Any, dash: list[float] | None) -> None:
        if val is None:
            return
        d.add(Line(left, y(val), left + pw, y(val), strokeColor=colour, strokeWidth=1,
                   strokeDashArray=dash))
        d.add(String(left + pw + 4, y(val) - 3, f"{label} {val:.1f}", fontName=regular,
                     fontSize=8, fillColor=colour))

    hline(c.mean, "mean", TEXT, None)
    hline(c.upper, "upper limit", GREY, [3, 2])
    hline(c.lower, "lower limit", GREY, [3, 2])
    hline(c.target, "target", BLUE, [1, 2])
    segment: list[float] = []
    for i, val in enumerate(v.values):  # a line through each run of shown points
        if val is None:
            if len(segment) >= 4:
                d.add(PolyLine(segment, strokeColor=TEXT, strokeWidth=1))
            segment = []
            continue
        segment += [x(i), y(val)]
    if len(segment) >= 4:
        d.add(PolyLine(segment, strokeColor=TEXT, strokeWidth=1))
    for i, val in enumerate(v.values):
        if val is None:
            continue
        flags = c.special.get(i)
        if flags:
            good = (flags[1] == "high") == (c.better == "higher")
            colour = BLUE if good else ORANGE
            d.add(Rect(x(i) - 3.2, y(val) - 3.2, 6.4, 6.4, fillColor=colour,
                       strokeColor=TEXT, strokeWidth=0.4))
        else:
            d.add(Circle(x(i), y(val), 2.2, fillColor=GREY, strokeColor=GREY))
    d.add(String(left, 4, "Squares: special cause (blue improving, orange concerning). "
                          "Gaps: no patients, or a month hidden by the disclosure rule.",
                 fontName=regular, fontSize=7.5, fillColor=GREY))
    return d


def _charts(doc: Document, st: dict[str, ParagraphStyle]) -> list[Any]:
    out: list[Any] = [PageBreak(), _p("Statistical process control", st["h2"])]
    for v in doc.charts:
        c = v.chart
        labels = [f"Variation: {c.variation or 'not assessed'}",
                  f"assurance: {c.assurance or 'not assessed'}"]
        words = "; ".join(labels) + "."
        if c.variation in (IMPROVING, CONCERNING):
            words += " Special-cause months: " + ", ".join(
                c.points[i].label for i in sorted(c.special)) + "."
        note = c.reason + (f" {v.hidden} month(s) hidden (fewer than 8 patients)."
                           if v.hidden else "")
        out.append(KeepTogether([_p(f"{c.title} ({c.unit})", st["h3"]), _p(words, st["body"]),
                                 chart_drawing(v), _p(note.strip(), st["small"])]))
        out.append(Spacer(1, 8))
    return out


def render(doc: Document) -> bytes:
    """The report as PDF bytes (deterministic for the same document)."""
    st = _styles()
    buf = io.BytesIO()
    title = "Cardiac rehabilitation service report"
    pdf = SimpleDocTemplate(buf, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=13 * mm, bottomMargin=15 * mm, title=title,
                            author=doc.clinic_name, creator="crdesk", invariant=1)
    nation = NATION_LABELS.get(doc.nation, doc.nation)
    story: list[Any] = [
        _p(title, st["title"]),
        _p(f"{doc.clinic_name} ({doc.ods_code}) - {doc.period_label} "
           f"({doc.period_start:%d/%m/%Y} to {doc.period_end:%d/%m/%Y}) - {nation}", st["h2"]),
        _p(("Small numbers suppressed for sharing: "
            f"{doc.rule_edition}." if doc.shared else
            "EXACT FIGURES, NOT SUPPRESSED: for use inside the clinic only."), st["head"]),
        Spacer(1, 4),
        _p(f"Rating: {doc.rating}", st["body"]),
        *[_p(line, st["body"]) for line in doc.cohort],
    ]
    tables = {t.id: t for t in doc.tables}
    order = ["cohort", "kpis", "activity", "reasons", "times", "outcomes"]
    for tid in order:
        story += _table(tables[tid], st)
    story += [PageBreak(), _p("Equity", st["h2"])]
    story += [x for t in doc.tables if t.id.startswith("equity_") for x in _table(t, st)]
    story += [PageBreak(), _p("Completeness for the NACR export", st["h2"])]
    story += _table(tables["completeness"], st)
    story += _charts(doc, st)
    story += [PageBreak(), _p("Methods", st["h2"])]
    story += [_p(m, st["body"]) for m in doc.methods]
    story.append(_p(f"Made by crdesk on {doc.as_of:%d/%m/%Y}.", st["small"]))
    footer = (f"{doc.clinic_name} - service report {doc.period_start:%d/%m/%Y} to "
              f"{doc.period_end:%d/%m/%Y} - "
              + ("suppressed for sharing" if doc.shared else "EXACT: clinic use only"))

    class _Canvas(_NumberedCanvas):
        footer_left = footer

    pdf.build(story, canvasmaker=_Canvas)
    return buf.getvalue()
