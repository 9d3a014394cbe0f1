"""One section of the questionnaire on one screen, for staff typing fast.

Every question of the section's shown pages is a row: its number and words on the left, the
keyboard editor on the right, its message under it. A question the skip logic hides stays in
its place, greyed, saying why it is not asked (a paper form may have an answer there: staff
see at once that it does not count). Enter hands the answer to the service (saved at once)
and moves to the next question; Enter on the last question asks for the next section.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.forms import Item, ValidationMessage
from crdesk.errors import KnownError
from crdesk.gui.i18n import translate
from crdesk.gui.staff.questionnaire_entry.editors import EntryEditor, make_entry_editor
from crdesk.gui.widgets import MessageLabel, heading
from crdesk.services.staff_entry import Entry, StaffEntryService

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_enter(event: QEvent) -> bool:
    return (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)


class _Row:
    def __init__(self, item: Item, number: QLabel, label: QLabel, editor: EntryEditor,
                 reason: QLabel, message: MessageLabel) -> None:
        self.item, self.number, self.label, self.editor = item, number, label, editor
        self.reason, self.message = reason, message


class SectionView(QWidget):
    """Signals:
        next_requested(): Enter on the last question (or on the skip line when skipped).
    """

    next_requested = Signal()

    def __init__(self, service: StaffEntryService, entry: Entry,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.entry = service, entry
        self.section = entry.walk.current
        fs = entry.fs
        self.rows: dict[str, _Row] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        title = translate("SectionView", "Section {n} of {count}: {title}").format(
            n=entry.walk.number, count=entry.walk.count, title=fs.text(self.section.title).text)
        self.title = heading(title, "pageTitle", self)
        lay.addWidget(self.title)
        self.notice = entry.notice(self.section.id)
        self.skip_reason: QLineEdit | None = None
        self.banner = QFrame(self)
        self.banner.setObjectName("entryNotice")
        self.banner.setVisible(False)
        if self.notice is not None:
            self._build_banner()
        lay.addWidget(self.banner)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        self.grid = QGridLayout(body)
        self.grid.setContentsMargins(4, 4, 12, 4)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 4)
        self.grid.setColumnStretch(2, 5)
        row = 0
        for page in self.section.pages:
            if page.intro:
                intro = QLabel(fs.text(page.intro).text, body)
                intro.setWordWrap(True)
                intro.setObjectName("secondary")
                self.grid.addWidget(intro, row, 0, 1, 3)
                row += 1
            for item in page.items:
                self._add_row(item, body, row)
                row += 2
        self.grid.setRowStretch(row, 1)
        scroll.setWidget(body)
        self.scroller = scroll
        lay.addWidget(scroll, 1)
        self.refresh()

    # ---- building -------------------------------------------------------------------------

    def _build_banner(self) -> None:
        assert self.notice is not None
        box = QVBoxLayout(self.banner)
        box.setContentsMargins(10, 6, 10, 6)
        self.notice_text = QLabel(self.notice.text(), self.banner)
        self.notice_text.setWordWrap(True)
        self.notice_text.setObjectName("errorText")
        box.addWidget(self.notice_text)
        line = QHBoxLayout()
        reason_label = QLabel(translate("SectionView", "&Reason for not administering:"),
                              self.banner)
        self.skip_reason = QLineEdit(self.banner)
        self.skip_reason.setAccessibleName(translate("SectionView", "Reason for skipping"))
        reason_label.setBuddy(self.skip_reason)
        self.skip_button = QPushButton(translate("SectionView", "&Skip this section"),
                                       self.banner)
        self.skip_button.setAutoDefault(False)
        self.skip_button.clicked.connect(self.skip)
        self.undo_button = QPushButton(translate("SectionView", "&Undo skip"), self.banner)
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.unskip)
        self.skip_reason.installEventFilter(self)
        line.addWidget(reason_label)
        line.addWidget(self.skip_reason, 1)
        line.addWidget(self.skip_button)
        line.addWidget(self.undo_button)
        box.addLayout(line)
        self.skip_message = MessageLabel(translate("SectionView", "Skip message"), self.banner)
        box.addWidget(self.skip_message)
        self.banner.setVisible(True)

    def _words(self, key: str | None) -> str:
        return self.entry.fs.texts.text(key) if key else ""

    def _add_row(self, item: Item, body: QWidget, row: int) -> None:
        fs = self.entry.fs
        number = QLabel("", body)
        number.setObjectName("secondary")
        unit = item.units[0] if item.units else item.unit
        words = self._words(item.label) or self._words(item.body)
        if unit:
            words += f" ({self._words('engine.unit.' + unit)})"
        label = QLabel(words if item.label else "", body)
        label.setWordWrap(True)
        value = None if item.handler.computed else fs.answers.get(item.id)
        editor = make_entry_editor(item, value, self._words, self._committer(item.id), body)
        target = editor.focus_widget()
        if target is not None:
            target.installEventFilter(self)
            target.setAccessibleName(words)
            label.setBuddy(target)
        reason = QLabel("", body)
        reason.setWordWrap(True)
        reason.setObjectName("secondary")
        message = MessageLabel(translate("SectionView", "Problem with {words}").format(
            words=words), body)
        self.grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
        if item.label:
            self.grid.addWidget(label, row, 1, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(editor.widget, row, 2)
        else:  # information: the text across the row
            self.grid.addWidget(editor.widget, row, 1, 1, 2)
        under = QVBoxLayout()
        under.setSpacing(0)
        under.addWidget(reason)
        under.addWidget(message)
        self.grid.addLayout(under, row + 1, 1, 1, 2)
        self.rows[item.id] = _Row(item, number, label, editor, reason, message)

    def _committer(self, qid: str) -> Callable[[], None]:
        def commit() -> None:
            self.commit(qid)
        return commit

    # ---- state ----------------------------------------------------------------------------

    @property
    def skipped(self) -> bool:
        return self.section.id in self.entry.walk.skipped

    def _locked(self) -> bool:
        """No answers can be typed here: the section is skipped or its licence forbids it."""
        return self.skipped or (self.notice is not None and self.notice.forbidden)

    def refresh(self) -> None:
        fs = self.entry.fs
        calculated = fs.calculated()
        locked = self._locked()
        n = 0
        for qid, r in self.rows.items():
            shown = fs.is_visible(qid)
            if r.item.answerable and shown:
                n += 1
                r.number.setText(f"{n}.")
            elif r.item.answerable:
                r.number.setText("–")
            r.editor.widget.setEnabled(shown and not locked)
            r.label.setEnabled(shown)
            hidden = None if shown or not r.item.answerable else self.service.refusal(
                self.entry, qid)
            r.reason.setText(hidden.text if hidden else "")
            r.reason.setVisible(bool(hidden))
            if r.item.handler.computed:
                r.editor.show_value(calculated.get(qid))  # type: ignore[arg-type]
        if self.notice is not None:
            self.skip_button.setVisible(not self.skipped)
            self.undo_button.setVisible(self.skipped)
            assert self.skip_reason is not None
            self.skip_reason.setReadOnly(self.skipped)
            if self.skipped:
                reason = self.service.skip_reason(self.entry, self.section.id)
                self.skip_reason.setText(reason)
                self.notice_text.setText(translate(
                    "SectionView", "Skipped: this section was not administered; the reason is "
                    "recorded with the questionnaire. Press Enter for the next section."))
            else:
                self.notice_text.setText(self.notice.text())

    def focus_targets(self) -> list[QWidget]:
        """The editors that take typing now, in order."""
        if self._locked():
            return []
        found = []
        for qid, r in self.rows.items():
            target = r.editor.focus_widget()
            if target is not None and self.entry.fs.is_visible(qid):
                found.append(target)
        return found

    def focus_first(self) -> None:
        if self.skip_reason is not None and (self.notice is not None) and not self.skipped:
            self.skip_reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        targets = self.focus_targets()
        first = next((t for t in targets if self._unanswered(t)), targets[0] if targets
                     else None)
        if first is not None:
            self._focus(first)
        elif self.skip_reason is not None:
            self.skip_reason.setFocus(Qt.FocusReason.OtherFocusReason)
        else:  # nothing to type here (information only): Enter moves on
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_enter(event):
            self.next_requested.emit()
            return
        super().keyPressEvent(event)

    def _unanswered(self, target: QWidget) -> bool:
        qid = next(q for q, r in self.rows.items() if r.editor.focus_widget() is target)
        return qid not in self.entry.fs.answers

    def _focus(self, target: QWidget) -> None:
        target.setFocus(Qt.FocusReason.TabFocusReason)
        self.scroller.ensureWidgetVisible(target, 20, 40)

    # ---- answering ------------------------------------------------------------------------

    def commit(self, qid: str) -> list[ValidationMessage]:
        r = self.rows[qid]
        try:
            messages = self.service.answer(self.entry, qid, r.editor.value())
        except KnownError as exc:
            r.message.show_known(exc)
            return [ValidationMessage(qid, "refused", str(exc))]
        self.show_message(qid, messages)
        self.refresh()
        return messages

    def show_message(self, qid: str, messages: list[ValidationMessage]) -> None:
        r = self.rows.get(qid)
        if r is None:
            return
        if messages:
            r.message.show_error(messages[0].text, from_service=True)
        else:
            r.message.clear_message()

    def show_messages(self, messages: list[ValidationMessage]) -> None:
        for qid in self.rows:
            self.show_message(qid, [m for m in messages if m.question_id == qid])
        first = next((self.rows[m.question_id] for m in messages
                      if m.question_id in self.rows), None)
        target = first.editor.focus_widget() if first else None
        if target is not None and target.isEnabled():
            self._focus(target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not is_enter(event):
            return super().eventFilter(watched, event)
        if watched is self.skip_reason:
            forbidden = self.notice is not None and self.notice.forbidden
            if forbidden and not self.skipped:
                self.skip()  # the only way on: with a reason (an empty one is refused)
            elif self.skipped or not (self.skip_reason and self.skip_reason.text().strip()):
                targets = self.focus_targets()
                if targets and not self.skipped:
                    self._focus(targets[0])
                else:
                    self.next_requested.emit()
            else:
                self.skip()
            return True
        qid = next((q for q, r in self.rows.items() if r.editor.focus_widget() is watched),
                   None)
        if qid is None:
            return False
        errors = [m for m in self.commit(qid) if m.severity == "error"]
        if errors:
            return True  # stay on the question; its message says what is wrong
        targets = self.focus_targets()
        here = targets.index(watched) if watched in targets else -1  # type: ignore[arg-type]
        if here + 1 < len(targets):
            self._focus(targets[here + 1])
        else:
            self.next_requested.emit()
        return True

    # ---- skipping a licensed instrument -----------------------------------------------------

    def skip(self) -> None:
        assert self.skip_reason is not None
        try:
            self.service.skip_section(self.entry, self.section.id, self.skip_reason.text())
        except KnownError as exc:
            self.skip_message.show_known(exc)
            return
        self.skip_message.show_ok(translate("SectionView",
                                            "Skipped. Press Enter to go to the next section."))
        for qid, r in self.rows.items():
            r.editor.show_value(None)
            self.show_message(qid, [])
        self.refresh()
        self.skip_reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def unskip(self) -> None:
        try:
            self.service.unskip_section(self.entry, self.section.id)
        except KnownError as exc:
            self.skip_message.show_known(exc)
            return
        assert self.skip_reason is not None
        self.skip_reason.clear()
        self.skip_message.clear_message()
        self.refresh()
        self.focus_first()
