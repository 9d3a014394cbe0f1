"""Schema 11: each episode's export row, kept ready per export profile (issue 15).

``export_rows`` holds, per (profile, episode), the row exactly as the export writes it: the
CSV line (neutralised, delimited), where in it the record-type cell goes, the row hash the
ledger compares, the preflight errors and warnings, the form versions behind it (the values,
for the preview, are in ``export_row_values``), and the days between which its date checks
stay as they were (``valid_from`` <= today < ``valid_until``, day numbers): a row checked
"in the future" today changes the day that date arrives. All derived: nothing in it is
typed by anyone, and every row can be rebuilt from the other tables at any time.

Triggers on every table a row is built from put the episode into ``export_rows_stale`` in
the same transaction as the change, whichever code made it (the pattern of schema 5's
kept dashboard facts); preview and export rebuild the marked episodes first
(services/export.py ``refresh_rows``), so neither ever reads a stale row. Answers and
scores mark only when their response is finished (complete or reviewed): a draft is not
exported, and a kiosk answer save stays two b-tree pages plus one primary-key lookup.
"""

from collections.abc import Callable


def _stale(ids_sql: str) -> str:
    """Mark the episodes ``ids_sql`` selects. Not "INSERT OR IGNORE": inside a trigger the
    outer statement's conflict policy (an upsert's, say) replaces the trigger's own."""
    return (f"INSERT INTO export_rows_stale (episode_id) SELECT x FROM ({ids_sql})"
            " WHERE x IS NOT NULL AND x NOT IN (SELECT episode_id FROM export_rows_stale);")


def _of_response(row: str) -> str:
    return f"SELECT episode_id AS x FROM assessments WHERE id = {row}.assessment_id"


def _of_finished(row: str) -> str:
    """The episode of ``row``'s response, if that response is finished."""
    return ("SELECT a.episode_id AS x FROM responses r JOIN assessments a"
            f" ON a.id = r.assessment_id WHERE r.id = {row}.response_id"
            " AND r.status IN ('complete', 'reviewed')")


_FINISHED = ("(SELECT status FROM responses WHERE id = {row}.response_id)"
             " IN ('complete', 'reviewed')")


def _on(table: str, name: str, ins: str | None, upd: str | None, dele: str | None,
        when: str = "") -> list[str]:
    out = []
    for event, body, row in (("INSERT", ins, "NEW"), ("UPDATE", upd, None),
                             ("DELETE", dele, "OLD")):
        if body is None:
            continue
        cond = ""
        if when:
            cond = (" WHEN " + (when.format(row=row) if row else
                                f"({when.format(row='OLD')}) OR ({when.format(row='NEW')})"))
        out.append(f"CREATE TRIGGER export_rows_{name}_{event.lower()[:3]} AFTER {event} ON"
                   f" {table}{cond} BEGIN {body} END")
    return out


def _both(mark: Callable[[str], str]) -> str:
    return mark("OLD") + " " + mark("NEW")


def _EP(r: str) -> str:
    return _stale(f"SELECT {r}.id AS x")


def _AS(r: str) -> str:
    return _stale(f"SELECT {r}.episode_id AS x")


def _PT(r: str) -> str:
    return _stale(f"SELECT id AS x FROM episodes WHERE patient_id = {r}.id")


def _RS(r: str) -> str:
    return _stale(_of_response(r))


def _CH(r: str) -> str:
    return _stale(_of_finished(r))

STATEMENTS: tuple[str, ...] = (
    # A rowid table, not WITHOUT ROWID: a row (line and values, a few kilobytes) fits on
    # its page, where a WITHOUT ROWID b-tree would spill every row to overflow pages. The
    # columns the export streams come first, the preview's after them: SQLite stops
    # reading a record at the last column a query asks for.
    """CREATE TABLE export_rows (
        id INTEGER PRIMARY KEY,
        profile TEXT NOT NULL,
        episode_id INTEGER NOT NULL,
        patient_id INTEGER NOT NULL,
        ready INTEGER NOT NULL,
        opted_out INTEGER NOT NULL,
        record_type_at INTEGER NOT NULL,
        row_hash TEXT NOT NULL,
        forms TEXT NOT NULL,
        line TEXT NOT NULL,
        valid_from INTEGER NOT NULL,
        valid_until INTEGER NOT NULL,
        errors TEXT NOT NULL,
        warnings TEXT NOT NULL,
        UNIQUE (profile, episode_id))""",
    # Each row's values (JSON, column order), for the preview only: a table of its own so
    # that the pages the export streams hold lines, not their values a second time.
    """CREATE TABLE export_row_values (
        id INTEGER PRIMARY KEY,
        profile TEXT NOT NULL,
        episode_id INTEGER NOT NULL,
        row_values TEXT NOT NULL,
        UNIQUE (profile, episode_id))""",
    # The rows whose date checks change by ``today``, found without reading the lines.
    "CREATE INDEX export_rows_until ON export_rows (profile, valid_until)",
    "CREATE INDEX export_rows_from ON export_rows (profile, valid_from)",
    # The preview's and export's counts (ready, incomplete, held back) without the lines.
    "CREATE INDEX export_rows_ready ON export_rows (profile, ready, opted_out, patient_id)",
    "CREATE TABLE export_rows_stale (episode_id INTEGER PRIMARY KEY)",
    # What each profile's rows were built with (profile definition and codes, current form
    # versions, pseudonym key fingerprint, code's row format): a different generation at
    # read time rebuilds all of that profile's rows.
    """CREATE TABLE export_rows_meta (
        profile TEXT PRIMARY KEY,
        generation TEXT NOT NULL)""",
    # Some of these mark nothing another mark (or the purge, which deletes the patient's
    # rows and marks itself) does not already cover, for every change crdesk makes: the
    # deletes (only the purge deletes), a staff entry's insert and update, a score's
    # update (scores are deleted and inserted). Kept as defence in depth, for a write made
    # outside crdesk's code or a path added later; tests/export/test_triggers_needed.py
    # says why for each (NEVER_ALONE) and shows every other one is needed.
    *_on("episodes", "ep", _EP("NEW"), _both(_EP), _EP("OLD")),
    *_on("assessments", "as", _AS("NEW"), _both(_AS), _AS("OLD")),
    *_on("patients", "pt", None, _both(_PT), _PT("OLD")),
    # A response's status, form version, mode or assessment changing (finished, reviewed,
    # moved); its insert (imported finished) and delete. Not ``updated_at`` or the page.
    *_on("responses", "rs", _RS("NEW"), None, _RS("OLD")),
    f"""CREATE TRIGGER export_rows_rs_upd AFTER UPDATE OF status, assessment_id, mode, form_id,
        form_version ON responses BEGIN {_both(_RS)} END""",
    *_on("answers", "an", _CH("NEW"), _both(_CH), _CH("OLD"), when=_FINISHED),
    *_on("scores", "sc", _CH("NEW"), _both(_CH), _CH("OLD"), when=_FINISHED),
    *_on("response_entry", "re", _CH("NEW"), _both(_CH), _CH("OLD")),
    # Every episode already there is built at the first preview or export after the upgrade.
    "INSERT INTO export_rows_stale (episode_id) SELECT id FROM episodes",
)
