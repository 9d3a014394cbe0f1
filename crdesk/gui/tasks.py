"""Run slow work (Argon2 key derivation, creating a database) off the GUI thread.

``run_in_background(parent, op, on_success, on_failure)`` runs ``op()`` on Qt's global
thread pool and calls back on the GUI thread. ``op`` must not touch widgets. A KnownError
reaches ``on_failure`` as it is; any other exception is logged (for the developers) and
reaches ``on_failure`` as a plain KnownError, so users never see a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from crdesk.errors import KnownError

log = logging.getLogger(__name__)

UNEXPECTED = KnownError(
    "Something went wrong inside crdesk, and nothing was changed.",
    "Try again. If it happens again, note the time and tell your IT support; "
    "the details are in crdesk's log file.",
)


class _Relay(QObject):
    """Lives on the GUI thread, one per parent widget; the worker emits ``finished`` and Qt
    queues the call back to this thread. It is reused rather than deleted after each job:
    deleting a QObject from inside its own queued slot crashes PySide6 6.12.
    """

    finished = Signal(int, bool, object)  # job id, succeeded, result or KnownError

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(_RELAY_NAME)
        self._next_id = 0
        self._callbacks: dict[int, tuple[Callable[[Any], None],
                                         Callable[[KnownError], None]]] = {}
        self.finished.connect(self._on_job_finished)

    def add(self, on_success: Callable[[Any], None],
            on_failure: Callable[[KnownError], None]) -> int:
        self._next_id += 1
        self._callbacks[self._next_id] = (on_success, on_failure)
        return self._next_id

    @Slot(int, bool, object)
    def _on_job_finished(self, job_id: int, ok: bool, value: object) -> None:
        callbacks = self._callbacks.pop(job_id, None)
        if callbacks is None:
            return
        on_success, on_failure = callbacks
        if ok:
            on_success(value)
        else:
            on_failure(value if isinstance(value, KnownError) else UNEXPECTED)


_RELAY_NAME = "crdesk_task_relay"


class _Job(QRunnable):
    def __init__(self, op: Callable[[], Any], relay: _Relay, job_id: int) -> None:
        super().__init__()
        self._op = op
        self._relay = relay
        self._job_id = job_id

    def run(self) -> None:
        try:
            result = self._op()
        except KnownError as exc:
            self._emit(False, exc)
        except Exception:
            log.exception("background task failed")
            self._emit(False, UNEXPECTED)
        else:
            self._emit(True, result)

    def _emit(self, ok: bool, value: object) -> None:
        try:
            self._relay.finished.emit(self._job_id, ok, value)
        except RuntimeError:
            # The widget that asked was closed meanwhile; nobody is waiting for the answer.
            log.info("background result dropped: its window was closed")


def run_in_background(parent: QObject, op: Callable[[], Any],
                      on_success: Callable[[Any], None],
                      on_failure: Callable[[KnownError], None]) -> None:
    relay = parent.findChild(_Relay, _RELAY_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if relay is None:
        relay = _Relay(parent)
    job_id = relay.add(on_success, on_failure)
    QThreadPool.globalInstance().start(_Job(op, relay, job_id))


def wait_for_background_work() -> None:
    """Block until running jobs finish (at exit, so no job outlives the database)."""
    QThreadPool.globalInstance().waitForDone()
