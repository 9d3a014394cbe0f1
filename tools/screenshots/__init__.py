"""Render every screen to PNG at 1366x768 (and more), offscreen, so people can look at them.

    python -m tools.screenshots OUTDIR        (``make screenshots``)

A developer tool: it lives outside the crdesk package, so it is not in the bundle, and it may
pump the Qt event loop itself. Modules import one way only::

    __main__ -> basic, export, staff, kiosk -> shooter (and kiosk -> layout_check)

The tests also use ``layout_check`` (target sizes, clipped text, accessible names).
"""
