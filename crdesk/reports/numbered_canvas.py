"""A reportlab canvas that writes "Page n of m" in a footer once the page count is known:
every page is held until ``save`` and then drawn with its footer. Each report subclasses it
and draws its own footer (``_footer``); the plain one writes only the page numbers."""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas


class NumberedCanvas(Canvas):
    footer_left = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(total)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        width = self._pagesize[0]
        self.setFont("Helvetica", 9)
        self.drawRightString(width - 40, 20, f"Page {self._pageNumber} of {total}")
