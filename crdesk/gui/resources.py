"""Where ``resources/`` is (a source checkout or a PyInstaller bundle) and cheap reads from it.

``resources/`` holds what the GUI reads at run time but is not Python: style sheets
(``styles/*.qss``), translations (``translations/*.qm``, built from the ``.ts`` sources by
``make translations``), fonts and icons. build.spec ships the whole folder; in a bundle it sits
under ``sys._MEIPASS``. Each file is read once per process (start-up time matters).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


def resources_dir() -> Path:
    """resources/ from a source checkout or from a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


@cache
def read_text(relative: str) -> str:
    """The text of ``resources/<relative>`` (``/``-separated), read once and kept."""
    return (resources_dir() / relative).read_text(encoding="utf-8")
