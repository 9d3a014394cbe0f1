"""Message boxes for problems: what happened and what to do, never a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from crdesk.errors import KnownError
from crdesk.gui.i18n import UNTRANSLATED_PROPERTY, translate
from crdesk.gui.operations import UNEXPECTED


def known_error_box(parent: QWidget | None, title: str, exc: KnownError) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, exc.message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName(title)
    box.setAccessibleDescription(f"{exc.message} {exc.hint}".strip())
    if exc.hint:
        box.setInformativeText(translate("Dialogs", "What to do: {hint}").format(hint=exc.hint))
    ok = box.button(QMessageBox.StandardButton.Ok)
    ok.setText(translate("Dialogs", "OK"))
    ok.setAccessibleName(translate("Dialogs", "OK"))
    # The title is the caller's (translated by it); the message and hint come from the
    # services, which are not translated yet.
    box.setProperty(UNTRANSLATED_PROPERTY, True)
    return box


def show_known_error(parent: QWidget | None, title: str, exc: KnownError) -> None:
    known_error_box(parent, title, exc).exec()


def show_unexpected_error(parent: QWidget | None) -> None:
    show_known_error(parent, translate("Dialogs", "Something went wrong"), UNEXPECTED)
