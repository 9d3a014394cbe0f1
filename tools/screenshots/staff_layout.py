"""The layout check for the staff screens, like the kiosk's: every staff screen and dialog
(the ones ``make screenshots`` takes) at 1366x768 and 1920x1080, at the normal and the
largest text size, in English and in the en-XA pseudo-locale; a screen passes when no label
is clipped, no table heading is cut short, nothing scrolls sideways and no window or dialog
needs more height than the screen has (tools/screenshots/staff_check.layout_problems)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from crdesk.gui.style import apply_style
from tools.screenshots.shooter import DemoClinic, Shooter, Shot
from tools.screenshots.staff_check import layout_problems

SIZES = ((1366, 768), (1920, 1080))
TEXT_SCALES = {"normal": 1.0, "large": 1.5}


@dataclass(frozen=True)
class Config:
    size: tuple[int, int]
    text: str  # a key of TEXT_SCALES
    language: str = "en-GB"  # the caller installs it (en-XA: the pseudo-locale)

    @property
    def name(self) -> str:
        tail = "" if self.language == "en-GB" else f"-{self.language}"
        return f"{self.size[0]}x{self.size[1]}-{self.text}{tail}"


CONFIGS = [Config(size, text) for size in SIZES for text in TEXT_SCALES]
# The pseudo-locale at every size and text size (tests/gui/test_en_xa.py also checks it at
# 1366x768 and the normal size, for untranslated words too).
PSEUDO_CONFIGS = [Config(size, text, "en-XA") for size in SIZES for text in TEXT_SCALES]


def check_staff_layout(app: QApplication, shots: list[Shot], demo: DemoClinic, out: Path,
                       config: Config, setup: Shot | None = None) -> dict[str, list[str]]:
    """Screen name -> problems, for one size and text size (the caller installs the
    language). The style is put back to the normal size afterwards."""
    width, height = config.size

    def check(widget: QWidget) -> list[str]:
        return layout_problems(widget, width, height)

    before = set(app.topLevelWidgets())
    apply_style(app, TEXT_SCALES[config.text])
    try:
        shooter = Shooter(out, check=check, grab=False, size=config.size)
        for shot in shots:
            shot(shooter, demo)
        return shooter.problems
    finally:
        # The screens' windows go before the style changes back: restyling windows whose
        # sessions are closed is needless work (and crashed Qt once in a long test run).
        for window in set(app.topLevelWidgets()) - before:
            window.close()
            window.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        apply_style(app)
