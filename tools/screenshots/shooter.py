"""What every screenshot function receives: the ``Shooter`` and the open demo clinic."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from crdesk.services.home import ClinicHome

SIZE = (1366, 768)


def wait_until(predicate: Callable[[], bool], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not get ready in time")
        QApplication.processEvents()
        time.sleep(0.01)


@dataclass
class Shooter:
    out: Path

    def save(self, widget: QWidget, name: str) -> Path:
        widget.resize(*SIZE)
        widget.show()
        for _ in range(3):
            QApplication.processEvents()
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        print(path)
        return path


@dataclass
class DemoClinic:
    home: ClinicHome
    password: str


Shot = Callable[[Shooter, DemoClinic], None]
