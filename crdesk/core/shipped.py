"""Where the data folders shipped beside the package live (forms/, standards/): in a source
checkout at the repository root, in a PyInstaller bundle under ``sys._MEIPASS``; an
environment variable moves one (tests, a clinic's own copy)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# crdesk/core/shipped.py -> the repository root is two levels above the package.
_ROOT = Path(__file__).resolve().parents[2]


def shipped_dir(name: str, override_env: str) -> Path:
    override = os.environ.get(override_env)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / name if bundle else _ROOT / name
