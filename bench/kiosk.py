"""kiosk_page_change and kiosk_answer_save (issue 4), each against a baseline in the same run.

- kiosk_page_change: Next pressed -> the next screen built, laid out and painted; baseline: a
  bare QStackedWidget switching between two pre-built pages holding as many plain labels.
- kiosk_answer_save: an answer given (as a question widget emits it) -> committed to the
  encrypted database with its audit row, engine and screen updated; baseline: a plain sqlite3
  insert with the same pragmas (bench/foundation.py).
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QVBoxLayout, QWidget  # noqa: E402

from bench.common import Figure, interleaved_ms  # noqa: E402
from bench.foundation import _plain_sqlite  # noqa: E402
from crdesk.core.episode import Episode  # noqa: E402
from crdesk.crypto.kdf import TEST_COST  # noqa: E402
from crdesk.demo.patients import demo_patients  # noqa: E402
from crdesk.gui.kiosk import KioskOptions, start_kiosk  # noqa: E402
from crdesk.gui.style import apply_style  # noqa: E402
from crdesk.paths import BaseDir  # noqa: E402
from crdesk.services import access
from crdesk.services.home import ClinicHome  # noqa: E402
from crdesk.storage import episodes_repo, patients_repo  # noqa: E402

PW = "bench-kiosk-passphrase"


def _settle(widget: QWidget) -> None:
    """Run pending layout work and paint now, as the screen would before the patient sees it."""
    QApplication.sendPostedEvents()
    widget.repaint()


def _bare_stack(labels: int) -> QStackedWidget:
    stack = QStackedWidget()
    for page in range(2):
        w = QWidget()
        lay = QVBoxLayout(w)
        for n in range(labels):
            lay.addWidget(QLabel(f"Label {n} on page {page}", w))
        stack.addWidget(w)
    stack.resize(1366, 768)
    stack.show()
    return stack


def run() -> list[Figure]:
    app = QApplication.instance() or QApplication(["crdesk-bench"])
    assert isinstance(app, QApplication)
    apply_style(app)
    with (tempfile.TemporaryDirectory(prefix="crdesk-bench-kiosk-") as tmp,
          ClinicHome.open(BaseDir(Path(tmp) / "clinic")) as home):
        access.create(home, clinic_name="Bench clinic", ods_code="BEN2", admin="admin",
                    password=PW, cost=TEST_COST)
        session = access.unlock(home, "admin", PW)
        try:
            with session.change("patient.create", "patient"):
                pid = patients_repo.insert(session._db, next(demo_patients(1)))
                eid = episodes_repo.insert(session._db, Episode(None, pid))
            window = start_kiosk(session, home, pid, episode_id=eid, assessment="A1",
                                 options=KioskOptions(fullscreen=False, idle_ms=3_600_000))
            figures = _bench(window, Path(tmp))
            window.close_released("bench")
        finally:
            session.close()
    return figures


def _bench(window: object, work: Path) -> list[Figure]:
    from crdesk.gui.kiosk.window import KioskWindow

    assert isinstance(window, KioskWindow)
    nav = window.nav
    for qid, value in (("info_acknowledgement", "read"), ("gender", "female"),
                       ("ethnic_category", "white_british"), ("marital_status", "married"),
                       ("lives_alone", "no")):
        nav.answer(qid, value)
    nav.fs.go_to("about_you")
    nav.step_index = 0
    window.show_step()
    _settle(window)
    forward = [True]

    def page_change() -> None:
        # Alternate Next and Back between two steps, the second with 16 answers in groups.
        if forward[0]:
            window.go_next()
        else:
            window.go_back()
        forward[0] = not forward[0]
        _settle(window)

    window.go_next()  # count the labels on the heavier screen (ethnic group, 16 answers)
    _settle(window)
    labels = max(len(window.view.findChildren(QLabel)) if window.view else 0, 1)
    window.go_back()
    _settle(window)
    stack = _bare_stack(labels)

    def bare_change() -> None:
        stack.setCurrentIndex(1 - stack.currentIndex())
        _settle(stack)

    for _ in range(10):
        page_change()
        bare_change()
    ours, base = interleaved_ms(page_change, bare_change, 60)
    figures = [Figure("kiosk_page_change", ours, "ms",
                      f"bare QStackedWidget switch, {labels} labels", base, "<= 50 ms")]
    stack.close()

    nav.fs.go_to("smoking")
    nav.step_index = 1  # vaping: three options, no follow-up questions
    window.show_step()
    values = iter(["never", "used_to", "currently"] * 1000)
    plain = _plain_sqlite(work / "plain.db")
    counter = iter(range(10**9))

    def answer_save() -> None:
        window.on_answered("vaping", next(values))

    def plain_save() -> None:
        n = next(counter)
        plain.execute("BEGIN IMMEDIATE")
        plain.execute(
            "INSERT INTO answers VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE"
            " SET value = excluded.value, saved_at = excluded.saved_at",
            (1, "vaping", json.dumps(n), datetime.now(UTC).isoformat(), "admin"))
        plain.execute("COMMIT")

    for _ in range(20):
        answer_save()
        plain_save()
    ours, base = interleaved_ms(answer_save, plain_save, 200)
    plain.close()
    figures.append(Figure("kiosk_answer_save", ours, "ms", "plain sqlite3, same pragmas", base,
                          "<= 10 ms"))
    return figures
