"""Schema 12: the SPC charts' monthly summaries, kept ready per referral month.

The dashboard's two default charts (and any other the user picks) cover 24 months, more
than twice a financial year's episodes. ``spc_month_summaries`` holds, per calendar month
of referral, what every chart's point for that month needs (core/dashboard/monthly.py
``MonthSummary``: counts and sorted day lists, JSON with its own format number),
worked out from the kept episode facts (schema 5). Derived data only: nothing typed by
anyone, rebuilt from ``episode_facts`` at any time.

Kept true by the same marks as the facts: when ``dashboard_repo.refresh_kept_facts`` works
an episode out again (or drops a deleted one) it marks the month the episode was referred
in before and the month it is referred in now in ``spc_month_stale``, in the same
transaction; a read works a marked or missing month out again before using it, and a
change of generation drops every summary. ``month`` is year * 12 + month - 1.
"""

STATEMENTS = (
    """CREATE TABLE spc_month_summaries (
        month INTEGER PRIMARY KEY,
        summary TEXT NOT NULL)""",
    "CREATE TABLE spc_month_stale (month INTEGER PRIMARY KEY)",
)
