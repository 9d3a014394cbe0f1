"""How the kiosk looks: large text by default, three text sizes, and a high-contrast theme.

Patients are often older and some have poor eyesight, so the smallest size is 18 pt (well
above the staff screens' 12 pt) and every control is at least ``TARGET_PX`` square, the
WCAG 2.2 "target size (enhanced)" figure. The theme is one style sheet on the kiosk window,
so switching size or contrast re-lays-out every page at once and never touches the staff
screens behind it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from crdesk.gui import style
from crdesk.gui.resources import resources_dir

TARGET_PX = 44  # minimum width and height of anything a patient can press
TEXT_SIZES: tuple[tuple[str, int], ...] = (("normal", 18), ("large", 22), ("largest", 28))
# The top bar grows less than the page (it must fit one 1366 px row in a longer language),
# but it grows: 18, 20 and 22 pt.
TOP_BAR_PT = {18: 18, 22: 20, 28: 22}


def indicator_px(point_size: int) -> int:
    """Tick boxes and radio marks grow with the text (24 px at 18 pt, 36 px at 28 pt)."""
    return max(24, round(point_size * 1.3))


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
    entry_focus: str  # background of the text field being typed in
    progress: str  # the filled part of the progress bar


NORMAL = Palette(page="white", text=style.TEXT, secondary=style.SECONDARY_TEXT,
                 bar=style.NHS_BLUE, bar_text="white", button=style.NHS_BLUE,
                 button_text="white", border=style.SECONDARY_TEXT, chosen="#E8F1F8",
                 error=style.ERROR_RED, focus_bg=style.FOCUS_YELLOW, focus_text=style.TEXT,
                 field="white", option_focus=style.FOCUS_YELLOW, focus_border=style.TEXT,
                 next_bg="#007F3B", next_text="white",
                 entry_focus="#FFFDE7", progress="#41B6E6")
# White and yellow on black: the combination most high-contrast themes (and the NHS
# accessibility guidance) use; errors stay distinguishable by a thick border, not colour alone.
HIGH_CONTRAST = Palette(page="black", text="white", secondary="white", bar="black",
                        bar_text="white", button="black", button_text="#FFFF00",
                        border="#FFFF00", chosen="#1A1A66", error="#FF8080",
                        focus_bg="#FFFF00", focus_text="black", field="black",
                        option_focus="#333333", focus_border="#FFFF00",
                        next_bg="#FFFF00", next_text="black",
                        entry_focus="black", progress="#FFFF00")


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
    """resources/styles/kiosk.qss for one text size and palette."""
    p = HIGH_CONTRAST if high_contrast else NORMAL
    colours = {f"p_{name}": value for name, value in asdict(p).items()}
    # A ticked box shows a tick (not only a filled square), in the colour of the page on
    # the box's fill: white on dark blue-black, black on high contrast's white.
    tick = resources_dir() / "styles" / ("tick-black.svg" if high_contrast else "tick-white.svg")
    return style.fill_style(
        "kiosk.qss",
        point_size=point_size,
        heading_pt=point_size + 8,
        question_pt=point_size + 2,
        top_pt=TOP_BAR_PT.get(point_size, 18),
        top_target_px=round(TARGET_PX * TOP_BAR_PT.get(point_size, 18) / 18),
        indicator_px=indicator_px(point_size),
        radio_radius=indicator_px(point_size) // 2 + 3,
        tick=tick.as_posix(),
        target_px=TARGET_PX,
        **colours,
    )
