"""Pause Python's cyclic garbage collector while tens of thousands of small objects are made.

Building 50,000 episode facts makes the collector run its full pass over a growing heap
again and again, although nothing made is garbage: measured on the 50,000-patient bench,
that doubled the dashboard's read. Reference counting still frees everything as usual;
only the search for reference cycles waits until the pause ends. Pauses nest and may come
from several threads: the collector is switched back on when the last one ends, and only
if it was on when the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
