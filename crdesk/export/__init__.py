"""Batch export for NACR: profiles, preflight, package, ledger and the receiver's verify."""
