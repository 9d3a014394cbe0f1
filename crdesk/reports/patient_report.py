"""The patient progress report: before and after, goals and their review, in plain English.

Large type (13 pt body, 12.5 pt tables) in a legible face, words beside every colour (a
printed report is often grey), and no identifier beyond name, date of birth and NHS number.
``render(data) -> bytes``; the caller decides where the bytes go.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from crdesk.core.outcome_measures import GROUPS
from crdesk.core.progress import BETTER, SAME, WORSE, ProgressRow, summary_counts
from crdesk.core.report_data import ReportData
from crdesk.reports import fonts
from crdesk.reports.numbered_canvas import NumberedCanvas

BLUE = colors.HexColor("#005EB8")
TEXT = colors.HexColor("#212B32")
GREY = colors.HexColor("#4C6272")
PALE = colors.HexColor("#F0F4F5")
GREEN = colors.HexColor("#007F3B")
RED = colors.HexColor("#D5281B")
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN

KIND_WORDS = {"A1": "Start", "A2": "End", "A3": "12 months"}
# In the intro sentence, where there is room for the longer words.
KIND_LONG = {"A1": "start", "A2": "end of programme", "A3": "12 months"}
DIRECTION_WORDS = {BETTER: "Better", WORSE: "Worse", SAME: "About the same", "": "Not compared"}
DIRECTION_COLOURS = {BETTER: GREEN, WORSE: RED}


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold, _ = fonts.register()
    base = ParagraphStyle("body", fontName=regular, fontSize=13, leading=18, textColor=TEXT,
                          alignment=TA_LEFT, spaceAfter=6)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=11.5, leading=15,
                                textColor=GREY),
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=22, leading=28,
                                textColor=BLUE, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=16, leading=22,
                             spaceBefore=10, spaceAfter=6, textColor=BLUE),
        "cell": ParagraphStyle("cell", parent=base, fontSize=12.5, leading=16, spaceAfter=0),
        "cellbold": ParagraphStyle("cellbold", parent=base, fontName=bold, fontSize=12.5,
                                   leading=16, spaceAfter=0),
    }


class _NumberedCanvas(NumberedCanvas):
    """The patient report's footer: page numbers and a privacy line."""

    def _footer(self, total: int) -> None:
        regular = fonts.register()[0]
        self.setFont(regular, 10.5)
        self.setFillColor(GREY)
        self.drawString(MARGIN, 11 * mm, self.footer_left)
        self.drawRightString(A4[0] - MARGIN, 11 * mm, f"Page {self._pageNumber} of {total}")
        self.drawString(MARGIN, 6.5 * mm,
                        "Private: this report is about you. Keep it safe or shred it.")


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _identity(data: ReportData, st: dict[str, ParagraphStyle]) -> Table:
    rows = [[_p("Name", st["cellbold"]), _p(data.patient_name, st["cell"])],
            [_p("Date of birth", st["cellbold"]), _p(data.date_of_birth, st["cell"])]]
    if data.nhs_number:
        rows.append([_p("NHS number", st["cellbold"]), _p(data.nhs_number, st["cell"])])
    t = Table(rows, colWidths=[45 * mm, WIDTH - 45 * mm])
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), PALE),
                           ("BOX", (0, 0), (-1, -1), 0.8, GREY),
                           ("TOPPADDING", (0, 0), (-1, -1), 5),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return t


def _intro(data: ReportData, st: dict[str, ParagraphStyle]) -> list[Any]:
    kinds = [k for k in ("A1", "A2", "A3") if k in data.assessments]
    when = "; ".join(f"{KIND_LONG[k]}: {data.assessments[k]}"
                     + (f", questionnaire {data.modes[k]}" if data.modes.get(k) else "")
                     for k in kinds)
    out: list[Any] = [_p(
        "This report shows how you have changed during cardiac rehabilitation. It puts your "
        "first assessment beside your later ones" + (f" ({when})." if when else "."), st["body"])]
    counts = summary_counts(data.rows)
    if any(counts.values()):
        out.append(_p(
            f"Of the things we could compare, {counts[BETTER]} got better, "
            f"{counts[SAME]} stayed about the same and {counts[WORSE]} got worse. "
            "'About the same' means the change was too small to matter, not that nothing "
            "happened.", st["body"]))
    else:
        out.append(_p("There is nothing to compare yet: the end-of-programme assessment "
                      "has not been recorded.", st["body"]))
    return out


def _group_table(rows: list[ProgressRow], kinds: list[str],
                 st: dict[str, ParagraphStyle]) -> Table:
    value_w = 26 * mm if len(kinds) < 3 else 22 * mm
    change_w, result_w = 26 * mm, 34 * mm
    measure_w = WIDTH - value_w * len(kinds) - change_w - result_w
    header = [_p("Measure", st["cellbold"]),
              *[_p(KIND_WORDS[k], st["cellbold"]) for k in kinds],
              _p("Change", st["cellbold"]), _p("Result", st["cellbold"])]
    body = [header]
    styles = [("LINEBELOW", (0, 0), (-1, 0), 1.2, BLUE),
              ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.HexColor("#D8DDE0")),
              ("VALIGN", (0, 0), (-1, -1), "TOP"),
              ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    for n, r in enumerate(rows, start=1):
        label = r.label + (f" ({r.note})" if r.note else "")
        result = ParagraphStyle("result", parent=st["cellbold"],
                                textColor=DIRECTION_COLOURS.get(r.direction, TEXT))
        body.append([_p(label, st["cell"]),
                     *[_p(r.texts.get(k, "—"), st["cell"]) for k in kinds],
                     _p(r.change_text or "—", st["cell"]),
                     _p(DIRECTION_WORDS.get(r.direction, r.direction), result)])
        if n % 2 == 0:
            styles.append(("BACKGROUND", (0, n), (-1, n), PALE))
    t = Table(body, colWidths=[measure_w, *[value_w] * len(kinds), change_w, result_w],
              repeatRows=1)
    t.setStyle(TableStyle(styles))
    return t


def _results(data: ReportData, st: dict[str, ParagraphStyle]) -> list[Any]:
    kinds: list[str] = [k for k in ("A1", "A2", "A3") if k in data.assessments] or ["A1"]
    out: list[Any] = []
    for group in GROUPS:
        rows = [r for r in data.rows if r.measure.group == group]
        if not rows:
            continue
        explains = list(dict.fromkeys(r.measure.explain for r in rows if r.measure.explain))
        block: list[Any] = [_p(group, st["h2"]), _group_table(rows, kinds, st), Spacer(1, 4)]
        block += [_p(text, st["small"]) for text in explains]
        out.append(KeepTogether(block))
    return out


def _goals(data: ReportData, st: dict[str, ParagraphStyle]) -> list[Any]:
    out: list[Any] = [_p("Your goals", st["h2"])]
    if not data.goals:
        return [*out, _p("No personal goals have been recorded yet.", st["body"])]
    out.append(_p("The goals you agreed with the team at your first assessment, and how "
                  "they went when we reviewed them.", st["body"]))
    for g in data.goals:
        review = g.last_review
        rows = [[_p("Goal", st["cellbold"]), _p(g.goal, st["cell"])],
                [_p("Area", st["cellbold"]), _p(g.area_label, st["cell"])],
                [_p("Target", st["cellbold"]), _p(g.target, st["cell"])],
                [_p("How it went", st["cellbold"]), _p(g.status_label, st["cellbold"])]]
        if review is not None and review.note:
            rows.append([_p("Note", st["cellbold"]), _p(review.note, st["cell"])])
        t = Table(rows, colWidths=[38 * mm, WIDTH - 38 * mm])
        t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, GREY),
                               ("BACKGROUND", (0, 0), (0, -1), PALE),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        out += [KeepTogether([t]), Spacer(1, 8)]
    return out


def render(data: ReportData) -> bytes:
    """The report as PDF bytes (deterministic for the same data)."""
    st = _styles()
    buf = io.BytesIO()
    title = "Your cardiac rehabilitation progress"
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=16 * mm, bottomMargin=20 * mm, title=title,
                            author=data.clinic_name, creator="crdesk", invariant=1)
    story: list[Any] = [_p(title, st["title"]), _p(data.clinic_name, st["h2"])]
    if data.demo:
        story.append(_p("DEMO CLINIC: made-up data, not a real patient.", st["cellbold"]))
    story += [Spacer(1, 4), _identity(data, st), Spacer(1, 10), *_intro(data, st),
              *_results(data, st), *_goals(data, st)]
    story.append(Spacer(1, 8))
    closing = f"Report made on {data.made_on}."
    if data.contact:
        closing += f" Questions about it? {data.contact}"
    story.append(_p(closing, st["small"]))

    footer = f"{data.clinic_name} - progress report"

    class _Canvas(_NumberedCanvas):
        footer_left = footer

    doc.build(story, canvasmaker=_Canvas)
    return buf.getvalue()
