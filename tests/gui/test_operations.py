"""The one way to do slow work: background operations keep the window alive.

Each liveness test is built so that it can only pass if the GUI thread's event loop runs
while the work is still under way, not by timing anything.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from crdesk.crypto.kdf import DEFAULT_COST
from crdesk.errors import KnownError, ValidationError
from crdesk.gui.admin.users_page import UsersPage
from crdesk.gui.operations import (
    UNEXPECTED,
    OperationCancelled,
    OperationContext,
    cancel_all,
    run_operation,
)
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.services.session import Session
from crdesk.storage import audit_repo
from tests.gui.conftest import PASSWORD


@pytest.fixture
def session(real_clinic: ClinicHome) -> Iterator[Session]:
    s = access.unlock(real_clinic, "jsmith", PASSWORD)
    yield s
    s.close()


class Outcome:
    def __init__(self) -> None:
        self.done: list[object] = []
        self.errors: list[KnownError] = []
        self.progress: list[tuple[float, str]] = []
        self.finally_calls = 0

    def kwargs(self) -> dict[str, object]:
        return {"on_done": self.done.append, "on_error": self.errors.append,
                "on_progress": lambda f, s: self.progress.append((f, s)),
                "on_finally": self._finally}

    def _finally(self) -> None:
        self.finally_calls += 1

    @property
    def ended(self) -> bool:
        return self.finally_calls > 0


def test_work_can_only_finish_if_the_event_loop_runs(qtbot: QtBot) -> None:
    parent = QObject()
    released = threading.Event()
    out = Outcome()

    def work(op: OperationContext) -> str:
        op.progress(0.5, "waiting for the GUI thread")
        # Set only by a timer on the GUI thread: a frozen window would never set it.
        assert released.wait(20), "the GUI thread's event loop did not run"
        return "finished"

    run_operation(parent, work, name="liveness", **out.kwargs())  # type: ignore[arg-type]
    QTimer.singleShot(50, released.set)
    qtbot.waitUntil(lambda: out.ended, timeout=30_000)
    assert out.done == ["finished"] and out.errors == []
    assert out.progress == [(0.5, "waiting for the GUI thread")]
    assert out.finally_calls == 1


@pytest.mark.expected_log_warning(r"^background operation 'crashing' failed$")
def test_known_errors_pass_through_and_bugs_become_a_plain_message(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    parent = QObject()
    known, bug = Outcome(), Outcome()

    def refuse(_op: OperationContext) -> None:
        raise ValidationError("That NHS number is not valid.", "Check the digits.")

    def crash(_op: OperationContext) -> None:
        raise ZeroDivisionError("a bug")

    run_operation(parent, refuse, **known.kwargs())  # type: ignore[arg-type]
    with caplog.at_level(logging.ERROR, logger="crdesk.gui.operations"):
        run_operation(parent, crash, name="crashing", **bug.kwargs())  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: known.ended and bug.ended, timeout=30_000)
    assert [e.message for e in known.errors] == ["That NHS number is not valid."]
    assert bug.errors == [UNEXPECTED] and bug.done == []
    assert "Something went wrong" in bug.errors[0].message
    assert "a bug" not in bug.errors[0].message
    assert any("crashing" in r.getMessage() and r.exc_info for r in caplog.records)


def test_cancel_reaches_the_work(qtbot: QtBot) -> None:
    parent = QObject()
    started = threading.Event()
    out = Outcome()

    def work(op: OperationContext) -> None:
        started.set()
        for _ in range(2000):
            op.raise_if_cancelled()
            threading.Event().wait(0.01)
        raise AssertionError("never cancelled")

    run_operation(parent, work, **out.kwargs())  # type: ignore[arg-type]
    assert started.wait(20)
    cancel_all()
    qtbot.waitUntil(lambda: out.ended, timeout=30_000)
    assert len(out.errors) == 1 and isinstance(out.errors[0], OperationCancelled)


def test_worker_session_has_its_own_connection_and_writes_no_sign_in(
        qtbot: QtBot, session: Session) -> None:
    parent = QObject()
    out = Outcome()
    before = audit_repo.verify(session._db).entries
    gui_thread = threading.get_ident()

    def work(op: OperationContext) -> tuple[bool, int, str]:
        return (op.session._db is not session._db, threading.get_ident(), op.session.username)

    run_operation(parent, work, session=session, **out.kwargs())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: out.ended, timeout=30_000)
    assert out.errors == []
    own_connection, thread, user = out.done[0]  # type: ignore[misc]
    assert own_connection and thread != gui_thread and user == "jsmith"
    assert audit_repo.verify(session._db).entries == before  # no login/logout rows
    assert session.is_open


def test_adding_a_user_keeps_the_window_alive(qtbot: QtBot, session: Session) -> None:
    # The real Argon2 cost (about half a second): the event loop must keep running.
    page = UsersPage(session, cost=DEFAULT_COST)
    qtbot.addWidget(page)
    d = page.add_user()
    for name, text in (("username", "amy"), ("display_name", "Amy Nurse"),
                       ("password", "a long enough password 1"),
                       ("confirm", "a long enough password 1")):
        d.grid.fields[name].setText(text)  # type: ignore[union-attr]
    ticks_while_running: list[bool] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks_while_running.append(page.running))
    timer.start()
    d.buttons.accepted.emit()
    assert page.running
    qtbot.waitUntil(lambda: not page.running, timeout=60_000)
    timer.stop()
    assert any(ticks_while_running), "no timer fired while Argon2 ran: the window froze"
    assert "amy" in {u.username for u in session.list_users()}
    assert "added" in page.message.plain_text()


def test_export_keeps_the_window_alive(qtbot: QtBot, tmp_path: Path) -> None:
    from crdesk.crypto.kdf import TEST_COST
    from crdesk.demo.clinic import make_demo
    from crdesk.gui.admin.export_page import ExportPage
    from crdesk.paths import BaseDir
    from tests.gui.conftest import DEMO_PASSWORD

    with ClinicHome.open(BaseDir(tmp_path / "demo")) as home:
        make_demo(home, patients=120, password=DEMO_PASSWORD, cost=TEST_COST)
        s = access.unlock(home, "admin", DEMO_PASSWORD)
        try:
            page = ExportPage(s)
            qtbot.addWidget(page)
            seen: list[tuple[bool, int]] = []
            original = page._progress

            def progress(fraction: float, stage: str) -> None:
                # Runs on the GUI thread, from its event loop, while the worker works.
                seen.append((page.running, page.progress.value()))
                original(fraction, stage)

            page._progress = progress  # type: ignore[method-assign]
            page.export_to(tmp_path / "batch.p7m")
            assert page.running and not page.export_button.isEnabled()
            assert page.cancel_button.isEnabled()
            qtbot.waitUntil(lambda: not page.running, timeout=120_000)
            assert "Exported" in page.message.plain_text()
            assert len(seen) >= 3 and all(running for running, _ in seen)
            assert (tmp_path / "batch.p7m").exists()
        finally:
            s.close()
