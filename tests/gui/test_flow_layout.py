"""The wrapping row (crdesk/gui/flow_layout.py): it asks only for its widest item, puts the
rest on further rows when narrow, never overlaps its items, and asks for the height its
rows take, so a window of such rows keeps the screen's width at the large text size."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QSizePolicy, QWidget

from crdesk.gui.flow_layout import FlowLayout


def _row(qapp: QApplication, count: int = 5) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
    host = QWidget()
    flow = FlowLayout(host, spacing=8)
    buttons = [QPushButton(f"A button with a long label {n}", host) for n in range(count)]
    for b in buttons:
        flow.addWidget(b)
    return host, flow, buttons


def test_narrow_rows_wrap_without_overlap_and_ask_for_their_height(qapp: QApplication) -> None:
    host, flow, buttons = _row(qapp)
    one_row = flow.sizeHint().width()
    widest = max(b.sizeHint().width() for b in buttons)
    assert flow.minimumSize().width() == widest < one_row
    host.resize(one_row, flow.heightForWidth(one_row))
    host.show()
    qapp.processEvents()
    assert len({b.y() for b in buttons}) == 1, "wide enough: one row"
    narrow = widest + 20
    host.resize(narrow, flow.heightForWidth(narrow))
    qapp.processEvents()
    rows = sorted({b.y() for b in buttons})
    assert len(rows) == len(buttons), "only one button fits each row"
    assert flow.heightForWidth(narrow) >= rows[-1] + buttons[-1].height()
    assert flow.minimumSize().height() >= rows[-1] + buttons[-1].height()  # asked of parents
    for a in buttons:
        assert a.geometry().right() < narrow
        for b in buttons:
            assert a is b or not a.geometry().intersects(b.geometry())
    host.close()


def test_an_expanding_item_takes_what_is_left_of_its_row(qapp: QApplication) -> None:
    host = QWidget()
    flow = FlowLayout(host)
    box = QComboBox(host)
    box.addItem("A choice")
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button = QPushButton("Show", host)
    flow.addWidget(box)
    flow.addWidget(button)
    host.resize(800, flow.heightForWidth(800))
    host.show()
    qapp.processEvents()
    assert button.geometry().right() == 799 and box.width() > box.sizeHint().width()
    host.close()
