"""Render resources/icons/crdesk.svg to the PNG sizes the desktop entry uses (hicolor theme),
and from the largest the Windows .ico and macOS .icns that build.spec gives the executable.

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/linux/render_icons.py

The PNGs are committed; run this again after changing the SVG.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs an application for fonts/images
    renderer = QSvgRenderer(str(ICONS / "crdesk.svg"))
    if not renderer.isValid():
        print("crdesk.svg is not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = ICONS / f"crdesk-{size}.png"
        image.save(str(out))
        print(out)
    from PIL import Image  # Pillow (a reportlab dependency) writes multi-size .ico and .icns

    big = Image.open(ICONS / f"crdesk-{max(SIZES)}.png").convert("RGBA")
    big.save(ICONS / "crdesk.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    big.save(ICONS / "crdesk.icns")
    print(ICONS / "crdesk.ico", ICONS / "crdesk.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
