"""Schema 5: the dashboard's and the worklist's facts, kept ready per episode.

``episode_facts`` holds one compact row per episode with exactly what the dashboard's
figures need (dates as day numbers, the outcome values of assessments 1 and 2 already
worked out, packed), and ``episode_work`` the worklist windows of each episode (when it gives an
item of which group). Both are derived data: nothing in them is typed by anyone, and both
can be rebuilt from the other tables at any time.

Triggers on every table the facts come from put the episode into ``episode_facts_stale``
in the same transaction as the change, whichever code made it; the next dashboard or
worklist read brings those episodes up to date first (dashboard_repo.refresh_kept_facts).
So no write path can forget to keep them ready, and a read never sees stale facts.
"""


def _stale(ids_sql: str) -> str:
    """Mark the episodes ``ids_sql`` selects. Not "INSERT OR IGNORE": inside a trigger the
    outer statement's conflict policy (an upsert's, say) replaces the trigger's own."""
    return (f"INSERT INTO episode_facts_stale (episode_id) SELECT x FROM ({ids_sql})"
            " WHERE x IS NOT NULL AND x NOT IN (SELECT episode_id FROM episode_facts_stale);")



def _count(row: str, sign: str) -> str:
    """Add or take one from ``row``'s (status, mode) count (no upsert: see ``_stale``)."""
    match = f"status = {row}.status AND mode = {row}.mode"
    return (f"UPDATE response_status_counts SET n = n {sign} 1 WHERE {match};"
            f" INSERT INTO response_status_counts (status, mode, n)"
            f" SELECT {row}.status, {row}.mode, {sign}1"
            f" WHERE NOT EXISTS (SELECT 1 FROM response_status_counts WHERE {match});")


STATEMENTS = (
    # ``packed``: the numbers (day numbers, age, decile, flags, ten outcome values) packed
    # by dashboard_repo (its layout is named by FACTS_FORMAT in services/dashboard.py);
    # ``codes``: the five codes joined. Reading 50,000 rows of two columns instead of
    # twenty-eight is what makes the dashboard's read cost the pages, not the values.
    """CREATE TABLE episode_facts (
        episode_id INTEGER PRIMARY KEY,
        referral INTEGER,
        packed BLOB NOT NULL,
        codes TEXT NOT NULL)""",
    "CREATE INDEX episode_facts_referral ON episode_facts (referral)",
    # One row per (episode, group) the episode can give a worklist item in. Days are day
    # numbers (date.toordinal()); an open bound is stored as 0 / 99999999 so that one
    # index range answers "open today".
    """CREATE TABLE episode_work (
        episode_id INTEGER NOT NULL,
        grp TEXT NOT NULL,
        due INTEGER,
        show_from INTEGER NOT NULL,
        show_until INTEGER NOT NULL,
        PRIMARY KEY (episode_id, grp)) WITHOUT ROWID""",
    # "Open today" is show_from <= today <= show_until. With the longest window of each
    # group known (episode_work_spans, an upper bound kept at each refresh), the rows to
    # look at are show_from BETWEEN today - span AND today: one range of this index,
    # which also holds everything a count needs.
    "CREATE INDEX episode_work_open ON episode_work (grp, show_from, show_until, due)",
    """CREATE TABLE episode_work_spans (
        grp TEXT PRIMARY KEY,
        span INTEGER NOT NULL)""",
    "CREATE TABLE episode_facts_stale (episode_id INTEGER PRIMARY KEY)",
    # What the kept rows were computed with (standards edition, nation, lookup, code
    # version): a different generation at read time rebuilds them all.
    """CREATE TABLE episode_facts_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        generation TEXT NOT NULL)""",
    f"""CREATE TRIGGER episode_facts_ep_ins AFTER INSERT ON episodes BEGIN
        {_stale('SELECT NEW.id AS x')}
END""",
    f"""CREATE TRIGGER episode_facts_ep_upd AFTER UPDATE ON episodes BEGIN
        {_stale('SELECT OLD.id AS x')} {_stale('SELECT NEW.id AS x')}
END""",
    f"""CREATE TRIGGER episode_facts_ep_del AFTER DELETE ON episodes BEGIN
        {_stale('SELECT OLD.id AS x')}
END""",
    f"""CREATE TRIGGER episode_facts_as_ins AFTER INSERT ON assessments BEGIN
        {_stale('SELECT NEW.episode_id AS x')}
END""",
    f"""CREATE TRIGGER episode_facts_as_upd AFTER UPDATE ON assessments BEGIN
        {_stale('SELECT OLD.episode_id AS x')} {_stale('SELECT NEW.episode_id AS x')}
END""",
    f"""CREATE TRIGGER episode_facts_as_del AFTER DELETE ON assessments BEGIN
        {_stale('SELECT OLD.episode_id AS x')}
END""",
    f"""CREATE TRIGGER episode_facts_pt_upd AFTER UPDATE ON patients BEGIN
        {_stale('SELECT id AS x FROM episodes WHERE patient_id IN (OLD.id, NEW.id)')}
END""",
    f"""CREATE TRIGGER episode_facts_pt_del AFTER DELETE ON patients BEGIN
        {_stale('SELECT id AS x FROM episodes WHERE patient_id = OLD.id')}
END""",
    f"""CREATE TRIGGER episode_facts_ro_ins AFTER INSERT ON response_outcomes BEGIN
        {_stale('SELECT episode_id AS x FROM assessments WHERE id = NEW.assessment_id')}
END""",
    f"""CREATE TRIGGER episode_facts_ro_upd AFTER UPDATE ON response_outcomes BEGIN
        {_stale('SELECT episode_id AS x FROM assessments'
                 ' WHERE id IN (OLD.assessment_id, NEW.assessment_id)')}
END""",
    f"""CREATE TRIGGER episode_facts_ro_del AFTER DELETE ON response_outcomes BEGIN
        {_stale('SELECT episode_id AS x FROM assessments WHERE id = OLD.assessment_id')}
END""",
    # How many responses there are of each (status, mode), kept by triggers: the worklist
    # counts drafts and unreviewed questionnaires on every refresh, and a busy clinic has
    # tens of thousands. Only a change of status or mode fires (not each answer saved).
    """CREATE TABLE response_status_counts (
        status TEXT NOT NULL,
        mode TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (status, mode)) WITHOUT ROWID""",
    f"""CREATE TRIGGER response_counts_ins AFTER INSERT ON responses BEGIN
        {_count("NEW", "+")}
END""",
    f"""CREATE TRIGGER response_counts_del AFTER DELETE ON responses BEGIN
        {_count("OLD", "-")}
END""",
    f"""CREATE TRIGGER response_counts_upd AFTER UPDATE OF status, mode ON responses BEGIN
        {_count("OLD", "-")}
        {_count("NEW", "+")}
END""",
    """INSERT INTO response_status_counts (status, mode, n)
       SELECT status, mode, count(*) FROM responses GROUP BY status, mode""",
    # Every episode already there is computed at the first read after the upgrade.
    "INSERT INTO episode_facts_stale (episode_id) SELECT id FROM episodes",
)
