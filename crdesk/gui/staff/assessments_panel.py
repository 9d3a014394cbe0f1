"""The episode's referral summary and its three assessments, with due dates and warnings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from crdesk.core.care_status import OUTCOMES, assessment_lines
from crdesk.core.validation import uk_date
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.staff.questionnaire_entry.words import how_name
from crdesk.gui.widgets import MessageLabel, secondary_button
from crdesk.services.episodes import option_label
from crdesk.services.patients import PatientRecord
from crdesk.services.questionnaires import CLINICAL_FORM, PATIENT_FORM

KIND_NAMES = {"A1": QT_TRANSLATE_NOOP("AssessmentsPanel", "Assessment 1 (before)"),
              "A2": QT_TRANSLATE_NOOP("AssessmentsPanel", "Assessment 2 (end)"),
              "A3": QT_TRANSLATE_NOOP("AssessmentsPanel", "Assessment 3 (12 months)")}


def kind_name(kind: str) -> str:
    return translate("AssessmentsPanel", KIND_NAMES[kind])


class AssessmentsPanel(QWidget):
    """Signals:
        measures_requested(str): the assessment kind whose clinical measures to enter.
        due_changed(str, str): kind and the due date typed.
    """

    measures_requested = Signal(str)
    due_changed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("AssessmentsPanel", "Referral and assessments"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 10)
        self.referral = QLabel("", self)
        self.referral.setWordWrap(True)
        self.referral.setAccessibleName(translate("AssessmentsPanel", "Referral summary"))
        lay.addWidget(self.referral)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(6)
        for c, text in enumerate([translate("AssessmentsPanel", "Assessment"),
                                  translate("AssessmentsPanel", "Due"),
                                  translate("AssessmentsPanel", "Done"),
                                  translate("AssessmentsPanel", "Questionnaire"),
                                  translate("AssessmentsPanel", "Clinical measures"), ""]):
            head = QLabel(f"<b>{text}</b>", self)
            # Longer words (another language) wrap rather than widen the window.
            head.setMinimumWidth(min(head.sizeHint().width(), 110))
            head.setWordWrap(True)
            head.setAccessibleName(text or translate("AssessmentsPanel", "Actions"))
            self.grid.addWidget(head, 0, c)
        self.due: dict[str, QLineEdit] = {}
        self.done: dict[str, QLabel] = {}
        self.questionnaire: dict[str, QLabel] = {}
        self.clinical: dict[str, QLabel] = {}
        self.warnings: dict[str, MessageLabel] = {}
        for n, kind in enumerate(("A1", "A2", "A3")):
            row = 1 + n * 2
            name = QLabel(kind_name(kind), self)
            # Longer words (another language) take a second line rather than squeeze the
            # date fields; English keeps one line.
            name.setMinimumWidth(min(name.sizeHint().width(), 200))
            name.setWordWrap(True)
            self.grid.addWidget(name, row, 0)
            due = QLineEdit(self)
            due.setPlaceholderText(translate("AssessmentsPanel", "dd/mm/yyyy"))
            due.setMaxLength(10)
            due.setMinimumWidth(due.fontMetrics().horizontalAdvance("00/00/00000") + 24)
            due.setAccessibleName(translate("AssessmentsPanel", "{kind} due date").format(
                kind=kind_name(kind)))
            due.editingFinished.connect(lambda k=kind, e=due: self._due_edited(k, e))
            self.grid.addWidget(due, row, 1)
            self.due[kind] = due
            for store, col, what in (
                    (self.done, 2, translate("AssessmentsPanel", "{kind} done")),
                    (self.questionnaire, 3, translate("AssessmentsPanel", "{kind} questionnaire")),
                    (self.clinical, 4, translate("AssessmentsPanel", "{kind} clinical measures"))):
                label = QLabel("", self)
                label.setAccessibleName(what.format(kind=kind_name(kind)))
                # "Paper: waiting for a colleague's checking entry" wraps rather than widen
                # the record past a 1366-pixel screen at the large text size.
                label.setWordWrap(True)
                self.grid.addWidget(label, row, col)
                store[kind] = label
            button = secondary_button(translate("AssessmentsPanel", "Clinical measures…"),
                    translate("AssessmentsPanel", "Clinical measures at {kind}").format(kind=kind),
                        self)
            button.clicked.connect(lambda _=False, k=kind: self.measures_requested.emit(k))
            self.grid.addWidget(button, row, 5)
            warning = MessageLabel(translate("AssessmentsPanel", "{kind} warning").format(
                kind=kind_name(kind)), self)
            self.grid.addWidget(warning, row + 1, 0, 1, 6)
            self.warnings[kind] = warning
        self.grid.setColumnStretch(3, 1)
        self.grid.setColumnStretch(4, 1)
        lay.addLayout(self.grid)
        lay.addStretch(1)
        self._shown_due: dict[str, str] = {}

    def _due_edited(self, kind: str, edit: QLineEdit) -> None:
        if edit.text().strip() != self._shown_due.get(kind, ""):
            self.due_changed.emit(kind, edit.text().strip())

    def show_episode(self, record: PatientRecord, episode_id: int, today: dt.date) -> None:
        e = record.episode(episode_id)
        if e is None:
            return
        event = (option_label("initiating_event", e.initiating_event)
                 or translate("AssessmentsPanel", "Event not recorded"))
        parts = [f"<b>{event}</b> {uk_date(e.event_date)}",
                 translate("AssessmentsPanel", "Treatment: {treatment} {date}").format(
                     treatment=option_label("treatment", e.treatment) or "—",
                     date=uk_date(e.treatment_date)),
                 translate("AssessmentsPanel", "Referred {date} by {source}").format(
                     date=uk_date(e.referral_date),
                     source=option_label("referral_source", e.referral_source) or "—"),
                 translate("AssessmentsPanel", "Programme: {start} to {end}").format(
                     start=uk_date(e.programme_start) or translate("AssessmentsPanel",
                                                                   "not started"),
                     end=uk_date(e.programme_end) or "…"),
                 translate("AssessmentsPanel", "Outcome: {outcome}").format(
                     outcome=OUTCOMES.get(e.outcome or "")
                     or translate("AssessmentsPanel", "not recorded yet"))]
        self.referral.setText(" · ".join(parts))
        rows = record.assessments.get(episode_id, {})
        dates = {k: {"due_date": v.get("due_date"), "done_date": v.get("done_date")}
                 for k, v in rows.items()}
        by_id = {int(str(v["id"])): k for k, v in rows.items()}
        status: dict[tuple[str, str], str] = {}
        for r in record.responses:
            kind = by_id.get(r.assessment_id or -1)
            if kind is not None and r.form_id in (PATIENT_FORM, CLINICAL_FORM):
                status[(kind, r.form_id)] = {
                    "draft": translate("AssessmentsPanel", "Started, not finished"),
                    "complete": translate("AssessmentsPanel", "Done"),
                    "reviewed": translate("AssessmentsPanel", "Done, reviewed")}[r.status]
                if r.form_id == PATIENT_FORM and r.method:  # staff entry: say how
                    status[(kind, r.form_id)] += f" ({how_name(r.method).lower()})"
                if r.entry_stage in ("awaiting_second", "second"):
                    status[(kind, r.form_id)] = translate(
                        "AssessmentsPanel", "Paper: waiting for a colleague's checking entry")
                elif r.entry_stage == "resolving":
                    status[(kind, r.form_id)] = translate(
                        "AssessmentsPanel", "Paper: differences to resolve")
        for line in assessment_lines(dates, e.programme_end, today):  # type: ignore[arg-type]
            k = line.kind
            shown = uk_date(line.due.isoformat()) if line.due else ""
            self._shown_due[k] = shown
            self.due[k].setText(shown)
            self.done[k].setText(uk_date(line.done.isoformat()) if line.done else translate(
                "AssessmentsPanel", "Not yet"))
            self.questionnaire[k].setText(status.get((k, PATIENT_FORM), "—"))
            self.clinical[k].setText(status.get((k, CLINICAL_FORM), "—"))
            if line.warning:
                self.warnings[k].show_error(line.warning, from_service=True)
            else:
                self.warnings[k].clear_message()
