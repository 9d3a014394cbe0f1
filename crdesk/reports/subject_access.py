"""The subject-access copy as a PDF: everything held about one patient, readable.

``render(doc) -> bytes`` from the document ``services.records.RecordsService.subject_access``
builds (the same one written as JSON). Every section is printed, also when it is empty
("None held"), so a reader can see nothing was left out; questionnaire answers are shown
with the question's wording where it is installed, and a note where it is not.
"""

from __future__ import annotations

import io
import json
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from crdesk.reports import fonts
from crdesk.reports.numbered_canvas import NumberedCanvas

BLUE = colors.HexColor("#005EB8")
TEXT = colors.HexColor("#212B32")
GREY = colors.HexColor("#4C6272")
PALE = colors.HexColor("#F0F4F5")
MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN

# Column names as words; anything not listed is shown by its name.
WORDS = {
    "nhs_number": "NHS number", "hospital_number": "Hospital number",
    "family_name": "Family name", "given_name": "Given name", "date_of_birth": "Date of birth",
    "gender": "Gender", "ethnic_category": "Ethnic category", "postcode": "Postcode",
    "gp_practice_code": "GP practice", "nacr_opt_out_state": "NACR opt-out",
    "nacr_opt_out_date": "Opt-out date", "restricted": "Restricted",
    "created_at": "Created", "updated_at": "Last changed",
}
_SKIP = {"nacr_opt_out", "is_demo"}


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold, _ = fonts.register()
    base = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=14, textColor=TEXT)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12, textColor=GREY),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5),
        "cellbold": ParagraphStyle("cellbold", parent=base, fontName=bold, fontSize=9,
                                   leading=11.5),
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=18, leading=24,
                                textColor=BLUE, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=13, leading=18,
                             textColor=BLUE, spaceBefore=10, spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=base, fontName=bold, fontSize=11, leading=15,
                             spaceBefore=6, spaceAfter=2),
        "note": ParagraphStyle("note", parent=base, fontName=bold, fontSize=9.5, leading=13,
                               textColor=colors.HexColor("#8A1538")),
    }


_YES_NO = {"restricted", "interpreter_needed", "is_amendment"}


def _text(v: Any, key: str = "") -> str:
    if v is None:
        return ""
    if key in _YES_NO:
        return "yes" if v else "no"
    if key == "nhs_number" and isinstance(v, str) and len(v) == 10:
        return f"{v[:3]} {v[3:6]} {v[6:]}"
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _pairs(row: dict[str, Any], st: dict[str, ParagraphStyle]) -> Table:
    data = [[_p(WORDS.get(k, k.replace("_", " ")), st["cellbold"]), _p(_text(v, k), st["cell"])]
            for k, v in row.items() if k not in _SKIP]
    t = Table(data, colWidths=[WIDTH * 0.32, WIDTH * 0.68])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.25, PALE),
                           ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return t


def _table(rows: list[dict[str, Any]], columns: list[str], st: dict[str, ParagraphStyle],
           widths: list[float] | None = None) -> Table:
    head = [_p(WORDS.get(c, c.replace("_", " ")), st["cellbold"]) for c in columns]
    body = [[_p(_text(r.get(c), c), st["cell"]) for c in columns] for r in rows]
    w = widths or [WIDTH / len(columns)] * len(columns)
    t = Table([head, *body], colWidths=w, repeatRows=1)
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("BACKGROUND", (0, 0), (-1, 0), PALE),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.25, PALE),
                           ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return t


def _section(title: str, rows: list[dict[str, Any]], st: dict[str, ParagraphStyle],
             columns: list[str] | None = None) -> list[Any]:
    out: list[Any] = [_p(title, st["h2"])]
    if not rows:
        return [*out, _p("None held.", st["body"])]
    if columns:
        return [*out, _table(rows, columns, st)]
    for i, r in enumerate(rows):
        out += [_p(f"{i + 1}.", st["h3"]), _pairs(r, st)]
    return out


def _questionnaire(q: dict[str, Any], st: dict[str, ParagraphStyle]) -> list[Any]:
    r = q["response"]
    title = (f"{r['form_id']} version {r['form_version']} ({r['locale']}), {r['status']}, "
             f"started {_text(r.get('started_at'))[:16]}, completed "
             f"{_text(r.get('completed_at'))[:16] or 'not finished'}")
    out: list[Any] = [_p(f"Questionnaire {r['id']}: {title}", st["h3"])]
    for note in q["wording_notes"]:
        out.append(_p(note, st["note"]))
    if q["answers"]:
        rows = [{"question": a["question"] or a["question_id"], "answer": a["answer"],
                 "saved": f"{_text(a['saved_at'])[:16]} by {a['saved_by']}"}
                for a in q["answers"]]
        out.append(_table(rows, ["question", "answer", "saved"], st,
                          [WIDTH * 0.5, WIDTH * 0.28, WIDTH * 0.22]))
    else:
        out.append(_p("No answers held.", st["body"]))
    if q["scores"]:
        out += [_p("Scores", st["cellbold"]),
                _table(q["scores"], ["score_id", "value", "band"], st)]
    if q["corrections"]:
        out += [_p("Corrections", st["cellbold"]),
                _table(q["corrections"], ["question_id", "old_value", "new_value", "reason",
                                          "corrected_at", "corrected_by"], st)]
    for key, label in (("entry", "How it was entered"), ("section_skips", "Sections skipped"),
                       ("entry_differences", "Differences between two entries")):
        if q[key]:
            out += [_p(label, st["cellbold"]), _table(q[key], list(q[key][0]), st)]
    return out


def render(doc: dict[str, Any]) -> bytes:
    st = _styles()
    buf = io.BytesIO()
    title = "Copy of the record held (subject access)"
    pdf = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=14 * mm, bottomMargin=18 * mm, title=title,
                            author=doc["clinic"]["name"], creator="crdesk", invariant=1)
    p = doc["patient"]
    story: list[Any] = [
        _p(title, st["title"]),
        _p(f"{doc['clinic']['name']} ({doc['clinic']['ods_code']}). Made "
           f"{doc['generated_at'][:16].replace('T', ' ')} UTC by crdesk "
           f"{doc['software_version']}; the same copy is in the JSON file "
           f"({doc['format']} version {doc['format_version']}).", st["small"]),
    ]
    if p.get("is_demo"):
        story.append(_p("DEMO CLINIC: made-up data, not a real patient.", st["note"]))
    story += [_p("The patient's record", st["h2"]), _pairs(p, st)]
    story += _section("Contact details", doc["contact_details"], st)
    story += _section("NACR opt-out history", doc["nacr_opt_out_history"], st,
                      ["state", "opt_out_date", "reason", "actor", "at"])
    story += _section("Choices at the kiosk about NACR", doc["nacr_consents"], st,
                      ["choice", "text_pack", "text_pack_version", "at"])
    story += _section("Restriction history", doc["restriction_history"], st,
                      ["action", "reason", "actor", "at"])
    story += _section("Referrals (episodes)", doc["episodes"], st)
    story += _section("Assessments", doc["assessments"], st,
                      ["id", "episode_id", "kind", "due_date", "done_date"])
    story.append(_p("Questionnaires", st["h2"]))
    if not doc["questionnaires"]:
        story.append(_p("None held.", st["body"]))
    for q in doc["questionnaires"]:
        story += _questionnaire(q, st)
    story += _section("Goals", doc["goals"], st,
                      ["id", "area", "goal", "target", "review_date", "status", "created_by"])
    story += _section("Goal reviews", doc["goal_reviews"], st,
                      ["goal_id", "assessment", "status", "note", "reviewed_at", "reviewed_by"])
    story += _section("What was sent to the national audit (export ledger)", doc["exports"],
                      st, ["sequence", "batch_id", "profile", "created_at", "created_by",
                           "is_amendment"])
    story.append(_p("Who viewed or changed the record (audit log)", st["h2"]))
    if doc["audit"]:
        story.append(_table([{"when": a["at"][:19].replace("T", " "), "what": a["words"]}
                             for a in doc["audit"]], ["when", "what"], st,
                            [WIDTH * 0.25, WIDTH * 0.75]))
    else:
        story.append(_p("None held.", st["body"]))
    story += [Spacer(1, 8), _p("Private: this copy holds personal health information. Give it "
                               "only to the patient (or whom they authorised); keep it safe "
                               "or shred it.", st["small"])]

    class _Canvas(NumberedCanvas):
        def _footer(self, total: int) -> None:
            self.setFont(fonts.register()[0], 9)
            self.setFillColor(GREY)
            self.drawString(MARGIN, 9 * mm, f"{doc['clinic']['name']} - subject access copy")
            self.drawRightString(A4[0] - MARGIN, 9 * mm,
                                 f"Page {self._pageNumber} of {total}")

    pdf.build(story, canvasmaker=_Canvas)
    return buf.getvalue()
