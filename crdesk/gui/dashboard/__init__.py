"""The service dashboard: KPIs, SPC charts, equity and completeness, on screen."""
