"""The one way the GUI does slow work: a background operation.

Anything that may take more than a blink (Argon2 at sign-in or when adding a user, an
export, a preview, a check, a PDF) runs through ``run_operation``::

    run_operation(self, lambda op: ExportService(op.session).preview(pid, op.progress),
                  session=self.session, on_done=self._show_preview,
                  on_error=self.message.show_known, on_progress=self._progress)

- ``work(op)`` runs on a worker thread and must not touch widgets. With ``session=`` it gets
  ``op.session``: the same signed-in user on a database connection of its own (SQLite
  connections are per thread), closed when the work ends.
- ``op.progress(fraction, stage)`` reaches ``on_progress`` on the GUI thread;
  ``op.cancelled()`` is True once the user (or a lock) asked to stop; work that can stop
  checks it and raises ``OperationCancelled``.
- Every failure goes down one path: a KnownError reaches ``on_error`` as it is; anything
  else is logged for the developers and reaches ``on_error`` as a plain "something went
  wrong" KnownError, so no user ever sees a traceback.
- Locking, signing out and quitting call ``cancel_all()`` and ``wait_for_all()``, so no
  operation outlives the session that started it.

Callbacks run on the GUI thread, in order: any number of ``on_progress``, then exactly one of
``on_done`` / ``on_error``, then ``on_finally``.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from crdesk.errors import KnownError
from crdesk.gui.i18n import translate

if TYPE_CHECKING:
    from crdesk.services.session import Session

log = logging.getLogger(__name__)

T = TypeVar("T")

UNEXPECTED = KnownError(
    translate("Operations", "Something went wrong inside crdesk, and nothing was changed."),
    translate("Operations",
              "Try again. If it happens again, note the time and tell your IT support; the "
              "details are in crdesk's log file."),
)


class OperationCancelled(KnownError):
    """The user (or a lock) stopped the operation; nothing was written."""

    def __init__(self, message: str = "Cancelled: nothing was changed.", hint: str = "") -> None:
        super().__init__(message, hint)


class OperationContext:
    """What the work function sees: its session, progress reporting and the cancel flag."""

    def __init__(self, relay: _Relay, cancel: threading.Event,
                 session: Session | None = None) -> None:
        self._relay = relay
        self._cancel = cancel
        self._session = session

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("this operation was started without session=")
        return self._session

    def progress(self, fraction: float, stage: str) -> None:
        _emit(self._relay.progressed, min(1.0, max(0.0, fraction)), stage)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise OperationCancelled()


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the calls back to this thread."""

    progressed = Signal(float, str)
    ended = Signal(bool, object)  # succeeded, result or KnownError


def _emit(signal: Any, *args: object) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:
        # The window that asked was closed meanwhile; nobody is waiting for the answer.
        log.info("background result dropped: its window was closed")


class Operation(QObject, Generic[T]):
    """One running (or finished) background operation. ``cancel()`` asks it to stop."""

    def __init__(self, parent: QObject, name: str,
                 on_done: Callable[[T], None],
                 on_error: Callable[[KnownError], None],
                 on_progress: Callable[[float, str], None] | None,
                 on_finally: Callable[[], None] | None) -> None:
        super().__init__(parent)
        self.name = name
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._on_finally = on_finally
        self.running = True
        self._relay.progressed.connect(self._progressed)
        self._relay.ended.connect(self._ended)

    def job(self, work: Callable[[OperationContext], Any], session: Session | None) -> QRunnable:
        """The runnable that does ``work`` and reports back to this operation."""
        return _Job(work, self._relay, self._cancel, session, self.name)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    @Slot(float, str)
    def _progressed(self, fraction: float, stage: str) -> None:
        if self.running and self._on_progress is not None:
            self._on_progress(fraction, stage)

    @Slot(bool, object)
    def _ended(self, ok: bool, value: object) -> None:
        self.running = False
        _RUNNING.discard(self)
        try:
            if ok:
                self._on_done(value)  # type: ignore[arg-type]
            else:
                assert isinstance(value, KnownError)
                self._on_error(value)
        finally:
            if self._on_finally is not None:
                self._on_finally()


class _Job(QRunnable):
    def __init__(self, work: Callable[[OperationContext], Any], relay: _Relay,
                 cancel: threading.Event, session: Session | None, name: str) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self._cancel = cancel
        self._session = session
        self._name = name

    def run(self) -> None:
        worker: Session | None = None
        try:
            if self._session is not None:
                worker = self._session.for_worker()
            result = self._work(OperationContext(self._relay, self._cancel, worker))
        except KnownError as exc:
            _emit(self._relay.ended, False, exc)
        except Exception:
            log.exception("background operation %r failed", self._name)
            _emit(self._relay.ended, False, UNEXPECTED)
        else:
            _emit(self._relay.ended, True, result)
        finally:
            if worker is not None:
                worker.close()


# Operations still running, for cancel_all(); weak so a finished one is not kept alive.
_RUNNING: weakref.WeakSet[Operation[Any]] = weakref.WeakSet()


def run_operation(parent: QObject, work: Callable[[OperationContext], T], *,
                  on_done: Callable[[T], None],
                  on_error: Callable[[KnownError], None],
                  session: Session | None = None,
                  on_progress: Callable[[float, str], None] | None = None,
                  on_finally: Callable[[], None] | None = None,
                  name: str = "") -> Operation[T]:
    """Start ``work`` on a worker thread; see the module text for the contract."""
    op: Operation[T] = Operation(parent, name or getattr(work, "__name__", "operation"),
                                 on_done, on_error, on_progress, on_finally)
    _RUNNING.add(op)
    QThreadPool.globalInstance().start(op.job(work, session))
    return op


def cancel_all() -> None:
    """Ask every running operation to stop (before a lock or sign-out)."""
    for op in list(_RUNNING):
        op.cancel()


def wait_for_all() -> None:
    """Block until running operations finish (at lock and exit, so none outlives its key)."""
    QThreadPool.globalInstance().waitForDone()
