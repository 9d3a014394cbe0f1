"""``crdesk gui`` with no display says what to do instead of letting Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crdesk.app import display_problem


def test_no_display_on_linux_is_a_known_error() -> None:
    problem = display_problem({}, platform="linux")
    assert problem is not None
    assert "QT_QPA_PLATFORM=offscreen" in problem.hint


@pytest.mark.parametrize("env", [{"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"},
                                 {"QT_QPA_PLATFORM": "offscreen"}])
def test_a_display_or_a_chosen_platform_is_enough(env: dict[str, str]) -> None:
    assert display_problem(env, platform="linux") is None


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_always_have_a_display(platform: str) -> None:
    assert display_problem({}, platform=platform) is None


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11/Wayland platforms only")
def test_gui_without_display_exits_with_a_clear_message(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = subprocess.run([sys.executable, "-m", "crdesk", "--basedir", str(tmp_path / "c"), "gui"],
                       capture_output=True, text=True, env=env, timeout=60, check=False)
    assert r.returncode == 1, r.stderr
    assert "QT_QPA_PLATFORM=offscreen" in r.stderr
    assert "no display" in r.stderr
    assert "qt.qpa" not in r.stderr and "Aborted" not in r.stderr
    assert not (tmp_path / "c").exists()  # nothing was created for a window that cannot open
