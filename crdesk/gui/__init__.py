"""The Qt desktop interface: the only package that imports PySide6.

Widgets receive the services they use in ``__init__`` and only render and forward intent;
slow work (key derivation, creating the database) runs through ``tasks.run_in_background``.
"""
