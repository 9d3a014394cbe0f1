"""An option of a choice question: kept apart from model.py so the question types can use it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    value: str | int
    text: str
    image: str | None = None
    code: str | None = None
    group: str | None = None
    exclusive: bool = False
