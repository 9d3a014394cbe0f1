"""A staff form (e.g. clinical measures) on one scrolling screen, driven by the form engine.

The engine decides what is shown, what is valid and what is calculated (BMI, only from
answers it accepts); this widget only renders it and forwards what is typed. Following the
NHS.UK service manual, a field's message appears when staff leave the field (an empty field
is not nagged until Save) or on Save, when an error summary at the top names and links to
each field. Every field keeps room for its message, so a message appearing never moves the
fields under it (a click aimed at the next field lands on it). Nothing is stored here: the
dialog hands the finished engine session to ClinicalService.save.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.forms import FormSession, Item
from crdesk.core.forms.answers import JsonValue
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.error_summary import ErrorSummary
from crdesk.gui.staff.field_grid import attempt_save
from crdesk.gui.staff.question_editors import StaffEditor, make_editor
from crdesk.gui.widgets import MessageLabel, heading, mark_invalid, save_cancel_footer
from crdesk.services.clinical import ClinicalService

# Lines of text kept free under each field for its message: the engine's messages take one
# or two lines in a column of the form, at the normal and the large text size.
MESSAGE_LINES = 2

KIND_WORDS = {"A1": QT_TRANSLATE_NOOP("ClinicalDialog", "assessment 1"),
              "A2": QT_TRANSLATE_NOOP("ClinicalDialog", "assessment 2"),
              "A3": QT_TRANSLATE_NOOP("ClinicalDialog", "assessment 3")}


class _Field:
    """One item's widgets: label, input, optional 'not known' box and message."""

    def __init__(self, item: Item, container: QWidget, label: QLabel, message: MessageLabel,
                 entry: StaffEditor, unknown: QCheckBox | None) -> None:
        self.item, self.container, self.label = item, container, label
        self.message, self.entry, self.unknown = message, entry, unknown
        self.editor = entry.widget
        self.words = label.text()


class StaffFormWidget(QWidget):
    def __init__(self, fs: FormSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fs = fs
        self.fields: dict[str, _Field] = {}
        self.typing_errors: dict[str, str] = {}  # text the engine could not take
        self.page_titles: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        for page in fs.form.pages:
            title = heading(fs.text(page.title).text, "pageTitle", self)
            self.page_titles[page.id] = title
            outer.addWidget(title)
            grid = QGridLayout()
            grid.setHorizontalSpacing(18)
            # Two equal columns that share the width (none pushes the other off the side).
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
            for n, item in enumerate(page.items):
                cell = self._make(item)
                grid.addWidget(cell, n // 2, n % 2, Qt.AlignmentFlag.AlignTop)
            outer.addLayout(grid)
        outer.addStretch(1)
        self.refresh()
        self._entered = {qid: repr(self.value_of(qid)) for qid in self.fields}

    # ---- building -------------------------------------------------------------------------

    def _t(self, key: str | None) -> str:
        return self.fs.texts.text(key) if key else ""

    def _make(self, item: Item) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 4, 0, 4)
        lay.setSpacing(3)
        unit = item.units[0] if item.units else item.unit
        words = self._t(item.label) + (f" ({self._t('engine.unit.' + unit)})" if unit else "")
        label = QLabel(words, box)
        label.setWordWrap(True)
        lay.addWidget(label)
        message = MessageLabel(translate("StaffFormWidget", "Problem with {words}").format(
            words=words), box)
        unknown: QCheckBox | None = None
        value = self.fs.answers.get(item.id)
        entry = make_editor(item, value, self._t, self._committer(item.id), box)
        editor = entry.widget
        editor.setAccessibleName(words)
        row = QHBoxLayout()
        row.addWidget(editor, 1)
        if "dont_know" in item.allow:
            unknown = QCheckBox(translate("StaffFormWidget", "Not known"), box)
            unknown.setChecked(isinstance(value, dict) and value.get("special") == "dont_know")
            unknown.toggled.connect(self._committer(item.id))
            row.addWidget(unknown)
        lay.addLayout(row)
        # The message's room is kept when there is no message (see the module docstring).
        slot = QWidget(box)
        slot_lay = QVBoxLayout(slot)
        slot_lay.setContentsMargins(0, 0, 0, 0)
        slot_lay.addWidget(message)
        slot_lay.addStretch(1)
        slot.setMinimumHeight(MESSAGE_LINES * QFontMetrics(box.font()).lineSpacing() + 4)
        lay.addWidget(slot)
        label.setBuddy(editor)
        self.fields[item.id] = _Field(item, box, label, message, entry, unknown)
        return box

    # ---- answering ------------------------------------------------------------------------

    def _committer(self, qid: str) -> Callable[..., None]:
        return lambda *_: self.commit(qid)

    def value_of(self, qid: str) -> object:
        f = self.fields[qid]
        if f.unknown is not None and f.unknown.isChecked():
            return {"special": "dont_know"}
        return f.entry.value()

    def commit(self, qid: str) -> None:
        """Staff left the field (or chose a value): hand it to the engine, say what is wrong."""
        before = self.fs.answers.get(qid)
        messages = self.fs.answer(qid, self.value_of(qid))
        after = self.fs.answers.get(qid)
        typed = self.value_of(qid)
        # The engine keeps the old answer when it cannot read the new text: remember that,
        # or Save would quietly keep the old value.
        if messages and after == before and typed is not None:
            self.typing_errors[qid] = messages[0].text
        else:
            self.typing_errors.pop(qid, None)
        text = messages[0].text if messages else ""
        # An empty field is not nagged ("enter the date") until Save; a message already
        # shown is updated or cleared as soon as the field is left.
        if not (text and typed is None and not self.fields[qid].message.plain_text()):
            self._show(qid, text)
        self.refresh()

    def has_changes(self) -> bool:
        """Anything entered since the form opened, left or still being typed."""
        return any(repr(self.value_of(qid)) != entered for qid, entered in self._entered.items())

    def labels(self) -> dict[str, str]:
        return {qid: f.words for qid, f in self.fields.items()}

    def set_text(self, qid: str, text: str) -> None:
        """Type into a text field and leave it (used by tests and by keyboard users alike)."""
        edit = self.fields[qid].editor
        assert isinstance(edit, QLineEdit)
        edit.setText(text)
        edit.editingFinished.emit()

    def choose(self, qid: str, value: JsonValue) -> None:
        self.fields[qid].entry.choose(value)

    def _show(self, qid: str, text: str) -> None:
        f = self.fields[qid]
        if text:
            f.message.show_error(text, from_service=True)
        else:
            f.message.clear_message()
        f.editor.setAccessibleDescription(text)
        if isinstance(f.editor, QLineEdit):
            mark_invalid(f.editor, bool(text))

    def refresh(self) -> None:
        """Show or hide items as the engine says, and update calculated values."""
        calculated = self.fs.calculated()
        shown = {p.id for p in self.fs.visible_pages}  # e.g. cardiac history at A1 only
        for page_id, title in self.page_titles.items():
            title.setVisible(page_id in shown)
        for qid, f in self.fields.items():
            f.container.setVisible(self.fs.is_visible(qid))
            f.entry.show_computed(calculated.get(qid))

    def problems(self) -> dict[str, str]:
        found = ClinicalService.problems(self.fs)
        found.update({k: v for k, v in self.typing_errors.items() if self.fs.is_visible(k)})
        return found

    def warnings(self) -> dict[str, str]:
        return {m.question_id: m.text for page in self.fs.visible_pages
                for m in self.fs.page_messages(page) if m.severity == "warning"}

    def show_messages(self, messages: dict[str, str]) -> None:
        for qid in self.fields:
            self._show(qid, messages.get(qid, ""))

    def editors(self) -> dict[str, QWidget]:
        """The input of each field shown, in the order on screen (for the error summary)."""
        return {qid: f.editor for qid, f in self.fields.items() if self.fs.is_visible(qid)}


class ClinicalDialog(QDialog):
    """Clinical measures for one assessment; Save stores them all or nothing. Cancel (or
    Escape, or closing the window) with entries not saved asks before throwing them away."""

    def __init__(self, service: ClinicalService, patient_id: int, episode_id: int, kind: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.patient_id, self.episode_id, self.kind = (
            service, patient_id, episode_id, kind)
        self.saved_id: int | None = None
        self._warned: dict[str, str] = {}
        title = translate("ClinicalDialog", "Clinical measures at {kind}").format(
            kind=translate("ClinicalDialog", KIND_WORDS[kind]))
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(1000, 680)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(title, "pageTitle", self))
        self.summary = ErrorSummary(self)
        lay.addWidget(self.summary)
        self.form = StaffFormWidget(service.form_session(patient_id, episode_id, kind))
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        # The form's two columns share the width: nothing to scroll sideways to.
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.form)
        lay.addWidget(self.scroll_area, 1)
        self.summary.field_chosen.connect(self._bring_into_view)
        self.message = save_cancel_footer(self, lay)
        self.discard_box: QMessageBox | None = None
        ensure_accessible_names(self)

    @Slot(QWidget)
    def _bring_into_view(self, field: QWidget) -> None:
        self.scroll_area.ensureWidgetVisible(field, 0, 60)

    @Slot()
    def reject(self) -> None:
        if not self.form.has_changes():
            super().reject()
            return
        if self.discard_box is not None:
            self.discard_box.raise_()
            return
        box = QMessageBox(QMessageBox.Icon.Question,
                          translate("ClinicalDialog", "Discard these measures?"),
                          translate("ClinicalDialog", "The measures you entered are not saved."),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(translate("ClinicalDialog",
                                         "Keep editing to save them, or discard them."))
        keep = box.addButton(translate("ClinicalDialog", "Keep editing"),
                             QMessageBox.ButtonRole.RejectRole)
        discard = box.addButton(translate("ClinicalDialog", "Discard"),
                                QMessageBox.ButtonRole.DestructiveRole)
        discard.setProperty("secondary", True)  # one primary action: the safe one
        # Keeping is the safe choice, so it is the one Enter and Escape pick.
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r: self._discard_answered(box, keep))
        self.discard_box = box
        box.open()

    def _discard_answered(self, box: QMessageBox, keep: object) -> None:
        self.discard_box = None
        if box.clickedButton() is not None and box.clickedButton() is not keep:
            super().reject()

    @Slot()
    def save(self) -> None:
        problems = self.form.problems()
        if problems:
            self._problems(problems)
            # Said once, at the top and at each field; the footer is for other problems.
            self.message.clear_message()
            return
        self.summary.hide()
        warnings = self.form.warnings()
        if warnings and warnings != self._warned:
            # Unusual but possible values: shown once, kept if Save is pressed again.
            self._warned = warnings
            self.form.show_messages(warnings)
            self.message.show_error(translate("ClinicalDialog", "Please check the values marked."),
                                    translate("ClinicalDialog",
                                              "If they are right, press Save again to keep them."))
            return
        ok, saved = attempt_save(
            lambda: self.service.save(self.patient_id, self.episode_id, self.kind, self.form.fs),
            self.message, self._problems)
        if ok:
            self.saved_id = saved
            self.accept()

    def _problems(self, problems: dict[str, str]) -> None:
        """At each field and in the summary at the top, which takes the focus (NHS.UK)."""
        self.form.show_messages(problems)
        self.summary.show_problems(problems, self.form.editors(), self.form.labels())
        self.summary.focus()
