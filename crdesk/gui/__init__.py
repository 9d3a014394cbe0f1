"""The Qt desktop interface: the only package that imports PySide6.

Widgets receive the services they use in ``__init__`` and only render and forward intent;
slow work (key derivation, export, check, PDFs) runs through ``operations.run_operation``.
PySide6 6.12.0 is excluded in pyproject.toml: it leaks references to None and aborts
Python 3.11 after a few thousand calls.
"""
