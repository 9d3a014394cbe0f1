"""Schema 3: response provenance, score details, answer corrections, goals."""

STATEMENTS = (
    # Form id/version/hash are columns already; this keeps the locale and text packs used.
    "ALTER TABLE responses ADD COLUMN provenance TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE responses ADD COLUMN reviewed_at TEXT",
    "ALTER TABLE responses ADD COLUMN reviewed_by TEXT",
    # The whole ScoreResult (missing items, prorating, scoring version), beside value/band.
    "ALTER TABLE scores ADD COLUMN detail TEXT NOT NULL DEFAULT '{}'",
    # A staff correction keeps the old and new value and the reason here, inside the
    # encrypted database; the audit row points at it without carrying any answer.
    """CREATE TABLE answer_corrections (
        id INTEGER PRIMARY KEY,
        response_id INTEGER NOT NULL REFERENCES responses (id),
        question_id TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        reason TEXT NOT NULL,
        corrected_at TEXT NOT NULL,
        corrected_by TEXT NOT NULL)""",
    "CREATE INDEX answer_corrections_response ON answer_corrections (response_id)",
    """CREATE TABLE goals (
        id INTEGER PRIMARY KEY,
        episode_id INTEGER NOT NULL REFERENCES episodes (id),
        area TEXT NOT NULL,
        goal TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '',
        review_date TEXT,
        status TEXT NOT NULL DEFAULT 'active',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL)""",
    "CREATE INDEX goals_episode ON goals (episode_id)",
    # Every review (and every edit) is kept: the goal's history.
    """CREATE TABLE goal_reviews (
        id INTEGER PRIMARY KEY,
        goal_id INTEGER NOT NULL REFERENCES goals (id),
        assessment TEXT,
        status TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        reviewed_at TEXT NOT NULL,
        reviewed_by TEXT NOT NULL)""",
    "CREATE INDEX goal_reviews_goal ON goal_reviews (goal_id)",
)
