"""Give every control a screen-reader name taken from what it shows.

Widgets built from data (form labels, option check boxes, buttons) are named from their own
words; a field is named from its buddy label. Names set explicitly are kept.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from crdesk.gui.i18n import translate


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def ensure_accessible_names(root: QWidget) -> None:
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and not buddy.accessibleName() and label.text():
            buddy.setAccessibleName(_plain(label.text()))
        if not label.accessibleName() and label.text():
            label.setAccessibleName(_plain(label.text()))
    for button in root.findChildren(QAbstractButton):
        if not button.accessibleName():
            # A text field's own clear button has no text: say what it does.
            clear = (translate("Accessible", "Clear the text") if isinstance(button.parent(),
                                                                             QLineEdit)
                     else translate("Accessible", "Button"))
            button.setAccessibleName(_plain(button.text()) or button.toolTip() or clear)
    for edit in root.findChildren(QLineEdit):
        if not edit.accessibleName():
            edit.setAccessibleName(edit.placeholderText() or edit.objectName()
                                   or translate("Accessible", "Text field"))
    for box in root.findChildren(QComboBox):
        # The drop-down list is a view of its own, made on first use: name it now.
        if not box.view().accessibleName():
            box.view().setAccessibleName(translate("Accessible", "{name}: options").format(
                name=box.accessibleName() or translate("Accessible", "Choices")))
    for view in root.findChildren(QAbstractItemView):
        if not view.accessibleName() and not view.objectName().startswith("qt_"):
            view.setAccessibleName(view.objectName() or translate("Accessible", "List"))
