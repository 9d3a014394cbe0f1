"""One kiosk screen: the page heading, an error summary, and the questions of one step.

Questions hidden by an answer are not merely made invisible: their widgets are removed and
deleted, so a screen reader cannot find them (peers read hidden pages aloud; see
../shared/reference/peers.md, enketo/enketo#137). They are built again when shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from crdesk.core.forms import FormSession, ValidationMessage
from crdesk.gui.kiosk.question_base import QuestionWidget, text_label
from crdesk.gui.kiosk.question_types import make_question
from crdesk.gui.kiosk.steps import Step
from crdesk.gui.kiosk.words import KioskWords


class PageView(QWidget):
    """Signals:
        answered(str, object): forwarded from the question widgets.
    """

    answered = Signal(str, object)

    def __init__(self, fs: FormSession, step: Step, words: KioskWords, *, show_intro: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fs = fs
        self.step = step
        self.words = words
        self.setObjectName("kioskPage")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(48, 20, 48, 24)
        lay.setSpacing(14)

        self.summary = QFrame(self)
        self.summary.setObjectName("kioskErrorSummary")
        summary_lay = QVBoxLayout(self.summary)
        summary_lay.setContentsMargins(18, 12, 18, 12)
        title = QLabel(words("errors.title"), self.summary)
        title.setObjectName("kioskQuestion")
        title.setWordWrap(True)
        self.summary_text = QLabel(self.summary)
        self.summary_text.setWordWrap(True)
        self.summary_text.setTextFormat(Qt.TextFormat.PlainText)
        # Focusable so that a blocked "Next" can move the focus (and a screen reader) here.
        self.summary_text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.summary_text.setAccessibleName(words("errors.name"))
        summary_lay.addWidget(title)
        summary_lay.addWidget(self.summary_text)
        self.summary.hide()
        lay.addWidget(self.summary)

        page = next(p for p in fs.form.pages if p.id == step.page_id)
        section = next((s for s in fs.form.sections if s.id == page.section), None)
        if section is not None:
            lay.addWidget(text_label(fs.text(section.title), "kioskSection", self))
        self.heading = text_label(fs.text(page.title), "kioskHeading", self)
        self.heading.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.heading.setAccessibleDescription(words("heading.description"))
        lay.addWidget(self.heading)
        if show_intro and page.intro:
            lay.addWidget(text_label(fs.text(page.intro), "kioskHelp", self))

        self.items = QVBoxLayout()
        self.items.setSpacing(22)
        lay.addLayout(self.items)
        lay.addStretch(1)
        self.widgets: dict[str, QuestionWidget] = {}
        self.sync()

    # ---- showing the questions ------------------------------------------------------------

    def sync(self) -> bool:
        """Build widgets for questions now shown and delete those now hidden; True if any
        changed (the tab order must then be set again)."""
        changed = False
        position = 0
        for item in self.step.items:
            shown = self.fs.is_visible(item.id)
            widget = self.widgets.get(item.id)
            if shown and widget is None:
                widget = make_question(item, self.fs.texts, self.words, self)
                widget.answered.connect(self.answered)
                self.items.insertWidget(position, widget)
                # A layout shows new children only at the next event loop pass; a key press
                # may come first, and Tab skips hidden widgets.
                widget.show()
                self.widgets[item.id] = widget
                self._show_stored(item.id)
                changed = True
            elif not shown and widget is not None:
                self.items.removeWidget(widget)
                widget.hide()
                widget.setParent(None)  # out of the widget and accessibility trees now
                widget.deleteLater()
                del self.widgets[item.id]
                changed = True
            if shown:
                position += 1
        for item in self.step.items:
            if item.handler.computed and item.id in self.widgets:
                self._show_stored(item.id)
        return changed

    def _show_stored(self, qid: str) -> None:
        widget = self.widgets[qid]
        if widget.item.handler.computed:
            widget.show_value(self.fs.calculated().get(qid))  # type: ignore[arg-type]
        elif widget.item.answerable:
            widget.show_value(self.fs.answers.get(qid))

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.summary_text] if self.summary.isVisible() else []
        chain.append(self.heading)
        for item in self.step.items:
            if item.id in self.widgets:
                chain.extend(self.widgets[item.id].controls())
        return chain

    def flush(self) -> None:
        for widget in list(self.widgets.values()):
            widget.flush()

    # ---- messages -------------------------------------------------------------------------

    def show_item_messages(self, qid: str, messages: list[ValidationMessage]) -> None:
        widget = self.widgets.get(qid)
        if widget is not None:
            widget.show_messages([m.text for m in messages])

    def show_errors(self, messages: list[ValidationMessage], extra: str = "") -> None:
        """Each message beside its question, and all of them in the summary at the top."""
        by_item: dict[str, list[ValidationMessage]] = {}
        for m in messages:
            by_item.setdefault(m.question_id, []).append(m)
        lines = []
        for qid, widget in self.widgets.items():
            found = by_item.get(qid, [])
            widget.show_messages([m.text for m in found])
            for m in found:
                name = widget.question_text
                lines.append(f"•  {name}: {m.text}" if name else f"•  {m.text}")
        if extra:
            lines.append(f"•  {extra}")
        text = "\n".join(lines)
        self.summary_text.setText(text)
        self.summary_text.setAccessibleDescription(text)
        self.summary.setVisible(bool(lines))
