"""A test's closed windows do not outlive it (tests/gui/conftest.py delete_left_over_windows):
otherwise the next test inherits a hidden dialog as the active window, with its focus
widget, and its keyboard input goes there."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import delete_left_over_windows


def test_a_closed_dialog_does_not_stay_the_active_window(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    qtbot.waitExposed(parent)
    dialog = QDialog(parent)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    # Opened and saved at once, as the record tests do: the platform's "activate" for the
    # dialog is still queued when it closes, and arrives after.
    dialog.open()
    dialog.accept()
    # What qtbot does at the end of a test: close, deleteLater, process events.
    parent.close()
    parent.deleteLater()
    QApplication.processEvents()
    assert not dialog.isVisible()
    assert QApplication.activeWindow() is dialog, "the leak this guards against is gone?"
    assert QApplication.focusWidget() is field
    delete_left_over_windows()
    assert not shiboken6.isValid(dialog) and not shiboken6.isValid(parent)
    assert QApplication.activeWindow() is None and QApplication.focusWidget() is None
