"""Problems found in form and text-pack files, reported with file, line, place, reason and fix."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crdesk.core.forms.spec import Path
from crdesk.errors import KnownError


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    location: str
    reason: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        place = f" {self.location}:" if self.location else ""
        return f"{where}:{place} {self.reason} (fix: {self.fix})"


class FormLoadError(KnownError):
    """A form or text pack that cannot be used; ``problems`` lists everything wrong with it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        first = str(self.problems[0]) if self.problems else "unknown problem"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{first}{more}", "Run `crdesk forms check` to see every problem.")


def format_path(path: Path, data: Any) -> str:
    """``pages[2](about_you).items[0](gender).show_if``: indexes plus the id found there."""
    parts: list[str] = []
    node = data
    for step in path:
        if isinstance(step, int):
            label = f"[{step}]"
            entry = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(entry, Mapping):
                ident = entry.get("id", entry.get("value"))
                if isinstance(ident, str | int) and not isinstance(ident, bool):
                    label += f"({ident})"
            parts.append(label)
            node = entry
        else:
            parts.append(f".{step}" if parts else str(step))
            node = node.get(step) if isinstance(node, Mapping) else None
    return "".join(parts)


class ProblemSink:
    """Collects problems for one file, turning document paths into lines and readable places."""

    def __init__(self, file: str, data: Any, lines: Mapping[Path, int]) -> None:
        self.file = file
        self.data = data
        self.lines = lines
        self.problems: list[Problem] = []

    def line_of(self, path: Path) -> int | None:
        probe = tuple(path)
        while True:
            if probe in self.lines:
                return self.lines[probe]
            if not probe:
                return None
            probe = probe[:-1]

    def add(self, path: Path, reason: str, fix: str) -> None:
        self.problems.append(
            Problem(self.file, self.line_of(path), format_path(path, self.data), reason, fix)
        )
