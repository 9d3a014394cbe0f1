"""The report's typeface: Atkinson Hyperlegible (SIL OFL 1.1, Braille Institute), made for
readers with low vision, shipped in resources/fonts with its licence (OFL.txt), or from the
``fontpkg-atkinson-hyperlegible`` package; DejaVu Sans from the system if both are missing;
Helvetica as the last resort, so a report can always be printed.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "ReportSans"
BOLD = "ReportSans-Bold"
_RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def _resources() -> Path:
    """resources/fonts of a source checkout, or of a PyInstaller bundle (sys._MEIPASS)."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / "resources" / "fonts" if bundle else _RESOURCES


def _atkinson() -> tuple[Path, Path] | None:
    shipped = (_resources() / "AtkinsonHyperlegible-Regular.ttf",
               _resources() / "AtkinsonHyperlegible-Bold.ttf")
    if all(p.is_file() for p in shipped):
        return shipped
    spec = importlib.util.find_spec("fontpkg_atkinson_hyperlegible")
    if spec is None or not spec.submodule_search_locations:
        return None
    files = Path(next(iter(spec.submodule_search_locations))) / "files"
    pair = (files / "AtkinsonHyperlegible-Regular.ttf", files / "AtkinsonHyperlegible-Bold.ttf")
    return pair if all(p.is_file() for p in pair) else None


def _dejavu() -> tuple[Path, Path] | None:
    for folder in (_resources(), Path("/usr/share/fonts/truetype/dejavu")):
        pair = (folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf")
        if all(p.is_file() for p in pair):
            return pair
    return None


@lru_cache(maxsize=1)
def register() -> tuple[str, str, str]:
    """Register the best font found; returns (regular name, bold name, family shown)."""
    for family, found in (("Atkinson Hyperlegible", _atkinson()), ("DejaVu Sans", _dejavu())):
        if found is None:
            continue
        pdfmetrics.registerFont(TTFont(REGULAR, str(found[0])))
        pdfmetrics.registerFont(TTFont(BOLD, str(found[1])))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)
        return REGULAR, BOLD, family
    return "Helvetica", "Helvetica-Bold", "Helvetica"
