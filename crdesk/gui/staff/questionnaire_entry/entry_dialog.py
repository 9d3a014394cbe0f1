"""Staff entry of a patient questionnaire: the start dialog (assessment, how the answers
were obtained, the date the patient answered) and the entry dialog (a section per screen,
the review, the differences of a double-entered paper questionnaire).

Both are modal: while answers are typed nothing else of the workspace can be reached, and the
header names the patient and the assessment on every screen, so answers are not typed
against the wrong record.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.forms import ValidationMessage
from crdesk.core.nhs_number import format_nhs
from crdesk.core.staff_entry import METHODS
from crdesk.core.validation import uk_date
from crdesk.errors import KnownError
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.questionnaire_entry.review_view import DifferencesView, ReviewView
from crdesk.gui.staff.questionnaire_entry.section_view import SectionView, is_enter
from crdesk.gui.staff.questionnaire_entry.words import how_name
from crdesk.gui.style import BORDER, NHS_BLUE, PALE_GREY, TEXT, WARM_YELLOW
from crdesk.gui.widgets import MessageLabel, heading, name_buttons, paragraph
from crdesk.services.staff_entry import ASSESSMENTS, Entry, StaffEntryService

KIND_NAMES = {"A1": QT_TRANSLATE_NOOP("StaffEntry", "Assessment 1"),
              "A2": QT_TRANSLATE_NOOP("StaffEntry", "Assessment 2"),
              "A3": QT_TRANSLATE_NOOP("StaffEntry", "Assessment 3")}


def method_name(method: str) -> str:
    return how_name(method)


class StartEntryDialog(QDialog):
    """Which assessment, how the answers were obtained and when; opens (or resumes) it."""

    def __init__(self, service: StaffEntryService, patient_id: int, episode_id: int,
                 assessment: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.patient_id, self.episode_id = service, patient_id, episode_id
        self.entry: Entry | None = None
        title = translate("StartEntryDialog", "Enter a questionnaire for this patient")
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(title, "pageTitle", self))
        lay.addWidget(paragraph(translate(
            "StartEntryDialog", "For an assessment by telephone or video, in person with you "
            "reading the questions, or a paper questionnaire the patient filled in. An entry "
            "already started carries on where it stopped."), self, secondary=True))
        form = QFormLayout()
        self.assessment = QComboBox(self)
        for kind in ASSESSMENTS:
            self.assessment.addItem(translate("StaffEntry", KIND_NAMES[kind]), kind)
        self.assessment.setCurrentIndex(max(self.assessment.findData(assessment), 0))
        self.method = QComboBox(self)
        for m in METHODS:
            self.method.addItem(method_name(m), m)
        self.answered = QLineEdit(dt.date.today().strftime("%d/%m/%Y"), self)
        self.answered.setPlaceholderText(translate("StartEntryDialog", "dd/mm/yyyy"))
        self.language = QComboBox(self)
        for locale in service.locales():
            self.language.addItem(locale, locale)
        self.double = QCheckBox(translate("StartEntryDialog",
                                          "A colleague will check it by entering it again"),
                                self)
        form.addRow(translate("StartEntryDialog", "&Assessment:"), self.assessment)
        form.addRow(translate("StartEntryDialog", "&How the answers were obtained:"),
                    self.method)
        form.addRow(translate("StartEntryDialog", "&Date the patient answered:"),
                    self.answered)
        form.addRow(translate("StartEntryDialog", "&Language asked in:"), self.language)
        form.addRow("", self.double)
        lay.addLayout(form)
        self.resume_note = QLabel("", self)
        self.resume_note.setWordWrap(True)
        lay.addWidget(self.resume_note)
        self.message = MessageLabel(translate("StartEntryDialog", "Start message"), self)
        lay.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("StartEntryDialog", "&Start entering"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        name_buttons(buttons)
        lay.addWidget(buttons)
        self.method.currentIndexChanged.connect(self._method_changed)
        self.assessment.currentIndexChanged.connect(self._assessment_changed)
        self._method_changed()
        self._assessment_changed()
        ensure_accessible_names(self)

    def _method_changed(self) -> None:
        paper = self.method.currentData() == "paper"
        self.double.setEnabled(paper)
        if not paper:
            self.double.setChecked(False)

    def _assessment_changed(self) -> None:
        found = self.service.existing(self.patient_id, self.episode_id,
                                      str(self.assessment.currentData()))
        for w in (self.method, self.answered, self.language, self.double):
            w.setEnabled(found is None)
        if found is None:
            self._method_changed()
            self.resume_note.setText("")
            return
        self.method.setCurrentIndex(self.method.findData(found.method))
        self.answered.setText(uk_date(found.answered_on))
        self.resume_note.setText(translate(
            "StartEntryDialog", "An entry of this questionnaire was started by {user} ({method},"
            " answered {date}); it carries on where it stopped.").format(
                user=found.entered_by, method=method_name(found.method),
                date=uk_date(found.answered_on)))

    def start(self) -> None:
        try:
            self.entry = self.service.open(
                self.patient_id, self.episode_id, str(self.assessment.currentData()),
                method=str(self.method.currentData()), answered_on=self.answered.text(),
                locale=str(self.language.currentData()), double_entry=self.double.isChecked())
        except KnownError as exc:
            self.message.show_known(exc)
            return
        self.accept()


# The entry screen's own look, on top of the staff style sheet: the chosen option stands out
# (colour and bold, never colour alone: the marker says it too), the focused question is
# framed in the NHS focus style.
ENTRY_STYLE = f"""
QLabel#entryOption {{ padding: 1px 6px; }}
QLabel#entryOptionChosen {{ padding: 1px 6px; background: {NHS_BLUE}; color: white;
    font-weight: bold; border-radius: 3px; }}
QFrame#entryChoices {{ border: 1px solid {BORDER}; border-radius: 4px; background: white; }}
QFrame#entryChoices[focused="true"] {{ border: 3px solid {TEXT}; background: #FFFDE7; }}
QFrame#entryNotice {{ background: #FFF8DC; border: 2px solid {WARM_YELLOW};
    border-left: 8px solid {WARM_YELLOW}; }}
QLabel#entryHeader {{ font-size: 13pt; }}
QFrame#entryChoices:disabled {{ background: {PALE_GREY}; border-style: dashed; }}
QLabel#entryOption:disabled, QLabel:disabled {{ color: #768692; }}
QLineEdit:disabled {{ background: {PALE_GREY}; border: 1px dashed {BORDER}; }}
"""


class EntryDialog(QDialog):
    """The questionnaire, a section per screen, then the review (or the differences).

    Signals:
        stage_reached(str): the entry ended at this stage ("done", "awaiting_second", ...).
    """

    stage_reached = Signal(str)

    def __init__(self, service: StaffEntryService, entry: Entry,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.entry = service, entry
        self.view: QWidget | None = None
        self.setWindowTitle(translate("EntryDialog", "Questionnaire entry"))
        self.setStyleSheet(ENTRY_STYLE)
        self.resize(1340, 720)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 10)
        lay.setSpacing(6)
        self.header = QLabel(self._header_text(), self)
        self.header.setObjectName("entryHeader")
        self.header.setWordWrap(True)
        self.header.setAccessibleName(translate("EntryDialog", "Patient and assessment"))
        band = QFrame(self)
        band.setObjectName("card")
        inner = QHBoxLayout(band)
        inner.setContentsMargins(10, 6, 10, 6)
        inner.addWidget(self.header)
        lay.addWidget(band)
        self.keys = QLabel(translate(
            "EntryDialog", "Keys: 1-9, 0, A-Z pick an answer · Enter next question · "
            "Page Down next section · Page Up previous section"), self)
        self.keys.setObjectName("secondary")
        self.keys.setWordWrap(True)  # longer in other languages: never wider than the screen
        lay.addWidget(self.keys)
        self.holder = QVBoxLayout()
        lay.addLayout(self.holder, 1)
        self.message = MessageLabel(translate("EntryDialog", "Entry message"), self)
        lay.addWidget(self.message)
        footer = QHBoxLayout()
        self.back_button = QPushButton(translate("EntryDialog", "◀ Previous section"), self)
        self.next_button = QPushButton(translate("EntryDialog", "Next section ▶"), self)
        self.close_button = QPushButton(translate("EntryDialog", "Close (saved)"), self)
        for b in (self.back_button, self.next_button, self.close_button):
            b.setAutoDefault(False)
            b.setDefault(False)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next_section)
        self.close_button.clicked.connect(self.accept)
        self.close_button.installEventFilter(self)
        footer.addWidget(self.back_button)
        footer.addStretch(1)
        footer.addWidget(self.close_button)
        footer.addWidget(self.next_button)
        lay.addLayout(footer)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.next_section)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.back)
        self.stage = entry.record.stage
        if entry.which == "resolve":
            self.show_differences()
        else:
            self.show_section()

    # ---- what is shown --------------------------------------------------------------------

    def _header_text(self) -> str:
        p, e = self.entry.patient, self.entry
        which = {"first": translate("EntryDialog", "entry by {user}"),
                 "second": translate("EntryDialog", "checking entry by {user}"),
                 "resolve": translate("EntryDialog", "resolving differences ({user})")}[
                     e.which].format(user=self.service.session.username)
        nhs = format_nhs(p.nhs_number) if p.nhs_number else translate("EntryDialog",
                                                                      "not recorded")
        return translate(
            "EntryDialog", "<b>{family}, {given}</b> · NHS number {nhs} · born {born}<br>"
            "<b>{kind}</b> · {method} · answered {answered} · {which}").format(
                family=p.family_name.upper(), given=p.given_name, nhs=nhs,
                born=uk_date(p.date_of_birth), kind=translate("StaffEntry",
                                                              KIND_NAMES[e.assessment]),
                method=method_name(e.method).lower(), answered=uk_date(e.record.answered_on),
                which=which)

    def _swap(self, view: QWidget) -> None:
        if self.view is not None:
            self.holder.removeWidget(self.view)
            self.view.hide()
            self.view.deleteLater()
        self.view = view
        self.holder.addWidget(view)
        ensure_accessible_names(view)

    def _footer(self, sections: bool) -> None:
        """Section moves only while sections are shown (and their key hint)."""
        for w in (self.back_button, self.next_button, self.keys):
            w.setVisible(sections)

    def show_section(self) -> None:
        view = SectionView(self.service, self.entry, self)
        view.next_requested.connect(self.next_section)
        self._swap(view)
        self._footer(True)
        self.back_button.setEnabled(self.entry.walk.number > 1)
        self.next_button.setEnabled(True)
        self.next_button.setText(translate("EntryDialog", "Next section ▶")
                                 if self.entry.walk.number < self.entry.walk.count
                                 else translate("EntryDialog", "Review answers ▶"))
        view.focus_first()

    def show_review(self) -> None:
        view = ReviewView(self.service, self.entry, self)
        view.finish_requested.connect(self.finish)
        view.section_requested.connect(self.go_to_section)
        self._swap(view)
        self._footer(False)
        self.back_button.setVisible(True)
        self.back_button.setEnabled(True)
        view.focus_first()

    def show_differences(self) -> None:
        view = DifferencesView(self.service, self.entry, self)
        view.complete_requested.connect(self.complete)
        self._swap(view)
        self._footer(False)
        view.focus_first()

    def show_done(self, text: str) -> None:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.addWidget(heading(text, "pageTitle", box))
        lay.addStretch(1)
        self._swap(box)
        self._footer(False)
        self.close_button.setText(translate("EntryDialog", "Close"))
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- moving ---------------------------------------------------------------------------

    def next_section(self) -> None:
        if not isinstance(self.view, SectionView):
            return
        before = self.entry.walk.current.id
        messages = self.entry.walk.next()
        self.service.page_changed(self.entry)
        if messages:
            self._stopped(messages, before)
            return
        self.message.clear_message()
        if self.entry.fs.finished:
            self.show_review()
        else:
            self.show_section()

    def _stopped(self, messages: list[ValidationMessage], before: str) -> None:
        if self.entry.walk.current.id != before:
            self.show_section()  # an earlier section still needs an answer
        assert isinstance(self.view, SectionView)
        self.view.show_messages(messages)
        errors = any(m.severity == "error" for m in messages)
        if errors:
            self.message.show_error(translate("EntryDialog", "Some answers need attention."),
                                    translate("EntryDialog", "See the questions marked."))
        else:
            self.message.show_error(translate("EntryDialog", "Please check the answers marked."),
                                    translate("EntryDialog", "If they are right, press Page "
                                              "Down (or Enter on the last question) again."))

    def back(self) -> None:
        if isinstance(self.view, ReviewView):
            self.entry.fs.finished = False
            self.show_section()
            return
        if isinstance(self.view, SectionView) and self.entry.walk.back():
            self.service.page_changed(self.entry)
            self.message.clear_message()
            self.show_section()

    def go_to_section(self, section_id: str) -> None:
        self.entry.fs.finished = False
        self.entry.walk.go(section_id)
        self.service.page_changed(self.entry)
        self.show_section()

    def finish(self) -> None:
        try:
            self.stage = self.service.finish(self.entry)
        except KnownError as exc:
            self.message.show_known(exc)
            return
        self.message.clear_message()
        if self.stage == "resolving":
            self.show_differences()
        elif self.stage == "awaiting_second":
            self.show_done(translate("EntryDialog", "First entry saved. A colleague now enters "
                                     "the same paper questionnaire again to check it; it counts "
                                     "once any differences are resolved."))
        else:
            self.show_done(translate("EntryDialog", "Saved. The questionnaire is complete."))
        self.stage_reached.emit(self.stage)

    def complete(self) -> None:
        try:
            self.service.complete_checked(self.entry)
        except KnownError as exc:
            self.message.show_known(exc)
            return
        self.stage = "done"
        self.show_done(translate("EntryDialog", "Differences resolved. The questionnaire is "
                                 "complete."))
        self.stage_reached.emit(self.stage)

    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is self.close_button and is_enter(event):  # type: ignore[arg-type]
            self.close_button.click()
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
