"""Child process for the kiosk kill test: a real kiosk, offscreen, on a real clinic.

    python -m tests.kiosk_helpers.kiosk_child BASEDIR PATIENT_ID EPISODE_ID STOP_AT

Reads the staff password from stdin (never argv). Answers Assessment 1 with the keyboard
driver and prints ``ack <question id>`` only after the kiosk reported the answer committed,
and ``page <page id>`` whenever a question screen is shown. After acknowledging STOP_AT it
prints ``waiting`` and idles until the test kills it with SIGKILL.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from crdesk.gui.kiosk import KioskOptions, start_kiosk  # noqa: E402
from crdesk.gui.style import apply_style  # noqa: E402
from crdesk.paths import BaseDir  # noqa: E402
from crdesk.services import access
from crdesk.services.home import ClinicHome  # noqa: E402
from tests.kiosk_helpers.driver import A1_PLAN, answer, press  # noqa: E402


def main() -> None:
    basedir, patient_id, episode_id, stop_at = sys.argv[1:5]
    password = sys.stdin.readline().rstrip("\n")
    app = QApplication(["kiosk-child"])
    apply_style(app)
    home = ClinicHome.open(BaseDir(Path(basedir)))
    session = access.unlock(home, "jsmith", password)
    window = start_kiosk(session, home, int(patient_id), episode_id=int(episode_id),
                         assessment="A1", options=KioskOptions(fullscreen=False))
    window.answer_saved.connect(lambda qid: print(f"ack {qid}", flush=True))
    window.screen_shown.connect(
        lambda name: print(f"page {window.nav.page.id}", flush=True) if name == "question"
        else None)
    print(f"page {window.nav.page.id}", flush=True)
    window.activateWindow()
    while QApplication.focusWidget() is None:
        app.processEvents()
    done: set[str] = set()
    while True:
        view = window.view
        assert view is not None
        todo = [q for q, w in view.widgets.items() if w.item.answerable and q not in done]
        if not todo:
            press(QtKeys.RETURN)
            continue
        done.add(todo[0])
        answer(view.widgets[todo[0]], A1_PLAN.get(todo[0], 0))
        if todo[0] == stop_at:
            break
    print("waiting", flush=True)
    while True:  # the parent kills this process here, mid-questionnaire
        app.processEvents()
        time.sleep(0.05)


class QtKeys:
    from PySide6.QtCore import Qt

    RETURN = Qt.Key.Key_Return


if __name__ == "__main__":
    main()
