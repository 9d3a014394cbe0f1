"""The kiosk holds the screen on a real X server with a real window manager (openbox).

The real app (controller, sign-in, main window, patient record) hands the laptop to the
kiosk in a child process (kiosk_desktop_driver.py); this test then does what a patient or
the desktop can do: minimise it, press the desktop's shortcuts, ask the window manager to
show the desktop, Alt+Tab, close it, and finally destroy its window from another X client.
The kiosk must be back on top each time, and when its window is gone it must lock: the
sign-in screen shows, the staff session is closed, and the process is still running (never
a hidden, stuck app). ``make test`` installs Xvfb, openbox and xdotool as root.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.installer.test_real_window import _close_like_a_window_manager, _need, xvfb

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="X11 on Linux")
assert xvfb  # the fixture, used by name below
DRIVER = Path(__file__).with_name("kiosk_desktop_driver.py")
REPO = Path(__file__).resolve().parents[2]


def _x11() -> Any:
    name = ctypes.util.find_library("X11")
    assert name, "libX11 not found"
    x11 = ctypes.CDLL(name)
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XDestroyWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    return x11


def _show_desktop(display: str) -> None:
    """What a panel's "show desktop" button sends: _NET_SHOWING_DESKTOP = 1 to the root."""
    from tests.installer.test_real_window import _XEvent

    x11 = _x11()
    x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long,
                               ctypes.POINTER(_XEvent)]
    dpy = x11.XOpenDisplay(display.encode())
    assert dpy
    try:
        root = x11.XDefaultRootWindow(dpy)
        event = _XEvent()
        msg = event.xclient
        msg.type = 33  # ClientMessage
        msg.window = root
        msg.message_type = x11.XInternAtom(dpy, b"_NET_SHOWING_DESKTOP", 0)
        msg.format = 32
        msg.data[0] = 1
        event.xclient = msg
        mask = (1 << 19) | (1 << 20)  # SubstructureNotify | SubstructureRedirect
        assert x11.XSendEvent(dpy, root, 0, mask, ctypes.byref(event))
        x11.XFlush(dpy)
    finally:
        x11.XCloseDisplay(dpy)


def _destroy(display: str, window: int) -> None:
    """Another X client destroys the kiosk's window (XDestroyWindow)."""
    x11 = _x11()
    dpy = x11.XOpenDisplay(display.encode())
    assert dpy
    try:
        x11.XDestroyWindow(dpy, window)
        x11.XSync(dpy, 0)
    finally:
        x11.XCloseDisplay(dpy)


@pytest.fixture
def desktop(xvfb: str) -> Iterator[str]:
    """Xvfb with openbox running on it."""
    wm = _need("openbox", "openbox")
    _need("xdotool", "xdotool")
    env = {**os.environ, "DISPLAY": xvfb}
    proc = subprocess.Popen([wm], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # the WM has taken over once it sets this
            out = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=env,
                                 capture_output=True, text=True, check=False).stdout
            if "window id" in out:
                break
            time.sleep(0.2)
        else:
            pytest.fail("openbox did not start")
        yield xvfb
    finally:
        proc.terminate()
        proc.wait(10)


class App:
    """The driver process and its latest state."""

    def __init__(self, display: str, clinic: Path) -> None:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
               "PYTHONPATH": str(REPO)}
        self.proc = subprocess.Popen([sys.executable, str(DRIVER), str(clinic)], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[dict[str, Any]] = queue.Queue()
        self.state: dict[str, Any] = {}
        self.display = display
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("{"):
                self.lines.put(json.loads(line))

    def wait(self, what: str, ok: Callable[[dict[str, Any]], bool],
             timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"the app exited ({self.proc.returncode}) while waiting for "
                            f"{what}:\n{self.proc.stderr.read() if self.proc.stderr else ''}")
            try:
                self.state = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            if ok(self.state):
                return self.state
        pytest.fail(f"{what}: not within {timeout} s; last state {self.state}")

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": self.display},
                       check=True, capture_output=True)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()


def _holding(s: dict[str, Any]) -> bool:
    return bool(s.get("kiosk_visible") and s.get("exposed") and s.get("full_screen")
                and s.get("active") and not s.get("minimized") and not s.get("ended"))


def test_the_kiosk_holds_the_screen_and_locks_when_its_window_is_destroyed(
        desktop: str, tmp_path: Path) -> None:
    if shutil.which("xprop") is None:
        pytest.skip("xprop (x11-utils) is needed")
    app = App(desktop, tmp_path / "clinic")
    try:
        s = app.wait("the kiosk full screen", _holding, timeout=90)
        wid = str(s["wid"])
        assert not s["login_visible"] and s["session_open"]

        app.xdotool("windowminimize", wid)  # (without the hold it stays minimised)
        time.sleep(1)
        app.wait("back on top after minimising", _holding, timeout=10)

        _show_desktop(desktop)
        app.wait("back on top after 'show desktop'", _holding, timeout=10)

        for keys in ("super+d", "alt+Tab", "ctrl+alt+d"):  # the desktop's own shortcuts
            app.xdotool("key", keys)
            time.sleep(0.5)
            app.wait(f"still on top after {keys}", _holding, timeout=10)

        _close_like_a_window_manager(desktop, hex(int(wid)))  # the close box: asks staff
        time.sleep(1)
        s = app.wait("still open after a close request", _holding, timeout=10)

        _destroy(desktop, int(wid))
        s = app.wait("locked after the window was destroyed",
                     lambda s: s.get("ended") == ["lost"] and s.get("login_visible"),
                     timeout=20)
        assert not s["session_open"] and not s["main_window"]
        assert app.proc.poll() is None  # still running, at the sign-in screen
    finally:
        app.stop()
