"""Each episode's export row, kept ready per profile (schema 11), and the one query the
export streams from.

The rows are derived: they are written only by ``refresh`` (its own transaction, never
audited: nothing a person typed changes) and read by the preview and the export. Which
episodes need building again is kept by the schema's triggers (``export_rows_stale``),
by each profile's generation (``export_rows_meta``) and by each row's date window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from crdesk.storage.connection import Database

REFRESH_BATCH = 500  # episodes built per round: bounds the memory a full rebuild takes


@dataclass(frozen=True)
class KeptRow:
    """One row as stored (the columns of ``export_rows``, less the profile)."""

    episode_id: int
    patient_id: int
    ready: bool
    opted_out: bool
    line: str
    record_type_at: int
    row_values: str
    row_hash: str
    errors: str
    warnings: str
    forms: str
    valid_from: int
    valid_until: int


_ROW_COLS = ("episode_id, patient_id, ready, opted_out, line, record_type_at, row_hash,"
             " errors, warnings, forms, valid_from, valid_until")

# Built rows for a batch of episode ids, per profile id: {profile: [KeptRow, ...]}.
Builder = Callable[[Sequence[int], Mapping[str, set[int]]], Mapping[str, list[KeptRow]]]


def generations(db: Database) -> dict[str, str]:
    return {str(p): str(g) for p, g in db.query(
        "SELECT profile, generation FROM export_rows_meta")}


def _ids(db: Database, sql: str, params: tuple[object, ...] = ()) -> set[int]:
    return {int(r[0]) for r in db.query(sql, params)}


def needs_refresh(db: Database, wanted: Mapping[str, str], today: int) -> bool:
    """Whether ``refresh`` has anything to do (cheap: the stale table, the meta table and
    one range of the date-window index per profile)."""
    if generations(db) != dict(wanted):
        return True
    if db.scalar("SELECT 1 FROM export_rows_stale LIMIT 1"):
        return True
    return any(_outside(db, p, today, limit=True) for p in wanted)


def _outside(db: Database, profile: str, today: int, *, limit: bool = False) -> set[int]:
    """Rows whose date window does not hold ``today``: two index ranges (an OR of the two
    would read the whole index)."""
    out: set[int] = set()
    for col, op in (("valid_until", "<="), ("valid_from", ">")):
        out |= _ids(db, f"SELECT episode_id FROM export_rows WHERE profile = ? AND {col} {op} ?"
                        + (" LIMIT 1" if limit else ""), (profile, today))
        if limit and out:
            break
    return out


# A profile's generation while a full rebuild of it is under way (its rows dropped, some
# built again): stored as this prefix + the generation being built, so that a rebuild
# stopped part way (cancelled, crdesk closed) carries on from where it stopped.
PARTIAL = "partial:"

# Called after each round is committed with (episodes done, episodes to do); may raise to
# stop (what is committed stays: the next refresh carries on).
Step = Callable[[int, int], None]


def _missing(db: Database, profile: str) -> set[int]:
    """Episodes without a row of ``profile`` (what a rebuild part way still has to build)."""
    return _ids(db, "SELECT id FROM episodes WHERE id NOT IN"
                    " (SELECT episode_id FROM export_rows WHERE profile = ?)", (profile,))


def _start(db: Database, wanted: Mapping[str, str]) -> set[str]:
    """In one transaction: drop the rows of profiles no longer wanted, and start a full
    rebuild of each profile whose generation changed (its rows dropped, marked partial);
    return the profiles being rebuilt whole (started now or earlier)."""
    whole = set()
    with db.transaction():
        stored = generations(db)
        for p in set(stored) - set(wanted):
            db.execute("DELETE FROM export_rows WHERE profile = ?", (p,))
            db.execute("DELETE FROM export_row_values WHERE profile = ?", (p,))
            db.execute("DELETE FROM export_rows_meta WHERE profile = ?", (p,))
        for p, gen in wanted.items():
            if stored.get(p) == gen:
                continue
            whole.add(p)
            if stored.get(p) == PARTIAL + gen:
                continue  # a rebuild of this very generation stopped part way: carry on
            db.execute("DELETE FROM export_rows WHERE profile = ?", (p,))
            db.execute("DELETE FROM export_row_values WHERE profile = ?", (p,))
            db.execute("INSERT INTO export_rows_meta (profile, generation) VALUES (?, ?)"
                       " ON CONFLICT (profile) DO UPDATE SET generation = excluded.generation",
                       (p, PARTIAL + gen))
    return whole


def refresh(db: Database, wanted: Mapping[str, str], today: int, build: Builder,
            step: Step | None = None) -> int:
    """Bring every profile's rows up to date; return how many episodes were built again.

    ``wanted`` maps each profile id to its generation. A profile whose stored generation
    differs (or that has none) is built again whole; rows of profiles not in ``wanted`` are
    dropped. Otherwise only the episodes marked stale and the rows whose date window does
    not hold ``today`` are built.

    Each round of ``REFRESH_BATCH`` episodes is read, built and written in a transaction of
    its own (a full rebuild of a large clinic takes minutes: it must not hold the write
    lock throughout, and what is done is kept if it stops). A change made by anyone while
    it runs marks its episode stale in the change's own transaction, as always: a round
    reads the episode after the mark and clears it, or the mark waits for the next
    refresh. A rebuilt profile gets its generation only once no episode lacks its row."""
    if not needs_refresh(db, wanted, today):
        return 0
    whole = _start(db, wanted)
    stale = _ids(db, "SELECT episode_id FROM export_rows_stale")
    need = {p: (_missing(db, p) if p in whole else _outside(db, p, today)) | stale
            for p in wanted}
    todo = sorted(set().union(*need.values())) if need else sorted(stale)
    done = 0
    for start in range(0, len(todo), REFRESH_BATCH):
        batch = todo[start:start + REFRESH_BATCH]
        with db.transaction():
            _write(db, batch, need, build)
        done += len(batch)
        if step is not None:
            step(done, len(todo))
    with db.transaction():
        if not wanted:
            db.execute("DELETE FROM export_rows_stale")  # no profile reads them
        for p in whole:
            if not _missing(db, p):
                db.execute("UPDATE export_rows_meta SET generation = ? WHERE profile = ?",
                           (wanted[p], p))
    return done


def _write(db: Database, batch: list[int], need: Mapping[str, set[int]],
           build: Builder) -> None:
    """One round: build ``batch`` and replace its rows (inside the caller's transaction)."""
    marks = ", ".join("?" for _ in batch)
    built = build(batch, {p: ids & set(batch) for p, ids in need.items()})
    for p, ids in need.items():
        chosen = tuple(i for i in batch if i in ids)
        if not chosen:
            continue
        # Episodes deleted since lose their rows; the others are replaced whole.
        for table in ("export_rows", "export_row_values"):
            db.execute(f"DELETE FROM {table} WHERE profile = ? AND episode_id IN"
                       f" ({', '.join('?' for _ in chosen)})", (p, *chosen))
        new = built.get(p, [])
        db.executemany(
            f"INSERT INTO export_rows (profile, {_ROW_COLS}) VALUES"
            f" (?, {', '.join('?' for _ in range(12))})",
            ((p, r.episode_id, r.patient_id, int(r.ready), int(r.opted_out), r.line,
              r.record_type_at, r.row_hash, r.errors, r.warnings, r.forms,
              r.valid_from, r.valid_until) for r in new))
        db.executemany("INSERT INTO export_row_values (profile, episode_id, row_values)"
                       " VALUES (?, ?, ?)", ((p, r.episode_id, r.row_values) for r in new))
    db.execute(f"DELETE FROM export_rows_stale WHERE episode_id IN ({marks})", tuple(batch))


def rows(db: Database, profile: str) -> Iterator[KeptRow]:
    """Every kept row of ``profile`` with its values, by episode id."""
    cols = ", ".join(f"r.{c.strip()}" for c in _ROW_COLS.split(","))
    for r in db.execute(f"SELECT {cols}, v.row_values FROM export_rows r"
                        " JOIN export_row_values v ON v.profile = r.profile"
                        " AND v.episode_id = r.episode_id WHERE r.profile = ?"
                        " ORDER BY r.profile, r.episode_id", (profile,)):
        yield KeptRow(int(r[0]), int(r[1]), bool(r[2]), bool(r[3]), r[4], r[5], r[12], *r[6:12])


def not_ready(db: Database, profile: str) -> Iterator[tuple[int, bool]]:
    """(patient id, opted out) of every row not ready: one range of an index, no lines."""
    for pid, opted in db.execute(
            "SELECT patient_id, opted_out FROM export_rows INDEXED BY export_rows_ready"
            " WHERE profile = ? AND ready = 0", (profile,)):
        yield int(pid), bool(opted)


def ready(db: Database, profile: str) -> Iterator[tuple[int, int, str, int, str, str]]:
    """(episode, patient, line, record-type offset, hash, forms) of every ready row, by
    episode, streamed from one range of the primary key (the export compares each hash with
    ``ledger_repo.last_hashes``, a dict: a join against the ledger's items view would scan
    them once per row)."""
    yield from db.execute(
        "SELECT episode_id, patient_id, line, record_type_at, row_hash, forms FROM export_rows"
        " WHERE profile = ? AND ready = 1 ORDER BY profile, episode_id", (profile,))
