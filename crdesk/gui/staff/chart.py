"""Progress chart: small panels of bars, A1 beside A2 (and A3), drawn with QPainter.

One panel per headline measure, each on its own scale (minutes and HADS points do not
share an axis), every bar labelled with its value and every panel with its result in
words, so the chart never relies on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from crdesk.core.progress import BETTER, SAME, WORSE, ProgressRow
from crdesk.gui import style
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate

HEADLINE = ("hads_anxiety", "hads_depression", "active_minutes_week", "bmi", "iswt_distance",
            "six_minute_distance", "systolic_bp", "waist")
KIND_COLOURS = {"A1": QColor("#768692"), "A2": QColor(style.NHS_BLUE), "A3": QColor("#003087")}
KIND_WORDS = {"A1": "A1", "A2": "A2", "A3": "A3"}
# Panels are narrow: short titles (the table beside the chart has the full names).
SHORT_TITLES = {"hads_anxiety": QT_TRANSLATE_NOOP("ProgressChart", "Anxiety (HADS)"),
                "hads_depression": QT_TRANSLATE_NOOP("ProgressChart", "Depression (HADS)"),
                "active_minutes_week": QT_TRANSLATE_NOOP("ProgressChart", "Active minutes a week"),
                "bmi": QT_TRANSLATE_NOOP("ProgressChart", "BMI"),
                "iswt_distance": QT_TRANSLATE_NOOP("ProgressChart", "Shuttle walk (m)"),
                "six_minute_distance": QT_TRANSLATE_NOOP("ProgressChart", "6-minute walk (m)"),
                "systolic_bp": QT_TRANSLATE_NOOP("ProgressChart", "Upper BP (mmHg)"),
                "waist": QT_TRANSLATE_NOOP("ProgressChart", "Waist (cm)")}
SHORT_RESULTS = {BETTER: QT_TRANSLATE_NOOP("ProgressChart", "Better"),
                 WORSE: QT_TRANSLATE_NOOP("ProgressChart", "Worse"),
                 SAME: QT_TRANSLATE_NOOP("ProgressChart", "Same"), "": "—"}
RESULT_COLOURS = {BETTER: QColor("#007F3B"), WORSE: QColor(style.ERROR_RED),
                  SAME: QColor(style.SECONDARY_TEXT)}
RESULT_WORDS = {BETTER: QT_TRANSLATE_NOOP("ProgressChart", "Better"),
                WORSE: QT_TRANSLATE_NOOP("ProgressChart", "Worse"),
                SAME: QT_TRANSLATE_NOOP("ProgressChart", "About the same"),
                "": QT_TRANSLATE_NOOP("ProgressChart", "Not compared")}


def result_words(direction: str) -> str:
    """The words for a result (Better, Worse, ...) in the staff screens' language."""
    return translate("ProgressChart", RESULT_WORDS.get(direction, ""))


class ProgressChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ProgressRow] = []
        self.setAccessibleName(translate("ProgressChart", "Progress chart"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(300, 300)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 420)

    def set_rows(self, rows: list[ProgressRow]) -> None:
        by_id = {r.measure.id: r for r in rows}
        self.rows = [by_id[m] for m in HEADLINE
                     if m in by_id and sum(isinstance(v, int | float)
                                           for v in by_id[m].values.values()) >= 1][:6]
        self.setAccessibleDescription("; ".join(
            f"{r.label}: " + ", ".join(f"{k} {t}" for k, t in r.texts.items())
            + f", {result_words(r.direction)}" for r in self.rows))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        if not self.rows:
            p.setPen(QColor(style.SECONDARY_TEXT))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       translate("ProgressChart",
                                 "The chart appears once two assessments have values to compare."))
            return
        base = QFont(self.font())
        # Side by side when wide; otherwise a grid of three columns.
        cols = len(self.rows) if self.width() >= 150 * len(self.rows) else 3
        rows = -(-len(self.rows) // cols)
        width, height = self.width() / cols, self.height() / rows
        for n, row in enumerate(self.rows):
            x, y = (n % cols) * width, (n // cols) * height
            self._panel(p, QRectF(x + 6, y + 6, width - 12, height - 12), row, base)
        p.end()

    def _panel(self, p: QPainter, box: QRectF, row: ProgressRow, base: QFont) -> None:
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() - 2, 9))
        bold = QFont(small)
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(QColor(style.TEXT))
        title_h = 54.0
        title = (translate("ProgressChart", SHORT_TITLES[row.measure.id])
                 if row.measure.id in SHORT_TITLES else row.label)
        p.drawText(QRectF(box.left(), box.top(), box.width(), title_h),
                   Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, title)
        result_h = 26.0
        p.setPen(RESULT_COLOURS.get(row.direction, QColor(style.TEXT)))
        p.drawText(QRectF(box.left(), box.bottom() - result_h, box.width(), result_h),
                   Qt.AlignmentFlag.AlignCenter,
                   translate("ProgressChart", SHORT_RESULTS.get(row.direction, "")))
        numbers = {k: float(v) for k, v in row.values.items() if isinstance(v, int | float)}
        top = max(numbers.values(), default=1.0) or 1.0
        kinds = list(row.values)
        label_h = 22.0
        area = QRectF(box.left(), box.top() + title_h + label_h, box.width(),
                      box.height() - title_h - result_h - 2 * label_h)
        bar_w = min(44.0, area.width() / (len(kinds) * 1.6))
        gap = (area.width() - bar_w * len(kinds)) / (len(kinds) + 1)
        p.setFont(small)
        for i, kind in enumerate(kinds):
            x = area.left() + gap + i * (bar_w + gap)
            value = numbers.get(kind)
            if value is not None:
                h = max(2.0, area.height() * value / top) if value > 0 else 2.0
                bar = QRectF(x, area.bottom() - h, bar_w, h)
                p.fillRect(bar, KIND_COLOURS.get(kind, QColor(style.NHS_BLUE)))
                p.setPen(QColor(style.TEXT))
                number = row.texts.get(kind, "").removesuffix(row.measure.unit).strip()
                p.drawText(QRectF(x - gap / 2, bar.top() - label_h, bar_w + gap, label_h),
                           Qt.AlignmentFlag.AlignCenter, number)
            p.setPen(QColor(style.TEXT))
            p.drawText(QRectF(x - gap / 2, area.bottom() + 2, bar_w + gap, label_h),
                       Qt.AlignmentFlag.AlignCenter, KIND_WORDS.get(kind, kind))
        p.setPen(QColor(style.BORDER))
        p.drawLine(area.bottomLeft(), area.bottomRight())
