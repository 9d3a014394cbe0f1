"""``crdesk gui`` opens its login window on a real X server (Xvfb), with Qt's xcb platform.

The rest of the suite runs Qt offscreen, which needs none of the system libraries the xcb
platform plugin loads; this test is the one that proves a fresh machine can show the window.
``make test`` installs Xvfb and x11-utils (as root) and sets CRDESK_REQUIRE_REAL_X=1, so there
a missing X server is a failure, not a skip.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib.util
import os
import re
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from crdesk.paths import BaseDir

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="X11 on Linux")

TITLE = "crdesk — sign in"


def _need(tool: str, package: str) -> str:
    found = shutil.which(tool)
    if found:
        return found
    message = (f"{tool} is not installed: this test needs a real X server. "
               f"Install it with: apt-get install -y {package} (make test does so as root)")
    if os.environ.get("CRDESK_REQUIRE_REAL_X") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def xvfb() -> Iterator[str]:
    exe = _need("Xvfb", "xvfb")
    _need("xwininfo", "x11-utils")
    read_fd, write_fd = os.pipe()
    # -displayfd: the server picks a free display number and writes it to the pipe.
    proc = subprocess.Popen([exe, "-displayfd", str(write_fd), "-screen", "0", "1366x768x24",
                             "-nolisten", "tcp", "-noreset"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    os.close(write_fd)
    try:
        ready, _, _ = select.select([read_fd], [], [], 30)
        number = os.read(read_fd, 64).decode().strip() if ready else ""
        if not number:
            proc.kill()
            pytest.fail(f"Xvfb did not start: {proc.communicate()[1].decode()}")
        yield f":{number}"
    finally:
        os.close(read_fd)
        proc.terminate()
        try:
            proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


def _crdesk_command() -> list[str]:
    script = Path(sys.executable).with_name("crdesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "crdesk"]


def _find_window(display: str, title: str, proc: subprocess.Popen[str],
                 timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"crdesk exited ({proc.returncode}) before showing its window:\n"
                        f"{proc.communicate()[1]}")
        tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                              env={**os.environ, "DISPLAY": display}, check=False).stdout
        for line in tree.splitlines():
            m = re.match(r"\s*(0x[0-9a-f]+) \"(.*?)\"", line)
            if m and m.group(2).startswith(title):  # Qt appends " — crdesk"
                return m.group(1)
        time.sleep(0.2)
    pytest.fail(f"no window titled {title!r}... appeared within {timeout} s")


def _map_state(display: str, window: str) -> str:
    info = subprocess.run(["xwininfo", "-id", window], capture_output=True, text=True,
                          env={**os.environ, "DISPLAY": display}, check=True).stdout
    m = re.search(r"Map State: (\w+)", info)
    return m.group(1) if m else ""


class _ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong),
                ("send_event", ctypes.c_int), ("display", ctypes.c_void_p),
                ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]


class _XEvent(ctypes.Union):
    _fields_ = [("xclient", _ClientMessage), ("pad", ctypes.c_long * 24)]


def _close_like_a_window_manager(display: str, window: str) -> None:
    """Send WM_DELETE_WINDOW, as a window manager does when the user clicks the close box."""
    name = ctypes.util.find_library("X11")
    assert name, "libX11 not found"
    x11 = ctypes.CDLL(name)
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long,
                               ctypes.POINTER(_XEvent)]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    dpy = x11.XOpenDisplay(display.encode())
    assert dpy, f"cannot open display {display}"
    try:
        event = _XEvent()
        msg = event.xclient
        msg.type = 33  # ClientMessage
        msg.window = int(window, 16)
        msg.message_type = x11.XInternAtom(dpy, b"WM_PROTOCOLS", 0)
        msg.format = 32
        msg.data[0] = x11.XInternAtom(dpy, b"WM_DELETE_WINDOW", 0)
        msg.data[1] = 0  # CurrentTime
        event.xclient = msg
        assert x11.XSendEvent(dpy, msg.window, 0, 0, ctypes.byref(event))
        x11.XFlush(dpy)
    finally:
        x11.XCloseDisplay(dpy)


def _not_found(path: Path) -> list[str]:
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=True).stdout
    return sorted({line.split()[0] for line in out.splitlines() if "not found" in line})


def test_platform_plugin_finds_every_library() -> None:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    qt = Path(spec.submodule_search_locations[0]) / "Qt"
    plugins = [qt / "plugins" / "platforms" / "libqxcb.so",
               *sorted((qt / "plugins" / "xcbglintegrations").glob("*.so")),
               *sorted(qt.glob("lib/libQt6XcbQpa.so*"))]
    assert plugins[0].exists()
    missing = {p.name: _not_found(p) for p in plugins if _not_found(p)}
    assert not missing, (f"not found: {missing}; "
                         "run: sh installer/linux/qt-runtime-deps.sh (as root it installs them)")


def test_login_window_is_mapped_on_a_real_x_server(xvfb: str, clinic_dir: BaseDir) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY",)}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=xvfb)
    proc = subprocess.Popen([*_crdesk_command(), "--basedir", str(clinic_dir.root), "gui"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        window = _find_window(xvfb, TITLE, proc)
        deadline = time.monotonic() + 10
        while _map_state(xvfb, window) != "IsViewable" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _map_state(xvfb, window) == "IsViewable"
        _close_like_a_window_manager(xvfb, window)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "qt.qpa.plugin" not in err and "could not" not in err.lower(), err
    assert (clinic_dir.logs / "crdesk.log").exists()
