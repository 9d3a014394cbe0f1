"""The look of crdesk: a calm NHS-like palette, large text, bundled fonts when present.

Colours follow the NHS identity guidelines (NHS blue #005EB8, dark grey text #212B32,
pale grey background #F0F4F5, NHS red #D5281B for errors, yellow focus #FFEB3B) so the
app feels familiar to clinic staff and keeps WCAG AA contrast for its text.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

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

BASE_POINT_SIZE = 12  # staff screens: 12 pt at text scale 1.0
MONO_FAMILIES = ["DejaVu Sans Mono", "Consolas", "Menlo", "Courier New", "monospace"]


def resources_dir() -> Path:
    """resources/ from a source checkout or from a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


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
    big = base_pt + 6
    mono = ", ".join(f'"{f}"' for f in MONO_FAMILIES)
    return f"""
QWidget {{ color: {TEXT}; font-size: {base_pt}pt; }}
QMainWindow, QWizard, QWidget#loginScreen {{ background: {PALE_GREY}; }}
QWizard QWidget#qt_wizard_page, QWizardPage {{ background: white; }}
QLabel#pageTitle {{ font-size: {big}pt; font-weight: bold; color: {TEXT}; }}
QLabel#screenTitle {{ font-size: {big + 4}pt; font-weight: bold; color: {NHS_BLUE}; }}
QLabel#secondary {{ color: {SECONDARY_TEXT}; }}
QLabel#errorText {{ color: {ERROR_RED}; font-weight: bold; }}
QLabel#okText {{ color: #007F3B; font-weight: bold; }}
QLineEdit {{
    background: white; border: 2px solid {SECONDARY_TEXT}; border-radius: 2px;
    padding: 6px 8px; min-height: 1.6em;
}}
QLineEdit:focus {{ border: 3px solid {TEXT}; background: #FFFDE7; }}
QLineEdit[invalid="true"] {{ border: 3px solid {ERROR_RED}; }}
QPushButton {{
    background: {NHS_BLUE}; color: white; border: 2px solid {NHS_BLUE}; border-radius: 4px;
    padding: 8px 20px; font-weight: bold; min-height: 1.4em;
}}
QPushButton:hover {{ background: {NHS_DARK_BLUE}; border-color: {NHS_DARK_BLUE}; }}
QPushButton:focus {{ border: 3px solid {TEXT}; background: {FOCUS_YELLOW}; color: {TEXT}; }}
QPushButton:disabled {{ background: #AEB7BD; border-color: #AEB7BD; color: white; }}
QPushButton[secondary="true"] {{ background: white; color: {NHS_BLUE}; }}
QPushButton[secondary="true"]:focus {{ background: {FOCUS_YELLOW}; color: {TEXT}; }}
QPushButton[secondary="true"]:disabled {{
    background: white; color: #AEB7BD; border-color: #AEB7BD; }}
QCheckBox {{ spacing: 10px; }}
QCheckBox::indicator {{ width: 22px; height: 22px; }}
QFrame#card {{ background: white; border: 1px solid {BORDER}; border-radius: 6px; }}
QFrame#demoBox {{
    background: #FFF8DC; border: 2px solid {WARM_YELLOW}; border-left: 8px solid {WARM_YELLOW};
}}
QLabel#demoBanner {{
    background: {FOCUS_YELLOW}; color: {TEXT}; font-weight: bold; padding: 8px 16px;
    font-size: {base_pt + 1}pt; border-bottom: 2px solid {TEXT};
}}
QFrame#recoveryKey {{ background: {PALE_GREY}; border: 2px dashed {SECONDARY_TEXT}; }}
QLabel#recoveryKeyGroup {{
    font-family: {mono}; font-size: {base_pt + 12}pt; font-weight: bold; letter-spacing: 2px;
}}
QLineEdit#recoveryKeyInput {{ font-family: {mono}; font-size: {base_pt + 4}pt; }}
QTableWidget::item {{ padding: 4px 10px; }}
QFrame#header {{ background: {NHS_BLUE}; }}
QFrame#header QLabel {{ color: white; }}
QFrame#header QLabel#headerClinic {{ font-size: {base_pt + 3}pt; font-weight: bold; }}
QFrame#header QPushButton {{ background: white; color: {NHS_BLUE}; border-color: white; }}
QFrame#header QPushButton:focus {{ background: {FOCUS_YELLOW}; color: {TEXT}; }}
QListWidget#navigation {{
    background: white; border: none; border-right: 1px solid {BORDER}; outline: none;
}}
QListWidget#navigation::item {{ padding: 12px 18px; }}
QListWidget#navigation::item:selected {{ background: {NHS_BLUE}; color: white; }}
QListWidget#navigation::item:focus {{ border-left: 6px solid {FOCUS_YELLOW}; }}
QStackedWidget#pages {{ background: {PALE_GREY}; }}
QTableWidget {{ background: white; gridline-color: {BORDER}; border: 1px solid {BORDER}; }}
QHeaderView::section {{
    background: {PALE_GREY}; padding: 8px; border: none; border-bottom: 2px solid {BORDER};
    font-weight: bold;
}}
"""


def apply_style(app: QApplication, text_scale: float = 1.0) -> None:
    """Font, palette and stylesheet for the whole application."""
    family = load_bundled_fonts()
    scale = min(max(text_scale, 1.0), 2.0)  # never smaller than the 12 pt floor
    base_pt = round(BASE_POINT_SIZE * scale)
    font = QFont(family) if family else QFont(app.font())
    font.setPointSize(base_pt)
    app.setFont(font)
    app.setStyle("Fusion")  # the same widgets on Windows, macOS and the offscreen tests
    app.setStyleSheet(stylesheet(base_pt))


def app_icon() -> QIcon:
    """crdesk's icon (a heart with a pulse line) in every size under resources/icons."""
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("crdesk-*.png")):
        icon.addFile(str(png))
    return icon
