"""How the kiosk looks: large text by default, three text sizes, and a high-contrast theme.

Patients are often older and some have poor eyesight, so the smallest size is 18 pt (well
above the staff screens' 12 pt) and every control is at least ``TARGET_PX`` square, the
WCAG 2.2 "target size (enhanced)" figure. The theme is one style sheet on the kiosk window,
so switching size or contrast re-lays-out every page at once and never touches the staff
screens behind it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from crdesk.gui import style

TARGET_PX = 44  # minimum width and height of anything a patient can press
TEXT_SIZES: tuple[tuple[str, int], ...] = (("normal", 18), ("large", 22), ("largest", 28))


@dataclass(frozen=True)
class Palette:
    page: str
    text: str
    secondary: str
    bar: str
    bar_text: str
    button: str
    button_text: str
    border: str
    chosen: str
    error: str
    focus_bg: str
    focus_text: str
    field: str
    # Answer rows keep their text colour when focused (Qt style sheets cannot restyle the
    # words inside a focused row), so the focus background must suit that colour.
    option_focus: str
    focus_border: str
    next_bg: str
    next_text: str


NORMAL = Palette(page="white", text=style.TEXT, secondary=style.SECONDARY_TEXT,
                 bar=style.NHS_BLUE, bar_text="white", button=style.NHS_BLUE,
                 button_text="white", border=style.SECONDARY_TEXT, chosen="#E8F1F8",
                 error=style.ERROR_RED, focus_bg=style.FOCUS_YELLOW, focus_text=style.TEXT,
                 field="white", option_focus=style.FOCUS_YELLOW, focus_border=style.TEXT,
                 next_bg="#007F3B", next_text="white")
# White and yellow on black: the combination most high-contrast themes (and the NHS
# accessibility guidance) use; errors stay distinguishable by a thick border, not colour alone.
HIGH_CONTRAST = Palette(page="black", text="white", secondary="white", bar="black",
                        bar_text="white", button="black", button_text="#FFFF00",
                        border="#FFFF00", chosen="#1A1A66", error="#FF8080",
                        focus_bg="#FFFF00", focus_text="black", field="black",
                        option_focus="#333333", focus_border="#FFFF00",
                        next_bg="#FFFF00", next_text="black")


def kiosk_palette(high_contrast: bool) -> QPalette:
    palette = QApplication.palette()
    if not high_contrast:
        return palette
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "black"), (roles.WindowText, "white"),
                         (roles.Base, "black"), (roles.Text, "white"),
                         (roles.Button, "black"), (roles.ButtonText, "#FFFF00"),
                         (roles.Highlight, "#FFFF00"), (roles.HighlightedText, "black"),
                         (roles.Light, "white"), (roles.Dark, "#FFFF00"), (roles.Mid, "white")):
        palette.setColor(role, QColor(colour))
    return palette


def kiosk_stylesheet(point_size: int, high_contrast: bool) -> str:
    p = HIGH_CONTRAST if high_contrast else NORMAL
    t = TARGET_PX
    big = point_size + 8
    return f"""
* {{ font-size: {point_size}pt; color: {p.text}; }}
QWidget#kiosk, QWidget#kioskPage, QScrollArea, QScrollArea > QWidget > QWidget {{
    background: {p.page}; }}
QFrame#kioskTopBar, QFrame#kioskBottomBar {{ background: {p.bar}; border: 2px solid {p.bar}; }}
QFrame#kioskTopBar QLabel, QFrame#kioskBottomBar QLabel {{ color: {p.bar_text}; }}
QFrame#kioskTopBar, QFrame#kioskTopBar * {{ font-size: 18pt; }}
QLabel#kioskTitle {{ font-weight: bold; }}
QLabel#kioskHeading {{ font-size: {big}pt; font-weight: bold; padding: 4px; }}
QLabel#kioskHeading:focus {{ background: {p.focus_bg}; color: {p.focus_text}; }}
QLabel#kioskSection, QLabel#kioskHelp {{ color: {p.secondary}; }}
QLabel#kioskQuestion {{ font-weight: bold; font-size: {point_size + 2}pt; }}
QLabel#kioskInfoTitle {{ font-weight: bold; }}
QLabel#kioskGroup {{ font-weight: bold; color: {p.secondary}; padding-top: 8px; }}
QLabel#kioskError {{ color: {p.error}; font-weight: bold; border-left: 6px solid {p.error};
    padding-left: 10px; }}
QFrame#kioskErrorSummary {{ border: 4px solid {p.error}; background: {p.page}; }}
QLabel#kioskPlaceholder {{ border: 3px dashed {p.border}; padding: 8px; color: {p.text};
    font-style: italic; }}
QRadioButton, QCheckBox {{ background: {p.field}; border: 2px solid {p.border};
    border-radius: 6px; spacing: 14px; padding: 6px 10px; min-height: {t}px; }}
QRadioButton:checked, QCheckBox:checked {{ background: {p.chosen}; border: 4px solid {p.text}; }}
QRadioButton:focus, QCheckBox:focus {{ background: {p.option_focus}; border: 5px solid
    {p.focus_border}; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: 24px; height: 24px;
    border: 3px solid {p.text}; background: {p.field}; }}
QRadioButton::indicator {{ border-radius: 15px; }}
QRadioButton::indicator:checked {{ background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5,
    fx: 0.5, fy: 0.5, stop: 0 {p.text}, stop: 0.55 {p.text}, stop: 0.65 {p.field},
    stop: 1 {p.field}); }}
QCheckBox::indicator {{ border-radius: 3px; }}
QCheckBox::indicator:checked {{ background: {p.text}; border: 3px solid {p.text}; }}
QPushButton {{ background: {p.button}; color: {p.button_text}; border: 3px solid {p.border};
    border-radius: 6px; padding: 8px 22px; font-weight: bold; min-height: {t}px;
    min-width: {t}px; }}
QPushButton[secondary="true"] {{ background: {p.field}; color: {p.text}; }}
QFrame#kioskTopBar QPushButton, QFrame#kioskBottomBar QPushButton {{
    border: 3px solid {p.bar_text}; }}
QPushButton:focus, QFrame#kioskTopBar QPushButton:focus,
QFrame#kioskBottomBar QPushButton:focus {{ background: {p.focus_bg}; color: {p.focus_text};
    border: 4px solid {p.focus_text}; }}
QPushButton#kioskNext {{ background: {p.next_bg}; color: {p.next_text}; }}
QPushButton:disabled {{ background: {p.field}; color: {p.secondary}; border-style: dashed; }}
QLineEdit, QPlainTextEdit, QComboBox {{ background: {p.field}; color: {p.text};
    border: 3px solid {p.border}; border-radius: 4px; padding: 6px 10px; min-height: {t}px; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus {{ border: 4px solid {p.text};
    background: {'black' if high_contrast else '#FFFDE7'}; }}
QLineEdit[invalid="true"] {{ border: 4px solid {p.error}; }}
QComboBox QAbstractItemView {{ background: {p.field}; color: {p.text};
    selection-background-color: {p.focus_bg}; selection-color: {p.focus_text}; }}
QProgressBar {{ border: 2px solid {p.bar_text}; background: {p.page}; min-height: 14px;
    max-height: 14px; border-radius: 4px; }}
QProgressBar::chunk {{ background: {'#FFFF00' if high_contrast else '#41B6E6'}; }}
QFrame#kioskPicture {{ border: 3px dashed {p.border}; background: {p.page}; }}
"""
