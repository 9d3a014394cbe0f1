"""Goals agreed at assessment 1 and reviewed at assessment 2, with their whole history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, SignalInstance, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crdesk.core.goals import AREAS, REVIEW_STATUSES, STATUSES, Goal, review_problems
from crdesk.core.validation import uk_date
from crdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from crdesk.gui.scrolling import (
    VerticalScroll,
    fit_screen_height,
    grow_to_show,
    keep_rows_in_view,
)
from crdesk.gui.staff.accessible import ensure_accessible_names
from crdesk.gui.staff.error_summary import ErrorSummary
from crdesk.gui.staff.field_grid import FieldGrid, attempt_save, combo, set_combo
from crdesk.gui.widgets import MessageLabel, heading, save_cancel_footer, secondary_button
from crdesk.gui.wrapping_header import WrappingHeader


class _ChecksFields:
    """NHS.UK form pattern for a FieldGrid dialog: a field's message is updated when the user
    leaves it (a fixed field loses its message at once; a field left empty is not nagged
    until Save), and on Save an error summary at the top links to each field."""

    grid: FieldGrid
    summary: ErrorSummary
    message: MessageLabel
    _check: Callable[[], dict[str, str]] | None

    def _watch_fields(self) -> None:
        for name, field in self.grid.fields.items():
            if isinstance(field, QLineEdit):
                field.editingFinished.connect(lambda n=name: self._left(n))
            elif isinstance(field, QComboBox):
                field.activated.connect(lambda _i, n=name: self._left(n))

    def _left(self, name: str) -> None:
        if self._check is None:
            return
        msg = self._check().get(name, "")
        if msg and not self.grid.message(name) and not self.grid.text(name):
            return
        self.grid.show_one(name, msg)
        if self.summary.isVisible():
            self.summary.show_problems(self.grid.shown(), dict(self.grid.fields))

    def _problems(self, problems: dict[str, str]) -> None:
        self.grid.show_problems(problems)
        self.summary.show_problems(problems, dict(self.grid.fields))
        self.summary.focus()
        # The summary and the messages make the form taller: grow rather than squeeze them,
        # as far as the screen allows (then the fields scroll).
        assert isinstance(self, QDialog)
        fit_screen_height(self, max(self.height(), self.sizeHint().height()))

    def _after_save(self, ok: bool) -> None:
        # Field problems are said once, in the summary at the top and at each field; the
        # footer line is kept for problems that belong to no field.
        if not ok and self.summary.isVisible():
            self.message.clear_message()


class GoalDialog(QDialog, _ChecksFields):
    """Add or edit a goal. ``save`` gets (area, goal, target, review date text); ``check``
    gets the same and returns field -> message without saving."""

    def __init__(self, save: Callable[[str, str, str, str], object], goal: Goal | None = None,
                 parent: QWidget | None = None,
                 check: Callable[[str, str, str, str], dict[str, str]] | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.saved: object = None
        title = (translate("GoalDialog", "New goal") if goal is None
                 else translate("GoalDialog", "Edit goal"))
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(760, 420)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(title, "pageTitle", self))
        self.summary = ErrorSummary(self)
        lay.addWidget(self.summary)
        self.grid = FieldGrid(columns=2)
        area = combo(list(AREAS.items()), translate("GoalDialog", "Choose an area"))
        self.grid.add("area", translate("GoalDialog", "&Area"), area)
        review = QLineEdit(uk_date(goal.review_date) if goal else "")
        review.setPlaceholderText(translate("GoalDialog", "dd/mm/yyyy"))
        self.grid.add("review_date", translate("GoalDialog", "&Review date"), review)
        text = QLineEdit(goal.goal if goal else "")
        text.setPlaceholderText(translate("GoalDialog", "In the patient's own words"))
        self.grid.add("goal", translate("GoalDialog", "&Goal"), text, span=2)
        target = QLineEdit(goal.target if goal else "")
        target.setPlaceholderText(translate("GoalDialog",
                "Something you can measure, e.g. walk 30 minutes, 5 days a week"))
        self.grid.add("target", translate("GoalDialog", "Measurable &target"), target, span=2)
        # Wide enough to show the example in full (a longer language, large text), within
        # a 1366-pixel screen.
        example = target.fontMetrics().horizontalAdvance(target.placeholderText()) + 120
        self.resize(min(max(760, example), 1300), 420)
        if goal:
            set_combo(area, goal.area)
        # With every field's message shown, at the large text size the fields need more
        # height than a 1366x768 laptop has: they scroll below the summary, which stays.
        self.body = VerticalScroll.of_fields(self.grid, self)
        grow_to_show(self, self.body)
        lay.addWidget(self.body, 1)
        self.summary.field_chosen.connect(self._bring_into_view)
        self.message = save_cancel_footer(self, lay)
        t = self.grid.text
        self._check = None if check is None else (
            lambda: check(t("area"), t("goal"), t("target"), t("review_date")))
        self._watch_fields()
        ensure_accessible_names(self)

    @Slot(QWidget)
    def _bring_into_view(self, field: QWidget) -> None:
        self.body.ensureWidgetVisible(field, 0, 60)

    @Slot()
    def save(self) -> None:
        t = self.grid.text
        ok, result = attempt_save(lambda: self._save(t("area"), t("goal"), t("target"),
                                                     t("review_date")),
                                  self.message, self._problems)
        self._after_save(ok)
        if ok:
            self.saved = result
            self.accept()


class ReviewDialog(QDialog, _ChecksFields):
    """Review one goal. No outcome is chosen for the user: "how did it go" starts blank and
    Save asks for it, so a review is never recorded as "Achieved" by default."""

    def __init__(self, save: Callable[[str, str], object], goal: Goal,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._check = None
        self.goal_id = goal.id
        title = translate("ReviewDialog", "Review goal")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(760, 420)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(title, "pageTitle", self))
        self.summary = ErrorSummary(self)
        lay.addWidget(self.summary)
        self.about = QLabel(translate("ReviewDialog", "{goal}\nTarget: {target}").format(
            goal=goal.goal, target=goal.target), self)
        self.about.setWordWrap(True)
        lay.addWidget(self.about)
        self.grid = FieldGrid(columns=1)
        status = combo([(k, STATUSES[k]) for k in REVIEW_STATUSES],
                       translate("ReviewDialog", "Choose how it went"))
        self.grid.add("status", translate("ReviewDialog", "How did it &go?"), status)
        note = QPlainTextEdit()
        note.setPlaceholderText(translate("ReviewDialog",
                                          "What helped, what got in the way, what next"))
        note.setTabChangesFocus(True)
        self.grid.add("note", translate("ReviewDialog", "&Note"), note)
        lay.addLayout(self.grid)
        self.message = save_cancel_footer(self, lay)
        self._check = lambda: review_problems(self.grid.text("status"), self.grid.text("note"))
        self._watch_fields()
        ensure_accessible_names(self)

    @Slot()
    def save(self) -> None:
        ok, _ = attempt_save(lambda: self._save(self.grid.text("status"), self.grid.text("note")),
                             self.message, self._problems)
        self._after_save(ok)
        if ok:
            self.accept()


class GoalsPanel(QWidget):
    """Signals:
        add_requested(), edit_requested(int), review_requested(int): goal id.
    """

    add_requested = Signal()
    edit_requested = Signal(int)
    review_requested = Signal(int)
    COLUMNS = [QT_TRANSLATE_NOOP("GoalsPanel", "Area"), QT_TRANSLATE_NOOP("GoalsPanel", "Goal"),
               QT_TRANSLATE_NOOP("GoalsPanel", "Target"),
               QT_TRANSLATE_NOOP("GoalsPanel", "Review by"),
               QT_TRANSLATE_NOOP("GoalsPanel", "Status"),
               QT_TRANSLATE_NOOP("GoalsPanel", "Last review")]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("GoalsPanel", "Goals"))
        self.goals: list[Goal] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 10)
        bar = QHBoxLayout()
        intro = QLabel(translate("GoalsPanel",
                                 "Agree goals with the patient at assessment 1; review "
                                 "them at assessment 2. Every review is kept."), self)
        intro.setWordWrap(True)
        intro.setObjectName("secondary")
        bar.addWidget(intro, 1)
        self.add_button = QPushButton(translate("GoalsPanel", "&Add goal…"), self)
        self.edit_button = secondary_button(translate("GoalsPanel", "&Edit…"), translate(
            "GoalsPanel", "Edit goal"), self)
        self.review_button = secondary_button(translate("GoalsPanel", "Re&view…"), translate(
            "GoalsPanel", "Review goal"), self)
        for b in (self.add_button, self.edit_button, self.review_button):
            bar.addWidget(b)
        lay.addLayout(bar)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setAccessibleName(translate("GoalsPanel", "Goals"))
        # Where the shared width is short (large text, a longer language) a heading wraps
        # onto a second line rather than being cut short ("Last / review").
        self.table.setHorizontalHeader(WrappingHeader(self.table))
        self.table.setHorizontalHeaderLabels([translate("GoalsPanel", c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # The short columns fit their words; the goal, target and last review share the rest
        # (a long review note used to take it all and squeeze the goal to a few letters).
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for c in (1, 2, 5):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        # The goals take the room; the history below is as tall as its lines. With a third
        # of the room kept for the history, one goal showed at a time on a 1366x768 laptop.
        lay.addWidget(self.table, 1)
        keep_rows_in_view(self.table, rows=4)
        self.history = QLabel("", self)
        self.history.setWordWrap(True)
        self.history.setAccessibleName(translate("GoalsPanel", "Goal history"))
        lay.addWidget(self.history)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.review_button.clicked.connect(lambda: self._emit(self.review_requested))
        self.table.itemSelectionChanged.connect(self._show_history)
        ensure_accessible_names(self)

    def set_goals(self, goals: list[Goal], select: int | None = None) -> None:
        """Show ``goals``, keeping the selected goal selected (by id, not by row), or
        selecting goal ``select``: after a save the nurse stays on the goal just worked on,
        so the next review cannot land on another goal by accident."""
        current = self.selected()
        keep = select if select is not None else (current.id if current else None)
        self.goals = goals
        self.table.setRowCount(len(goals))
        for r, g in enumerate(goals):
            last = g.last_review
            note = "" if last is None else f"{uk_date(last.reviewed_at)} {last.note}".strip()
            for c, text in enumerate([g.area_label, g.goal, g.target, uk_date(g.review_date),
                                      g.status_label, note]):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        ids = [g.id for g in goals]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif goals:
            self.table.selectRow(0)
        self._show_history()

    def select(self, goal_id: int | None) -> None:
        ids = [g.id for g in self.goals]
        if goal_id in ids:
            self.table.selectRow(ids.index(goal_id))

    def selected(self) -> Goal | None:
        rows = self.table.selectionModel().selectedRows()
        return self.goals[rows[0].row()] if rows else None

    def _emit(self, signal: SignalInstance) -> None:
        goal = self.selected()
        if goal is not None:
            signal.emit(goal.id)

    @Slot()
    def _show_history(self) -> None:
        goal = self.selected()
        self.edit_button.setEnabled(goal is not None)
        self.review_button.setEnabled(goal is not None)
        if goal is None:
            self.history.setText(translate("GoalsPanel", "No goals yet.") if not self.goals else "")
            return
        lines = [translate("GoalsPanel", "History: agreed {date} by {user}.").format(
            date=uk_date(goal.created_at), user=goal.created_by)]
        for rv in goal.reviews:
            lines.append(translate("GoalsPanel", "{date} ({when}, {user}): {status}").format(
                date=uk_date(rv.reviewed_at),
                when=rv.assessment or translate("GoalsPanel", "review"), user=rv.reviewed_by,
                status=STATUSES.get(rv.status, rv.status)) + (f" - {rv.note}" if rv.note else ""))
        self.history.setText("\n".join(lines))
