"""A save refused because of the values typed: one plain message per field."""

from __future__ import annotations

from crdesk.errors import ValidationError


class FieldErrors(ValidationError):
    """``problems`` maps a field name to the message shown beside that field.

    The messages never contain what was typed (a name, an NHS number), so the exception is
    safe to log like any KnownError.
    """

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("Some fields need attention; nothing was saved.",
                         "Correct the fields marked in red, then save again.")
        self.problems = problems
