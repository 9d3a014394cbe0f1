"""ClinicHome: one clinic's base directory, held by this process: paths, lock and settings.

``ClinicHome.open(basedir)`` takes the instance lock, so no other crdesk process writes the
clinic while this one has it. Nothing here opens the database or touches a key: making,
unlocking and recovering a clinic live in ``services/access.py``, imported only when needed
so that the login screen does not wait for the crypto and database libraries.
"""

from __future__ import annotations

from types import TracebackType

from crdesk import settings as settings_mod
from crdesk.instance_lock import InstanceLock
from crdesk.paths import BaseDir


class ClinicHome:
    def __init__(self, basedir: BaseDir, lock: InstanceLock) -> None:
        self.basedir = basedir
        self._lock = lock

    @classmethod
    def open(cls, basedir: BaseDir) -> ClinicHome:
        basedir.ensure()
        return cls(basedir, InstanceLock(basedir.lock).acquire())

    def close(self) -> None:
        self._lock.release()

    def __enter__(self) -> ClinicHome:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def initialised(self) -> bool:
        return self.basedir.initialised()

    def settings(self) -> settings_mod.Settings:
        return settings_mod.load(self.basedir.settings)

    def save_settings(self, s: settings_mod.Settings) -> None:
        settings_mod.save(self.basedir.settings, s)
