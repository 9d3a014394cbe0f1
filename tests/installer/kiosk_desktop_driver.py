"""Run by tests/installer/test_kiosk_real_desktop.py on a real X server: the real app
(controller, sign-in, main window, patient record) hands the laptop to the kiosk, then
writes its state as one JSON line per tick to stdout for the test to read while it drives
the window manager with xdotool.

    python kiosk_desktop_driver.py CLINIC_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from crdesk.core.episode import Episode
from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.patients import demo_patients
from crdesk.gui.controller import AppController
from crdesk.gui.kiosk import KioskWindow
from crdesk.gui.staff.patients_page import PatientsPage
from crdesk.gui.style import apply_style
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.storage import episodes_repo, patients_repo

PASSWORD = "a calm walk by the river"


def main() -> int:
    home = ClinicHome.open(BaseDir(Path(sys.argv[1])))
    access.create(home, clinic_name="Desktop clinic", ods_code="RX9", admin="jsmith",
                  password=PASSWORD, cost=TEST_COST)
    setup = access.unlock(home, "jsmith", PASSWORD)
    with setup.change("patient.create", "patient"):
        pid = patients_repo.insert(setup._db, next(demo_patients(1)))
        episodes_repo.insert(setup._db, Episode(None, pid, initiating_event="mi"))
    setup.close()

    app = QApplication(sys.argv[:1])
    apply_style(app)
    controller = AppController(app, home, maximise=False)
    controller.start()
    controller._on_login_unlocked(access.unlock(home, "jsmith", PASSWORD))
    window = controller.main_window
    assert window is not None
    window.show_page("patients")
    page = window.page("patients")
    assert isinstance(page, PatientsPage)
    record = page.open_patient(pid)
    record.start_questionnaire()
    kiosk = record.kiosk
    assert isinstance(kiosk, KioskWindow)
    ended: list[str] = []
    kiosk.closed.connect(ended.append)

    def tick() -> None:
        state: dict[str, object] = {"ended": ended}
        try:
            handle = kiosk.windowHandle()
            state.update(kiosk_visible=kiosk.isVisible(), minimized=kiosk.isMinimized(),
                         full_screen=kiosk.isFullScreen(), active=kiosk.isActiveWindow(),
                         exposed=handle is not None and handle.isExposed(),
                         wid=int(kiosk.winId()))
        except RuntimeError:  # deleted after closing
            state["kiosk_visible"] = False
        login = controller.login
        state["login_visible"] = login is not None and login.isVisible()
        state["main_window"] = controller.main_window is not None
        state["session_open"] = controller.session is not None and controller.session.is_open
        print(json.dumps(state), flush=True)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(200)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
