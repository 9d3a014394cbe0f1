"""Drive the kiosk with the keyboard alone, as a patient without a mouse would.

Only key presses reach the kiosk (QTest.keyClick / keyClicks on the focused widget): Tab to
move, arrows inside a group of answers, Space to choose, typing, and Enter for Next. Used by
the keyboard test and by the child process of the kill test.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from crdesk.gui.kiosk.choice_widgets import ChoiceQuestion, MultipleQuestion
from crdesk.gui.kiosk.entry_widgets import MeasurementQuestion, TypedQuestion
from crdesk.gui.kiosk.window import KioskWindow

# How a patient answers each question of Assessment 1: choice index(es) or typed parts.
A1_PLAN: dict[str, object] = {
    "info_acknowledgement": 0,
    "gender": 4,  # "I'd prefer not to say"
    "ethnic_category": 0,
    "marital_status": 2,
    "lives_alone": 1,
    "comorbidities": [17],  # "Other": reveals a text box on the same screen
    "conditions_other": "gout",
    "family_history": 2,  # "I don't know"
    "height": (0, ["5", "8"]),  # feet and inches
    "weight": (0, ["12", "4"]),  # stones and pounds
    "smoking_status": 3,  # current: reveals "how many a day"
    "cigarettes_per_day": "10",
    "vaping": 0,
    "drinks_alcohol": 0,
    "alcohol_units_week": "14",
    "active_days_week": "3",
    "active_minutes_day": "30",
    "reaches_150_minutes": 1,
    "employment_status": 3,
    "takes_medicines": 0,
    "medicine_types": [4],
    "missed_medicines": 0,
}


def focus() -> QWidget | None:
    return QApplication.focusWidget()


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = focus()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, key, modifier)


def tab_until(found: Callable[[QWidget | None], bool], limit: int = 120) -> None:
    for _ in range(limit):
        if found(focus()):
            return
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the control (focus on {focus()!r})")


def choose(question: ChoiceQuestion | MultipleQuestion, index: int) -> None:
    buttons = question.controls()
    tab_until(lambda w: w in buttons)
    here = buttons.index(focus())  # type: ignore[arg-type]
    if isinstance(question, MultipleQuestion):
        # Check boxes are separate Tab stops.
        tab_until(lambda w: w is buttons[index])
    else:
        # A radio group is one Tab stop; the arrow keys move inside it.
        for _ in range(abs(index - here)):
            press(Qt.Key.Key_Down if index > here else Qt.Key.Key_Up)
    assert focus() is buttons[index]
    if not buttons[index].isChecked():  # type: ignore[attr-defined]
        press(Qt.Key.Key_Space)
    assert buttons[index].isChecked()  # type: ignore[attr-defined]


def type_text(box: QWidget, text: str) -> None:
    tab_until(lambda w: w is box)
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(box, text)
    press(Qt.Key.Key_Tab)  # leaving the box sends the answer, as a patient moving on does


def answer(question: QWidget, how: object) -> None:
    if isinstance(question, ChoiceQuestion):
        choose(question, int(how))  # type: ignore[call-overload]
    elif isinstance(question, MultipleQuestion):
        for index in how:  # type: ignore[attr-defined]
            choose(question, index)
    elif isinstance(question, MeasurementQuestion):
        unit, parts = how  # type: ignore[misc]
        choose_unit = question.unit_buttons[unit]
        tab_until(lambda w: w in question.unit_buttons)
        if focus() is not choose_unit:
            press(Qt.Key.Key_Down)
        if not choose_unit.isChecked():
            press(Qt.Key.Key_Space)
        boxes = list(question.rows[question.unit][1].values())
        for box, text in zip(boxes, parts, strict=True):
            type_text(box, text)
    elif isinstance(question, TypedQuestion):
        assert isinstance(question.box, QLineEdit | QPlainTextEdit)
        type_text(question.box, str(how))


def answer_screen(window: KioskWindow, plan: dict[str, object],
                  on_answer: Callable[[str], None] | None = None) -> None:
    """Answer every question on the current screen, follow-ups included, then press Enter."""
    assert window.view is not None
    done: set[str] = set()
    while True:
        view = window.view
        todo = [q for q, w in view.widgets.items() if w.item.answerable and q not in done]
        if not todo:
            break
        qid = todo[0]
        done.add(qid)
        answer(view.widgets[qid], plan.get(qid, 0))
        if on_answer is not None:
            on_answer(qid)
    if isinstance(focus(), QPushButton):
        # Enter would press the focused button (Back, say): go to Next and press Space.
        tab_until(lambda w: w is window.bottom.next)
        press(Qt.Key.Key_Space)
    else:
        press(Qt.Key.Key_Return)  # Enter anywhere in a question means Next
