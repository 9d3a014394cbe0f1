"""Scrolling up and down, never sideways: what lets a page or dialog fit a 1366x768 laptop
at the large text size (issue 16).

``VerticalScroll`` holds a widget in a scroll area that is as tall as its window allows and
scrolls when the widget needs more height than that. A plain QScrollArea also lets its
widget be squeezed narrower than the widget can go, clipping it at the side (its horizontal
bar is off): this one keeps the widget's whole minimum width, plus room for the vertical bar,
so the window's width and the layout check's width figures stay what they were.
``fit_screen_height`` caps a dialog's height at the height its screen has to give;
``grow_to_show`` makes a dialog taller, as far as that, when its fields come to need more
room (messages shown after Save) rather than leave them scrolling in a short window.
``keep_rows_in_view`` gives a page's main list a height of some rows at least: where the page
is taller than its window, the page scrolls down to the list, which then shows that many,
instead of the list being squeezed to three or four rows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLayout,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

# Of the screen's available height (already less the taskbar), what a window's title bar
# takes: Qt's sizes leave it out.
TITLE_BAR = 32


class VerticalScroll(QScrollArea):
    def __init__(self, widget: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)  # as tall as there is room for, taller only by scrolling
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if widget is not None:
            self.setWidget(widget)

    @classmethod
    def of_layout(cls, layout: QLayout, parent: QWidget | None = None) -> VerticalScroll:
        """A scroll area holding a plain widget laid out by ``layout``."""
        area = cls(None, parent)
        body = QWidget(area)
        body.setLayout(layout)
        area.setWidget(body)
        return area

    @classmethod
    def of_fields(cls, fields: QLayout, parent: QWidget | None = None) -> VerticalScroll:
        """A dialog's fields that scroll, held at the top (the room left below them)."""
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(fields)
        column.addStretch(1)
        return cls.of_layout(column, parent)

    def held(self) -> QWidget:
        widget = self.widget()
        assert widget is not None
        return widget

    def minimumSizeHint(self) -> QSize:
        held = self.held()
        width = max(held.minimumSizeHint().width(), held.minimumWidth())
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(width + bar + 2 * self.frameWidth(), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        # The widget's own (QScrollArea caps its hint at 24 lines of text): the window
        # opens at its natural size where the screen has room.
        # Wrapped text (a field's message) is as tall as the width it has, not its hint's.
        held = self.held()
        hint = held.sizeHint()
        least = self.minimumSizeHint()
        height = hint.height()
        if held.hasHeightForWidth():
            width = self.viewport().width() if self.isVisible() else hint.width()
            height = max(height, held.heightForWidth(width))
        return QSize(max(hint.width(), least.width()), height + 2 * self.frameWidth())


def screen_room(widget: QWidget) -> int:
    """The height a window on ``widget``'s screen may have, title bar left out."""
    screen = widget.screen()
    return screen.availableGeometry().height() - TITLE_BAR


def fit_screen_height(dialog: QWidget, height: int | None = None) -> None:
    """Resize ``dialog`` to ``height`` (its size hint's by default), at most its screen's."""
    want = dialog.sizeHint().height() if height is None else height
    dialog.resize(dialog.width(), min(want, screen_room(dialog)))


def keep_foot_on_screen(dialog: QWidget) -> None:
    """A dialog made taller downwards is moved up if its foot (the Save button) would leave
    its screen."""
    room = dialog.screen().availableGeometry()
    frame = dialog.frameGeometry()
    if frame.bottom() > room.bottom():
        dialog.move(frame.x(), max(room.top(), frame.y() - (frame.bottom() - room.bottom())))


def grow_to_show(dialog: QWidget, area: QScrollArea) -> None:
    """Whenever ``area``'s fields come to need more height than it has (an error summary and
    field messages after Save), grow ``dialog`` by that much, up to its screen's room; only
    then do the fields scroll. The dialog's size hint, read when the messages are set, is
    short of their wrapped height: a goal's target field was left half hidden below a
    short dialog on a screen with room to spare (issue 16).

    Only growth of the fields counts: a dialog the user makes shorter stays so (its scroll
    range grows then, but the height its fields need does not)."""
    fields = area.widget()
    assert fields is not None

    def need() -> int:
        if fields.hasHeightForWidth():
            return fields.heightForWidth(area.viewport().width())
        return fields.minimumSizeHint().height()

    last = [need()]

    def grow() -> None:
        most = area.verticalScrollBar().maximum()
        if most > 0 and dialog.isVisible() and dialog.height() < screen_room(dialog):
            fit_screen_height(dialog, dialog.height() + most)
            keep_foot_on_screen(dialog)

    def changed(_least: int, most: int) -> None:
        now = need()
        grew, last[0] = now > last[0], now
        if grew and most > 0:
            # After the layout pass that reported it, not from inside it.
            QTimer.singleShot(0, dialog, grow)

    area.verticalScrollBar().rangeChanged.connect(changed)


class _RowsInView(QObject):
    """Keeps a table's minimum height at ``rows`` rows and its headings, again when the text
    size changes (the rows' height follows the font)."""

    def __init__(self, table: QTableView, rows: int) -> None:
        super().__init__(table)
        self.table, self.rows = table, rows
        table.installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        t = self.table
        heading = 0 if t.horizontalHeader().isHidden() else t.horizontalHeader().sizeHint().height()
        t.setMinimumHeight(heading + self.rows * t.verticalHeader().defaultSectionSize()
                           + 2 * t.frameWidth())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                            QEvent.Type.Polish):
            self.fit()
        return False


def keep_rows_in_view(table: QTableView, rows: int = 8) -> None:
    """``table``, a page's main list, at least ``rows`` rows high. At the large text size on
    a 1366x768 laptop the worklist and the audit log, squeezed below their headings and
    filters, showed three or four rows in a page that scrolled as well (issue 16): now the
    page scrolls down to the list, and the list then shows ``rows`` rows and scrolls on."""
    _RowsInView(table, rows)
