"""The frame around every kiosk page: the top bar (title, progress, text size, contrast,
language) and the question screen with its Back and Next bar.

The top bar grows less than the page (18, 20 and 22 pt: accessibility.TOP_BAR_PT): it must
fit across a 1366 px screen at the largest size, and 18 pt is already the floor.

A page taller than the screen scrolls, with a wide scroll bar and a "More below" cue at the
bottom of the page area that goes when the patient reaches the end, so nobody takes the
first screenful for the whole page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crdesk.gui.kiosk.words import KioskWords, kiosk_locales


def _button(parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


class TopBar(QFrame):
    def __init__(self, words: KioskWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskTopBar")
        self.words = words
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 8, 24, 8)
        outer.setSpacing(6)
        first = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("kioskTitle")
        self.title.setWordWrap(True)
        self.progress_text = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(180)
        first.addWidget(self.title, 1)
        first.addWidget(self.progress_text)
        first.addWidget(self.progress)
        second = QHBoxLayout()
        second.setSpacing(12)
        self.text_size = _button(self)
        self.contrast = _button(self)
        self.contrast.setCheckable(True)
        self.language = QComboBox(self)
        second.addWidget(self.text_size)
        second.addWidget(self.contrast)
        second.addWidget(self.language)
        second.addStretch(1)
        outer.addLayout(first)
        outer.addLayout(second)
        self._size_name = ""
        self.retranslate(words)

    def retranslate(self, words: KioskWords) -> None:
        self.words = words
        self.title.setText(words("window.title"))
        self.title.setAccessibleName(words("window.title"))
        self.progress.setAccessibleName(words("page.progress.name"))
        self.text_size.setAccessibleName(words("a11y.text_size.name"))
        self.contrast.setAccessibleName(words("a11y.contrast.name"))
        self.contrast.setAccessibleDescription(words("a11y.contrast.description"))
        self.language.setAccessibleName(words("a11y.language.name"))
        self.language.setAccessibleDescription(words("a11y.language.description"))
        for i in range(self.language.count()):
            self.language.setItemText(i, words.language_name(str(self.language.itemData(i))))

    def set_locales(self, form_locales: tuple[str, ...], current: str) -> None:
        self.language.clear()
        for locale in kiosk_locales(form_locales):
            self.language.addItem(self.words.language_name(locale), locale)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        # Only worth a control when there is a choice.
        self.language.setVisible(self.language.count() > 1)

    def show_look(self, size_name: str, high_contrast: bool) -> None:
        w = self.words
        self.text_size.setText(w("a11y.text_size", size=size_name))
        self.text_size.setAccessibleDescription(w("a11y.text_size.description", size=size_name))
        self.contrast.setChecked(high_contrast)
        self.contrast.setText(w("a11y.contrast.on" if high_contrast else "a11y.contrast.off"))

    def set_progress(self, n: int, total: int, done: float) -> None:
        text = self.words("page.progress", n=n, total=total)
        self.progress_text.setText(text)
        self.progress_text.setAccessibleName(text)
        percent = round(max(done, (n - 1) / total) * 100)
        self.progress.setValue(percent)
        self.progress.setAccessibleDescription(
            self.words("page.progress.description", percent=percent))

    def show_progress(self, shown: bool) -> None:
        self.progress_text.setVisible(shown)
        self.progress.setVisible(shown)

    def controls(self) -> list[QWidget]:
        chain: list[QWidget] = [self.text_size, self.contrast]
        if self.language.isVisibleTo(self):
            chain.append(self.language)
        return chain


class BottomBar(QFrame):
    def __init__(self, words: KioskWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskBottomBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(24, 10, 24, 10)
        lay.setSpacing(16)
        self.back = _button(self)
        self.back.setProperty("secondary", True)
        self.saved = QLabel(self)
        self.saved.setWordWrap(True)
        self.saved.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next = _button(self)
        self.next.setObjectName("kioskNext")  # the main way on: green, as on NHS/GOV.UK forms
        lay.addWidget(self.back)
        lay.addWidget(self.saved, 1)
        lay.addWidget(self.next)
        self._last = False
        self.retranslate(words)

    def retranslate(self, words: KioskWords) -> None:
        self.words = words
        self.back.setText(words("nav.back"))
        self.back.setAccessibleName(words("nav.back"))
        self.back.setAccessibleDescription(words("nav.back.description"))
        self.saved.setText(words("saved.note"))
        self.saved.setAccessibleName(words("saved.note"))
        self.set_state(first=not self.back.isEnabled(), last=self._last)

    def set_state(self, *, first: bool, last: bool) -> None:
        self._last = last
        self.back.setEnabled(not first)
        key = "nav.finish" if last else "nav.next"
        self.next.setText(self.words(key))
        self.next.setAccessibleName(self.words(key))
        self.next.setAccessibleDescription(self.words(f"{key}.description"))


class QuestionScreen(QWidget):
    """The current step in a scroll area (large text can outgrow the screen), and the bar."""

    def __init__(self, words: KioskWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setAccessibleName(words("window.title"))
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # Over the page, at the bottom of what shows; it takes no room from the page.
        self.more = QLabel(self.scroll_area)
        self.more.setObjectName("kioskMore")
        self.more.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.more.hide()
        bar = self.scroll_area.verticalScrollBar()
        bar.valueChanged.connect(self._update_more)
        bar.rangeChanged.connect(self._update_more)
        self.scroll_area.installEventFilter(self)
        self.bottom = BottomBar(words, self)
        lay.addWidget(self.scroll_area, 1)
        lay.addWidget(self.bottom)
        self.retranslate(words)

    def retranslate(self, words: KioskWords) -> None:
        self.more.setText(words("scroll.more"))
        self.more.setAccessibleName(words("scroll.more"))
        self.more.setAccessibleDescription(words("scroll.more.description"))
        self._update_more()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.scroll_area and event.type() == QEvent.Type.Resize:
            self._update_more()
        return super().eventFilter(watched, event)

    def more_below(self) -> bool:
        """Whether some of the page is below what shows."""
        bar = self.scroll_area.verticalScrollBar()
        return bar.maximum() > 0 and bar.value() < bar.maximum()

    def _update_more(self, *_: object) -> None:
        shown = self.more_below()
        if shown:
            self.more.adjustSize()
            view = self.scroll_area.viewport().geometry()
            self.more.move(view.x() + (view.width() - self.more.width()) // 2,
                           view.bottom() - self.more.height() - 8)
            self.more.raise_()
        self.more.setVisible(shown)

    def set_page(self, page: QWidget) -> None:
        old = self.scroll_area.takeWidget()
        self.scroll_area.setWidget(page)
        if old is not None and old is not page:
            old.hide()

    def scroll_to_top(self) -> None:
        self.scroll_area.verticalScrollBar().setValue(0)
