"""Where every file crdesk reads or writes lives: one base directory.

``--basedir`` or ``CRDESK_BASEDIR`` moves all of them at once (tests always use a temp one).
Directories are created owner-only (0o700), files the app writes are owner-only too.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "crdesk"


def default_basedir() -> Path:
    env = os.environ.get("CRDESK_BASEDIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class BaseDir:
    """The files of one clinic installation."""

    root: Path

    @property
    def db(self) -> Path:
        return self.root / "clinic.db"

    @property
    def keyslots(self) -> Path:
        return self.root / "keyslots.json"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def audit_anchor(self) -> Path:
        """The audit chain's head as last seen by crdesk, kept outside the database."""
        return self.root / "audit-anchor.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def lock(self) -> Path:
        return self.root / "clinic.lock"

    def db_companions(self) -> list[Path]:
        """The database and the files SQLite keeps beside it in WAL mode."""
        return [self.db, Path(f"{self.db}-wal"), Path(f"{self.db}-shm")]

    def ensure(self) -> None:
        for d in (self.root, self.backups, self.logs):
            d.mkdir(mode=0o700, parents=True, exist_ok=True)
            # A directory we do not own may refuse; the files inside are still 0600.
            with contextlib.suppress(OSError):
                os.chmod(d, 0o700)

    def initialised(self) -> bool:
        return self.db.exists()
