"""Assessment 1 from start to finish with the keyboard alone, checking every screen."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from crdesk.gui.kiosk.window import KioskWindow
from crdesk.storage import responses_repo
from tests.kiosk_helpers.driver import A1_PLAN, answer_screen
from tools.screenshots.layout_check import all_problems, interactive

from .conftest import KioskClinic, OpenKiosk


def accessible_tree_names(root: QWidget) -> list[str]:
    """Every name in the accessibility tree under ``root``, as a screen reader would find it."""
    names: list[str] = []
    stack = [QAccessible.queryAccessibleInterface(root)]
    while stack:
        iface = stack.pop()
        if iface is None or not iface.isValid():
            continue
        if not iface.state().invisible:
            names.append(iface.text(QAccessible.Text.Name))
        stack.extend(iface.child(i) for i in range(iface.childCount()))
    return names


def check_screen(window: KioskWindow) -> None:
    QApplication.processEvents()  # let pending layout requests run, as the event loop would
    screen = window.screens.currentWidget()
    problems = all_problems(screen) + all_problems(window.top)
    assert not problems, "\n".join(problems)
    for w in interactive(screen):
        iface = QAccessible.queryAccessibleInterface(w)
        assert iface is not None and iface.text(QAccessible.Text.Name).strip(), w


def test_assessment_1_with_the_keyboard_alone(qtbot: QtBot, open_kiosk: OpenKiosk,
                                              kiosk_clinic: KioskClinic) -> None:
    window = open_kiosk("A1")
    assert window.nav.page.id == "information", "NACR patient information comes first at A1"
    seen_pages: list[str] = []
    screens = 0
    while window.screens.currentWidget() is window.questions:
        assert window.view is not None
        assert QApplication.focusWidget() is window.view.heading, "focus starts on the heading"
        check_screen(window)
        seen_pages.append(window.nav.page.id)
        before = (window.nav.page.id, window.nav.step_index)
        answer_screen(window, A1_PLAN)
        if window.screens.currentWidget() is window.questions:
            after = (window.nav.page.id, window.nav.step_index)
            assert after != before, window.view.summary_text.text()
        screens += 1
        assert screens < 80
    assert window._current_name() == "end"
    check_screen(window)
    assert "hand the laptop back" in window.screens.currentWidget().body.text()
    assert seen_pages[0] == "information" and "medicines" in seen_pages
    stored = responses_repo.answers(kiosk_clinic.session._db, window.response_id)
    assert stored["info_acknowledgement"] == "read"
    assert stored["gender"] == {"special": "prefer_not_to_say"}
    assert stored["comorbidities"] == ["other"] and stored["conditions_other"] == "gout"
    assert stored["height"]["entered"] == {"unit": "ft_in", "ft": 5, "in": 8}
    assert stored["weight"]["entered"] == {"unit": "st_lb", "st": 12, "lb": 4}
    assert stored["cigarettes_per_day"] == 10 and stored["active_minutes_day"] == 30
    record = responses_repo.get_response(kiosk_clinic.session._db, window.response_id)
    assert record is not None and record.status == "complete"


def test_hidden_questions_leave_the_accessibility_tree(qtbot: QtBot,
                                                       open_kiosk: OpenKiosk) -> None:
    window = open_kiosk("A2")  # A2 starts on the illnesses page: no information page
    assert window.nav.page.id == "other_illnesses"
    view = window.view
    assert view is not None
    other_label = view.fs.text("nacr.conditions_other.label").text
    assert other_label not in accessible_tree_names(window)
    answer_screen_without_next(window, {"comorbidities": [17]})
    assert "conditions_other" in window.view.widgets  # type: ignore[union-attr]
    assert other_label in accessible_tree_names(window)
    answer_screen_without_next(window, {"comorbidities": [17]})  # untick "Other" again
    assert "conditions_other" not in window.view.widgets  # type: ignore[union-attr]
    assert other_label not in accessible_tree_names(window)
    assert not [w for w in window.findChildren(QWidget) if w.objectName()
                == "question_conditions_other"], "the hidden question's widget is deleted"


def answer_screen_without_next(window: KioskWindow, plan: dict[str, object]) -> None:
    from PySide6.QtCore import Qt

    from tests.kiosk_helpers.driver import answer, press, tab_until

    assert window.view is not None
    question = window.view.widgets["comorbidities"]
    box = question.controls()[17]
    tab_until(lambda w: w is box)
    press(Qt.Key.Key_Space)
    del answer, plan
