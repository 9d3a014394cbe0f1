"""Schema 14: the episode facts of each referral month, kept ready as one value.

The dashboard's figures for a period need an ``EpisodeFacts`` for every episode referred
in it (a financial year at 50,000 patients: ~19,000). Reading them row by row from
``episode_facts`` (schema 5) cost one SQLite step, one unpack and a dozen Python look-ups
per episode, about half the dashboard's time. ``episode_fact_months`` holds, per calendar
month of referral, the facts of every episode referred in it as one marshal value
(``dashboard_months_repo``: plain tuples, strings, numbers, day numbers; format number in
``format``), read in one step per month and turned into facts in one short loop.

Derived data only (nothing typed by anyone), rebuilt from ``episode_facts`` at any time,
and kept true by the marks that keep the SPC month summaries (schema 12) true: when
``dashboard_repo.refresh_kept_facts`` works an episode out again or drops it, it deletes
the kept month the episode was referred in before and the one it is referred in now, in
the same transaction; a read works a missing month out again (and stores it) before using
it, and a change of generation drops them all. ``month`` is year * 12 + month - 1.
"""

STATEMENTS = (
    """CREATE TABLE episode_fact_months (
        month INTEGER PRIMARY KEY,
        format INTEGER NOT NULL,
        episodes INTEGER NOT NULL,
        facts BLOB NOT NULL)""",
)
