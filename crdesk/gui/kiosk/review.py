"""Staff review after the patient hands the laptop back: every answer on one summary, a
correction with a reason (old and new value kept, audit-logged), and "mark as reviewed".

Staff wording is English only, like the rest of the staff screens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.demographics import Difference
from crdesk.core.forms import SummaryRow
from crdesk.errors import KnownError
from crdesk.gui.kiosk.privacy import ScrollScreen
from crdesk.gui.kiosk.question_base import QuestionWidget
from crdesk.gui.kiosk.question_types import make_question
from crdesk.gui.kiosk.words import KioskWords
from crdesk.services.questionnaires import OpenResponse, QuestionnaireService

TITLE = "Review the patient's answers"
INTRO = ("Check the answers with the patient if needed. To correct one, choose it in the list, "
         "give the right answer and a reason: the old and new answers and the reason are kept.")
NOT_INSTALLED = " (licensed text not installed)"


class ReviewPanel(ScrollScreen):
    """Signals:
        done(str): "reviewed" (marked as reviewed) or "closed" (left unmarked).
    """

    done = Signal(str)

    def __init__(self, service: QuestionnaireService, response_id: int, words: KioskWords,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.response_id = response_id
        self.words = words
        self.rows: list[SummaryRow] = []
        self.editor: QuestionWidget | None = None
        self._pending: dict[str, object] = {}
        lay = self.lay
        lay.setContentsMargins(40, 20, 40, 20)
        lay.setSpacing(12)
        self.heading = QLabel(TITLE, self)
        self.heading.setObjectName("kioskHeading")
        self.heading.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.heading.setAccessibleName(TITLE)
        self.heading.setAccessibleDescription(INTRO)
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        intro.setObjectName("kioskHelp")
        lay.addWidget(self.heading)
        lay.addWidget(intro)

        # Checks staff must see before marking as reviewed: a response shown with another
        # form version, demographics that differ from the record, contradictory activity.
        self.notice = QLabel(self)
        self.notice.setObjectName("kioskError")
        self.notice.setWordWrap(True)
        self.notice.hide()
        lay.addWidget(self.notice)
        self.checks = QFrame(self)
        self.checks.setObjectName("reviewChecks")
        self.checks_lay = QVBoxLayout(self.checks)
        self.checks_lay.setContentsMargins(0, 0, 0, 0)
        self.checks_lay.setSpacing(8)
        lay.addWidget(self.checks)
        self.check_buttons: dict[str, QPushButton] = {}
        self.activity_warning = QLabel(self)
        self.activity_warning.setObjectName("kioskError")
        self.activity_warning.setWordWrap(True)
        self.activity_warning.hide()
        lay.addWidget(self.activity_warning)

        self.table = QTableWidget(0, 2, self)
        self.table.setMinimumHeight(220)
        self.table.setHorizontalHeaderLabels(["Question", "Answer"])
        self.table.setAccessibleName("Answers")
        self.table.setAccessibleDescription("Every answer the patient gave. Choose one to "
                                            "correct it.")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(self._on_current_cell_changed)
        lay.addWidget(self.table, 3)

        self.editor_box = QVBoxLayout()
        lay.addLayout(self.editor_box)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText("Reason for the correction")
        self.reason.setAccessibleName("Reason for the correction")
        self.reason.setAccessibleDescription("Required. For example: the patient said they "
                                             "meant a different answer.")
        self.save = QPushButton("Save correction", self)
        self.save.setAccessibleName("Save correction")
        self.save.setAccessibleDescription("Store the corrected answer with its reason.")
        self.save.clicked.connect(self.save_correction)
        row = QHBoxLayout()
        row.addWidget(self.reason, 1)
        row.addWidget(self.save)
        lay.addLayout(row)
        self.message = QLabel(self)
        self.message.setObjectName("kioskError")
        self.message.setWordWrap(True)
        self.message.hide()
        lay.addWidget(self.message)

        buttons = QHBoxLayout()
        self.mark = QPushButton("Mark as reviewed and close", self)
        self.mark.setAccessibleName("Mark as reviewed and close")
        self.mark.setAccessibleDescription("Record that staff have checked these answers, "
                                           "then close the questionnaire.")
        self.mark.clicked.connect(self.mark_reviewed)
        self.close_button = QPushButton("Close without marking", self)
        self.close_button.setProperty("secondary", True)
        self.close_button.setAccessibleName("Close without marking")
        self.close_button.setAccessibleDescription("Close now; the answers can be reviewed "
                                                   "later from the patient's record.")
        self.close_button.clicked.connect(lambda: self.done.emit("closed"))
        buttons.addWidget(self.mark)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self._set_editing(False)
        self.reload()

    # ---- the summary ------------------------------------------------------------------------

    def reload(self) -> None:
        opened = self.service.load(self.response_id)
        self.opened: OpenResponse = opened
        self.rows = opened.form_session.summary()
        self.table.setRowCount(len(self.rows))
        for n, r in enumerate(self.rows):
            label = r.label + (NOT_INSTALLED if r.placeholder else "")
            for col, text in enumerate((label, r.answer)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.AccessibleTextRole, text)
                self.table.setItem(n, col, cell)
        self.table.resizeRowsToContents()
        self._show_checks()

    def _show_checks(self) -> None:
        opened = self.opened
        if opened.notice:
            self.notice.setText(opened.notice)
            self.notice.setAccessibleName(opened.notice)
            self.notice.show()
        else:
            self.notice.hide()
        self.save.setVisible(opened.own_version)
        self.reason.setVisible(opened.own_version)
        while self.checks_lay.count():
            taken = self.checks_lay.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.check_buttons = {}
        differences = self.service.demographic_differences(opened)
        if differences:
            head = QLabel("<b>The patient's answers differ from the record</b>", self.checks)
            head.setAccessibleName("The patient's answers differ from the record")
            self.checks_lay.addWidget(head)
        for d in differences:
            self.checks_lay.addWidget(self._difference_row(d))
        found = self.service.activity_contradiction(opened)
        if found is None:
            self.activity_warning.hide()
        else:
            text = f"Activity answers disagree. {found.message}"
            self.activity_warning.setText(text)
            self.activity_warning.setAccessibleName(text)
            self.activity_warning.show()

    def _difference_row(self, d: Difference) -> QWidget:
        row = QWidget(self.checks)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        note = (" Self-reported ethnicity is the NHS standard: the patient's answer is the one "
                "to keep unless they ask otherwise." if d.patient_is_default else "")
        text = (f"{d.label}: the record says “{d.record_words}”; the patient said "
                f"“{d.patient_words}”.{note}")
        label = QLabel(text, row)
        label.setWordWrap(True)
        label.setAccessibleName(text)
        line.addWidget(label, 1)
        button = QPushButton("Use the patient's answer", row)
        button.setAccessibleName(f"Use the patient's answer for {d.label.lower()}")
        button.setAccessibleDescription(f"Put “{d.patient_words}” into the patient's record. "
                                        "The change is recorded in the audit log.")
        if not d.patient_is_default:
            button.setProperty("secondary", True)
        button.clicked.connect(lambda _=False, f=d.field: self.take_patient_answer(f))
        line.addWidget(button)
        self.check_buttons[d.field] = button
        return row

    def take_patient_answer(self, field_name: str) -> None:
        try:
            self.service.take_patient_answer(self.response_id, field_name)
        except KnownError as exc:
            self._show(f"{exc.message} {exc.hint}".strip())
            return
        self.reload()
        self._show("The patient's answer is now in their record.", error=False)

    def _on_current_cell_changed(self, row: int, *_: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        item = self.opened.form_session.form.item_by_id[self.rows[row].question_id]
        if self.editor is not None:
            self.editor.setParent(None)
            self.editor.deleteLater()
            self.editor = None
        self._set_editing(item.answerable)
        if not item.answerable:
            return
        self.editor = make_question(item, self.opened.form_session.texts, self.words, self)
        self.editor.show_value(self.opened.form_session.answers.get(item.id))
        self.editor.answered.connect(self._on_editor_answered)
        self.editor_box.addWidget(self.editor)
        self._pending.clear()

    def _on_editor_answered(self, qid: str, value: object) -> None:
        self._pending[qid] = value

    def _set_editing(self, editing: bool) -> None:
        self.reason.setEnabled(editing)
        self.save.setEnabled(editing)

    # ---- actions --------------------------------------------------------------------------

    def save_correction(self) -> None:
        if self.editor is None:
            return
        self.editor.flush()
        qid = self.editor.item.id
        if qid not in self._pending:
            self._show("Change the answer first, then save it with a reason.")
            return
        try:
            self.service.correct(self.response_id, qid, self._pending[qid], self.reason.text())
        except KnownError as exc:
            self._show(f"{exc.message} {exc.hint}".strip())
            return
        self.reason.clear()
        self._pending.clear()
        row = self.table.currentRow()
        self.reload()
        self.table.setCurrentCell(row, 1)
        self._show("Correction saved.", error=False)

    def mark_reviewed(self) -> None:
        try:
            self.service.mark_reviewed(self.response_id)
        except KnownError as exc:
            self._show(f"{exc.message} {exc.hint}".strip())
            return
        self.done.emit("reviewed")

    def _show(self, text: str, error: bool = True) -> None:
        self.message.setObjectName("kioskError" if error else "kioskHelp")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.show()

    def controls(self) -> list[QWidget]:
        chain: list[QWidget] = [self.heading, *self.check_buttons.values(), self.table]
        if self.editor is not None:
            chain += self.editor.controls()
        return [*chain, self.reason, self.save, self.mark, self.close_button]
