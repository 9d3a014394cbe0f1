"""A staff form (e.g. clinical measures) on one scrolling screen, driven by the form engine.

The engine decides what is shown, what is valid and what is calculated (BMI); this widget
only renders it and forwards what is typed. Every field shows its own message. Nothing is
stored here: the dialog hands the finished engine session to ClinicalService.save.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.forms import FormSession, Item
from crdesk.core.forms.answers import JsonValue
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.field_grid import attempt_save
from crdesk.gui.staff.question_editors import StaffEditor, make_editor
from crdesk.gui.widgets import MessageLabel, heading, mark_invalid, save_cancel_footer
from crdesk.services.clinical import ClinicalService

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
            for n, item in enumerate(page.items):
                cell = self._make(item)
                grid.addWidget(cell, n // 2, n % 2, Qt.AlignmentFlag.AlignTop)
            outer.addLayout(grid)
        outer.addStretch(1)
        self.refresh()

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
        lay.addWidget(message)
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
        self._show(qid, messages[0].text if messages else "")
        self.refresh()

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


class ClinicalDialog(QDialog):
    """Clinical measures for one assessment; Save stores them all or nothing."""

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
        self.form = StaffFormWidget(service.form_session(patient_id, episode_id, kind))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        lay.addWidget(scroll, 1)
        self.message = save_cancel_footer(self, lay)
        ensure_accessible_names(self)

    @Slot()
    def save(self) -> None:
        problems = self.form.problems()
        if problems:
            self.form.show_messages(problems)
            self.message.show_error(translate("ClinicalDialog",
                                              "Some measures need attention; nothing was saved."),
                                    translate("ClinicalDialog",
                                              "Correct the fields marked in red, then save again."))
            return
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
            self.message, self.form.show_messages)
        if ok:
            self.saved_id = saved
            self.accept()
