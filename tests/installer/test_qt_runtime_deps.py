"""installer/linux/qt-runtime-deps.sh: finds every library Qt's xcb plugin lacks, maps it to a
Debian package, installs as root, and otherwise prints the exact command and installs nothing.

The system state is simulated with stand-ins for ``ldd``, ``id``, ``apt-get`` and ``sudo`` on
PATH, so the test neither needs nor changes the machine's packages.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[2] / "installer" / "linux" / "qt-runtime-deps.sh"

pytestmark = pytest.mark.skipif(sys.platform != "linux" or shutil.which("sh") is None,
                                reason="the Linux runtime-dependency script")


def _exe(path: Path, body: str) -> None:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def _fake_qt(tmp_path: Path) -> Path:
    qt = tmp_path / "Qt"
    for rel in ("plugins/platforms/libqxcb.so",
                "plugins/xcbglintegrations/libqxcb-egl-integration.so",
                "lib/libQt6XcbQpa.so.6"):
        (qt / rel).parent.mkdir(parents=True, exist_ok=True)
        (qt / rel).write_bytes(b"")
    return qt


def _run(tmp_path: Path, *, uid: int, missing: list[str],
         sudo: bool = True) -> tuple[subprocess.CompletedProcess[str], Path]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    state = tmp_path / "installed"
    apt_log = tmp_path / "apt.log"
    lines = "".join(f"\techo '\t{so} => not found'\n" for so in missing)
    # ldd reports the missing sonames until the fake apt-get "installs" them.
    _exe(bin_dir / "ldd", f"echo '\tlibc.so.6 => /lib/libc.so.6'\n"
                          f"if [ ! -e {state} ]; then\n{lines}fi\n")
    _exe(bin_dir / "id", f"echo {uid}\n")
    _exe(bin_dir / "apt-get", f'echo "$*" >> {apt_log}\n'
                              f'case "$1" in install) touch {state};; esac\n')
    _exe(bin_dir / "apt-cache", "exit 0\n")
    if sudo:
        _exe(bin_dir / "sudo", "exit 0\n")
    env = {**os.environ, "PATH": f"{bin_dir}:/usr/bin:/bin"}
    if not sudo:  # a PATH with no real sudo either
        env["PATH"] = f"{bin_dir}:{_tools_without_sudo(tmp_path)}"
    r = subprocess.run(["sh", str(SCRIPT), str(_fake_qt(tmp_path))], capture_output=True,
                       text=True, env=env, timeout=60, check=False)
    return r, apt_log


def _tools_without_sudo(tmp_path: Path) -> str:
    tools = tmp_path / "tools"
    tools.mkdir()
    for name in ("awk", "sort", "cat", "uniq", "sh"):
        found = shutil.which(name)
        assert found
        (tools / name).symlink_to(found)
    return str(tools)


XCB = ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_nothing_missing_is_silent_success(tmp_path: Path) -> None:
    r, apt_log = _run(tmp_path, uid=1000, missing=[])
    assert r.returncode == 0 and r.stdout == "" and r.stderr == ""
    assert not apt_log.exists()


def test_not_root_prints_the_exact_command_and_installs_nothing(tmp_path: Path) -> None:
    r, apt_log = _run(tmp_path, uid=1000, missing=XCB)
    assert r.returncode == 1
    assert "libxcb-icccm.so.4 (package libxcb-icccm4)" in r.stdout
    assert "libxcb-keysyms.so.1 (package libxcb-keysyms1)" in r.stdout
    assert "sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1\n" in r.stderr
    assert "Nothing was installed" in r.stderr
    assert not apt_log.exists()


def test_not_root_without_sudo_says_su(tmp_path: Path) -> None:
    r, apt_log = _run(tmp_path, uid=1000, missing=XCB, sudo=False)
    assert r.returncode == 1
    assert "su -c 'apt-get install -y libxcb-icccm4 libxcb-keysyms1'" in r.stderr
    assert not apt_log.exists()


def test_root_installs_what_is_missing_in_one_transaction(tmp_path: Path) -> None:
    r, apt_log = _run(tmp_path, uid=0, missing=XCB)
    assert r.returncode == 0, r.stdout + r.stderr
    calls = apt_log.read_text().splitlines()
    assert calls[0].startswith("update")
    assert calls[1] == "install -y -qq --no-install-recommends libxcb-icccm4 libxcb-keysyms1"
    assert len(calls) == 2


def test_an_unknown_library_falls_back_to_qts_documented_list(tmp_path: Path) -> None:
    r, apt_log = _run(tmp_path, uid=1000, missing=["libxcb-icccm.so.4", "libxcb-frobnicate.so.9"])
    assert r.returncode == 1
    assert "libxcb-frobnicate.so.9 (package not in crdesk's table)" in r.stdout
    command = r.stderr.splitlines()[-1]
    for pkg in ("libxcb-icccm4", "libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-xinerama0",
                "libxcb-render-util0", "libfontconfig1"):
        assert f" {pkg}" in command
    assert not apt_log.exists()


def test_qts_own_libraries_are_not_asked_of_the_system(tmp_path: Path) -> None:
    r, _ = _run(tmp_path, uid=1000, missing=["libQt6Pdf.so.6"])
    assert r.returncode == 0 and r.stdout == ""
