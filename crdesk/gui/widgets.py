"""Small shared widgets: headings, plain-words messages and field-level errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from crdesk.gui import style
from crdesk.gui.i18n import UNTRANSLATED_PROPERTY, translate

# The login screen's first frame imports this module: the Qt classes only the dialogs and
# tables need (QStyle alone costs ~15 ms to load) are imported where they are used.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLineEdit, QVBoxLayout

    from crdesk.errors import KnownError


# Enum values set through the Qt property system (QMetaProperty converts the int), because the
# first use of PySide6's ``Qt`` namespace costs ~15-60 ms and these helpers build the login
# screen's first frame (issue 15). Values are Qt::TextFormat and Qt::TextInteractionFlag.
PLAIN_TEXT, RICH_TEXT = 0, 1
SELECTABLE_BY_MOUSE = 1


def set_text_format(label: QLabel, text_format: int) -> None:
    label.setProperty("textFormat", text_format)


def set_selectable(label: QLabel) -> None:
    label.setProperty("textInteractionFlags", SELECTABLE_BY_MOUSE)


def heading(text: str, name: str = "pageTitle", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def paragraph(text: str, parent: QWidget | None = None, secondary: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    set_text_format(label, PLAIN_TEXT)
    label.setAccessibleName(text)
    if secondary:
        label.setObjectName("secondary")
    return label


def secondary_button(text: str, accessible_name: str, parent: QWidget | None = None
                     ) -> QPushButton:
    button = QPushButton(text, parent)
    button.setProperty("secondary", True)
    button.setAccessibleName(accessible_name)
    return button


class MessageLabel(QLabel):
    """A message in plain words under a field or form: what happened, then what to do."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorText")
        self.setWordWrap(True)
        set_text_format(self, RICH_TEXT)
        self.setAccessibleName(accessible_name)
        set_selectable(self)
        self.hide()

    def show_error(self, message: str, hint: str = "", *, from_service: bool = False) -> None:
        """The message in bold red, then the hint in ordinary text.

        ``from_service``: the words come from crdesk/services or core (KnownError, field
        problems, engine validation), which are not translated yet; the en-XA check skips them.
        """
        from html import escape  # not at import: html.entities is large, and this module
        # is on the first frame's path (issue 15)

        self.setObjectName("errorText")
        self.setProperty(UNTRANSLATED_PROPERTY, from_service)
        html = f"<b>{escape(message)}</b>"
        if hint:
            html += (f"<br><span style='color:{style.TEXT}; font-weight:normal'>"
                     f"{escape(hint)}</span>")
        self._set(html, f"{message} {hint}".strip())

    def show_known(self, exc: KnownError) -> None:
        self.show_error(exc.message, exc.hint, from_service=True)

    def show_ok(self, text: str) -> None:
        from html import escape

        self.setObjectName("okText")
        self.setProperty(UNTRANSLATED_PROPERTY, False)
        self._set(escape(text), text)

    def clear_message(self) -> None:
        self.setText("")
        self.setAccessibleDescription("")
        self.hide()

    def plain_text(self) -> str:
        return self.accessibleDescription()

    def _set(self, html: str, plain: str) -> None:
        self.setText(html)
        # Screen readers announce the description of the focused field's error label.
        self.setAccessibleDescription(plain)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setVisible(bool(plain))


def mark_invalid(field: QLineEdit, invalid: bool) -> None:
    """Red border on a field with a problem (the message itself goes in a MessageLabel)."""
    if bool(field.property("invalid")) == invalid:
        return
    field.setProperty("invalid", invalid)
    field.style().unpolish(field)
    field.style().polish(field)


def save_cancel_footer(dialog: QDialog, layout: QVBoxLayout) -> MessageLabel:
    """A dialog's message line and Save/Cancel buttons; Save calls ``dialog.save()``."""
    from PySide6.QtWidgets import QDialogButtonBox

    message = MessageLabel(translate("Widgets", "Save result"), dialog)
    layout.addWidget(message)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    name_buttons(buttons)
    # One primary action: Save is the blue button, Cancel looks secondary.
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setProperty("secondary", True)
    cancel.setAutoDefault(False)
    # The button box has already polished its buttons: re-polish for the new look.
    cancel.style().unpolish(cancel)
    cancel.style().polish(cancel)
    buttons.accepted.connect(dialog.save)  # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return message


def name_buttons(buttons: QDialogButtonBox) -> None:
    """Our own words on a button box's standard buttons (Qt's come from its own catalogues)."""
    from PySide6.QtWidgets import QDialogButtonBox

    words = {QDialogButtonBox.StandardButton.Save: translate("Widgets", "&Save"),
             QDialogButtonBox.StandardButton.Cancel: translate("Widgets", "Cancel"),
             QDialogButtonBox.StandardButton.Ok: translate("Widgets", "OK"),
             QDialogButtonBox.StandardButton.Close: translate("Widgets", "Close")}
    for which, text in words.items():
        button = buttons.button(which)
        if button is not None:
            button.setText(text)


def header_width(header: QHeaderView, section: int, *, one_line: bool = False) -> int:
    """The width a column needs to show its heading whole (bold, padding, sort arrow), so
    that longer words in another language widen the column instead of being cut short. A
    WrappingHeader's heading may take two lines unless ``one_line``."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle, QStyleOptionHeader

    model = header.model()
    text = model.headerData(section, header.orientation()) if model is not None else None
    if not isinstance(text, str):
        return 0
    # As QHeaderView.sectionSizeFromContents measures it (style sheet padding included),
    # plus room for the sort arrow.
    def measure(shown: str) -> int:
        opt = QStyleOptionHeader()
        opt.initFrom(header)
        opt.section = section
        opt.text = shown
        opt.fontMetrics = QFontMetrics(header.font())
        return header.style().sizeFromContents(QStyle.ContentsType.CT_HeaderSection, opt,
                                               QSize(), header).width() + 24

    from crdesk.gui.wrapping_header import WrappingHeader

    if one_line or not isinstance(header, WrappingHeader):
        return measure(text)
    # Two lines, broken at the space that makes the longer line shortest.
    return min(measure(option) for option in WrappingHeader.two_lines(text))
