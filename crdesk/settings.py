"""Pre-unlock preferences (settings.json): only what the login screen needs.

Everything else lives in the encrypted database: the auto-lock time among it, since it is
a clinic policy an admin sets, not a preference (an ``auto_lock_minutes`` left here by an
older crdesk is ignored). No patient data ever goes here. For a demo clinic the demo
credentials are kept here so the login screen can show them (demo only).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

VERSION = 1


@dataclass
class Settings:
    language: str = "en-GB"
    text_scale: float = 1.0
    last_user: str = ""
    demo_usernames: list[str] = field(default_factory=list)
    demo_password: str = ""

    @property
    def is_demo(self) -> bool:
        return bool(self.demo_usernames)


def load(path: Path) -> Settings:
    try:
        d: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()  # preferences only: a missing or damaged file means defaults
    known = {k: v for k, v in d.items() if k in Settings.__dataclass_fields__}
    try:
        return Settings(**known)
    except TypeError:
        return Settings()


def save(path: Path, s: Settings) -> None:
    data = {"format": "crdesk-settings", "version": VERSION, **asdict(s)}
    from crdesk.atomic import write_atomic  # here: the login's first frame only reads

    write_atomic(path, json.dumps(data, indent=1).encode("utf-8") + b"\n")
