"""Column headings that wrap onto a second line (crdesk.gui.widgets.header_width measures
them as shown). Its own module: the login screen's first frame imports crdesk.gui.widgets and
must not load QHeaderView."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHeaderView, QWidget


class WrappingHeader(QHeaderView):
    """A table's column headings that wrap onto a second line, at a space, where the column
    is narrower than the heading on one line: at the large text size a column then needs
    the width of its values, not of its heading ("Date of / birth"). header_width measures
    a heading as this shows it; wider than one line, a heading stays on one line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSectionsClickable(True)  # as a QTableView's own header: click to sort
        self.setHighlightSections(True)

    @staticmethod
    def two_lines(text: str) -> list[str]:
        """The heading on one line, and broken at each of its spaces."""
        words = text.split(" ")
        return [text, *(" ".join(words[:i]) + "\n" + " ".join(words[i:])
                        for i in range(1, len(words)))]

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:  # noqa: N802, N803
        """Tall enough for two lines, so that a wrapped heading is never cut at the foot."""
        size = super().sectionSizeFromContents(logicalIndex)
        model = self.model()
        text = model.headerData(logicalIndex, self.orientation()) if model is not None \
            else None
        if isinstance(text, str) and " " in text.strip():
            size.setHeight(size.height() + self.fontMetrics().lineSpacing())
        return size
