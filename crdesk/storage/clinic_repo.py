"""The clinic row, clinic settings and user accounts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from crdesk.core.roles import Role
from crdesk.storage.connection import Database


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class ClinicInfo:
    database_id: str
    name: str
    ods_code: str
    is_demo: bool
    created_at: str


@dataclass(frozen=True)
class UserAccount:
    username: str
    role: Role
    display_name: str
    active: bool
    created_at: str
    password_changed_at: str | None


def create_clinic(db: Database, info: ClinicInfo) -> None:
    db.execute(
        "INSERT INTO clinic (id, database_id, name, ods_code, is_demo, created_at)"
        " VALUES (1, ?, ?, ?, ?, ?)",
        (info.database_id, info.name, info.ods_code, int(info.is_demo), info.created_at),
    )


def clinic(db: Database) -> ClinicInfo:
    r = db.execute(
        "SELECT database_id, name, ods_code, is_demo, created_at FROM clinic WHERE id = 1"
    ).fetchone()
    if r is None:
        raise LookupError("clinic row missing")
    return ClinicInfo(r[0], r[1], r[2], bool(r[3]), r[4])


def update_clinic(db: Database, name: str, ods_code: str) -> None:
    db.execute("UPDATE clinic SET name = ?, ods_code = ? WHERE id = 1", (name, ods_code))


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    v = db.scalar("SELECT value FROM clinic_settings WHERE key = ?", (key,))
    return default if v is None else str(v)


def set_setting(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO clinic_settings (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


_USER_COLS = "username, role, display_name, active, created_at, password_changed_at"


def _user(r: tuple[str, str, str, int, str, str | None]) -> UserAccount:
    return UserAccount(r[0], Role(r[1]), r[2], bool(r[3]), r[4], r[5])


def get_user(db: Database, username: str) -> UserAccount | None:
    r = db.execute(f"SELECT {_USER_COLS} FROM users WHERE username = ?", (username,)).fetchone()
    return None if r is None else _user(r)


def list_users(db: Database, *, include_inactive: bool = False) -> list[UserAccount]:
    sql = f"SELECT {_USER_COLS} FROM users"
    if not include_inactive:
        sql += " WHERE active = 1"
    return [_user(r) for r in db.query(sql + " ORDER BY username")]


def upsert_user(db: Database, username: str, role: Role, display_name: str = "") -> None:
    now = now_iso()
    db.execute(
        "INSERT INTO users (username, role, display_name, active, created_at, password_changed_at)"
        " VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (username) DO UPDATE SET"
        " role = excluded.role, display_name = excluded.display_name, active = 1,"
        " password_changed_at = excluded.password_changed_at",
        (username, role.value, display_name, now, now),
    )


def deactivate_user(db: Database, username: str) -> None:
    db.execute("UPDATE users SET active = 0 WHERE username = ?", (username,))


def touch_password(db: Database, username: str) -> None:
    db.execute("UPDATE users SET password_changed_at = ? WHERE username = ?", (now_iso(), username))


def count_active_admins(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM users WHERE active = 1 AND role = 'admin'"))


# What a restore drill compares between a backup and the live clinic (services/drill.py):
# the tables that hold the clinic's records, each by its row count only.
RECORD_TABLES = ("patients", "episodes", "responses", "answers", "goals", "export_batches",
                 "audit_log")


def record_counts(db: Database) -> dict[str, int]:
    out: dict[str, int] = {}
    for table in RECORD_TABLES:
        # table names come from the constant above, never from input
        out[table] = int(db.scalar(f"SELECT count(*) FROM {table}") or 0)
    return out
