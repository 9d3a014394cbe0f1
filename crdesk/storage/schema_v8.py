"""Schema 8: staff entry of a patient questionnaire (telephone, video, paper typed in, in
person), sections skipped for a licence, and double data entry of paper questionnaires.

``responses.mode`` stays ``patient`` (kiosk) or ``staff``; how a staff-entered response was
obtained lives beside it here, so every older reader of ``responses`` keeps working. The
second entry of a paper questionnaire is kept apart from ``answers`` (it is a check, not the
response): only the values chosen when the two entries differ reach ``answers``.
"""

STATEMENTS = (
    """CREATE TABLE response_entry (
        response_id INTEGER PRIMARY KEY REFERENCES responses (id),
        method TEXT NOT NULL
            CHECK (method IN ('telephone', 'video', 'paper', 'in_person')),
        answered_on TEXT NOT NULL,
        entered_by TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        double_entry INTEGER NOT NULL DEFAULT 0,
        stage TEXT NOT NULL DEFAULT 'first'
            CHECK (stage IN ('first', 'awaiting_second', 'second', 'resolving', 'done')),
        first_done_at TEXT,
        second_by TEXT,
        second_started_at TEXT,
        second_page TEXT,
        second_done_at TEXT)""",
    """CREATE TABLE second_entry_answers (
        response_id INTEGER NOT NULL REFERENCES responses (id),
        question_id TEXT NOT NULL,
        value TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        PRIMARY KEY (response_id, question_id)) WITHOUT ROWID""",
    # One row per question where the two entries differed: both values as entered and,
    # once resolved, the value kept and who chose it.
    """CREATE TABLE entry_differences (
        response_id INTEGER NOT NULL REFERENCES responses (id),
        question_id TEXT NOT NULL,
        first_value TEXT,
        second_value TEXT,
        chosen TEXT CHECK (chosen IN ('first', 'second')),
        resolved_by TEXT,
        resolved_at TEXT,
        PRIMARY KEY (response_id, question_id)) WITHOUT ROWID""",
    # A section not administered (a licence that forbids interview, or a placeholder text
    # pack), with the reason staff gave.
    """CREATE TABLE section_skips (
        response_id INTEGER NOT NULL REFERENCES responses (id),
        section_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        skipped_by TEXT NOT NULL,
        skipped_at TEXT NOT NULL,
        PRIMARY KEY (response_id, section_id)) WITHOUT ROWID""",
)
