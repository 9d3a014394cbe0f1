"""Who may do what. Checked in the services, not only hidden in the GUI."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
