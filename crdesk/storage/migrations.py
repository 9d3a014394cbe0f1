"""Numbered schema migrations, each applied in one transaction.

``PRAGMA user_version`` holds the schema number. Before migrating an existing database a
backup is taken (the caller supplies how), and a database from a newer crdesk is refused.
Add a migration by appending to MIGRATIONS; never edit one that has shipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from crdesk.errors import NewerDatabaseError
from crdesk.storage.connection import Database
from crdesk.storage.schema_v1 import STATEMENTS as V1
from crdesk.storage.schema_v2 import STATEMENTS as V2
from crdesk.storage.schema_v3 import STATEMENTS as V3
from crdesk.storage.schema_v4 import STATEMENTS as V4
from crdesk.storage.schema_v5 import STATEMENTS as V5
from crdesk.storage.schema_v6 import STATEMENTS as V6
from crdesk.storage.schema_v7 import STATEMENTS as V7
from crdesk.storage.schema_v8 import STATEMENTS as V8
from crdesk.storage.schema_v9 import STATEMENTS as V9
from crdesk.storage.schema_v11 import STATEMENTS as V11
from crdesk.storage.schema_v12 import STATEMENTS as V12
from crdesk.storage.schema_v14 import STATEMENTS as V14
from crdesk.storage.schema_v15 import STATEMENTS as V15
from crdesk.storage.schema_v16 import STATEMENTS as V16

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: Sequence[str]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", V1),
    Migration(2, "export ledger", V2),
    Migration(3, "provenance, score details, corrections, goals", V3),
    Migration(4, "deprivation lookup, dashboard indexes", V4),
    Migration(5, "dashboard and worklist facts kept ready", V5),
    Migration(6, "NACR opt-out state and history, kiosk consent, contact details", V6),
    Migration(7, "NACR programme fields on the episode", V7),
    Migration(8, "staff entry: method, section skips, double data entry", V8),
    Migration(9, "records management: restriction, purge, ledger without identifiers", V9),
    Migration(11, "export rows kept ready per profile", V11),
    Migration(12, "SPC monthly summaries kept ready", V12),
    Migration(14, "episode facts kept ready per referral month", V14),
    Migration(15, "export ledger items one row per batch", V15),
    Migration(16, "patient list read from one covering index", V16),
)


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return max(m.version for m in migrations)


def schema_version(db: Database) -> int:
    return int(db.scalar("PRAGMA user_version"))


def check_not_newer(db: Database, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    current = schema_version(db)
    if current > latest_version(migrations):
        raise NewerDatabaseError(
            f"This clinic database was written by a newer version of crdesk "
            f"(schema {current}; this version knows up to {latest_version(migrations)}).",
            "Install the latest crdesk to open it. The database was not changed.",
        )
    return current


def migrate(
    db: Database,
    backup: Callable[[int], None] | None = None,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> list[int]:
    """Bring ``db`` up to the latest schema; return the versions applied."""
    current = check_not_newer(db, migrations)
    pending = sorted((m for m in migrations if m.version > current), key=lambda m: m.version)
    if not pending:
        return []
    if current > 0 and backup is not None:
        backup(current)
    applied = []
    for m in pending:
        with db.transaction():
            for stmt in m.statements:
                db.execute(stmt)
            # user_version lives in the header page, so it commits (or not) with the migration.
            db.execute(f"PRAGMA user_version = {int(m.version)}")
        log.info("applied schema migration %d (%s)", m.version, m.name)
        applied.append(m.version)
    return applied
