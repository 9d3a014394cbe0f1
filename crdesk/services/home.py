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
        home = cls(basedir, InstanceLock(basedir.lock).acquire())
        try:
            home._finish_restore()
        except BaseException:
            home.close()
            raise
        return home

    def _finish_restore(self) -> None:
        """A restore interrupted after its switch is finished now, one that was not is
        cleared away (services/files.py), before anything reads the clinic's files."""
        from crdesk.services import files  # stdlib only: no cost at the login screen

        if files.restore_needs_finishing(self.basedir):
            files.finish_interrupted_restore(self.basedir)

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
