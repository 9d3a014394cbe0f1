"""Can a window be opened here? Said in plain words before Qt would abort with its own.

On Windows and macOS Qt always has its native platform. On Linux and the BSDs it needs an
X server (``DISPLAY``) or a Wayland compositor (``WAYLAND_DISPLAY``), unless another platform
such as ``offscreen`` is chosen with ``QT_QPA_PLATFORM``. An X server named by ``DISPLAY`` is
tried with libxcb (the library Qt's xcb platform connects with), so a stopped server or a
refused authorisation is reported too. No Qt here: this runs before Qt is loaded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

from crdesk.errors import KnownError

HEADLESS_HINT = ("Run crdesk from a desktop session, or for headless use (tests, screenshots, "
                 "servers) set QT_QPA_PLATFORM=offscreen. The command line works without a "
                 "display.")


class NoDisplayError(KnownError):
    """No window system to open a window on (and no other Qt platform chosen)."""


def x_server_answers(display: str) -> bool | None:
    """True/False: libxcb could/could not connect to ``display``; None: libxcb is missing."""
    import ctypes  # here, not at the top: only an X display needs it (~50 ms of cold start)

    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return None  # Qt's xcb platform cannot load either; qt-runtime-deps.sh says what to do
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    conn = xcb.xcb_connect(display.encode(), None)
    try:
        return conn is not None and xcb.xcb_connection_has_error(conn) == 0
    finally:
        if conn is not None:
            xcb.xcb_disconnect(conn)  # also frees the error object xcb returns on failure


def display_problem(environ: Mapping[str, str] | None = None, platform: str = sys.platform,
                    probe: Callable[[str], bool | None] = x_server_answers,
                    ) -> NoDisplayError | None:
    """The reason no window can open here, or None when Qt should be able to open one."""
    env = os.environ if environ is None else environ
    if platform in ("win32", "darwin"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen and chosen != "xcb":
        return None  # offscreen, wayland, vnc, ...: Qt's own business
    display = env.get("DISPLAY", "")
    if not display:
        if not chosen and env.get("WAYLAND_DISPLAY"):
            return None
        return NoDisplayError(
            "There is no display to open the crdesk window on (DISPLAY is not set"
            + ("" if chosen else ", nor WAYLAND_DISPLAY") + ").", HEADLESS_HINT)
    if probe(display) is False:
        return NoDisplayError(
            f"The X server of DISPLAY={display} does not answer (it is not running, or "
            "this user may not use it).", HEADLESS_HINT)
    return None
