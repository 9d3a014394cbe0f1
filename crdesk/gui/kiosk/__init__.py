"""The patient kiosk: one patient fills in one questionnaire alone, full screen.

The staff workspace starts it with::

    window = start_kiosk(session, home, patient_id, episode_id=eid, assessment="A1",
                         parent=self, autolock=controller.autolock)

Pass the application's ``AutoLock`` when there is one: the kiosk pauses it while open (it has
its own patient inactivity warning and privacy screen) and re-arms it when staff close it.
Every answer is committed as it is given; leaving needs a staff password; ``closed(str)``
says how it ended.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crdesk.gui.kiosk.window import KioskOptions, KioskWindow
from crdesk.services.questionnaires import PATIENT_FORM, QuestionnaireService

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from crdesk.gui.autolock import AutoLock
    from crdesk.services.home import ClinicHome
    from crdesk.services.session import Session

__all__ = ["KioskOptions", "KioskWindow", "start_kiosk"]


def start_kiosk(session: Session, home: ClinicHome, patient_id: int, *, episode_id: int | None,
                assessment: str, parent: QWidget | None = None,
                autolock: AutoLock | None = None,
                options: KioskOptions | None = None) -> KioskWindow:
    """Open (or resume, on the page it stopped at) this patient's questionnaire for one
    assessment, and show it full screen."""
    options = options or KioskOptions()
    service = QuestionnaireService(session)
    opened = service.start_or_resume(patient_id, PATIENT_FORM, mode="patient",
                                     episode_id=episode_id, assessment=assessment,
                                     locale=options.locale or "en-GB")
    window = KioskWindow(session, home, service, opened, options=options, autolock=autolock,
                         parent=parent)
    window.start()
    return window
