"""Automatic checks of what a patient sees: target sizes, clipped text, accessible names.

Used by the tests on every screen and by the screenshot run, which prints any problem next to
the PNG it found it in. Only what is actually shown counts (visible, inside the window).
"""

from __future__ import annotations

import re

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crdesk.gui.kiosk.accessibility import TARGET_PX

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit)


def shown_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisibleTo(root) and w.isVisible()]


def interactive(root: QWidget) -> list[QWidget]:
    return [w for w in shown_widgets(root) if isinstance(w, INTERACTIVE)
            or (isinstance(w, QLabel) and w.focusPolicy() != Qt.FocusPolicy.NoFocus)]


def _name(w: QWidget) -> str:
    return f"{type(w).__name__}({w.objectName() or w.accessibleName()[:40]!r})"


def size_problems(root: QWidget) -> list[str]:
    found = []
    for w in interactive(root):
        if isinstance(w, QLabel):
            continue  # focusable headings: their size is their text's
        if w.width() < TARGET_PX or w.height() < TARGET_PX:
            found.append(f"{_name(w)} is {w.width()}x{w.height()} px, under {TARGET_PX}")
    return found


def _text_width(label: QLabel) -> int:
    """The width the label's text needs on one line (rich text measured as laid out)."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text))
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        return int(doc.idealWidth() + 0.5)
    if label.buddy() is not None:  # "&Find:" draws as "Find:" with F underlined
        text = re.sub(r"&(.)", r"\1", text)
    return max(label.fontMetrics().horizontalAdvance(line) for line in text.splitlines() or [""])


def text_problems(root: QWidget) -> list[str]:
    """Labels whose text does not fit the space they were given."""
    found = []
    for label in shown_widgets(root):
        if not isinstance(label, QLabel) or not label.text() or label.pixmap().width() > 0:
            continue
        rect = label.contentsRect()
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                found.append(f"{_name(label)} needs {needed} px of height, has "
                             f"{label.height()}")
        else:
            widest = _text_width(label)
            if widest > rect.width() + 1:
                found.append(f"{_name(label)} needs {widest} px of width, has {rect.width()}")
        parent = label.parentWidget()
        if parent is not None and label is not root \
                and not parent.rect().contains(label.geometry()):
            # Laid out taller than its box gave it room for: Qt cuts it at the box's edge
            # (a grid that measured wrapped words at another width; issue 16).
            found.append(f"{_name(label)} is cut off by the box it is in")
        right = label.mapTo(root.window(), label.rect().topRight()).x()
        if right > root.window().width() + 1:
            found.append(f"{_name(label)} runs off the window")
    for w in interactive(root):
        if isinstance(w, QAbstractButton) and not isinstance(w, QLabel) and w.text():
            widest = w.fontMetrics().horizontalAdvance(w.text())
            if widest > w.contentsRect().width() + 1:
                found.append(f"{_name(w)} text needs {widest} px, has {w.contentsRect().width()}")
    return found


def accessibility_problems(root: QWidget) -> list[str]:
    found = []
    for w in interactive(root):
        if not w.accessibleName().strip():
            found.append(f"{_name(w)} has no accessible name")
        if not w.accessibleDescription().strip():
            found.append(f"{_name(w)} has no accessible description")
    return found


def all_problems(root: QWidget) -> list[str]:
    return size_problems(root) + text_problems(root) + accessibility_problems(root)
