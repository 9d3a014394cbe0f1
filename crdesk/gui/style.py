"""The look of crdesk: a calm NHS-like palette, large text, bundled fonts when present.

Colours follow the NHS identity guidelines (NHS blue #005EB8, dark grey text #212B32,
pale grey background #F0F4F5, NHS red #D5281B for errors, yellow focus #FFEB3B) so the
app feels familiar to clinic staff and keeps WCAG AA contrast for its text.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from string import Template
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from crdesk.gui.resources import read_text, resources_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

SCREEN_SIZE = (1366, 768)  # the clinic laptops this is designed for

__all__ = ["apply_style", "fill_style", "monospace_font", "new_application", "resources_dir",
           "stylesheet"]

log = logging.getLogger(__name__)

NHS_BLUE = "#005EB8"
NHS_DARK_BLUE = "#003087"
TEXT = "#212B32"
SECONDARY_TEXT = "#4C6272"
PALE_GREY = "#F0F4F5"
BORDER = "#D8DDE0"
ERROR_RED = "#D5281B"
FOCUS_YELLOW = "#FFEB3B"
WARM_YELLOW = "#FFB81C"

PALETTE = {
    "NHS_BLUE": NHS_BLUE, "NHS_DARK_BLUE": NHS_DARK_BLUE, "TEXT": TEXT,
    "SECONDARY_TEXT": SECONDARY_TEXT, "PALE_GREY": PALE_GREY, "BORDER": BORDER,
    "ERROR_RED": ERROR_RED, "FOCUS_YELLOW": FOCUS_YELLOW, "WARM_YELLOW": WARM_YELLOW,
}
_COMMENT = re.compile(r"^\s*/\*.*?\*/", re.S)

BASE_POINT_SIZE = 12  # staff screens: 12 pt at text scale 1.0
MONO_FAMILIES = ["DejaVu Sans Mono", "Consolas", "Menlo", "Courier New", "monospace"]


def load_bundled_fonts() -> str | None:
    """Register every font in resources/fonts; return the first family, if any."""
    first: str | None = None
    fonts = resources_dir() / "fonts"
    if not fonts.is_dir():
        return None
    for path in sorted(fonts.iterdir()):
        if path.suffix.lower() not in (".ttf", ".otf"):
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load bundled font %s", path.name)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families and first is None:
            first = families[0]
    return first


def monospace_font(point_size: int) -> QFont:
    font = QFont()
    font.setFamilies(MONO_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(point_size)
    return font


def stylesheet(base_pt: int) -> str:
    """The staff style sheet (resources/styles/staff.qss) for a base size of ``base_pt``."""
    mono = ", ".join(f'"{f}"' for f in MONO_FAMILIES)
    return fill_style(
        "staff.qss",
        base_pt=base_pt,
        big_pt=base_pt + 6,
        title_pt=base_pt + 10,
        banner_pt=base_pt + 1,
        key_pt=base_pt + 12,
        key_input_pt=base_pt + 4,
        clinic_pt=base_pt + 3,
        mono=mono,
        **PALETTE,
    )


def fill_style(name: str, **values: object) -> str:
    """resources/styles/<name> with its ${slots} filled; a missing slot is a KeyError."""
    template = _template(name)
    return template.substitute({k: str(v) for k, v in values.items()})


@cache
def _template(name: str) -> Template:
    text = read_text(f"styles/{name}")
    # The files start with a comment saying what fills the slots; Qt need not parse it.
    return Template(_COMMENT.sub("", text, count=1).lstrip("\n"))


_FUSION_FROM_START = "crdeskFusionFromStart"  # a dynamic property of the QApplication


def new_application(argv: list[str]) -> QApplication:
    """The QApplication, with Fusion as its style from the start (Qt's own ``-style``
    option), so that :func:`apply_style` need not set it."""
    app = QApplication([*argv, "-style", "Fusion"])
    app.setProperty(_FUSION_FROM_START, True)
    return app


def apply_style(app: QApplication, text_scale: float = 1.0) -> None:
    """Font, palette and stylesheet for the whole application."""
    family = load_bundled_fonts()
    scale = min(max(text_scale, 1.0), 2.0)  # never smaller than the 12 pt floor
    base_pt = round(BASE_POINT_SIZE * scale)
    font = QFont(family) if family else QFont(app.font())
    font.setPointSize(base_pt)
    app.setFont(font)
    # The same widgets on Windows, macOS and the offscreen tests. An application made by
    # new_application already has Fusion, made by Qt in C++: asking for it again from Python
    # would wrap the QStyle object, whose first wrapper costs PySide6 ~5 ms (issue 15).
    if not app.property(_FUSION_FROM_START):
        app.setStyle("Fusion")
    app.setStyleSheet(stylesheet(base_pt))


def app_icon() -> QIcon:
    """crdesk's icon (a heart with a pulse line) in every size under resources/icons."""
    from PySide6.QtGui import QIcon  # set after the first frame: not on its import path

    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("crdesk-*.png")):
        icon.addFile(str(png))
    return icon
