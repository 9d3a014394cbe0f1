"""ClinicHome: one clinic's base directory, held by this process, and the ways into it.

``ClinicHome.open(basedir)`` takes the instance lock; ``create`` makes a new clinic (never
over an existing file); ``unlock`` turns a user name and password into a Session;
``recover`` uses the recovery key when the key slots are lost. The work is in vault.py,
imported on first use so the login screen does not wait for the crypto and database
libraries.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

from crdesk import settings as settings_mod
from crdesk.core import passwords
from crdesk.errors import ValidationError
from crdesk.instance_lock import InstanceLock
from crdesk.paths import BaseDir

if TYPE_CHECKING:
    from crdesk.crypto.kdf import KdfCost
    from crdesk.services.session import Session
    from crdesk.services.vault import NewClinic


def validate_ods_code(code: str) -> str:
    c = code.strip().upper()
    if not (3 <= len(c) <= 6 and c.isalnum()):
        raise ValidationError(
            "An ODS code is 3 to 6 letters and digits (for example RX1 or RX1AB).",
            "Find your service's code in the NHS Organisation Data Service.",
        )
    return c


def check_password(password: str, username: str, clinic_name: str = "") -> None:
    issues = passwords.problems(password, username=username, clinic_name=clinic_name)
    if issues:
        raise ValidationError(" ".join(issues), "Choose a longer or less common password.")


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

    def create(self, *, clinic_name: str, ods_code: str, admin: str, password: str,
               demo: bool = False, cost: KdfCost | None = None) -> NewClinic:
        """A new clinic; never over an existing file. Returns the recovery key (once)."""
        from crdesk.services import vault

        return vault.create(self, clinic_name=clinic_name, ods_code=ods_code, admin=admin,
                            password=password, demo=demo, cost=cost)

    def unlock(self, username: str, password: str) -> Session:
        from crdesk.services import vault

        return vault.unlock(self, username, password)

    def recover(self, recovery_text: str, admin: str, new_password: str,
                cost: KdfCost | None = None) -> Session:
        """Open with the recovery key and give ``admin`` a fresh key slot.

        A missing or damaged key-slot file is set aside and replaced by one holding just
        this admin's slot; other users then get new passwords from the admin.
        """
        from crdesk.services import vault

        return vault.recover(self, recovery_text, admin, new_password, cost)
