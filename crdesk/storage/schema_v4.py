"""Schema 4: the deprivation lookup (postcode -> decile, per nation), the outcome values
kept ready per completed response, and the indexes the dashboard's reads need."""

STATEMENTS = (
    # Imported once by the admin from the ONS postcode directory or a postcode,decile CSV;
    # kept inside the encrypted database like every other row. Postcodes are stored in
    # upper case without spaces.
    """CREATE TABLE deprivation_lookup (
        nation TEXT NOT NULL,
        postcode TEXT NOT NULL,
        decile INTEGER NOT NULL CHECK (decile BETWEEN 1 AND 10),
        PRIMARY KEY (nation, postcode)) WITHOUT ROWID""",
    # One row per nation: where the lookup came from (a synthetic demo lookup says so).
    """CREATE TABLE deprivation_sources (
        nation TEXT PRIMARY KEY,
        source_kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        index_name TEXT NOT NULL,
        postcodes INTEGER NOT NULL,
        synthetic INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL)""",
    # The facts read finds each assessment's newest completed response by this index, and
    # the worklist its drafts and unreviewed responses by the second.
    "CREATE INDEX responses_assessment ON responses (assessment_id, status, mode)",
    "CREATE INDEX responses_status ON responses (status, mode)",
    "CREATE INDEX goals_review ON goals (status, review_date)",
    # The worklist finds open episodes through these instead of reading every episode.
    "CREATE INDEX episodes_outcome ON episodes (outcome)",
    "CREATE INDEX assessments_kind_done ON assessments (kind, done_date)",
    "CREATE INDEX assessments_kind_due ON assessments (kind, due_date)",
    # The outcome values of every completed response (three scores, four answers as their
    # stored JSON text), kept ready by outcomes_repo in each write's transaction, so the
    # dashboard never reads the answer rows.
    """CREATE TABLE response_outcomes (
        response_id INTEGER PRIMARY KEY REFERENCES responses (id),
        assessment_id INTEGER NOT NULL,
        mode TEXT NOT NULL,
        bmi REAL,
        hads_anxiety REAL,
        hads_depression REAL,
        active_minutes_week TEXT,
        active_days_week TEXT,
        active_minutes_day TEXT,
        smoking_status TEXT,
        smoking_status_verified TEXT)""",
    "CREATE INDEX response_outcomes_assessment ON response_outcomes (assessment_id)",
    # Fill it for the responses already there (a frozen copy of outcomes_repo's query as
    # it was when schema 4 shipped: migrations are never edited).
    """INSERT INTO response_outcomes (response_id, assessment_id, mode, bmi, hads_anxiety,
        hads_depression, active_minutes_week, active_days_week, active_minutes_day,
        smoking_status, smoking_status_verified)
       SELECT r.id, r.assessment_id, r.mode,
        (SELECT value FROM scores WHERE response_id = r.id AND score_id = 'bmi'),
        (SELECT value FROM scores WHERE response_id = r.id AND score_id = 'hads_anxiety'),
        (SELECT value FROM scores WHERE response_id = r.id AND score_id = 'hads_depression'),
        (SELECT value FROM answers WHERE response_id = r.id
            AND question_id = 'active_minutes_week'),
        (SELECT value FROM answers WHERE response_id = r.id AND question_id = 'active_days_week'),
        (SELECT value FROM answers WHERE response_id = r.id
            AND question_id = 'active_minutes_day'),
        (SELECT value FROM answers WHERE response_id = r.id AND question_id = 'smoking_status'),
        (SELECT value FROM answers WHERE response_id = r.id
            AND question_id = 'smoking_status_verified')
       FROM responses r WHERE r.status IN ('complete', 'reviewed')
        AND r.assessment_id IS NOT NULL""",
)
