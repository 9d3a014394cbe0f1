"""Qt-free services: what the CLI and the GUI both call. Role checks live here."""
