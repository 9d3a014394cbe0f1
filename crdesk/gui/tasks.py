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

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from crdesk.errors import KnownError

log = logging.getLogger(__name__)

UNEXPECTED = KnownError(
    "Something went wrong inside crdesk, and nothing was changed.",
    "Try again. If it happens again, note the time and tell your IT support; "
    "the details are in crdesk's log file.",
)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call back to this thread."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject, on_success: Callable[[Any], None],
                 on_failure: Callable[[KnownError], None]) -> None:
        super().__init__(parent)
        self._on_success = on_success
        self._on_failure = on_failure
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)

    @Slot(object)
    def _deliver_success(self, result: object) -> None:
        try:
            self._on_success(result)
        finally:
            self.deleteLater()

    @Slot(object)
    def _deliver_failure(self, exc: object) -> None:
        try:
            self._on_failure(exc if isinstance(exc, KnownError) else UNEXPECTED)
        finally:
            self.deleteLater()


class _Job(QRunnable):
    def __init__(self, op: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._op = op
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._op()
        except KnownError as exc:
            self._emit(self._relay.failed, exc)
        except Exception:
            log.exception("background task failed")
            self._emit(self._relay.failed, UNEXPECTED)
        else:
            self._emit(self._relay.succeeded, result)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The widget that asked was closed meanwhile; nobody is waiting for the answer.
            log.info("background result dropped: its window was closed")


def run_in_background(parent: QObject, op: Callable[[], Any],
                      on_success: Callable[[Any], None],
                      on_failure: Callable[[KnownError], None]) -> None:
    relay = _Relay(parent, on_success, on_failure)
    QThreadPool.globalInstance().start(_Job(op, relay))


def wait_for_background_work() -> None:
    """Block until running jobs finish (at exit, so no job outlives the database)."""
    QThreadPool.globalInstance().waitForDone()
