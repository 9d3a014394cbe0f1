"""What every screenshot function receives: the ``Shooter`` and the open demo clinic."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from crdesk.services.home import ClinicHome

SIZE = (1366, 768)

Check = Callable[[QWidget], list[str]]


def wait_until(predicate: Callable[[], bool], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not get ready in time")
        QApplication.processEvents()
        time.sleep(0.01)


@dataclass
class Shooter:
    """Saves each screen as ``out/<name>.png``; with ``check``, also runs it on the screen
    and keeps (and prints) what it found, by screen name. ``grab=False`` only checks."""

    out: Path
    check: Check | None = None
    grab: bool = True
    problems: dict[str, list[str]] = field(default_factory=dict)
    size: tuple[int, int] = SIZE  # the screen the full-window shots fill

    def save(self, widget: QWidget, name: str) -> Path:
        widget.resize(*self.size)
        return self.save_as_is(widget, name)

    def save_as_is(self, widget: QWidget, name: str) -> Path:
        """A dialog or message box, at the size it has."""
        widget.show()
        # A row that wraps (crdesk/gui/flow_layout.py) asks for its height again once it has
        # its width: a few more turns than the three that once sufficed.
        for _ in range(6):
            QApplication.processEvents()
        path = self.out / f"{name}.png"
        if self.grab:
            widget.grab().save(str(path))
            print(path)
        if self.check is not None:
            found = self.check(widget)
            if found:
                self.problems[name] = found
                for problem in found:
                    print(f"  ! {name}: {problem}")
        return path


@dataclass
class DemoClinic:
    home: ClinicHome
    password: str


Shot = Callable[[Shooter, DemoClinic], None]
