"""Developer tools run from a source checkout (never shipped: not part of the crdesk package)."""
