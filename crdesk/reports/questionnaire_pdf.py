"""The printable questionnaire: a questionnaire plan (``questionnaire_plan``) drawn as a PDF
to hand out or post, in the report typeface (Atkinson Hyperlegible), with tick boxes and
answer spaces for each question type, a large-print variant, and a header on every page with
the clinic, the assessment and the reference staff type in when the form comes back.

Each question type says how it is answered on paper in ``PAPER_LAYOUTS`` (one function per
type, like the kiosk's and the staff workspace's widget tables); a type without an entry is a
KeyError, never a question printed as something else (a test checks every type has one).
``render(...) -> bytes``; the caller decides where the bytes go.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from crdesk.core.forms.model import Item
from crdesk.core.forms.options import Option
from crdesk.core.forms.questions import QuestionType
from crdesk.core.forms.textpacks import TextCatalog
from crdesk.reports import fonts
from crdesk.reports.numbered_canvas import NumberedCanvas
from crdesk.reports.questionnaire_plan import PrintedItem, PrintedPage, QuestionnairePlan, words

BLUE = colors.HexColor("#005EB8")
TEXT = colors.HexColor("#212B32")
GREY = colors.HexColor("#4C6272")
PALE = colors.HexColor("#F0F4F5")
WARN = colors.HexColor("#FFEB3B")
MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
# Digits written in each part of a measurement entry (engine.measure.<unit> names the parts).
_PART_DIGITS = {"cm": 3, "kg": 3, "ft": 1, "in": 2, "st": 2, "lb": 2}
_PARAM = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class PaperHeader:
    """What every page's header says. ``reference`` empty: a blank copy with a box for staff
    to write it in. ``named`` holds the patient line only on a named copy."""

    clinic: str
    assessment: int | None  # 1, 2 or 3; None for a form not tied to an assessment
    reference: str = ""
    named: str = ""


@dataclass(frozen=True)
class Look:
    """Sizes of one print variant: normal, or large print (18 pt text, bigger boxes)."""

    body: float
    box: float  # tick box side, in points
    large: bool

    @property
    def leading(self) -> float:
        return self.body * 1.35


NORMAL = Look(body=12.5, box=4.6 * mm, large=False)
LARGE = Look(body=18, box=7 * mm, large=True)


# ---- small drawn pieces ---------------------------------------------------------------------

class TickBox(Flowable):
    """An empty square to tick."""

    def __init__(self, side: float) -> None:
        super().__init__()
        self.side = side
        self.width = self.height = side

    def draw(self) -> None:
        self.canv.setStrokeColor(TEXT)
        self.canv.setLineWidth(1.1)
        self.canv.rect(0, 0, self.side, self.side, stroke=1, fill=0)


class DigitBoxes(Flowable):
    """A row of boxes, one digit in each, with an optional decimal point and more boxes."""

    def __init__(self, digits: int, side: float, decimals: int = 0) -> None:
        super().__init__()
        self.digits, self.decimals, self.side = digits, decimals, side * 1.25
        self.width = self.side * (digits + decimals) + (self.side * 0.5 if decimals else 0)
        self.height = self.side

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(TEXT)
        c.setLineWidth(1.1)
        x = 0.0
        for n in range(self.digits + self.decimals):
            if n == self.digits:
                c.circle(x + self.side * 0.25, self.side * 0.1, self.side * 0.06, fill=1)
                x += self.side * 0.5
            c.rect(x, 0, self.side, self.side, stroke=1, fill=0)
            x += self.side


class Arrow(Flowable):
    """A drawn arrow before a skip instruction (the typeface has no arrow glyph)."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.width, self.height = size * 1.4, size * 0.8

    def draw(self) -> None:
        c, w, h = self.canv, self.width, self.height
        c.setFillColor(BLUE)
        c.setStrokeColor(BLUE)
        c.setLineWidth(h * 0.28)
        c.line(0, h / 2, w * 0.6, h / 2)
        path = c.beginPath()
        path.moveTo(w * 0.5, 0)
        path.lineTo(w, h / 2)
        path.lineTo(w * 0.5, h)
        path.close()
        c.drawPath(path, stroke=0, fill=1)


class WritingLines(Flowable):
    """Ruled lines to write on."""

    def __init__(self, count: int, width: float, gap: float) -> None:
        super().__init__()
        self.count, self.gap = count, gap
        self.width, self.height = width, count * gap

    def draw(self) -> None:
        self.canv.setStrokeColor(GREY)
        self.canv.setLineWidth(0.8)
        for n in range(self.count):
            y = self.height - (n + 1) * self.gap + 2
            self.canv.line(0, y, self.width, y)


# ---- styles ---------------------------------------------------------------------------------

def _styles(look: Look) -> dict[str, ParagraphStyle]:
    regular, bold, _ = fonts.register()
    size, lead = look.body, look.leading
    base = ParagraphStyle("body", fontName=regular, fontSize=size, leading=lead,
                          textColor=TEXT, spaceAfter=size * 0.4)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=size * 1.7,
                                leading=size * 2.1, textColor=BLUE, spaceAfter=size * 0.5),
        "section": ParagraphStyle("section", parent=base, fontName=bold, fontSize=size * 1.4,
                                  leading=size * 1.8, textColor=BLUE, spaceBefore=size * 0.8,
                                  spaceAfter=size * 0.3, keepWithNext=True),
        "page": ParagraphStyle("page", parent=base, fontName=bold, fontSize=size * 1.15,
                               leading=size * 1.5, spaceBefore=size * 0.5,
                               keepWithNext=True),
        "intro": ParagraphStyle("intro", parent=base, keepWithNext=True),
        "infolabel": ParagraphStyle("infolabel", parent=base, fontName=bold,
                                    fontSize=size * 1.1, leading=size * 1.45,
                                    spaceBefore=size * 0.4),
        "question": ParagraphStyle("question", parent=base, fontName=bold, spaceAfter=size * 0.3),
        "option": ParagraphStyle("option", parent=base, spaceAfter=0),
        "group": ParagraphStyle("group", parent=base, fontName=bold, spaceAfter=0,
                                textColor=GREY),
        "hint": ParagraphStyle("hint", parent=base, textColor=GREY, spaceAfter=size * 0.2),
        "skip": ParagraphStyle("skip", parent=base, fontName=bold, textColor=BLUE,
                               spaceAfter=0),
        "notice": ParagraphStyle("notice", parent=base, fontName=bold, spaceAfter=0),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


# ---- answer spaces, one function per question type --------------------------------------

@dataclass
class _Ctx:
    texts: TextCatalog
    look: Look
    st: dict[str, ParagraphStyle]


Layout = Callable[[Item, _Ctx], list[Any]]


def _option_rows(options: list[tuple[str, str]], ctx: _Ctx) -> list[Table]:
    """Tick boxes beside option texts; a heading row where an option group starts. Long
    lists take two columns in normal print (never in large print)."""
    box = ctx.look.box
    gap = box * 0.8
    two = not ctx.look.large and len(options) > 8 and not any(g for g, _ in options)
    cells: list[list[Any]] = []
    styles: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 2),
                                     ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
    if two:
        half = (len(options) + 1) // 2
        col = (WIDTH - 2 * (box + gap)) / 2
        rights = [*options[half:], ("", "")][:half]
        for left, right in zip(options[:half], rights, strict=True):
            row: list[Any] = [TickBox(box), _p(left[1], ctx.st["option"])]
            row += [TickBox(box), _p(right[1], ctx.st["option"])] if right[1] else ["", ""]
            cells.append(row)
        widths = [box + gap, col, box + gap, col]
    else:
        last_group = ""
        for group, text in options:
            if group and group != last_group:
                cells.append(["", _p(group, ctx.st["group"])])
                last_group = group
            cells.append([TickBox(box), _p(text, ctx.st["option"])])
        widths = [box + gap, WIDTH - box - gap - 8]
    # A long list is two tables: the first rows stay with the question, the rest may run
    # onto the next page rather than leave most of this one empty.
    chunks = [cells[:3], cells[3:]] if len(cells) > 8 else [cells]
    tables = []
    for chunk in chunks:
        table = Table(chunk, colWidths=widths, hAlign="LEFT")
        table.setStyle(TableStyle(styles))
        tables.append(table)
    return tables


def _specials(item: Item, ctx: _Ctx) -> list[tuple[str, str]]:
    return [("", ctx.texts.text(f"engine.answer.{s}")) for s in item.allow]


def _choices(item: Item, ctx: _Ctx, hint: str) -> list[Any]:
    texts = ctx.texts

    def row(option: Option) -> tuple[str, str]:
        return (texts.text(option.group) if option.group else "", texts.text(option.text))

    options = [row(o) for o in item.choices] + _specials(item, ctx)
    return [_p(words(texts, hint), ctx.st["hint"]), *_option_rows(options, ctx)]


def _single(item: Item, ctx: _Ctx) -> list[Any]:
    return _choices(item, ctx, "hint.one")


def _multiple(item: Item, ctx: _Ctx) -> list[Any]:
    return _choices(item, ctx, "hint.many")


def _with_specials(row: list[Any], item: Item, ctx: _Ctx) -> list[Any]:
    """An entry row, then "or [ ] I don't know" for each special answer allowed."""
    out: list[Any] = [_inline(row)]
    for _group, text in _specials(item, ctx):
        out.append(_inline([_p(words(ctx.texts, "or"), ctx.st["option"]),
                            TickBox(ctx.look.box), _p(text, ctx.st["option"])]))
    return out


def _inline(parts: list[Any]) -> Table:
    """Pieces side by side on one line (boxes and the words between them)."""
    widths: list[float | None] = []
    for part in parts:
        if isinstance(part, Paragraph):
            text = part.getPlainText()
            style = part.style
            widths.append(stringWidth(text, style.fontName, style.fontSize) + 8)
        else:
            widths.append(part.width + 6)
    table = Table([parts], colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                               ("TOPPADDING", (0, 0), (-1, -1), 3),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return table


def _digits_for(item: Item) -> tuple[int, int]:
    high = item.max if isinstance(item.max, int | float) else 999
    digits = len(str(int(abs(high)))) if high else 1
    decimals = item.places or 0
    if not decimals and item.step and not float(item.step).is_integer():
        decimals = len(str(item.step).split(".")[1])
    return digits, decimals


def _number(item: Item, ctx: _Ctx) -> list[Any]:
    digits, decimals = _digits_for(item)
    row: list[Any] = [DigitBoxes(digits, ctx.look.box, decimals)]
    if item.unit:
        row.append(_p(ctx.texts.text(f"engine.unit.{item.unit}"), ctx.st["option"]))
    return _with_specials(row, item, ctx)


def _integer(item: Item, ctx: _Ctx) -> list[Any]:
    return _number(item, ctx)


def _decimal(item: Item, ctx: _Ctx) -> list[Any]:
    return _number(item, ctx)


def _date(item: Item, ctx: _Ctx) -> list[Any]:
    box, st = ctx.look.box, ctx.st
    row: list[Any] = []
    for n, (part, digits) in enumerate((("day", 2), ("month", 2), ("year", 4))):
        if n:
            row.append(_p("/", st["option"]))
        row += [DigitBoxes(digits, box), _p(words(ctx.texts, f"date.{part}"), st["hint"])]
    return _with_specials(row, item, ctx)


def _lines(count: int, ctx: _Ctx) -> Flowable:
    return WritingLines(count, WIDTH - 8, ctx.look.leading * 1.6)


def _text(item: Item, ctx: _Ctx) -> list[Any]:
    out: list[Any] = [_lines(2 if (item.max_length or 0) > 100 else 1, ctx)]
    for _group, text in _specials(item, ctx):
        out.append(_inline([TickBox(ctx.look.box), _p(text, ctx.st["option"])]))
    return out


def _long_text(item: Item, ctx: _Ctx) -> list[Any]:
    return [_lines(5, ctx)]


def _measurement(item: Item, ctx: _Ctx) -> list[Any]:
    """One line per unit the question accepts: the engine's own template for that unit
    ("{ft} ft {in} in") with a box group in place of each value."""
    texts, st = ctx.texts, ctx.st
    out: list[Any] = [_p(words(texts, "hint.measure"), st["hint"])]
    for unit in item.units or ():
        template = texts.text(f"engine.measure.{unit}")
        # No tick box: the row written in says which measure was used.
        row: list[Any] = []
        pieces = _PARAM.split(template)
        for n, piece in enumerate(pieces):
            if n % 2:
                row.append(DigitBoxes(_PART_DIGITS.get(piece, 3), ctx.look.box))
            elif piece.strip():
                row.append(_p(piece.strip(), st["option"]))
        out.append(_inline(row))
    for _group, text in _specials(item, ctx):
        out.append(_inline([TickBox(ctx.look.box), _p(text, st["option"])]))
    return out


def _info(item: Item, ctx: _Ctx) -> list[Any]:
    return [_p(ctx.texts.text(item.body), ctx.st["body"])] if item.body else []


def _calculated(item: Item, ctx: _Ctx) -> list[Any]:
    # Worked out by crdesk when the answers are typed in; nothing for the patient to write.
    return []


PAPER_LAYOUTS: Mapping[QuestionType, Layout] = {
    QuestionType.INFO: _info,
    QuestionType.SINGLE: _single,
    QuestionType.MULTIPLE: _multiple,
    QuestionType.YES_NO: _single,
    QuestionType.PICTORIAL: _single,
    QuestionType.INTEGER: _integer,
    QuestionType.DECIMAL: _decimal,
    QuestionType.DATE: _date,
    QuestionType.TEXT: _text,
    QuestionType.LONG_TEXT: _long_text,
    QuestionType.MEASUREMENT: _measurement,
    QuestionType.CALCULATED: _calculated,
}


# ---- pages ----------------------------------------------------------------------------------

def _notice(text: str, ctx: _Ctx, background: Any = PALE) -> Table:
    t = Table([[_p(text, ctx.st["notice"])]], colWidths=[WIDTH])
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), background),
                           ("BOX", (0, 0), (-1, -1), 1.2, TEXT),
                           ("LEFTPADDING", (0, 0), (-1, -1), 8),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                           ("TOPPADDING", (0, 0), (-1, -1), 6),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return t


def _skip(text: str, ctx: _Ctx) -> Table:
    arrow = Arrow(ctx.look.body)
    t = Table([[arrow, _p(text, ctx.st["skip"])]], colWidths=[arrow.width + 6, None],
              hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 2),
                           ("TOPPADDING", (0, 0), (0, 0), ctx.look.body * 0.55)]))
    return t


def _item(printed: PrintedItem, ctx: _Ctx) -> list[Any]:
    st = ctx.st
    block: list[Any] = []
    if printed.lead:
        block.append(_p(printed.lead, st["hint"]))
    if printed.number is None:
        body = PAPER_LAYOUTS[printed.item.type](printed.item, ctx)
        if printed.label:
            block.append(_p(printed.label, st["infolabel"]))
        # A long text may start on this page rather than leave it half empty.
        short = sum(len(p.getPlainText()) for p in body if isinstance(p, Paragraph)) < 300
        if short:
            return _together([*block, *body])
        # A heading with at least three lines of its text, or a new page.
        return [CondPageBreak(ctx.look.leading * 4.5), *block, *body]
    block.append(Paragraph(f"{printed.number}.&nbsp; {escape(printed.label)}", st["question"]))
    if printed.item.help:
        block.append(_p(ctx.texts.text(printed.item.help), st["hint"]))
    answer: list[Any] = []
    if not printed.placeholder:
        # Placeholder wording gets no answer spaces: nothing may be ticked against it.
        answer = PAPER_LAYOUTS[printed.item.type](printed.item, ctx)
    tail: list[Any] = [_skip(skip, ctx) for skip in printed.skips]
    tail.append(Spacer(1, ctx.look.body * 0.8))
    if len(printed.item.choices) > 8:
        # The question with its first options; the rest of a long list may break.
        return [*_together([*block, *answer[:2]]), *answer[2:], *_together(tail)]
    return _together([*block, *answer, *tail])


def _together(parts: list[Any]) -> list[Any]:
    """Flowables kept on one page, and with a heading before them: chained with
    keepWithNext (reportlab does not chain a heading to a KeepTogether)."""
    for part in parts[:-1]:
        part.keepWithNext = True
    return parts


def _page(printed: PrintedPage, ctx: _Ctx, form_title: str) -> list[Any]:
    st, texts = ctx.st, ctx.texts
    out: list[Any] = []
    if printed.section:
        out.append(_p(printed.section, st["section"]))
    if printed.title and printed.title not in (printed.section, form_title):
        out.append(_p(printed.title, st["page"]))
    if printed.earlier:
        out += [_notice(words(texts, "earlier"), ctx), Spacer(1, 6)]
    if printed.intro:
        out.append(_p(printed.intro, st["intro"]))
    for instrument in printed.placeholders:
        out += [_notice(words(texts, "placeholder", instrument=instrument), ctx, WARN),
                Spacer(1, 6)]
    for item in printed.items:
        out += _item(item, ctx)
    return out


class _PaperCanvas(NumberedCanvas):
    """Header (clinic, assessment, reference, and the patient on a named copy) and footer
    (form and version, page n of m, a privacy line) on every page."""

    header = PaperHeader("", None)
    texts = TextCatalog([])
    look = NORMAL
    form_line = ""

    def _footer(self, total: int) -> None:
        regular, bold, _ = fonts.register()
        look, texts, header = self.look, self.texts, self.header
        size = look.body * 0.95
        width, height = A4
        top = height - 10 * mm
        # Right: the reference box, what staff type to find the patient and assessment.
        box_w, box_h = (62 if look.large else 46) * mm, size * 2.6
        box_x, box_y = width - MARGIN - box_w, top - box_h
        # Left: the clinic and the assessment beside the box; the patient on a named copy
        # below it. Shrunk to fit, never running under the reference.
        beside = box_x - MARGIN - 8
        self.setFillColor(TEXT)
        self._fitted(header.clinic, bold, size, beside, MARGIN, top - size)
        if header.assessment:
            self._fitted(words(texts, "header.assessment", n=header.assessment), bold, size,
                         beside, MARGIN, top - size * 2.3)
        if header.named:
            self._fitted(header.named, regular, size * 0.9, width - 2 * MARGIN, MARGIN,
                         top - size * 3.6)
        self.setLineWidth(1.4)
        self.setStrokeColor(TEXT)
        self.rect(box_x, box_y, box_w, box_h, stroke=1, fill=0)
        self.setFont(regular, size * 0.7)
        self.drawString(box_x + 4, box_y + box_h - size * 0.7 - 3,
                        words(texts, "header.reference_blank"))
        if header.reference:
            self.setFont(bold, size * 1.3)
            self.drawRightString(box_x + box_w - 6, box_y + size * 0.45, header.reference)
        self.setStrokeColor(BLUE)
        self.setLineWidth(1)
        rule = top - header_lines(look, bool(header.named))
        self.line(MARGIN, rule, width - MARGIN, rule)
        # Footer.
        small = size * 0.8
        self.setFillColor(GREY)
        self.setFont(regular, small)
        upper = 6.5 * mm + small * 1.3
        self.drawString(MARGIN, upper, self.form_line)
        self.drawRightString(width - MARGIN, upper,
                             words(texts, "footer.page", n=self._pageNumber, total=total))
        self._fitted(words(texts, "footer.private"), regular, small, width - 2 * MARGIN,
                     MARGIN, 6.5 * mm)

    def _fitted(self, text: str, font: str, size: float, room: float, x: float,
                y: float) -> None:
        """One line in at most ``room`` points: smaller type (down to 70 %), then cut."""
        fitted = max(size * 0.7, min(size, size * room / max(stringWidth(text, font, size), 1)))
        while stringWidth(text, font, fitted) > room and len(text) > 1:
            text = text[:-2].rstrip() + "…"
        self.setFont(font, fitted)
        self.drawString(x, y, text)


def header_lines(look: Look, named: bool) -> float:
    """Height of the header's contents below the top edge's 10 mm."""
    size = look.body * 0.95
    return max(size * 2.6, size * (3.9 if named else 2.7)) + 4


def header_height(look: Look, named: bool) -> float:
    return 10 * mm + header_lines(look, named) + look.body


def render(plan: QuestionnairePlan, texts: TextCatalog, header: PaperHeader, *,
           large: bool = False) -> bytes:
    """The printed questionnaire as PDF bytes (deterministic for the same input)."""
    look = LARGE if large else NORMAL
    ctx = _Ctx(texts, look, _styles(look))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=header_height(look, bool(header.named)),
                            bottomMargin=20 * mm, title=plan.title, author=header.clinic,
                            creator="crdesk", invariant=1)
    story: list[Any] = [_p(plan.title, ctx.st["title"])]
    if large:
        story.append(_p(words(texts, "large_print"), ctx.st["hint"]))
    how_to = [_notice(words(texts, "how_to.title") + ": " + words(texts, "how_to.body"), ctx),
              Spacer(1, look.body)]
    # The privacy information and the opt-out choice come first (on the first page in
    # normal print); how to fill in the questions comes just before them.
    opening = plan.pages[:plan.opening_pages]
    for page in opening:
        story += _page(page, ctx, plan.title)
    story += how_to
    for page in plan.pages[len(opening):]:
        story += _page(page, ctx, plan.title)
    story += [Spacer(1, look.body), _p(words(texts, "end"), ctx.st["section"]),
              Spacer(1, look.body), _p(words(texts, "staff_box"), ctx.st["hint"])]

    form_line = words(texts, "footer.form", form=plan.title, version=plan.form.version)

    class _Canvas(_PaperCanvas):
        pass

    _Canvas.header, _Canvas.texts, _Canvas.look = header, texts, look
    _Canvas.form_line = form_line
    doc.build(story, canvasmaker=_Canvas)
    return buf.getvalue()
