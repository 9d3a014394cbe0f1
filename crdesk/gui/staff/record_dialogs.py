"""The patient record's dialogs for the NACR opt-out, restriction and the subject-access
copy, and the goals: a part of PatientRecordView (crdesk/gui/staff/record_view.py), kept
apart so that each module stays small. The attributes it uses are the view's own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

from crdesk.errors import KnownError
from crdesk.gui.i18n import translate
from crdesk.gui.operations import Operation, run_operation
from crdesk.gui.staff.goals_panel import GoalDialog, GoalsPanel, ReviewDialog
from crdesk.gui.staff.opt_out_panel import ClearOptOutDialog, ConfirmOptOutDialog
from crdesk.gui.staff.records_actions import RestrictDialog, default_copy_path
from crdesk.gui.widgets import MessageLabel
from crdesk.services.goals import GoalService
from crdesk.services.opt_out import OptOutService
from crdesk.services.patients import PatientRecord
from crdesk.services.records import RecordsService
from crdesk.services.session import Session

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtGui import QAction

    _Base = QWidget
else:
    _Base = object


class RecordDialogs(_Base):
    """Mixed into PatientRecordView; a plain class at run time (one Qt base, the view's)."""

    # Given by PatientRecordView.
    session: Session
    patient_id: int
    record: PatientRecord | None
    message: MessageLabel
    opt_outs: OptOutService
    records: RecordsService
    restricted: bool
    copy_operation: Operation[tuple[Path, Path]] | None
    copy_action: QAction
    goal_service: GoalService
    goals: GoalsPanel

    if TYPE_CHECKING:
        @property
        def today(self) -> dt.date: ...

        @property
        def episode_id(self) -> int | None: ...

        def _changed(self) -> None: ...

    # ---- NACR opt-out ---------------------------------------------------------------------

    def confirm_opt_out(self) -> ConfirmOptOutDialog | None:
        if self.record is None or self.record.opt_out is None:
            return None
        dialog = ConfirmOptOutDialog(lambda d: self.opt_outs.confirm(self.patient_id, d),
                                     self.record.opt_out, self.today, self)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def clear_opt_out(self) -> ClearOptOutDialog:
        dialog = ClearOptOutDialog(lambda r: self.opt_outs.clear(self.patient_id, r), self)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    # ---- records management ---------------------------------------------------------------

    def restrict(self) -> RestrictDialog:
        restricting = not self.restricted
        dialog = RestrictDialog(
            lambda reason: self.records.set_restricted(self.patient_id, restricting, reason),
            restricting, self)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def choose_copy_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("PatientRecordView", "Save the copy of the record"),
            str(default_copy_path(self.today)),
            translate("PatientRecordView", "PDF files (*.pdf)"))
        if path:
            self.write_copy(Path(path))

    def write_copy(self, target: Path) -> None:
        """The PDF where chosen and the JSON beside it (same name, .json), in the background."""
        if self.copy_operation is not None and self.copy_operation.running:
            return
        pid, folder = self.patient_id, target.parent
        stem = target.stem if target.suffix.lower() == ".pdf" else target.name
        self.copy_action.setEnabled(False)
        self.message.show_ok(translate("PatientRecordView", "Making the copy of the record…"))

        def done(paths: tuple[Path, Path]) -> None:
            self.copy_action.setEnabled(True)
            self.message.show_ok(translate(
                "PatientRecordView", "The copy was saved as {pdf} and {json} in {folder}. It "
                "holds everything about this patient: give it only to them, then delete it "
                "from this laptop.").format(pdf=paths[0].name, json=paths[1].name,
                                            folder=folder))

        def failed(exc: KnownError) -> None:
            self.copy_action.setEnabled(True)
            self.message.show_known(exc)

        self.copy_operation = run_operation(
            self, lambda op: RecordsService(op.session).write_subject_access(pid, folder, stem),
            session=self.session, on_done=done, on_error=failed, name="subject access")

    # ---- goals ----------------------------------------------------------------------------

    def add_goal(self) -> GoalDialog | None:
        eid = self.episode_id
        if eid is None:
            return None
        dialog = GoalDialog(lambda a, g, t, r: self.goal_service.add(eid, a, g, t, r),
                            parent=self, check=self.goal_service.problems)
        dialog.accepted.connect(lambda: self._goal_saved(dialog.saved))
        dialog.open()
        return dialog

    def _goal(self, goal_id: int) -> object:
        assert self.record is not None
        return next(g for g in self.record.goals if g.id == goal_id)

    def edit_goal(self, goal_id: int) -> GoalDialog:
        goal = self._goal(goal_id)
        self.goals.select(goal_id)
        dialog = GoalDialog(lambda a, g, t, r: self.goal_service.edit(goal_id, a, g, t, r),
                            goal, self,  # type: ignore[arg-type]
                            check=lambda a, g, t, r: self.goal_service.problems(a, g, t, r,
                                                                                goal_id))
        dialog.accepted.connect(lambda: self._goal_saved(goal_id))
        dialog.open()
        return dialog

    def review_goal(self, goal_id: int) -> ReviewDialog:
        goal = self._goal(goal_id)
        self.goals.select(goal_id)  # the row and history behind the dialog are this goal's
        dialog = ReviewDialog(lambda s, n: self.goal_service.review(goal_id, s, n),
                              goal, self)  # type: ignore[arg-type]
        dialog.accepted.connect(lambda: self._goal_saved(goal_id))
        dialog.open()
        return dialog

    def _goal_saved(self, goal_id: object) -> None:
        """Reload, then stay on the goal just saved (its row and its history)."""
        self._changed()
        if isinstance(goal_id, int):
            self.goals.select(goal_id)
