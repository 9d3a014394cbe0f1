"""The clinic dashboard's pure-Python half: episode facts in, figures out.

Nothing here reads the database or draws anything. storage/dashboard_repo.py turns the
database into ``EpisodeFacts`` rows; services/dashboard.py picks the period and nation and
hands the facts to ``kpis``, ``spc``, ``equity``, ``completeness`` and ``worklist``; the
figures that leave the screen go through ``suppression``. Thresholds, rules and code lists
come from the versioned files in standards/ (``standards``), never from code.
"""
