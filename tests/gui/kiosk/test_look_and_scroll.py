"""The kiosk's look for patients who need it (issue 16, problem 5): the text size and contrast
a patient chose survive a resume, long pages say there is more below, and at the largest
size the top bar and the tick boxes grow and a ticked box shows a tick."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton

from crdesk.gui.kiosk.window import KioskWindow
from crdesk.storage import responses_repo
from tests.gui.kiosk.conftest import KioskClinic, OpenKiosk


def _largest(window: KioskWindow) -> None:
    for _ in range(2):
        QTest.mouseClick(window.top.text_size, Qt.MouseButton.LeftButton)
    assert "largest" in window.top.text_size.text()


def _go(window: KioskWindow, page: str) -> None:
    window.nav.fs.go_to(page)
    window.nav.step_index = 0
    window.show_step()
    QApplication.processEvents()


def _checks(window: KioskWindow) -> list[QCheckBox]:
    assert window.view is not None
    return [c for c in window.view.findChildren(QCheckBox) if c.isVisible()]


def _indicator(box: QCheckBox) -> tuple[int, int, int, int]:
    opt = QStyleOptionButton()
    opt.initFrom(box)
    r = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, box)
    return r.x(), r.y(), r.width(), r.height()


def test_the_kiosk_keeps_text_size_and_contrast_across_resume(
        open_kiosk: OpenKiosk, kiosk_clinic: KioskClinic) -> None:
    window = open_kiosk("A1")
    assert "normal" in window.top.text_size.text() and not window.high_contrast, "a new one"
    _largest(window)
    QTest.mouseClick(window.top.contrast, Qt.MouseButton.LeftButton)
    response = window.response_id
    window.close_released("patient went for a test")
    stored = responses_repo.get_response(kiosk_clinic.session._db, response)
    assert stored is not None
    assert stored.provenance["kiosk_look"] == {"text_size": "largest", "high_contrast": True}
    resumed = open_kiosk("A1")
    assert resumed.response_id == response, "the same questionnaire, resumed"
    assert "largest" in resumed.top.text_size.text() and resumed.high_contrast


def test_a_long_page_says_there_is_more_until_the_bottom(open_kiosk: OpenKiosk) -> None:
    window = open_kiosk("A1")  # the NACR information page: longer than the screen
    screen = window.questions
    bar = screen.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    assert screen.more.isVisible() and "More below" in screen.more.text()
    assert bar.width() >= 20, "a scroll bar a patient can see and drag"
    bar.setValue(bar.maximum())
    assert not screen.more.isVisible(), "gone at the bottom"
    bar.setValue(0)
    assert screen.more.isVisible()
    _go(window, "smoking")  # a short page: nothing below, no cue
    assert window.questions.scroll_area.verticalScrollBar().maximum() == 0
    assert not window.questions.more.isVisible()


def test_the_largest_size_grows_the_top_bar_and_the_tick_boxes_and_ticks_show(
        open_kiosk: OpenKiosk) -> None:
    window = open_kiosk("A1")
    _go(window, "other_illnesses")
    normal_button = window.top.text_size.sizeHint().height()
    normal_font = window.top.text_size.font().pointSize()
    normal_box = _indicator(_checks(window)[0])
    _largest(window)
    _go(window, "other_illnesses")
    assert window.top.text_size.font().pointSize() > normal_font
    assert window.top.text_size.sizeHint().height() > normal_button
    box = _checks(window)[0]
    assert _indicator(box)[2] > normal_box[2] and _indicator(box)[3] > normal_box[3]
    # The words start after the bigger box, not under it.
    label = box.findChild(type(window.top.title), "kioskOptionText")
    assert label is not None
    x, _y, w, _h = _indicator(box)
    assert label.mapTo(box, QPoint(0, 0)).x() >= x + w

    box.setChecked(True)
    x, y, w, h = _indicator(box)
    image = box.grab().toImage()
    # Inside the box's border: the dark fill and the white tick drawn on it.
    inner = [QColor(image.pixel(i, j)) for i in range(x + 4, x + w - 4)
             for j in range(y + 4, y + h - 4)]
    light = sum(c.lightness() > 200 for c in inner)
    dark = sum(c.lightness() < 80 for c in inner)
    assert dark > len(inner) // 4, "the ticked box is filled"
    assert light > len(inner) // 20, "with a tick mark on it, not only a filled square"
    box.setChecked(False)
    image = box.grab().toImage()
    inner = [QColor(image.pixel(i, j)) for i in range(x + 4, x + w - 4)
             for j in range(y + 4, y + h - 4)]
    assert sum(c.lightness() < 80 for c in inner) < len(inner) // 10, "unticked: empty"
