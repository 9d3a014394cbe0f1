"""Helpers for the kiosk tests: a keyboard-only driver and the child process of the kill test."""
