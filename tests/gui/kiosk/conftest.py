"""Kiosk fixtures: a real clinic (real SQLCipher file) with one patient and one episode."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crdesk.core.episode import Episode
from crdesk.core.roles import Role
from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.patients import demo_patients
from crdesk.gui.kiosk import KioskOptions, KioskWindow, start_kiosk
from crdesk.gui.style import apply_style
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, patients_repo
from tests.gui.conftest import PASSWORD

NURSE_PASSWORD = "a slow jog round the park"


@dataclass
class KioskClinic:
    home: ClinicHome
    session: Session
    patient_id: int
    episode_id: int


def add_patient(session: Session, seed: int = 5) -> tuple[int, int]:
    with session.change("patient.create", "patient"):
        pid = patients_repo.insert(session._db, next(demo_patients(1, seed=seed)))
    with session.change("episode.create", "episode"):
        eid = episodes_repo.insert(session._db, Episode(None, pid, initiating_event="mi"))
    return pid, eid


@pytest.fixture
def kiosk_clinic(real_clinic: ClinicHome, qapp: QApplication) -> Iterator[KioskClinic]:
    apply_style(qapp)
    session = access.unlock(real_clinic, "jsmith", PASSWORD)
    session.add_user("nurse", Role.STAFF, NURSE_PASSWORD, cost=TEST_COST)
    pid, eid = add_patient(session)
    yield KioskClinic(real_clinic, session, pid, eid)
    session.close()


OpenKiosk = Callable[..., KioskWindow]


@pytest.fixture
def open_kiosk(qtbot: QtBot, kiosk_clinic: KioskClinic) -> Iterator[OpenKiosk]:
    opened: list[KioskWindow] = []

    def open_(assessment: str = "A1", **options: object) -> KioskWindow:
        settings = {"fullscreen": False, **options}
        window = start_kiosk(kiosk_clinic.session, kiosk_clinic.home, kiosk_clinic.patient_id,
                             episode_id=kiosk_clinic.episode_id, assessment=assessment,
                             options=KioskOptions(**settings))  # type: ignore[arg-type]
        opened.append(window)
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        return window

    yield open_
    for window in opened:
        try:
            if window.isVisible():
                window.close_released("test over")
        except RuntimeError:
            pass  # already deleted (closed by the test itself)
    QApplication.processEvents()
