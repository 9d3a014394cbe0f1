"""Answer buttons whose words wrap: Qt's radio buttons and check boxes never wrap their text,
so a long answer (or any answer at the largest text size, or in the pseudo-locale) would be
cut off. These keep the real QRadioButton / QCheckBox, so screen readers still hear "radio
button, checked", and lay a word-wrapped label (and an optional picture) inside them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crdesk.gui.kiosk.accessibility import TARGET_PX, indicator_px

INDICATOR_ROOM = 52  # room on the left for the (24 px) indicator and the spacing after it


def indicator_room(point_size: int) -> int:
    """The room for the indicator at a text size: it grows with the text (accessibility)."""
    return INDICATOR_ROOM + indicator_px(point_size) - indicator_px(0)
PICTURE_SIZE = QSize(200, 110)


class _WrapMixin:
    """Size from the inner layout (height for width) rather than the one-line text."""

    _content: QWidget

    def _build(self: QAbstractButton, text: str, picture: QWidget | None) -> QLabel:  # type: ignore[misc]
        lay = QHBoxLayout(self)
        lay.setContentsMargins(INDICATOR_ROOM, 10, 12, 10)
        lay.setSpacing(14)
        if picture is not None:
            picture.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            lay.addWidget(picture, 0, Qt.AlignmentFlag.AlignVCenter)
        label = QLabel(text, self)
        label.setObjectName("kioskOptionText")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        # Clicks on the words reach the button, which is what a patient expects.
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        label.setAccessibleName(text)
        lay.addWidget(label, 1)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(text)
        return label

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        lay = self.layout()  # type: ignore[attr-defined]
        return max(TARGET_PX, lay.totalHeightForWidth(width)) if lay else TARGET_PX

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        lay = self.layout()  # type: ignore[attr-defined]
        width = lay.totalSizeHint().width() if lay else 300
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(INDICATOR_ROOM + 120, TARGET_PX)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                            QEvent.Type.LayoutRequest):
            lay = self.layout()  # type: ignore[attr-defined]
            room = indicator_room(self.font().pointSize())  # type: ignore[attr-defined]
            if lay is not None and lay.contentsMargins().left() != room:
                lay.setContentsMargins(room, 10, 12, 10)
            self.updateGeometry()  # type: ignore[attr-defined]
        return super().event(event)  # type: ignore[misc]


class WrappedRadio(_WrapMixin, QRadioButton):
    def __init__(self, text: str, parent: QWidget | None = None,
                 picture: QWidget | None = None) -> None:
        QRadioButton.__init__(self, parent)
        self.text_label = self._build(text, picture)


class WrappedCheck(_WrapMixin, QCheckBox):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        QCheckBox.__init__(self, parent)
        self.text_label = self._build(text, None)


def picture_widget(path: Path | None, missing_text: str, parent: QWidget) -> QWidget:
    """The answer's picture, or a clearly labelled box when the licensed picture is absent."""
    frame = QFrame(parent)
    frame.setObjectName("kioskPicture")
    # Fixed width, free height: the "not installed" words wrap at any text size.
    frame.setFixedWidth(PICTURE_SIZE.width())
    frame.setMinimumHeight(PICTURE_SIZE.height())
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(6, 6, 6, 6)
    label = QLabel(frame)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    pixmap = QPixmap(str(path)) if path is not None else QPixmap()
    if pixmap.isNull():
        label.setText(missing_text)
        label.setObjectName("kioskPictureMissing")
        frame.setAccessibleName(missing_text)
    else:
        label.setPixmap(pixmap.scaled(PICTURE_SIZE - QSize(12, 12),
                                      Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation))
    lay.addWidget(label)
    return frame
