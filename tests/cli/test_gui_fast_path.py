"""``crdesk [--basedir DIR] [gui]`` skips argparse (issue 15); everything else is parsed as
before, so the help, the version and every command keep working."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crdesk.cli import plain_gui_request
from crdesk.paths import default_basedir


@pytest.mark.parametrize(("words", "folder"), [
    ([], None),
    (["gui"], None),
    (["--basedir", "/tmp/c"], "/tmp/c"),
    (["--basedir", "/tmp/c", "gui"], "/tmp/c"),
    (["--basedir=/tmp/c", "gui"], "/tmp/c"),
])
def test_only_opening_the_gui_takes_the_fast_path(words: list[str], folder: str | None) -> None:
    found = plain_gui_request(words)
    assert found is not None
    assert found.root == (Path(folder) if folder else default_basedir())


@pytest.mark.parametrize("words", [
    ["--help"], ["-h"], ["--version"], ["--self-test"], ["check"], ["gui", "--help"],
    ["--basedir"], ["--basedir", "--help"], ["--basedir="], ["--base", "/tmp/c"],
    ["--basedir", "/tmp/c", "check"], ["gui", "extra"], ["demo"],
])
def test_everything_else_goes_to_argparse(words: list[str]) -> None:
    assert plain_gui_request(words) is None


def _crdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crdesk", *args], capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_help_version_and_a_bad_option_still_work() -> None:
    helped = _crdesk("--help")
    assert helped.returncode == 0 and "COMMAND" in helped.stdout and "init" in helped.stdout
    version = _crdesk("--version")
    assert version.returncode == 0 and version.stdout.startswith("crdesk ")
    bad = _crdesk("--basedir")
    assert bad.returncode == 2 and "expected one argument" in bad.stderr
