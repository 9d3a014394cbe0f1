""""Print paper form…" (a blank questionnaire) on the patient record: a paper copy of the patient
questionnaire for the episode's next assessment, anonymous (the reference only) or named
(name, date of birth and NHS number), in normal or large print. Drawn and written as one
background operation through the same saving path as "Print report…"
(services.paper_forms.write_questionnaire, written only where the user chose, audited).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QWidget

from crdesk.errors import KnownError
from crdesk.gui.i18n import translate
from crdesk.gui.operations import Operation, run_operation
from crdesk.gui.widgets import MessageLabel
from crdesk.services.paper_forms import write_questionnaire
from crdesk.services.questionnaires import PATIENT_FORM
from crdesk.services.session import Session

# (patient id, episode id, assessment) of the copy to print, or None when there is none.
Target = Callable[[], tuple[int, int, str] | None]


class PrintQuestionnaireButton(QPushButton):
    """A button with a menu of the four copies; ``operation`` is the running print."""

    def __init__(self, session: Session, target: Target, message: MessageLabel,
                 parent: QWidget | None = None) -> None:
        # Short, so the record's top row still fits 1366 px in a 40 % longer language; the
        # menu says what each copy is.
        super().__init__(translate("PaperPrint", "Print paper f&orm…"), parent)
        self.setProperty("secondary", True)
        self.setAccessibleName(translate("PaperPrint", "Print a blank paper questionnaire"))
        self.session, self.target, self.message = session, target, message
        self.operation: Operation[Path] | None = None
        menu = QMenu(self)
        self.actions_by_kind: dict[tuple[bool, bool], QAction] = {}
        for named, large in ((False, False), (True, False), (False, True), (True, True)):
            action = menu.addAction("")
            action.triggered.connect(lambda _=False, n=named, g=large: self.choose_file(n, g))
            self.actions_by_kind[(named, large)] = action
        menu.aboutToShow.connect(self.refresh)
        self.setMenu(menu)
        self._name_actions("")  # the target is asked for when the menu opens

    @Slot()
    def refresh(self) -> None:
        """Name the assessment the copies are for (the episode's next one)."""
        found = self.target()
        self._name_actions(found[2][1:] if found else "")

    def _name_actions(self, n: str) -> None:
        texts = {
            (False, False): translate("PaperPrint",
                                      "Assessment {n}: anonymous copy (reference only)…"),
            (True, False): translate("PaperPrint", "Assessment {n}: named copy (name, date of "
                                                   "birth, NHS number)…"),
            (False, True): translate("PaperPrint", "Assessment {n}: anonymous, large print…"),
            (True, True): translate("PaperPrint", "Assessment {n}: named, large print…")}
        for key, action in self.actions_by_kind.items():
            # Without a next assessment the button is disabled and the menu never shows.
            action.setText(texts[key].format(n=n or "?"))

    @Slot()
    def choose_file(self, named: bool, large: bool) -> None:
        found = self.target()
        if found is None:
            return
        suggested = str(Path.home() / f"questionnaire-{found[2].lower()}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, translate("PaperPrint", "Save the paper questionnaire"), suggested,
            translate("PaperPrint", "PDF files (*.pdf)"))
        if path:
            self.write(Path(path), named=named, large=large)

    def write(self, target: Path, *, named: bool, large: bool) -> None:
        found = self.target()
        if found is None:
            return
        patient_id, episode_id, kind = found
        self.setEnabled(False)
        self.message.show_ok(translate("PaperPrint", "Making the questionnaire…"))

        def done(_: Path) -> None:
            self.setEnabled(True)
            self.message.show_ok(translate("PaperPrint",
                                           "The questionnaire was saved where you chose."))

        def failed(exc: KnownError) -> None:
            self.setEnabled(True)
            self.message.show_known(exc)

        self.operation = run_operation(
            self, lambda op: write_questionnaire(
                op.session, patient_id, episode_id, target, form_id=PATIENT_FORM,
                assessment=kind, named=named, large=large),
            session=self.session, on_done=done, on_error=failed, name="paper questionnaire")
