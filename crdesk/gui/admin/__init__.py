"""Admin screens: users and roles, clinic settings, the audit log."""
