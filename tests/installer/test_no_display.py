"""``crdesk gui`` with no display, or an X server that does not answer, says what to do
instead of letting Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crdesk.display import display_problem, x_server_answers


def _never(_display: str) -> bool:
    raise AssertionError("no X server should be tried")


def test_no_display_on_linux_is_a_known_error() -> None:
    problem = display_problem({}, platform="linux", probe=_never)
    assert problem is not None
    assert "QT_QPA_PLATFORM=offscreen" in problem.hint
    assert "DISPLAY is not set, nor WAYLAND_DISPLAY" in problem.message


@pytest.mark.parametrize("env", [{"WAYLAND_DISPLAY": "wayland-0"},
                                 {"QT_QPA_PLATFORM": "offscreen"},
                                 {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":3"},
                                 {"QT_QPA_PLATFORM": "minimal:enable_fonts"}])
def test_wayland_or_another_chosen_platform_is_qts_business(env: dict[str, str]) -> None:
    assert display_problem(env, platform="linux", probe=_never) is None


def test_an_answering_x_server_is_enough() -> None:
    assert display_problem({"DISPLAY": ":0"}, platform="linux", probe=lambda d: True) is None
    # libxcb missing: Qt cannot load xcb either, and qt-runtime-deps.sh says what to install.
    assert display_problem({"DISPLAY": ":0"}, platform="linux", probe=lambda d: None) is None


def test_an_x_server_that_does_not_answer_is_a_known_error() -> None:
    problem = display_problem({"DISPLAY": ":7", "QT_QPA_PLATFORM": "xcb"}, platform="linux",
                              probe=lambda d: False)
    assert problem is not None
    assert "DISPLAY=:7 does not answer" in problem.message
    assert "QT_QPA_PLATFORM=offscreen" in problem.hint


def test_xcb_chosen_without_display() -> None:
    problem = display_problem({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w"},
                              platform="linux", probe=_never)
    assert problem is not None and "DISPLAY is not set)" in problem.message


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_always_have_a_display(platform: str) -> None:
    assert display_problem({}, platform=platform, probe=_never) is None


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11/Wayland platforms only")
def test_the_probe_says_no_for_a_display_nobody_serves() -> None:
    assert x_server_answers(":4711") in (False, None)  # None only where libxcb is missing


def _gui(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "crdesk", "--basedir", str(tmp_path / "c"),
                           "gui"], capture_output=True, text=True, env={**base, **env},
                          timeout=60, check=False)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11/Wayland platforms only")
def test_gui_without_display_exits_with_a_clear_message(tmp_path: Path) -> None:
    r = _gui(tmp_path)
    assert r.returncode == 1, r.stderr
    assert "QT_QPA_PLATFORM=offscreen" in r.stderr
    assert "no display" in r.stderr
    assert "qt.qpa" not in r.stderr and "Aborted" not in r.stderr
    assert not (tmp_path / "c").exists()  # nothing was created for a window that cannot open


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11/Wayland platforms only")
def test_gui_with_a_dead_x_server_exits_with_a_clear_message(tmp_path: Path) -> None:
    r = _gui(tmp_path, DISPLAY=":4711")
    if x_server_answers(":4711") is None:
        pytest.skip("libxcb is not installed here")
    assert r.returncode == 1, r.stderr
    assert "DISPLAY=:4711 does not answer" in r.stderr
    assert "QT_QPA_PLATFORM=offscreen" in r.stderr
    assert "qt.qpa" not in r.stderr and "could not connect" not in r.stderr
