"""Open a file, or its folder with the file selected, in the system's own programs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_path(path: Path) -> bool:
    """Open ``path`` in its default program (a PDF viewer for a report)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> bool:
    """Show the folder holding ``path``, with the file selected where the system can."""
    if sys.platform == "win32":
        # Explorer selects the file; it returns 1 even on success, so no check=True.
        subprocess.Popen(["explorer", f"/select,{path}"])  # noqa: S603, S607
        return True
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
