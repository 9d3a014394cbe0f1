"""Schema 4: the deprivation lookup (postcode -> decile, per nation) and the indexes the
dashboard's episode-facts read needs."""

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
)
