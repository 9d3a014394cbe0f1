"""An XmR chart drawn with QPainter: points, mean, process limits, the target, and the
special-cause points marked by shape as well as colour (never colour alone).

Improving special causes are drawn as filled blue circles, concerning ones as filled
orange diamonds, common-cause points as small grey circles; the labels underneath say the
same in words, so the chart can be read without colour.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from crdesk.core.dashboard.spc import SpcChart

INK = QColor("#212b32")
GREY = QColor("#768692")
LIMIT = QColor("#4c6272")
TARGET = QColor("#007f3b")
IMPROVING = QColor("#005eb8")
CONCERNING = QColor("#c05500")


def describe(chart: SpcChart) -> str:
    """The chart in words, for screen readers and for the caption."""
    parts = [chart.title + "."]
    if chart.mean is not None:
        parts.append(f"Mean {chart.mean:.1f} {chart.unit}.")
    if chart.has_limits:
        assert chart.lower is not None and chart.upper is not None
        parts.append(f"Process limits {chart.lower:.1f} to {chart.upper:.1f}.")
    if chart.variation:
        parts.append(f"Variation: {chart.variation}.")
    if chart.assurance:
        parts.append(f"Assurance: {chart.assurance}.")
    if chart.reason:
        parts.append(chart.reason)
    return " ".join(parts)


class SpcChartWidget(QWidget):
    def __init__(self, chart: SpcChart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setMinimumHeight(240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(describe(chart))

    def _range(self) -> tuple[float, float]:
        c = self.chart
        values = [p.value for p in c.points if p.value is not None]
        values += [v for v in (c.upper, c.lower, c.target, c.mean) if v is not None]
        if not values:
            return 0.0, 1.0
        low, high = min(values), max(values)
        if high - low < 1e-9:
            low, high = low - 1, high + 1
        pad = (high - low) * 0.08
        return low - pad, high + pad

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        c = self.chart
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(56, 12, -16, -40)
        low, high = self._range()
        n = max(1, len(c.points) - 1)

        def x(i: int) -> float:
            return area.left() + area.width() * i / n

        def y(v: float) -> float:
            return area.bottom() - area.height() * (v - low) / (high - low)

        p.setPen(QPen(GREY, 1))
        p.drawRect(area)
        font = p.font()
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.85))
        p.setFont(font)
        fmt = "{:.0f}" if high - low >= 8 else "{:.1f}"
        for v in (low + (high - low) * k / 4 for k in range(5)):
            p.drawText(QRectF(0, y(v) - 9, 50, 18), Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignVCenter, fmt.format(v))
        step = max(1, len(c.points) // 8)
        for i, point in enumerate(c.points):
            if i % step == 0:
                p.drawText(QRectF(x(i) - 30, area.bottom() + 4, 60, 18),
                           Qt.AlignmentFlag.AlignHCenter, point.label)

        def line(v: float | None, colour: QColor, style: Qt.PenStyle, width: float) -> None:
            if v is None:
                return
            p.setPen(QPen(colour, width, style))
            p.drawLine(QPointF(area.left(), y(v)), QPointF(area.right(), y(v)))

        line(c.mean, INK, Qt.PenStyle.SolidLine, 1.2)
        line(c.upper, LIMIT, Qt.PenStyle.DashLine, 1.2)
        line(c.lower, LIMIT, Qt.PenStyle.DashLine, 1.2)
        line(c.target, TARGET, Qt.PenStyle.DashDotLine, 1.6)

        p.setPen(QPen(GREY, 1.5))
        path = QPainterPath()
        started = False
        for i, point in enumerate(c.points):
            if point.value is None:
                started = False
                continue
            pos = QPointF(x(i), y(point.value))
            if started:
                path.lineTo(pos)
            else:
                path.moveTo(pos)
                started = True
        p.drawPath(path)
        for i, point in enumerate(c.points):
            if point.value is None:
                continue
            pos = QPointF(x(i), y(point.value))
            special = c.special.get(i)
            if special is None:
                p.setPen(QPen(GREY, 1))
                p.setBrush(GREY)
                p.drawEllipse(pos, 3, 3)
                continue
            good = (special[1] == "high") == (c.better == "higher")
            colour = IMPROVING if good else CONCERNING
            p.setPen(QPen(colour, 1))
            p.setBrush(colour)
            if good:
                p.drawEllipse(pos, 5.5, 5.5)
            else:
                p.drawPolygon(QPolygonF([pos + QPointF(0, -7), pos + QPointF(7, 0),
                                         pos + QPointF(0, 7), pos + QPointF(-7, 0)]))
        p.end()
