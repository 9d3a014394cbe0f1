"""A row of widgets that wraps onto further rows when it is too narrow for them all.

Rows of buttons sized for the normal text size do not fit a 1366-pixel screen at the large
one (or in a longer language); a QHBoxLayout then makes the whole window wider than the
screen. This layout asks only for its widest item, lays its items out left to right and
starts a new row where the next item would not fit: the buttons keep their full labels and
the window keeps the screen's width. (After Qt's own "Flow Layout" example.)
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._width = 0  # the width setGeometry last gave (0: not laid out yet)
        # Qt asks for these many times a layout pass; each answer walks every item in
        # Python, so they are kept until the layout is invalidated.
        self._heights: dict[int, int] = {}
        self._hint: QSize | None = None
        self._minimum: QSize | None = None
        self.setContentsMargins(0, 0, 0, 0)

    # ---- QLayout's interface --------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    def spacing(self) -> int:
        return self._spacing

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        if width not in self._heights:
            self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return self._heights[width]

    def invalidate(self) -> None:
        self._heights.clear()
        self._hint = self._minimum = None
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)
        if rect.width() != self._width:
            # minimumSize's height is the rows' at this width: ask the parent again, or a
            # box layout short of height squeezes the wrapped rows into the widgets below.
            self._width = rect.width()
            self.invalidate()

    def sizeHint(self) -> QSize:  # noqa: N802
        """Everything on one row: the width it would like."""
        if self._hint is None:
            shown = self._shown()
            width = sum(i.sizeHint().width() for i in shown) \
                + self._spacing * max(len(shown) - 1, 0)
            height = max((i.sizeHint().height() for i in shown), default=0)
            self._hint = QSize(width, height).grownBy(self.contentsMargins())
        return QSize(self._hint)

    def minimumSize(self) -> QSize:  # noqa: N802
        """The widest item (narrower than that, an item itself would be cut), and as tall as
        the rows are at the width last given."""
        if self._minimum is None:
            size = QSize()
            for item in self._shown():
                size = size.expandedTo(item.minimumSize())
            size = size.grownBy(self.contentsMargins())
            if self._width > 0:
                size.setHeight(max(size.height(), self.heightForWidth(self._width)))
            self._minimum = size
        return QSize(self._minimum)

    # ---- the flow -------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Lays the items out in ``rect`` (only measures unless ``move``), each row's items
        centred on the row; returns the height the rows take."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._shown():
            hint = item.sizeHint().expandedTo(item.minimumSize())
            hint.setWidth(min(hint.width(), max(area.width(), 1)))
            if item.hasHeightForWidth():  # a nested flow, narrower than its one row
                hint.setHeight(item.heightForWidth(hint.width()))
            if rows[-1] and x + hint.width() > area.right() + 1:
                rows.append([])
                x = area.x()
            rows[-1].append((item, hint))
            x += hint.width() + self._spacing
        y = area.y()
        for row in rows:
            height = max((hint.height() for _item, hint in row), default=0)
            # What is left of the row goes to its items that expand sideways (a drop-down
            # with a long choice), as a stretch would in a QHBoxLayout.
            wide = [item for item, _hint in row
                    if item.expandingDirections() & Qt.Orientation.Horizontal]
            used = sum(hint.width() for _item, hint in row) + self._spacing * (len(row) - 1)
            extra = max(area.width() - used, 0) // len(wide) if wide else 0
            x = area.x()
            for item, hint in row:
                if move:
                    top = y + (height - hint.height()) // 2
                    grown = QSize(hint.width() + (extra if item in wide else 0),
                                  hint.height())
                    item.setGeometry(QRect(QPoint(x, top), grown))
                x += hint.width() + (extra if item in wide else 0) + self._spacing
            y += height + self._spacing
        return y - self._spacing - rect.y() + margins.bottom()
