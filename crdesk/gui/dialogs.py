"""Message boxes for problems: what happened and what to do, never a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from crdesk.errors import KnownError
from crdesk.gui.operations import UNEXPECTED


def known_error_box(parent: QWidget | None, title: str, exc: KnownError) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, exc.message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName(title)
    box.setAccessibleDescription(f"{exc.message} {exc.hint}".strip())
    if exc.hint:
        box.setInformativeText(f"What to do: {exc.hint}")
    box.button(QMessageBox.StandardButton.Ok).setAccessibleName("OK")
    return box


def show_known_error(parent: QWidget | None, title: str, exc: KnownError) -> None:
    known_error_box(parent, title, exc).exec()


def show_unexpected_error(parent: QWidget | None) -> None:
    show_known_error(parent, "Something went wrong", UNEXPECTED)
